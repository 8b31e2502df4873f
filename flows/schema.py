"""The shape of a flow: sections of questions, triage criteria and traits (pydantic).

Field names are English (they are the program's vocabulary); everything a leader
reads (titles, question texts, labels, help) is Danish data in the flow file.
Structural mistakes (wrong types, unknown keys) are caught here; mistakes that
need the whole flow (duplicate ids, conditions naming unknown questions) are
caught in ``flows.validation``.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from flows.conditions import UNKNOWN, Condition

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Names the engine binds for conditions after the triage section.
PATH_NAME = "vej"
TRAITS_NAME = "traek"

UNKNOWN_LABEL = "Ved ikke"


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


class BasicQuestion(StrEnum):
    """The four basic questions of the source publication (Fremfærd, forord)."""

    CORE_TASK = "kerneopgave"
    TASK_SOLVING = "opgaveloesning"
    COMPETENCES = "kompetenceudvikling"
    INVOLVEMENT = "inddragelse"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Model):
    id: Id
    label: Text


YES_NO_OPTIONS = (Option(id="ja", label="Ja"), Option(id="nej", label="Nej"))


class SourceRef(_Model):
    source: Id
    section: Text


class Source(_Model):
    id: Id
    title: Text
    publisher: Text
    year: int | None = None
    url: str | None = None


class Question(_Model):
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

    _condition: Condition | None = PrivateAttr(default=None)

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

    def label_of(self, option_id: str) -> str:
        return self.labels.get(option_id, option_id)

    @property
    def is_choice(self) -> bool:
        return self.kind is not Kind.TEXT


class Section(_Model):
    id: Id
    title: Text
    intro: str = ""
    basic_question: BasicQuestion | None = None
    trait: Id | None = None
    relevant_when: str | None = None
    questions: tuple[Question, ...] = Field(min_length=1)

    _condition: Condition | None = PrivateAttr(default=None)

    @property
    def condition(self) -> Condition | None:
        return self._condition


class Criterion(_Model):
    id: Id
    title: Text
    when: Text
    points: int
    explanation: Text
    traits: tuple[Id, ...] = ()

    _condition: Condition | None = PrivateAttr(default=None)

    @property
    def condition(self) -> Condition:
        assert self._condition is not None, "flow not validated"
        return self._condition


class Trait(_Model):
    id: Id
    title: Text
    description: Text
    source: SourceRef


class TriageRules(_Model):
    section: Id
    threshold: int = Field(description="score at or above which the verdict is a change")
    min_answered: int = Field(ge=1)
    simple_reason: Text
    unresolved_reason: Text


class Flow(_Model):
    id: Id
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)*$")]
    title: Text
    description: str = ""
    sources: tuple[Source, ...] = Field(min_length=1)
    traits: tuple[Trait, ...] = ()
    triage: TriageRules
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    sections: tuple[Section, ...] = Field(min_length=1)

    # Indexes built once by validation; the engine uses them on every key press.
    _questions: dict[str, Question] = PrivateAttr(default_factory=dict)
    _section_of: dict[str, Section] = PrivateAttr(default_factory=dict)
    _plan: object = PrivateAttr(default=None)  # flows.plan.Plan, built on first use

    # Read straight from pydantic's private store: going through ``self._questions``
    # costs a slow attribute fallback, and these are read for every answer checked.
    @property
    def questions(self) -> dict[str, Question]:
        return self.__pydantic_private__["_questions"]

    def section_of(self, question_id: str) -> Section:
        return self.__pydantic_private__["_section_of"][question_id]

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
