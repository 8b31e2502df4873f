"""The summary screen and the note say the same: one agenda, one count, one judgement.

Plain functions of the screens (no app is run): what the summary page shows, the
judgement list's choices, and the message before answers are hidden.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flows import Answers, Verdict, default_flow, evaluate
from outputs.note.agenda import meeting_agenda
from outputs.note.markdown import render_markdown
from tests.outputs.test_markdown import change_answers
from wizard.screens.dialogs import hiding_reassurance
from wizard.widgets.judgement_page import AGREE, chosen_judgement, judgement_choices
from wizard.widgets.summary_page import agenda_text, summary_text

FLOW = default_flow()


def screen_and_note(answers: Answers) -> tuple[str, str, str]:
    evaluation = evaluate(FLOW, answers)
    agenda = meeting_agenda(FLOW, answers, evaluation)
    return (
        str(summary_text(FLOW, answers, evaluation, agenda)),
        str(agenda_text(FLOW, agenda)),
        render_markdown(FLOW, answers),
    )


def test_the_summary_and_the_note_give_the_same_count() -> None:
    values = {**change_answers().values, "kort-formaal": "Skrevet før triagen."}
    summary, _, note = screen_and_note(change_answers(values=values))
    answered, relevant = re.search(r"Besvaret: (\d+) af (\d+) relevante spørgsmål \(kladde\)", summary).groups()
    assert f"*Kladde:* {answered} af {relevant} relevante spørgsmål er besvaret." in note
    assert "Skjult: 1 tekst til skjulte spørgsmål tæller ikke med" in summary
    assert "## Tekst, der ikke længere tæller" in note


def test_the_summary_lists_the_notes_points_with_the_same_numbers_and_open_questions() -> None:
    notes = {"kontakt-aendres": "Hvad med borgere med demens?", "ker-relation": "Spørg ældrerådet."}
    _, agenda, note = screen_and_note(change_answers(notes=notes))
    on_screen = re.findall(r"^ +(\d+)\. (.{20})", agenda, flags=re.MULTILINE)
    in_note = re.findall(r"^(\d+)\. \*\*(.{20})", note, flags=re.MULTILINE)
    assert on_screen == in_note and len(in_note) == 3  # two marked points and one note
    assert "Til mødet (3 punkter, som i noten):" in agenda
    assert "Åbne spørgsmål (ved ikke): 1" in agenda and "Hvilken fase er projektet i?" in agenda


def test_the_summary_says_when_the_leader_has_not_chosen_a_judgement() -> None:
    summary, _, note = screen_and_note(change_answers(judgement_reason="Jeg er i tvivl."))
    assert "Din vurdering: ikke valgt endnu" in summary
    assert "Lederen har ikke valgt en vurdering, men har skrevet en begrundelse." in note


def test_nothing_is_preselected_and_agreement_shows_as_agreement() -> None:
    undecided = evaluate(FLOW, change_answers())
    assert chosen_judgement(undecided) == []
    agreeing = evaluate(FLOW, change_answers(judgement=Verdict.CHANGE))
    assert chosen_judgement(agreeing) == [AGREE]
    disagreeing = evaluate(FLOW, change_answers(judgement=Verdict.SIMPLE))
    assert chosen_judgement(disagreeing) == [Verdict.SIMPLE.value]
    assert [choice for choice, _ in judgement_choices(FLOW, agreeing)] == [
        AGREE,
        "simpelt-redskab",
        "forandring-af-kerneopgaven",
    ]


def test_an_undecided_triage_offers_no_agreement() -> None:
    unresolved = evaluate(FLOW, replace(change_answers(), values={"glider-ind": "ja"}))
    assert AGREE not in [choice for choice, _ in judgement_choices(FLOW, unresolved)]


def test_the_hiding_reassurance_says_nothing_is_lost_and_names_the_file() -> None:
    message = hiding_reassurance(9, "./forberedelse.toml")
    assert message.startswith("Ændrer du svaret, er 9 spørgsmål")
    assert "Intet bliver slettet: svarene bliver i filen ./forberedelse.toml" in message
    assert "står i noten under »Tekst, der ikke længere tæller«" in message
