"""The shape of a flow: sections of questions, triage criteria and traits.

Plain frozen dataclasses, so that loading the shipped flow, the screens and the
exports never import pydantic (it costs a leader ~120 ms and 20 MB at every
start). pydantic validates these same classes when a flow file comes from
outside (``flows.validation``): the ``Rule`` markers and ``__pydantic_config__``
below are read only then. Field names are English (the program's vocabulary);
everything a leader reads is Danish data in the flow file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, cast

from flows.conditions import UNKNOWN, Condition


class Rule:
    """A constraint pydantic adds to a field's schema when it validates a flow file.

    Written as pydantic's schema hook so that this module need not import pydantic;
    the keywords are pydantic-core's (``pattern``, ``min_length``, ``ge``, ...).
    """

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.constraints)
        return schema


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Rule(pattern=ID_PATTERN)]
Text = Annotated[str, Rule(strip_whitespace=True, min_length=1)]
Version = Annotated[str, Rule(pattern=r"^\d+(\.\d+)*$")]
NotEmpty = Rule(min_length=1)

# Names the engine binds for conditions after the triage section.
PATH_NAME = "vej"
TRAITS_NAME = "traek"

UNKNOWN_LABEL = "Ved ikke"

# Unknown keys in a flow file are mistakes (a misspelt field would otherwise be ignored).
_STRICT_KEYS = {"extra": "forbid"}
# The [[migrations]] tables are written with hyphens (from-version), like the answers file's keys.
_HYPHENATED_KEYS = {"extra": "forbid", "alias_generator": lambda name: name.replace("_", "-")}
OptionOrNothing = Annotated[str, Rule(pattern=r"^$|" + ID_PATTERN[1:])]


class Kind(StrEnum):
    SINGLE = "enkeltvalg"
    SCALE = "skala"
    YES_NO = "ja-nej"
    MULTI = "flervalg"
    TEXT = "fritekst"


class Verdict(StrEnum):
    SIMPLE = "simpelt-redskab"
    CHANGE = "forandring-af-kerneopgaven"
    UNRESOLVED = "uafklaret"

    @property
    def opposite(self) -> Verdict:
        """The other of the two verdicts (an unresolved verdict's "other" is a change)."""
        return Verdict.SIMPLE if self is Verdict.CHANGE else Verdict.CHANGE


class Dimension(StrEnum):
    """What a criterion weighs: the verdict (does the core task change?) or how demanding the process is."""

    CORE_TASK = "kerneopgave"
    COMPLEXITY = "kompleksitet"


class Complexity(StrEnum):
    LOW = "lav"
    MEDIUM = "middel"
    HIGH = "hoej"


# The words a leader reads for the verdicts and the levels of complexity. A flow
# says them in its [triage] table (labels = {...}); these are used only for a key
# a flow leaves out, e.g. an organisation's flow written before version 2.0.
DEFAULT_LABELS = {
    Verdict.SIMPLE.value: "simpelt redskab",
    Verdict.CHANGE.value: "forandring af kerneopgaven",
    Verdict.UNRESOLVED.value: "uafklaret",
    Complexity.LOW.value: "lav",
    Complexity.MEDIUM.value: "middel",
    Complexity.HIGH.value: "høj",
}
# The same for the rule sentences a flow written before version 2.0 of the default flow does not have.
DEFAULT_CHANGE_REASON = "Svarene giver {score} point, mindst grænsen på {threshold}."
DEFAULT_UNDECIDED_REASON = (
    "Svarene giver indtil nu {score} point, og grænsen er {threshold}. Nogle svar mangler eller er "
    '"ved ikke", og de kan vende buddet.'
)


class BasicQuestion(StrEnum):
    """The four basic questions of the source publication (Fremfærd, forord)."""

    CORE_TASK = "kerneopgave"
    TASK_SOLVING = "opgaveloesning"
    COMPETENCES = "kompetenceudvikling"
    INVOLVEMENT = "inddragelse"


@dataclass(frozen=True, kw_only=True)
class Option:
    __pydantic_config__ = _STRICT_KEYS

    id: Id
    label: Text
    # Several-choice only: this option is picked alone ("Ingen af dem"); picking it clears
    # the others, and a file that combines it with others is refused.
    exclusive: bool = False


YES_NO_OPTIONS = (Option(id="ja", label="Ja"), Option(id="nej", label="Nej"))


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    __pydantic_config__ = _STRICT_KEYS

    source: Id
    section: Text
    # A question of our own: grounded in the section, but the source does not ask it.
    own: bool = False

    @property
    def own_note(self) -> str:
        """What follows the section wherever a citation is shown: says so for a question of our own."""
        return " (eget spørgsmål med udgangspunkt i afsnittet)" if self.own else ""


@dataclass(frozen=True, kw_only=True)
class Source:
    __pydantic_config__ = _STRICT_KEYS

    id: Id
    title: Text
    publisher: Text
    year: int | None = None
    url: str | None = None
    # The publication's own order of the sections questions cite (its table of contents):
    # the note lists cited sections in this order. A cited section not listed comes after.
    contents: tuple[Text, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Question:
    __pydantic_config__ = _STRICT_KEYS

    id: Id
    text: Text
    kind: Kind
    help: Text
    source: SourceRef
    options: tuple[Option, ...] = ()
    allow_unknown: bool = False
    relevant_when: str | None = None
    involve: str | None = None
    basic_question: BasicQuestion | None = None
    # A question asked for the meeting itself ("what will you raise at the meeting?"):
    # its answer goes on the note's agenda, not only in the appendix.
    meeting: bool = False

    # Not a field (no annotation): parsed from ``relevant_when`` by ``flows.linking``.
    _condition = None

    @property
    def condition(self) -> Condition | None:
        return self._condition

    @cached_property
    def choices(self) -> tuple[Option, ...]:
        """The options a leader can pick, including "ved ikke" where allowed."""
        options = YES_NO_OPTIONS if self.kind is Kind.YES_NO and not self.options else self.options
        if self.allow_unknown and self.kind is not Kind.TEXT:
            return (*options, Option(id=UNKNOWN, label=UNKNOWN_LABEL))
        return options

    @cached_property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.choices)

    @cached_property
    def labels(self) -> dict[str, str]:
        """Option id → label, "Ved ikke" included where allowed."""
        return {option.id: option.label for option in self.choices}

    @cached_property
    def positions(self) -> dict[str, int]:
        """Option id → its place in the flow's order (to list several choices in that order)."""
        return {option.id: index for index, option in enumerate(self.choices)}

    @cached_property
    def exclusive_ids(self) -> frozenset[str]:
        """Options of a several-choice question that stand alone; "ved ikke" always does."""
        if self.kind is not Kind.MULTI:
            return frozenset()
        return frozenset(option.id for option in self.choices if option.exclusive or option.id == UNKNOWN)

    def label_of(self, option_id: str) -> str:
        return self.labels.get(option_id, option_id)

    @property
    def is_choice(self) -> bool:
        return self.kind is not Kind.TEXT


@dataclass(frozen=True, kw_only=True)
class Section:
    __pydantic_config__ = _STRICT_KEYS

    id: Id
    title: Text
    intro: str = ""
    basic_question: BasicQuestion | None = None
    trait: Id | None = None
    relevant_when: str | None = None
    questions: Annotated[tuple[Question, ...], NotEmpty]

    # Not a field (no annotation): parsed from ``relevant_when`` by ``flows.linking``.
    _condition = None

    @property
    def condition(self) -> Condition | None:
        return self._condition


@dataclass(frozen=True, kw_only=True)
class Criterion:
    __pydantic_config__ = _STRICT_KEYS

    id: Id
    title: Text
    when: Text
    points: int
    explanation: Text
    traits: tuple[Id, ...] = ()
    dimension: Dimension = Dimension.CORE_TASK

    # Not a field (no annotation): parsed from ``when`` by ``flows.linking``.
    _condition = None

    @property
    def condition(self) -> Condition:
        assert self._condition is not None, "flow not linked (flows.linking)"
        return self._condition


@dataclass(frozen=True, kw_only=True)
class Trait:
    __pydantic_config__ = _STRICT_KEYS

    id: Id
    title: Text
    description: Text
    source: SourceRef


@dataclass(frozen=True, kw_only=True)
class FirstImpression:
    """A triage question that asks the leader for the conclusion itself ("glides it in without trouble?").

    Shown beside the verdict, and named when it disagrees; it weighs nothing.
    """

    __pydantic_config__ = _STRICT_KEYS

    question: Id
    simple: Id  # the option that means "a simple tool"
    change: Id  # the option that means "a change of the core task"


@dataclass(frozen=True, kw_only=True)
class TriageRules:
    __pydantic_config__ = _STRICT_KEYS

    section: Id
    threshold: int  # score at or above which the verdict is a change
    min_answered: Annotated[int, Rule(ge=1)]
    # The verdict's rule in words; {score}, {threshold}, {answered} and {needed} are filled in.
    simple_reason: Text
    unresolved_reason: Text  # fewer than min_answered triage answers
    change_reason: str = ""
    undecided_reason: str = ""  # enough answers, but an open or "ved ikke" answer could flip the verdict
    first_impression: FirstImpression | None = None
    # Complexity points from which the level is "middel" and "hoej" (criteria with dimension = "kompleksitet").
    complexity_medium: int = 4
    complexity_high: int = 7
    labels: dict[Id, Text] = field(default_factory=dict)  # verdict and complexity ids -> words
    complexity_advice: dict[Id, Text] = field(default_factory=dict)  # complexity id -> how to run the process

    def label(self, key: str) -> str:
        """The flow's word for a verdict or a complexity level (``Verdict.SIMPLE.value``, "hoej", ...)."""
        return self.labels.get(key) or DEFAULT_LABELS.get(key, key)


@dataclass(frozen=True, kw_only=True)
class Migration:
    """How to read answers written under an older version of the flow (``from-version``).

    Several entries may share a ``from-version`` (they are read together); versions
    chain, so a file two versions old goes through each step (``flows.migrations``).
    """

    __pydantic_config__ = _HYPHENATED_KEYS

    from_version: Version
    renamed_questions: dict[Id, Id] = field(default_factory=dict)  # old id -> new id
    removed_questions: tuple[Id, ...] = ()  # answers kept under [tidligere-svar]
    added_questions: tuple[Id, ...] = ()  # counted in the message "N spørgsmål er nye"
    options: dict[Id, dict[Id, OptionOrNothing]] = field(default_factory=dict)  # (new) question id -> old -> new/""


@dataclass(frozen=True, kw_only=True)
class Length:
    """How long the flow is, told before the leader starts (``flows.length``): the most
    questions a simple tool and a change of the core task can show, and the minutes they take.
    The tests measure both with the engine, so the figures cannot drift from the flow."""

    __pydantic_config__ = _STRICT_KEYS

    simple_questions: Annotated[int, Rule(ge=1)]
    simple_minutes: Annotated[int, Rule(ge=1)]
    change_questions: Annotated[int, Rule(ge=1)]
    change_minutes: Annotated[int, Rule(ge=1)]


@dataclass(frozen=True, kw_only=True)
class Flow:
    __pydantic_config__ = _STRICT_KEYS

    id: Id
    version: Version
    title: Text
    description: str = ""
    sources: Annotated[tuple[Source, ...], NotEmpty]
    traits: tuple[Trait, ...] = ()
    triage: TriageRules
    criteria: Annotated[tuple[Criterion, ...], NotEmpty]
    sections: Annotated[tuple[Section, ...], NotEmpty]
    migrations: tuple[Migration, ...] = ()
    length: Length | None = None

    # Not fields (no annotation): indexes set by ``flows.linking`` once the flow is
    # checked, read by the engine on every key press; and the plan, built on first use.
    _questions = None  # type: dict[str, Question] | None
    _section_of = None  # type: dict[str, Section] | None
    _plan = None  # flows.plan.Plan

    @property
    def questions(self) -> dict[str, Question]:
        return cast("dict[str, Question]", self._questions)  # set by flows.linking before any use

    def section_of(self, question_id: str) -> Section:
        return cast("dict[str, Section]", self._section_of)[question_id]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def trait(self, trait_id: str) -> Trait:
        for trait in self.traits:
            if trait.id == trait_id:
                return trait
        raise KeyError(trait_id)

    @property
    def triage_section(self) -> Section:
        return self.section(self.triage.section)
