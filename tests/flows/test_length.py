"""The flow's length: the richest path stays short enough, and what the leader is told holds."""

from __future__ import annotations

from dataclasses import replace

from flows import Verdict, default_flow
from flows.length import length_text
from tests.flows.richest import minutes, richest_answers, visible_questions

FLOW = default_flow()
MOST_QUESTIONS = 70  # issue 13: a change of the core task with all three traits, at most


def nearest_five(value: float) -> int:
    return int(5 * round(value / 5))


def test_the_richest_change_shows_at_most_70_questions():
    shown = visible_questions(FLOW, Verdict.CHANGE)
    assert len(shown) <= MOST_QUESTIONS, len(shown)


def test_the_richest_answers_open_every_conditional_part_of_a_change():
    """The greedy search really finds the richest case: the sections a leader can reach are all there."""
    answers = richest_answers(FLOW, Verdict.CHANGE)
    shown = {question.id for question in visible_questions(FLOW, Verdict.CHANGE)}
    for section in ("businesscase", "dataetik", "standardisering", "formalisering", "medialisering"):
        assert set(q.id for q in FLOW.section(section).questions) & shown, section
    assert answers["personoplysninger"] in ("ja", "ved-ikke") or answers["profilering"] in ("ja", "ved-ikke")
    assert "ker-besparelse-aabent" in shown and "arb-styrker" in shown


def test_the_length_told_before_starting_is_the_measured_one():
    length = FLOW.length
    assert length is not None
    simple = visible_questions(FLOW, Verdict.SIMPLE)
    change = visible_questions(FLOW, Verdict.CHANGE)
    assert length.simple_questions == nearest_five(len(simple)), len(simple)
    assert length.change_questions == nearest_five(len(change)), len(change)
    assert length.simple_minutes == nearest_five(minutes(simple)), minutes(simple)
    assert length.change_minutes == nearest_five(minutes(change)), minutes(change)


def test_the_length_is_said_with_omkring():
    text = length_text(FLOW)
    assert f"omkring {FLOW.length.simple_questions} spørgsmål" in text
    assert f"op til omkring {FLOW.length.change_questions} spørgsmål" in text
    assert length_text(replace(FLOW, length=None)) == ""
