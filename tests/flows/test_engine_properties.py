"""Properties of the engine that must hold for any answers a leader or a script can give."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from flows import Answers, Verdict, default_flow, evaluate
from flows.engine import _triage_of, decisive_answers
from flows.plan import plan_of
from tests.flows.strategies import answer_for, answers_for, values_for

FLOW = default_flow()
TRIAGE_QUESTIONS = [q for q in FLOW.triage_section.questions if q.is_choice]


def visible_state(evaluation):
    """Everything a leader can see, for comparing two evaluations."""
    return (
        [question.id for question in evaluation.visible_questions],
        dict(evaluation.visible_answers),
        evaluation.verdict,
        evaluation.reasons,
        evaluation.decisive,
        evaluation.traits,
        evaluation.answered,
        evaluation.visible,
    )


@given(answers_for(FLOW))
def test_every_combination_gives_a_verdict_with_a_reason(answers):
    evaluation = evaluate(FLOW, answers)
    assert evaluation.verdict in set(Verdict)
    assert evaluation.reasons
    assert all(reason.title and reason.explanation for reason in evaluation.reasons)
    assert 0 <= evaluation.answered <= evaluation.visible


@given(answers_for(FLOW), st.data())
def test_changing_a_hidden_answer_changes_nothing_visible(answers, data):
    before = evaluate(FLOW, answers)
    visible = {question.id for question in before.visible_questions}
    hidden = [question for question in FLOW.questions.values() if question.id not in visible]
    if not hidden:
        return
    question = data.draw(st.sampled_from(hidden))
    new_value = data.draw(st.none() | answer_for(question))
    values = dict(answers.values)
    if new_value is None:
        values.pop(question.id, None)
    else:
        values[question.id] = new_value
    after = evaluate(FLOW, replace(answers, values=values))
    assert visible_state(after) == visible_state(before)


@given(values_for(FLOW, TRIAGE_QUESTIONS))
def test_decisive_answers_really_flip_the_verdict(values):
    evaluation = evaluate(FLOW, Answers(values=values))
    if evaluation.verdict is Verdict.UNRESOLVED:
        assert evaluation.decisive == ()
        return
    assert evaluation.decisive, "a definite verdict always names what would flip it"
    changed = {**values, **{change.question_id: change.proposed for change in evaluation.decisive}}
    flipped = evaluate(FLOW, Answers(values=changed)).verdict
    assert flipped is not evaluation.verdict
    assert flipped is not Verdict.UNRESOLVED


@settings(max_examples=25, deadline=None)
@given(values_for(FLOW, TRIAGE_QUESTIONS))
def test_no_smaller_set_of_changes_flips_the_verdict(values):
    """Brute force over every smaller set of changes: the decisive answers are the fewest."""
    evaluation = evaluate(FLOW, Answers(values=values))
    if evaluation.verdict is Verdict.UNRESOLVED:
        return
    for size in range(1, min(len(evaluation.decisive), 3)):
        for questions in itertools.combinations(TRIAGE_QUESTIONS, size):
            options = [[o for o in q.choice_ids if o != "ved-ikke" and o != values.get(q.id)] for q in questions]
            for proposal in itertools.product(*options):
                trial = {**values, **{q.id: o for q, o in zip(questions, proposal, strict=True)}}
                assert _triage_of(FLOW, trial).verdict is evaluation.verdict, (questions, proposal)


@given(answers_for(FLOW))
def test_only_visible_answers_count(answers):
    evaluation = evaluate(FLOW, answers)
    visible = {question.id for question in evaluation.visible_questions}
    assert set(evaluation.visible_answers) <= visible
    assert evaluation.answered == len(evaluation.visible_answers)


@given(values_for(FLOW, TRIAGE_QUESTIONS))
def test_the_arithmetic_shortcut_gives_the_same_decisive_answers_as_rerunning_the_triage(values):
    """The default flow is additive, so the engine computes decisive answers by arithmetic;
    the general path (re-running the triage for every trial) must agree exactly."""
    plan = plan_of(FLOW)
    assert plan.additive
    triage = _triage_of(FLOW, values)
    fast = decisive_answers(FLOW, values, triage)
    object.__setattr__(FLOW, "_plan", replace(plan, additive=False))  # the flow is frozen
    try:
        slow = decisive_answers(FLOW, values, triage)
    finally:
        object.__setattr__(FLOW, "_plan", plan)
    assert fast == slow
