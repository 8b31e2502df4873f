"""A flow compiled for the engine: plain tuples instead of model lookups.

The engine runs on every key press and once per file in a batch export, so the
things it needs over and over (conditions, the triage questions, what each triage
answer is worth) are worked out once per flow here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.conditions import AnswerValue, Condition
from flows.schema import Criterion, Dimension, Flow, Kind, Question, Section


@dataclass(frozen=True)
class SectionStep:
    section: Section
    condition: Condition | None
    questions: tuple[tuple[Question, Condition | None], ...]
    is_triage: bool


@dataclass(frozen=True)
class TriageChoice:
    question: Question
    choices: tuple[str, ...]
    multi: bool


@dataclass(frozen=True)
class Plan:
    steps: tuple[SectionStep, ...]
    criteria: tuple[tuple[Criterion, Condition], ...]  # the core-task criteria: they decide the verdict
    complexity: tuple[tuple[Criterion, Condition], ...]  # the complexity criteria: never the verdict
    triage_ids: tuple[str, ...]
    # The triage questions a core-task criterion looks at: the ones whose answer can move the verdict.
    triage_choices: tuple[TriageChoice, ...]
    complexity_ids: tuple[str, ...]  # the triage questions a complexity criterion looks at
    # The score is a sum of one part per triage question when every criterion looks
    # at one triage question and no triage question is conditional. Then the
    # decisive answers can be found by arithmetic instead of re-running the triage.
    additive: bool
    _worth: dict[tuple[str, AnswerValue | None], int] = field(default_factory=dict, compare=False, repr=False)

    def worth(self, question_id: str, value: AnswerValue | None) -> int:
        """Points the criteria give for this one answer (additive flows only); remembered."""
        key = (question_id, value)
        if key not in self._worth:
            scope = {} if value is None else {question_id: value}
            self._worth[key] = sum(
                criterion.points
                for criterion, condition in self.criteria
                if question_id in condition.names and condition.evaluate(scope)
            )
        return self._worth[key]


def plan_of(flow: Flow) -> Plan:
    """The flow's plan, built on first use and kept with the flow."""
    plan = flow._plan
    if plan is None:
        plan = _build(flow)
        object.__setattr__(flow, "_plan", plan)  # kept with the (frozen) flow; not one of its fields
    return plan


def _build(flow: Flow) -> Plan:
    steps = tuple(
        SectionStep(
            section=section,
            condition=section.condition,
            questions=tuple((question, question.condition) for question in section.questions),
            is_triage=section.id == flow.triage.section,
        )
        for section in flow.sections
    )
    triage_section = flow.triage_section
    triage_ids = tuple(question.id for question in triage_section.questions)
    criteria = tuple(
        (criterion, criterion.condition) for criterion in flow.criteria if criterion.dimension is Dimension.CORE_TASK
    )
    complexity = tuple(
        (criterion, criterion.condition) for criterion in flow.criteria if criterion.dimension is Dimension.COMPLEXITY
    )
    additive = (
        triage_section.condition is None
        and all(question.condition is None for question in triage_section.questions)
        and all(len(condition.names) == 1 and next(iter(condition.names)) in triage_ids for _, condition in criteria)
    )
    weighed = {name for _, condition in criteria for name in condition.names}
    choices = tuple(
        TriageChoice(question, question.choice_ids, question.kind is Kind.MULTI)
        for question in triage_section.questions
        if question.is_choice and question.id in weighed
    )
    complexity_names = {name for _, condition in complexity for name in condition.names}
    complexity_ids = tuple(question_id for question_id in triage_ids if question_id in complexity_names)
    return Plan(steps, criteria, complexity, triage_ids, choices, complexity_ids, additive)
