"""The engine: pure functions from a flow and answers to what the leader sees.

One call, ``evaluate``, gives the visible questions, progress, the triage verdict
with its reasons and decisive answers, the relevant traits and the leader's own
judgement. Only answers to visible questions count anywhere: a hidden answer is
kept by the caller but is invisible here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from flows.conditions import UNKNOWN, AnswerValue
from flows.plan import Plan, SectionStep, plan_of
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
    # Answers to questions an older version of the flow had (old id -> answer): never
    # weighed, never dropped; written under [tidligere-svar] and listed in the note.
    retired: Mapping[str, AnswerValue] = field(default_factory=dict)


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
    suggested_traits: tuple[str, ...]
    traits: tuple[str, ...]
    judgement: Verdict | None
    judgement_reason: str
    # Kept to work out the decisive answers only when someone asks for them.
    flow: Flow = field(repr=False, compare=False)
    given: Mapping[str, AnswerValue] = field(repr=False, compare=False)

    @cached_property
    def decisive(self) -> tuple[DecisiveChange, ...]:
        """The fewest triage answer changes that would flip the verdict (see ``decisive_answers``)."""
        return decisive_answers(self.flow, self.given, self.triage)

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

    @cached_property
    def visible_ids(self) -> frozenset[str]:
        return frozenset(question.id for question in self.visible_questions)

    def is_visible(self, question_id: str) -> bool:
        return question_id in self.visible_ids

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


# The checker, the export and the screens ask about the same answers several times
# in a row; the last few evaluations are remembered by what was answered.
_MEMO_SIZE = 8
_memo: OrderedDict[tuple, Evaluation] = OrderedDict()


def evaluate(flow: Flow, answers: Answers) -> Evaluation:
    """Everything the screens, the status command and the export need to know."""
    values = {key: value for key, raw in answers.values.items() if (value := normalise(raw)) is not None}
    key = (id(flow), frozenset(values.items()), answers.judgement, answers.judgement_reason, answers.traits)
    remembered = _memo.get(key)
    if remembered is not None and remembered.flow is flow:
        _memo.move_to_end(key)
        return remembered
    evaluation = _evaluate(flow, answers, values)
    _memo[key] = evaluation
    if len(_memo) > _MEMO_SIZE:
        _memo.popitem(last=False)
    return evaluation


def _evaluate(flow: Flow, answers: Answers, values: dict[str, AnswerValue]) -> Evaluation:
    plan = plan_of(flow)
    scope: dict[str, AnswerValue] = {}
    visible_sections: list[Section] = []
    visible_questions: list[Question] = []
    triage = _unresolved(flow, 0)
    suggested: tuple[str, ...] = ()
    traits: tuple[str, ...] = ()
    for step in plan.steps:
        if step.condition is None or step.condition.evaluate(scope):
            shown = _walk_section(step, values, scope)
            if shown:
                visible_sections.append(step.section)
                visible_questions.extend(shown)
        if step.is_triage:
            triage = _triage(flow, plan, scope)
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
        suggested_traits=suggested,
        traits=traits,
        judgement=answers.judgement,
        judgement_reason=answers.judgement_reason,
        flow=flow,
        given=values,
    )


def _walk_section(
    step: SectionStep, values: Mapping[str, AnswerValue], scope: dict[str, AnswerValue]
) -> list[Question]:
    """The section's visible questions; their answers are added to ``scope``."""
    shown = []
    for question, condition in step.questions:
        if condition is None or condition.evaluate(scope):
            shown.append(question)
            if question.id in values:
                scope[question.id] = values[question.id]
    return shown


def _unresolved(flow: Flow, answered: int) -> Triage:
    explanation = flow.triage.unresolved_reason.format(answered=answered, needed=flow.triage.min_answered)
    return Triage(Verdict.UNRESOLVED, 0, (Reason("For få svar endnu", explanation),), (), answered)


def _definite(value: AnswerValue | None) -> bool:
    return value is not None and value != UNKNOWN


def _verdict_for(flow: Flow, score: int, answered: int) -> Verdict:
    if answered < flow.triage.min_answered:
        return Verdict.UNRESOLVED
    return Verdict.CHANGE if score >= flow.triage.threshold else Verdict.SIMPLE


def _triage(flow: Flow, plan: Plan, scope: Mapping[str, AnswerValue]) -> Triage:
    """The verdict from the visible triage answers in ``scope``."""
    answered = sum(1 for question_id in plan.triage_ids if _definite(scope.get(question_id)))
    fired = tuple(criterion for criterion, condition in plan.criteria if condition.evaluate(scope))
    score = sum(criterion.points for criterion in fired)
    verdict = _verdict_for(flow, score, answered)
    if verdict is Verdict.UNRESOLVED:
        return _unresolved(flow, answered)
    if verdict is Verdict.CHANGE:
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
    plan = plan_of(flow)
    scope: dict[str, AnswerValue] = {}
    for step in plan.steps:
        if step.condition is None or step.condition.evaluate(scope):
            _walk_section(step, values, scope)
        if step.is_triage:
            return _triage(flow, plan, scope)
    return _unresolved(flow, 0)


def decisive_answers(flow: Flow, values: Mapping[str, AnswerValue], triage: Triage) -> tuple[DecisiveChange, ...]:
    """The fewest triage answer changes that would flip a definite verdict.

    Greedy: each step takes the single change that moves the score furthest
    toward the other verdict. When every criterion depends on one question (as
    in the default flow) the score is a sum of independent parts, greedy is then
    exactly minimal, and each trial is plain arithmetic. Otherwise each trial
    re-runs the triage, and the result is re-checked to flip.
    """
    if triage.verdict is Verdict.UNRESOLVED:
        return ()
    plan = plan_of(flow)
    target = Verdict.SIMPLE if triage.verdict is Verdict.CHANGE else Verdict.CHANGE
    sign = 1 if target is Verdict.CHANGE else -1
    trial = dict(values)
    changes: list[DecisiveChange] = []
    score, answered, verdict = triage.score, triage.answered, triage.verdict
    for _ in plan.triage_choices:
        best: tuple[tuple[bool, int], str, AnswerValue, int, int, Verdict] | None = None
        for choice in plan.triage_choices:
            question_id = choice.question.id
            if any(change.question_id == question_id for change in changes):
                continue
            current = trial.get(question_id)
            for option_id in choice.choices:
                proposal: AnswerValue = (option_id,) if choice.multi else option_id
                if option_id == UNKNOWN or current == proposal:
                    continue
                if plan.additive:
                    new_score = score - plan.worth(question_id, current) + plan.worth(question_id, proposal)
                    new_answered = answered + (0 if _definite(current) else 1)
                    new_verdict = _verdict_for(flow, new_score, new_answered)
                else:
                    outcome = _triage_of(flow, {**trial, question_id: proposal})
                    new_score, new_answered, new_verdict = outcome.score, outcome.answered, outcome.verdict
                rank = (new_verdict is target, sign * new_score)
                if best is None or rank > best[0]:
                    best = (rank, question_id, proposal, new_score, new_answered, new_verdict)
        if best is None or best[0] <= (verdict is target, sign * score):
            return ()  # no change moves the verdict: nothing decisive to show
        _, question_id, proposal, score, answered, verdict = best
        proposed = proposal[0] if isinstance(proposal, tuple) else proposal
        changes.append(DecisiveChange(question_id, values.get(question_id), proposed))
        trial[question_id] = proposal
        if verdict is target:
            return tuple(changes)
    return ()
