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
from itertools import combinations

from flows.conditions import UNKNOWN, AnswerValue
from flows.plan import Plan, SectionStep, TriageChoice, plan_of
from flows.schema import (
    DEFAULT_CHANGE_REASON,
    DEFAULT_UNDECIDED_REASON,
    PATH_NAME,
    TRAITS_NAME,
    Complexity,
    Criterion,
    Flow,
    Question,
    Section,
    Verdict,
)


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
    # Question id -> the question's fingerprint (``flows.fingerprint``) when it was last answered or
    # confirmed: tells that a question's meaning changed since. Never weighed; an answer without one
    # (an old or scripted file) is never called changed. Not part of equality: two sets of answers
    # that say the same are the same (whoever must save a new fingerprint compares them itself).
    fingerprints: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Reason:
    """One criterion that fired: its title, its explanation and its points, all from the flow."""

    title: str
    explanation: str
    criterion_id: str | None = None
    points: int = 0


@dataclass(frozen=True)
class DecisiveChange:
    """One answer that, changed together with the others in its alternative, flips the verdict."""

    question_id: str
    current: AnswerValue | None
    proposed: str


@dataclass(frozen=True)
class ComplexityLevel:
    """How demanding the process is: the second dimension, which never decides the verdict."""

    level: Complexity | None  # None while no complexity question is answered
    score: int
    reasons: tuple[Reason, ...]  # every complexity criterion that fired; the points sum to ``score``
    advice: str  # how to run the process at this level, in the flow's words ("" when none)


@dataclass(frozen=True)
class Triage:
    verdict: Verdict
    score: int
    reasons: tuple[Reason, ...]  # every core-task criterion that fired, both ways; the points sum to ``score``
    fired: tuple[Criterion, ...]
    answered: int  # triage questions answered with something other than "ved ikke"
    rule: str = ""  # the verdict's rule, in the flow's words
    depends_on: tuple[str, ...] = ()  # undecided: the open or "ved ikke" answers that could flip it
    leaning: Verdict | None = None  # undecided: the verdict the points give so far
    first_impression: Verdict | None = None  # what the leader's own first impression says
    complexity: ComplexityLevel = ComplexityLevel(None, 0, (), "")


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
    def decisive(self) -> tuple[tuple[DecisiveChange, ...], ...]:
        """Each way to flip the verdict with the fewest answer changes (see ``decisive_answers``)."""
        return decisive_answers(self.flow, self.given, self.triage)

    @property
    def borderline(self) -> bool:
        """One answer moved one step (to the next option, or "ja" to "nej") would flip the verdict.

        A single answer that flips it only by jumping across the scale ("nej" to
        "betydeligt") is decisive, but the case is not on the edge.
        """
        for alternative in self.decisive:
            if len(alternative) != 1:
                continue
            change = alternative[0]
            positions = self.flow.questions[change.question_id].positions
            current = change.current if isinstance(change.current, str) else None
            if current in positions and abs(positions[current] - positions[change.proposed]) == 1:
                return True
        return False

    @property
    def verdict(self) -> Verdict:
        return self.triage.verdict

    @property
    def complexity(self) -> ComplexityLevel:
        return self.triage.complexity

    @property
    def first_impression(self) -> Verdict | None:
        return self.triage.first_impression

    @property
    def first_impression_disagrees(self) -> bool:
        """The leader's first impression and a definite verdict differ."""
        impression = self.triage.first_impression
        return impression is not None and self.verdict is not Verdict.UNRESOLVED and impression is not self.verdict

    @property
    def depends_on(self) -> tuple[str, ...]:
        return self.triage.depends_on

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
    """Before the triage section is reached (it is always reached in a linked flow)."""
    return Triage(Verdict.UNRESOLVED, 0, (), (), answered, _rule(flow, Verdict.UNRESOLVED, 0, answered))


def _definite(value: AnswerValue | None) -> bool:
    return value is not None and value != UNKNOWN


def _verdict_for(flow: Flow, score: int, answered: int) -> Verdict:
    """The verdict the points give, open answers aside."""
    if answered < flow.triage.min_answered:
        return Verdict.UNRESOLVED
    return Verdict.CHANGE if score >= flow.triage.threshold else Verdict.SIMPLE


def _rule(flow: Flow, verdict: Verdict, score: int, answered: int) -> str:
    """The verdict's rule in the flow's words, with the numbers filled in."""
    rules = flow.triage
    if verdict is Verdict.SIMPLE:
        text = rules.simple_reason
    elif verdict is Verdict.CHANGE:
        text = rules.change_reason or DEFAULT_CHANGE_REASON
    elif answered < rules.min_answered:
        text = rules.unresolved_reason
    else:
        text = rules.undecided_reason or DEFAULT_UNDECIDED_REASON
    return text.format(score=score, threshold=rules.threshold, answered=answered, needed=rules.min_answered)


def _core_score(plan: Plan, scope: Mapping[str, AnswerValue]) -> tuple[tuple[Criterion, ...], int]:
    fired = tuple(criterion for criterion, condition in plan.criteria if condition.evaluate(scope))
    return fired, sum(criterion.points for criterion in fired)


def _swing(plan: Plan, scope: Mapping[str, AnswerValue], score: int, choice: TriageChoice) -> tuple[int, int]:
    """How far the points can move down and up when this open question gets a definite answer."""
    question_id = choice.question.id
    current = scope.get(question_id)
    deltas = [0]
    for option_id in choice.choices:
        if option_id == UNKNOWN:
            continue
        proposal: AnswerValue = (option_id,) if choice.multi else option_id
        if plan.additive:
            deltas.append(plan.worth(question_id, proposal) - plan.worth(question_id, current))
        else:
            deltas.append(_core_score(plan, {**scope, question_id: proposal})[1] - score)
    return min(deltas), max(deltas)


def _triage(flow: Flow, plan: Plan, scope: Mapping[str, AnswerValue]) -> Triage:
    """The verdict from the visible triage answers in ``scope``; undecided when an open answer could flip it."""
    rules = flow.triage
    answered = sum(1 for question_id in plan.triage_ids if _definite(scope.get(question_id)))
    fired, score = _core_score(plan, scope)
    leaning = _verdict_for(flow, score, answered)
    open_choices = [choice for choice in plan.triage_choices if not _definite(scope.get(choice.question.id))]
    swings = {choice.question.id: _swing(plan, scope, score, choice) for choice in open_choices}
    lowest = score + sum(down for down, _ in swings.values())
    highest = score + sum(up for _, up in swings.values())
    if leaning is Verdict.UNRESOLVED:
        depends_on = tuple(swings)
    elif leaning is Verdict.CHANGE and lowest < rules.threshold:
        depends_on = tuple(question_id for question_id, (down, _) in swings.items() if down < 0)
    elif leaning is Verdict.SIMPLE and highest >= rules.threshold:
        depends_on = tuple(question_id for question_id, (_, up) in swings.items() if up > 0)
    else:
        depends_on = ()
    verdict = Verdict.UNRESOLVED if depends_on or leaning is Verdict.UNRESOLVED else leaning
    reasons = tuple(_reason(criterion) for criterion in sorted(fired, key=lambda criterion: -criterion.points))
    return Triage(
        verdict=verdict,
        score=score,
        reasons=reasons,
        fired=fired,
        answered=answered,
        rule=_rule(flow, verdict, score, answered),
        depends_on=depends_on,
        leaning=leaning if verdict is Verdict.UNRESOLVED and leaning is not Verdict.UNRESOLVED else None,
        first_impression=_first_impression(flow, scope),
        complexity=_complexity(flow, plan, scope),
    )


def _first_impression(flow: Flow, scope: Mapping[str, AnswerValue]) -> Verdict | None:
    first = flow.triage.first_impression
    if first is None:
        return None
    value = scope.get(first.question)
    return {first.simple: Verdict.SIMPLE, first.change: Verdict.CHANGE}.get(value) if isinstance(value, str) else None


def _complexity(flow: Flow, plan: Plan, scope: Mapping[str, AnswerValue]) -> ComplexityLevel:
    rules = flow.triage
    fired = [criterion for criterion, condition in plan.complexity if condition.evaluate(scope)]
    score = sum(criterion.points for criterion in fired)
    if not any(_definite(scope.get(question_id)) for question_id in plan.complexity_ids):
        return ComplexityLevel(None, score, (), "")
    if score >= rules.complexity_high:
        level = Complexity.HIGH
    elif score >= rules.complexity_medium:
        level = Complexity.MEDIUM
    else:
        level = Complexity.LOW
    reasons = tuple(_reason(criterion) for criterion in sorted(fired, key=lambda criterion: -criterion.points))
    return ComplexityLevel(level, score, reasons, rules.complexity_advice.get(level.value, ""))


def _reason(criterion: Criterion) -> Reason:
    return Reason(criterion.title, criterion.explanation, criterion.id, criterion.points)


def _suggested_traits(flow: Flow, triage: Triage) -> tuple[str, ...]:
    """Traits tipped by the core-task criteria that fired, in the flow's order of traits, whatever the verdict."""
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


# Beyond this many answers changed together, a way to flip the verdict says little to a leader.
_LARGEST_SET = 3


def decisive_answers(
    flow: Flow, values: Mapping[str, AnswerValue], triage: Triage
) -> tuple[tuple[DecisiveChange, ...], ...]:
    """Every way to flip a definite verdict by changing the fewest triage answers.

    Each single answer that alone flips it is one alternative (with the mildest
    answer that does). When none does, every smallest set of answers that together
    do (up to three), each answer moved as far toward the other verdict as it goes;
    beyond three, the one set made of the biggest moves.
    A change to "ved ikke" never counts: it makes the verdict undecided, not other.
    """
    if triage.verdict is Verdict.UNRESOLVED:
        return ()
    plan = plan_of(flow)
    target = triage.verdict.opposite
    sign = 1 if target is Verdict.CHANGE else -1
    trial = _Trial(flow, plan, values, triage)
    moves: dict[str, list[tuple[AnswerValue, int]]] = {}
    for choice in plan.triage_choices:
        question_id = choice.question.id
        current = values.get(question_id)
        for option_id in choice.choices:
            proposal: AnswerValue = (option_id,) if choice.multi else option_id
            if option_id == UNKNOWN or current == proposal:
                continue
            moves.setdefault(question_id, []).append((proposal, trial.score({question_id: proposal})))
    singles = []
    for question_id, options in moves.items():
        flipping = [
            (proposal, score) for proposal, score in options if trial.verdict({question_id: proposal}) is target
        ]
        if flipping:
            proposal, _ = min(flipping, key=lambda item: sign * item[1])  # the mildest answer that flips it
            singles.append((trial.change(question_id, proposal),))
    if singles:
        return tuple(singles)
    furthest = {
        question_id: max(options, key=lambda item: sign * item[1])[0]
        for question_id, options in moves.items()
        if any(sign * score > sign * triage.score for _, score in options)
    }
    for size in range(2, _LARGEST_SET + 1):
        found = []
        for question_ids in combinations(furthest, size):
            changed = {question_id: furthest[question_id] for question_id in question_ids}
            if trial.verdict(changed) is target:
                found.append(tuple(trial.change(question_id, changed[question_id]) for question_id in question_ids))
        if found:
            return tuple(found)
    # More than three answers: the one set found by taking the biggest moves first (for an
    # additive flow, whose parts are independent, no smaller set exists).
    greedy: dict[str, AnswerValue] = {}
    for question_id in sorted(
        furthest, key=lambda question_id: -sign * trial.score({question_id: furthest[question_id]})
    ):
        greedy[question_id] = furthest[question_id]
        if trial.verdict(greedy) is target:
            return (tuple(trial.change(question_id, proposal) for question_id, proposal in greedy.items()),)
    return ()


class _Trial:
    """The verdict's points with some triage answers changed: arithmetic for an additive flow."""

    def __init__(self, flow: Flow, plan: Plan, values: Mapping[str, AnswerValue], triage: Triage) -> None:
        self.flow, self.plan, self.values, self.triage = flow, plan, values, triage

    def _outcome(self, changed: Mapping[str, AnswerValue]) -> tuple[int, int]:
        if not self.plan.additive:
            outcome = _triage_of(self.flow, {**self.values, **changed})
            return outcome.score, outcome.answered
        score, answered = self.triage.score, self.triage.answered
        for question_id, proposal in changed.items():
            current = self.values.get(question_id)
            score += self.plan.worth(question_id, proposal) - self.plan.worth(question_id, current)
            answered += 0 if _definite(current) else 1
        return score, answered

    def score(self, changed: Mapping[str, AnswerValue]) -> int:
        return self._outcome(changed)[0]

    def verdict(self, changed: Mapping[str, AnswerValue]) -> Verdict:
        return _verdict_for(self.flow, *self._outcome(changed))

    def change(self, question_id: str, proposal: AnswerValue) -> DecisiveChange:
        proposed = proposal[0] if isinstance(proposal, tuple) else proposal
        return DecisiveChange(question_id, self.values.get(question_id), proposed)
