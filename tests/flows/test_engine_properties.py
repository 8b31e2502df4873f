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
def test_every_combination_gives_a_verdict_with_its_rule_and_reasons_that_add_up(answers):
    evaluation = evaluate(FLOW, answers)
    assert evaluation.verdict in set(Verdict)
    assert evaluation.triage.rule
    assert all(reason.title and reason.explanation for reason in evaluation.reasons)
    assert sum(reason.points for reason in evaluation.reasons) == evaluation.triage.score
    complexity = evaluation.complexity
    assert complexity.level is None or sum(reason.points for reason in complexity.reasons) == complexity.score
    assert 0 <= evaluation.answered <= evaluation.visible
    assert bool(evaluation.depends_on) == (evaluation.verdict is Verdict.UNRESOLVED) or evaluation.triage.answered < 1


CORE_QUESTIONS = [choice.question for choice in plan_of(FLOW).triage_choices]
COMPLEXITY_QUESTIONS = [FLOW.questions[question_id] for question_id in plan_of(FLOW).complexity_ids]


def _definite_options(question):
    return [option for option in question.choice_ids if option != "ved-ikke"]


@given(values_for(FLOW, TRIAGE_QUESTIONS), st.data())
def test_a_definite_verdict_holds_whatever_the_open_answers_become(values, data):
    evaluation = evaluate(FLOW, Answers(values=values))
    if evaluation.verdict is Verdict.UNRESOLVED:
        return
    open_questions = [q for q in CORE_QUESTIONS if values.get(q.id) in (None, "ved-ikke")]
    completed = {**values, **{q.id: data.draw(st.sampled_from(_definite_options(q))) for q in open_questions}}
    assert evaluate(FLOW, Answers(values=completed)).verdict is evaluation.verdict


@given(values_for(FLOW, TRIAGE_QUESTIONS))
def test_an_undecided_verdict_could_really_go_either_way_on_the_answers_it_names(values):
    evaluation = evaluate(FLOW, Answers(values=values))
    if evaluation.verdict is not Verdict.UNRESOLVED:
        return
    assert evaluation.depends_on
    assert all(values.get(question_id) in (None, "ved-ikke") for question_id in evaluation.depends_on)
    outcomes = set()
    for question_id in evaluation.depends_on:
        for option in _definite_options(FLOW.questions[question_id]):
            outcomes.add(_triage_of(FLOW, {**values, question_id: option}).leaning or "decided")
    # filling in the named answers toward each side reaches both verdicts
    for target in (Verdict.SIMPLE, Verdict.CHANGE):
        best = dict(values)
        for question_id in evaluation.depends_on:
            options = _definite_options(FLOW.questions[question_id])
            score = {o: _triage_of(FLOW, {**best, question_id: o}).score for o in options}
            best[question_id] = (max if target is Verdict.CHANGE else min)(options, key=score.get)
        for question in CORE_QUESTIONS:  # the others as they are, or their mildest answer
            if best.get(question.id) in (None, "ved-ikke") and question.id not in evaluation.depends_on:
                options = _definite_options(question)
                score = {o: _triage_of(FLOW, {**best, question.id: o}).score for o in options}
                best[question.id] = (max if target is Verdict.CHANGE else min)(options, key=score.get)
        assert _triage_of(FLOW, best).verdict is target, (target, best)


@given(values_for(FLOW, TRIAGE_QUESTIONS), st.data())
def test_complexity_and_the_first_impression_never_decide_the_verdict(values, data):
    before = evaluate(FLOW, Answers(values=values))
    changed = dict(values)
    for question in [*COMPLEXITY_QUESTIONS, FLOW.questions["glider-ind"]]:
        changed[question.id] = data.draw(st.sampled_from(question.choice_ids))
    after = evaluate(FLOW, Answers(values=changed))
    assert (after.verdict, after.triage.score, after.reasons) == (before.verdict, before.triage.score, before.reasons)


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


def _points_verdict(values):
    """The verdict the points give (open answers aside), as a decisive change is judged."""
    triage = _triage_of(FLOW, values)
    return triage.leaning or triage.verdict


@given(values_for(FLOW, TRIAGE_QUESTIONS))
def test_every_decisive_alternative_really_flips_the_verdict(values):
    evaluation = evaluate(FLOW, Answers(values=values))
    if evaluation.verdict is Verdict.UNRESOLVED:
        assert evaluation.decisive == ()
        return
    assert evaluation.decisive, "a definite verdict always names what would flip it"
    sizes = {len(alternative) for alternative in evaluation.decisive}
    assert len(sizes) == 1, "only the smallest sets are named"
    for alternative in evaluation.decisive:
        changed = {**values, **{change.question_id: change.proposed for change in alternative}}
        flipped = _points_verdict(changed)
        assert flipped is not evaluation.verdict and flipped is not Verdict.UNRESOLVED


@settings(max_examples=25, deadline=None)
@given(values_for(FLOW, TRIAGE_QUESTIONS))
def test_no_smaller_set_flips_it_and_every_single_answer_that_does_is_named(values):
    """Brute force: the alternatives are the fewest changes, and no flipping single answer is left out."""
    evaluation = evaluate(FLOW, Answers(values=values))
    if evaluation.verdict is Verdict.UNRESOLVED:
        return
    size = len(evaluation.decisive[0])
    named = {alternative[0].question_id for alternative in evaluation.decisive if len(alternative) == 1}
    for smaller in range(1, size + (1 if size == 1 else 0)):
        for questions in itertools.combinations(CORE_QUESTIONS, smaller):
            options = [[o for o in _definite_options(q) if o != values.get(q.id)] for q in questions]
            for proposal in itertools.product(*options):
                trial = {**values, **{q.id: o for q, o in zip(questions, proposal, strict=True)}}
                if _points_verdict(trial) is not evaluation.verdict:
                    assert smaller == 1 and questions[0].id in named, (questions, proposal)


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
