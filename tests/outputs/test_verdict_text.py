"""No sentence the answers don't support: the triage's words, checked over random answers.

Every sentence the note, ``wizard status``, the panel and Ctrl+R say about the
verdict comes from ``outputs.wording.verdict_text``; each must come from a criterion
that fired or from the verdict's rule (with the answers it depends on and the
leader's own first impression), and the reasons must add up to the score.
"""

from __future__ import annotations

import re

from hypothesis import given, settings

from flows import Answers, Verdict, default_flow, evaluate
from flows.conditions import UNKNOWN
from outputs.note.markdown import _text, render_markdown
from outputs.wording import verdict_text
from tests.flows.strategies import values_for

FLOW = default_flow()
TRIAGE = [question for question in FLOW.triage_section.questions if question.is_choice]
RULES = {
    Verdict.SIMPLE: [FLOW.triage.simple_reason],
    Verdict.CHANGE: [FLOW.triage.change_reason],
    Verdict.UNRESOLVED: [FLOW.triage.undecided_reason, FLOW.triage.unresolved_reason],
}


def _rule_pattern(template: str) -> re.Pattern[str]:
    """The flow's rule text with its numbers left open: only the numbers come from the answers."""
    parts = re.split(r"\{(?:score|threshold|answered|needed)\}", template)
    return re.compile("^" + r"(-?\d+)".join(re.escape(part) for part in parts) + "$")


@settings(max_examples=300)
@given(values_for(FLOW, TRIAGE))
def test_every_sentence_comes_from_a_fired_criterion_or_the_verdicts_rule(values):
    evaluation = evaluate(FLOW, Answers(values=values))
    verdict = evaluation.verdict
    rule, *others = verdict_text.explanation(FLOW, evaluation)
    matches = [_rule_pattern(template).match(rule) for template in RULES[verdict]]
    numbers = next((match for match in matches if match), None)
    assert numbers, rule  # the rule of the verdict given, in the flow's words
    assert not numbers.groups() or str(evaluation.triage.score) in numbers.groups()
    for sentence in others:
        if sentence.startswith("Buddet afhænger af: "):
            assert verdict is Verdict.UNRESOLVED
            for question_id in evaluation.depends_on:
                assert values.get(question_id) in (None, UNKNOWN)
                assert verdict_text.short(FLOW.questions[question_id].text) in sentence
        else:  # the first impression: only when "glider ind" is answered, and it says what was answered
            first = FLOW.triage.first_impression
            said = {first.simple: "simpelt redskab", first.change: "forandring af kerneopgaven"}
            assert sentence.startswith(f"Dit første indtryk var »{said[values[first.question]]}«")
            assert ("men svarene peger på" in sentence) == evaluation.first_impression_disagrees
    fired = {criterion.id for criterion, condition in _core() if condition.evaluate(values)}
    assert {reason.criterion_id for reason in evaluation.reasons} == fired
    for reason in evaluation.reasons:
        criterion = next(criterion for criterion in FLOW.criteria if criterion.id == reason.criterion_id)
        assert (reason.title, reason.explanation, reason.points) == (
            criterion.title,
            criterion.explanation,
            criterion.points,
        )
    assert sum(reason.points for reason in evaluation.reasons) == evaluation.triage.score
    # never "the tasks change" when no answer says so, never "nothing points to change" when one does
    task_change = values.get("aendrer-opgaveloesning") in ("lidt", "betydeligt")
    assert any(r.criterion_id.startswith("aendrer-opgaveloesningen") for r in evaluation.reasons) == task_change
    if any(reason.points > 0 for reason in evaluation.reasons):
        assert not any("Intet peger" in sentence or "Ingen af svarene peger" in sentence for sentence in others)


@settings(max_examples=60, deadline=None)
@given(values_for(FLOW, TRIAGE))
def test_the_note_says_the_same_as_the_other_faces_and_names_only_fired_criteria(values):
    evaluation = evaluate(FLOW, Answers(values=values))
    note = render_markdown(FLOW, Answers(values=values))
    verdict_part = note.split("## Bud og vurdering", 1)[1].split("### Svar, der afgør buddet", 1)[0]
    reasons_part = verdict_part.split("### Det bygger buddet på", 1)[1]
    for criterion, _ in _core():
        shown = f"**{criterion.title}** ({criterion.points:+d} point)" in reasons_part
        assert shown == any(reason.criterion_id == criterion.id for reason in evaluation.reasons), criterion.id
    flat = " ".join(verdict_part.split())
    assert f"I alt {evaluation.triage.score} point" in flat
    for sentence in verdict_text.explanation(FLOW, evaluation, "Lederens"):
        assert _text(sentence) in verdict_part  # as the note escapes a text from the flow
    complexity_part = note.split("### Det bygger kompleksiteten på", 1)[1].split("##", 1)[0]
    for reason in evaluation.complexity.reasons:
        assert f"**{reason.title}** ({reason.points:+d} point)" in complexity_part


def _core():
    from flows.plan import plan_of

    return plan_of(FLOW).criteria
