"""The engine: pure functions from a flow and answers to what the leader sees.

One call, ``evaluate``, gives the visible questions, progress, the triage verdict
with its reasons and decisive answers, the relevant traits and the leader's own
judgement. Only answers to visible questions count anywhere: a hidden answer is
kept by the caller but is invisible here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flows.conditions import UNKNOWN, AnswerValue
from flows.schema import PATH_NAME, TRAITS_NAME, Criterion, Flow, Question, Section, Verdict


@dataclass(frozen=True)
class Answers:
    """What the leader has said. ``values`` maps question id to option id, text,
    or a tuple of option ids for several-choice questions. Notes and the
    "til drøftelse" marks sit beside the answers; the engine does not weigh them."""

    values: Mapping[str, AnswerValue] = field(default_factory=dict)
    judgement: Verdict | None = None
    judgement_reason: str = ""
    traits: tuple[str, ...] | None = None  # None: follow the triage's suggestion
    notes: Mapping[str, str] = field(default_factory=dict)
    discuss: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reason:
    """Why the verdict is what it is, in plain words."""

    title: str
    explanation: str
    criterion_id: str | None = None
    points: int = 0


@dataclass(frozen=True)
class DecisiveChange:
    """One answer that, changed together with the others listed, flips the verdict."""

    question_id: str
    current: AnswerValue | None
    proposed: str


@dataclass(frozen=True)
class Triage:
    verdict: Verdict
    score: int
    reasons: tuple[Reason, ...]
    fired: tuple[Criterion, ...]
    answered: int  # triage questions answered with something other than "ved ikke"


@dataclass(frozen=True)
class Evaluation:
    visible_sections: tuple[Section, ...]
    visible_questions: tuple[Question, ...]
    visible_answers: Mapping[str, AnswerValue]
    triage: Triage
    decisive: tuple[DecisiveChange, ...]
    suggested_traits: tuple[str, ...]
    traits: tuple[str, ...]
    judgement: Verdict | None
    judgement_reason: str

    @property
    def verdict(self) -> Verdict:
        return self.triage.verdict

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return self.triage.reasons

    @property
    def path(self) -> Verdict:
        """The path the questions follow: the leader's judgement where given."""
        return self.judgement or self.triage.verdict

    @property
    def disagrees(self) -> bool:
        return self.judgement is not None and self.judgement is not self.triage.verdict

    @property
    def answered(self) -> int:
        return len(self.visible_answers)

    @property
    def visible(self) -> int:
        return len(self.visible_questions)

    def is_visible(self, question_id: str) -> bool:
        return any(question.id == question_id for question in self.visible_questions)

    def first_unanswered(self) -> Question | None:
        for question in self.visible_questions:
            if question.id not in self.visible_answers:
                return question
        return None


def normalise(value: object) -> AnswerValue | None:
    """An answer as the engine compares it; None for "not answered"."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (list, tuple)):
        items = tuple(str(item) for item in value)
        return items or None
    return None


def evaluate(flow: Flow, answers: Answers) -> Evaluation:
    """Everything the screens, the status command and the export need to know."""
    values = {key: value for key, raw in answers.values.items() if (value := normalise(raw)) is not None}
    scope: dict[str, AnswerValue] = {}
    visible_sections: list[Section] = []
    visible_questions: list[Question] = []
    triage = _unresolved(flow, 0)
    suggested: tuple[str, ...] = ()
    traits: tuple[str, ...] = ()
    for section in flow.sections:
        if section.condition is None or section.condition.evaluate(scope):
            shown = _walk_section(section, values, scope)
            if shown:
                visible_sections.append(section)
                visible_questions.extend(shown)
        if section.id == flow.triage.section:
            triage = _triage(flow, scope)
            suggested = _suggested_traits(flow, triage)
            traits = _chosen_traits(flow, answers.traits, suggested)
            scope[PATH_NAME] = (answers.judgement or triage.verdict).value
            scope[TRAITS_NAME] = traits
    visible_answers = {q.id: scope[q.id] for q in visible_questions if q.id in scope}
    return Evaluation(
        visible_sections=tuple(visible_sections),
        visible_questions=tuple(visible_questions),
        visible_answers=visible_answers,
        triage=triage,
        decisive=decisive_answers(flow, values, triage),
        suggested_traits=suggested,
        traits=traits,
        judgement=answers.judgement,
        judgement_reason=answers.judgement_reason,
    )


def _walk_section(section: Section, values: Mapping[str, AnswerValue], scope: dict[str, AnswerValue]) -> list[Question]:
    """The section's visible questions; their answers are added to ``scope``."""
    shown = []
    for question in section.questions:
        if question.condition is None or question.condition.evaluate(scope):
            shown.append(question)
            if question.id in values:
                scope[question.id] = values[question.id]
    return shown


def _unresolved(flow: Flow, answered: int) -> Triage:
    explanation = flow.triage.unresolved_reason.format(answered=answered, needed=flow.triage.min_answered)
    return Triage(Verdict.UNRESOLVED, 0, (Reason("For få svar endnu", explanation),), (), answered)


def _triage(flow: Flow, scope: Mapping[str, AnswerValue]) -> Triage:
    """The verdict from the visible triage answers in ``scope``."""
    answered = sum(1 for question in flow.triage_section.questions if scope.get(question.id) not in (None, UNKNOWN))
    fired = tuple(criterion for criterion in flow.criteria if criterion.condition.evaluate(scope))
    if answered < flow.triage.min_answered:
        return _unresolved(flow, answered)
    score = sum(criterion.points for criterion in fired)
    if score >= flow.triage.threshold:
        supporting = sorted((c for c in fired if c.points > 0), key=lambda c: -c.points)
        return Triage(Verdict.CHANGE, score, tuple(_reason(c) for c in supporting), fired, answered)
    supporting = sorted((c for c in fired if c.points < 0), key=lambda c: c.points)
    reasons = tuple(_reason(c) for c in supporting) or (Reason("Intet peger på forandring", flow.triage.simple_reason),)
    return Triage(Verdict.SIMPLE, score, reasons, fired, answered)


def _reason(criterion: Criterion) -> Reason:
    return Reason(criterion.title, criterion.explanation, criterion.id, criterion.points)


def _suggested_traits(flow: Flow, triage: Triage) -> tuple[str, ...]:
    """Traits tipped by the criteria that fired, in the flow's order of traits."""
    if triage.verdict is not Verdict.CHANGE:
        return ()
    tipped = {trait for criterion in triage.fired for trait in criterion.traits}
    return tuple(trait.id for trait in flow.traits if trait.id in tipped)


def _chosen_traits(flow: Flow, chosen: Sequence[str] | None, suggested: tuple[str, ...]) -> tuple[str, ...]:
    if chosen is None:
        return suggested
    wanted = set(chosen)
    return tuple(trait.id for trait in flow.traits if trait.id in wanted)


def _triage_of(flow: Flow, values: Mapping[str, AnswerValue]) -> Triage:
    """The triage for a whole set of answers (used to try changes)."""
    scope: dict[str, AnswerValue] = {}
    for section in flow.sections:
        if section.condition is None or section.condition.evaluate(scope):
            _walk_section(section, values, scope)
        if section.id == flow.triage.section:
            return _triage(flow, scope)
    return _unresolved(flow, 0)


def decisive_answers(flow: Flow, values: Mapping[str, AnswerValue], triage: Triage) -> tuple[DecisiveChange, ...]:
    """The fewest triage answer changes that would flip a definite verdict.

    Greedy: each step takes the single change that moves the score furthest
    toward the other verdict. When every criterion depends on one question (as
    in the default flow) the score is a sum of independent parts, and greedy
    is then exactly minimal. The result is always re-checked to flip.
    """
    if triage.verdict is Verdict.UNRESOLVED:
        return ()
    target = Verdict.SIMPLE if triage.verdict is Verdict.CHANGE else Verdict.CHANGE
    sign = 1 if target is Verdict.CHANGE else -1
    trial = dict(values)
    changes: list[DecisiveChange] = []
    current = triage
    candidates = [q for q in flow.triage_section.questions if q.is_choice]
    for _ in candidates:
        best: tuple[tuple[bool, int], Question, str, Triage] | None = None
        for question in candidates:
            if any(change.question_id == question.id for change in changes):
                continue
            for option_id in question.choice_ids:
                if option_id == UNKNOWN or trial.get(question.id) in (option_id, (option_id,)):
                    continue
                proposal = option_id if question.kind.value != "flervalg" else (option_id,)
                outcome = _triage_of(flow, {**trial, question.id: proposal})
                rank = (outcome.verdict is target, sign * outcome.score)
                if best is None or rank > best[0]:
                    best = (rank, question, option_id, outcome)
        if best is None or best[0] <= (current.verdict is target, sign * current.score):
            return ()  # no change moves the verdict: nothing decisive to show
        _, question, option_id, current = best
        changes.append(DecisiveChange(question.id, values.get(question.id), option_id))
        trial[question.id] = option_id if question.kind.value != "flervalg" else (option_id,)
        if current.verdict is target:
            return tuple(changes)
    return ()
