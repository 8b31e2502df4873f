"""The agenda model the note and the summary screen share (outputs.note.agenda)."""

from __future__ import annotations

from flows import Answers, BasicQuestion, default_flow, evaluate
from outputs.note.agenda import meeting_agenda
from tests.outputs.test_markdown import change_answers

FLOW = default_flow()


def test_points_are_numbered_once_marked_first_each_part_in_basic_question_order() -> None:
    answers = change_answers(
        discuss=frozenset({"komp-hjul", "kontakt-aendres", "ker-faelles-syn"}),
        notes={"indd-hold": "Kun begejstrede.", "glider-ind": "Se begrundelsen.", "ker-faelles-syn": "Måske."},
    )
    agenda = meeting_agenda(FLOW, answers)
    assert [item.question.id for item in agenda.marked] == ["ker-faelles-syn", "kontakt-aendres", "komp-hjul"]
    assert [item.question.id for item in agenda.proposals] == ["glider-ind", "indd-hold"]
    assert [item.number for item in agenda.points] == [1, 2, 3, 4, 5]
    assert agenda.marked[0].note == "Måske." and agenda.marked[0].basic_question is BasicQuestion.CORE_TASK
    assert agenda.number_of("indd-hold") == 5 and agenda.number_of("navn") is None


def test_counts_are_the_engines() -> None:
    evaluation = evaluate(FLOW, change_answers())
    agenda = meeting_agenda(FLOW, change_answers(), evaluation)
    assert (agenda.answered, agenda.relevant) == (evaluation.answered, evaluation.visible)
    assert agenda.unanswered == evaluation.visible - evaluation.answered and not agenda.complete


def test_an_open_question_is_listed_once_where_it_belongs() -> None:
    values = {**change_answers().values, "ker-faelles-syn": "ved-ikke", "ker-relation": "ved-ikke"}
    answers = change_answers(values=values, discuss=frozenset({"ker-faelles-syn"}), notes={})
    agenda = meeting_agenda(FLOW, answers)
    assert agenda.marked[0].unknown  # marked and unknown: a point, not also an open question
    assert [item.question.id for item in agenda.open] == ["ker-relation", "fase"]  # core task before involvement
    assert all(item.number == 0 for item in agenda.open)


def test_an_answered_meeting_question_is_a_point_and_an_unanswered_one_is_not() -> None:
    answers = change_answers(discuss=frozenset(), notes={})
    assert meeting_agenda(FLOW, answers).points == ()
    values = {**answers.values, "med-til-moedet": "Fast kontaktperson."}
    (point,) = meeting_agenda(FLOW, change_answers(values=values, discuss=frozenset(), notes={})).points
    assert point.question.id == "med-til-moedet" and point.value == "Fast kontaktperson." and not point.marked


def test_blank_notes_are_no_notes() -> None:
    agenda = meeting_agenda(FLOW, change_answers(notes={"glider-ind": "  \n "}, discuss=frozenset()))
    assert agenda.points == ()


def test_hidden_text_says_which_condition_would_show_it() -> None:
    values = {
        **change_answers().values,
        "kort-formaal": "Før triagen.",  # its whole section is hidden: the section's condition
        "ker-ressourcer": "nej",
        "ker-besparelse-aabent": "ja",  # a choice hidden by its own condition: counted, not shown
    }
    notes = {"ker-besparelse-aabent": "Spørg direktøren.", "ukendt-id": "Ikke i forløbet."}
    agenda = meeting_agenda(FLOW, Answers(values=values, notes=notes))
    by_id = {text.question.id: text for text in agenda.hidden}
    assert set(by_id) == {"kort-formaal", "ker-besparelse-aabent"}
    assert by_id["kort-formaal"].answer == "Før triagen."
    assert by_id["kort-formaal"].shown_when is FLOW.section("kort-overblik").condition
    assert by_id["ker-besparelse-aabent"].answer == "" and by_id["ker-besparelse-aabent"].note == "Spørg direktøren."
    assert by_id["ker-besparelse-aabent"].shown_when is FLOW.questions["ker-besparelse-aabent"].condition
    assert agenda.hidden_choices == 1
