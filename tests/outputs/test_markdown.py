"""The preparation note: what it says, in which order, and that it is the same every time."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest

from flows import Answers, Verdict, default_flow, evaluate
from outputs.markdown import NEUTRAL_TITLE, render_markdown, wiki_parser, write_markdown
from tests.outputs.md_tokens import labelled, outline, parse, question_blocks, table_rows

FLOW = default_flow()

# Triage answers that make the tool say "forandring af kerneopgaven" with the
# trait medialisering (the screen visits of the seed).
CHANGE_TRIAGE = {
    "glider-ind": "nej",
    "aendrer-opgaveloesning": "betydeligt",
    "aendrer-resultater": "lidt",
    "borgere-moeder": "direkte",
    "kontakt-aendres": "erstattes",
    "ensretter": "nej",
    "paa-formel": "nej",
    "personoplysninger": "nej",
    "profilering": "nej",
    "modenhed": "afproevet",
}
SIMPLE_TRIAGE = {
    "glider-ind": "ja",
    "aendrer-opgaveloesning": "nej",
    "aendrer-resultater": "nej",
    "borgere-moeder": "nej",
    "kontakt-aendres": "nej",
    "ensretter": "nej",
    "paa-formel": "nej",
    "profilering": "nej",
}


def change_answers(**changes: object) -> Answers:
    values = {
        "navn": "Skærmbesøg i hjemmeplejen",
        "fagomraade": "social-og-sundhed",
        "fase": "ved-ikke",
        **CHANGE_TRIAGE,
        "ker-vaerdi": "Borgerne får en fast kontakt på et tidspunkt, der passer dem.",
        "opg-relationer": ("borgere", "kolleger"),
    }
    answers = Answers(
        values=values,
        notes={"kontakt-aendres": "Hvad med borgere med demens?"},
        discuss=frozenset({"kontakt-aendres", "med-til-moedet"}),
    )
    return replace(answers, **changes)


def note(answers: Answers) -> str:
    return render_markdown(FLOW, answers)


def test_title_is_the_technologys_name_and_there_is_one_h1() -> None:
    headings = outline(parse(note(change_answers())))
    assert headings[0] == (1, "Skærmbesøg i hjemmeplejen")
    assert [level for level, _ in headings].count(1) == 1


@pytest.mark.parametrize("name", [None, "", "   \n  "])
def test_without_a_name_the_title_is_neutral(name: str | None) -> None:
    values = dict(change_answers().values)
    if name is None:
        del values["navn"]
    else:
        values["navn"] = name
    assert outline(parse(note(change_answers(values=values))))[0] == (1, NEUTRAL_TITLE)


def test_headings_nest_one_level_at_a_time() -> None:
    for answers in (Answers(), change_answers(), Answers(values=SIMPLE_TRIAGE)):
        levels = [level for level, _ in outline(parse(note(answers)))]
        assert levels[0] == 1
        assert all(after <= before + 1 for before, after in itertools.pairwise(levels))


def test_the_parts_come_in_the_agreed_order() -> None:
    titles = [text for level, text in outline(parse(note(change_answers()))) if level == 2]
    assert titles == [
        "Om teknologien",
        "Bud og vurdering",
        "Relevante træk",
        "Til mødet",
        "Svarene afsnit for afsnit",
        "Kilder",
        "Om noten",
    ]


def test_text_is_lf_with_one_trailing_newline_no_trailing_spaces_and_no_tabs() -> None:
    text = note(change_answers(notes={"fase": "a  \r\nb\t\n\n"}))
    assert "\r" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert not re.search(r"[ \t]$", text, flags=re.MULTILINE)
    assert "\t" not in text
    assert "\n\n\n" not in text


def test_the_technology_table_shows_labels_not_ids() -> None:
    rows = dict(table_rows(parse(note(change_answers()))))
    assert rows["Hvilket fagområde hører den til?"] == "Social og sundhed, herunder ældrepleje"
    assert rows["Hvilken fase er projektet i?"] == "Ved ikke"
    assert rows["Hvor kommer initiativet fra?"] == "Ikke besvaret"


def test_a_long_or_multi_line_answer_goes_below_the_table() -> None:
    description = "Tablets hos borgeren.\nVideoopkald i stedet for nogle besøg."
    values = {**change_answers().values, "beskrivelse": description}
    tokens = parse(note(change_answers(values=values)))
    assert dict(table_rows(tokens))["Beskriv kort, hvad teknologien er, og hvad den skal bruges til."] == "Se nedenfor"
    blocks = {block.question: block.answer for block in question_blocks(tokens)}
    assert blocks["Beskriv kort, hvad teknologien er, og hvad den skal bruges til."] == description


def test_the_verdict_is_in_plain_words_with_its_reasons() -> None:
    text = note(change_answers())
    assert "**Værktøjets bud: forandring af kerneopgaven.**" in text
    assert "**Den personlige kontakt erstattes delvist** (+3 point): En del af den direkte kontakt" in text
    assert "**Ændrer opgaveløsningen betydeligt** (+4 point)" in text
    evaluation = evaluate(FLOW, change_answers())
    assert f"I alt {evaluation.triage.score} point" in text
    assert f"**Kompleksitet: {FLOW.triage.label(evaluation.complexity.level.value)}.**" in text


def test_the_decisive_answers_are_sentences_with_question_and_labels() -> None:
    evaluation = evaluate(FLOW, change_answers())
    assert evaluation.decisive, "the seed case must have decisive answers"
    text = note(change_answers())
    decisive = text.split("### Svar, der afgør buddet")[1].split("###")[0]
    for alternative in evaluation.decisive:
        for change in alternative:
            question = FLOW.questions[change.question_id]
            current = question.label_of(str(change.current))
            proposed = question.label_of(change.proposed)
            assert f"»{proposed}« i stedet for »{current}«" in decisive
            assert question.text[:40] in decisive
    assert "»simpelt redskab«" in decisive


def test_an_unresolved_verdict_says_so_and_why() -> None:
    text = note(Answers(values={"glider-ind": "ja", "aendrer-opgaveloesning": "lidt"}))
    assert "**Værktøjets bud: uafklaret – hælder indtil nu mod simpelt redskab.**" in text
    assert "Buddet afhænger af: »Ændrer teknologien det, borgerne eller brugerne får ud af opgaven?«" in text
    assert "Lederens første indtryk var »simpelt redskab«." in text


def test_the_leaders_disagreement_and_reason_stand_beside_the_verdict() -> None:
    answers = change_answers(judgement=Verdict.SIMPLE, judgement_reason="Det er kun et forsøg i ét distrikt.")
    tokens = parse(note(answers))
    assert (3, "Lederens egen vurdering") in outline(tokens)
    text = note(answers)
    assert "Lederen er **uenig** i buddet og vurderer, at teknologien er et simpelt redskab." in text
    assert labelled(tokens, "Begrundelse:") == ["Det er kun et forsøg i ét distrikt."]
    assert "Lederen er uenig i værktøjets bud" in text.split("## Til mødet")[1]


def test_agreement_is_stated_and_no_judgement_means_no_judgement_part() -> None:
    agreeing = note(change_answers(judgement=Verdict.CHANGE))
    assert "Lederen er enig i buddet" in agreeing
    assert "Lederens egen vurdering" not in note(change_answers())


def test_a_disagreement_without_reason_says_that_none_is_written() -> None:
    assert "Lederen har ikke skrevet en begrundelse." in note(change_answers(judgement=Verdict.SIMPLE))


def test_traits_suggested_by_the_triage_are_listed() -> None:
    text = note(change_answers())
    assert "Svarene i triagen peger på disse træk:" in text
    assert "- **Medialisering**: Kontakten mellem medarbejder og borger" in text


def test_traits_chosen_by_the_leader_are_listed_with_the_tools_suggestion() -> None:
    text = note(change_answers(traits=("formalisering",)))
    assert "Lederen har selv valgt disse træk:" in text
    assert "- **Formalisering**:" in text
    assert "- **Medialisering**:" not in text
    assert "Ud fra svarene i triagen foreslog værktøjet »Medialisering«." in text


def test_a_simple_tool_has_no_traits_to_go_through() -> None:
    text = note(Answers(values=SIMPLE_TRIAGE))
    assert "**Værktøjets bud: simpelt redskab.**" in text
    assert "Ingen af svarene i triagen peger på et bestemt træk." in text


def test_meeting_lists_marked_points_and_open_questions_under_the_basic_questions() -> None:
    values = {**change_answers().values, "ker-faelles-syn": "ved-ikke"}
    answers = change_answers(values=values, discuss=frozenset({"kontakt-aendres", "data-formaal", "komp-hjul"}))
    text = note(answers)
    meeting = text.split("## Til mødet")[1].split("## Svarene afsnit for afsnit")[0]
    groups = dict(re.findall(r"^### (.+?)\n\n(.*?)(?=^### |\Z)", meeting, flags=re.MULTILINE | re.DOTALL))
    core = groups["1. Kerneopgaven: hvad er formålet og gevinsten?"]
    assert "**Har I en fælles opfattelse af jeres kerneopgave, som I kan vurdere teknologien ud fra?**" in core
    assert "Åbent spørgsmål: svaret er endnu »ved ikke«." in core
    competences = groups["3. Kompetencer: hvad skal medarbejderne kunne?"]
    assert "Sat til drøftelse. Spørgsmålet er ikke besvaret endnu." in competences
    # Triage and context questions sit under the basic question the flow gives them.
    task_solving = groups["2. Opgaveløsningen: hvordan påvirkes hverdagens arbejde?"]
    assert "Sat til drøftelse. Svaret indtil nu: »En del af den personlige kontakt erstattes«." in task_solving
    assert "*Note:* Hvad med borgere med demens?" in task_solving
    involvement = groups["4. Inddragelse: hvordan samarbejder I om at tage den i brug?"]
    assert "**Hvilken fase er projektet i?**" in involvement
    assert "Øvrige punkter" not in groups  # nothing here lacks a basic question
    # data-formaal is hidden (no personal data on this path): its mark does not show.
    assert "Hvilke oplysninger skal teknologien bruge" not in text
    assert "Lederen har sat to punkter til drøftelse, og to spørgsmål står åbne." in meeting


def test_meeting_names_whom_to_involve_and_where_to_read_more() -> None:
    answers = change_answers(discuss=frozenset({"ker-vaerdi"}))
    meeting = note(answers).split("## Til mødet")[1]
    assert "Inddrag: Borgere, brugere eller pårørende.\\\nLæs mere: kilde 1, afsnittet »" in meeting
    assert "*Svar indtil nu:* Borgerne får en fast kontakt på et tidspunkt, der passer dem." in meeting


def test_every_basic_question_has_its_heading_even_when_empty() -> None:
    headings = [text for level, text in outline(parse(note(Answers()))) if level == 3]
    for heading in (
        "1. Kerneopgaven: hvad er formålet og gevinsten?",
        "2. Opgaveløsningen: hvordan påvirkes hverdagens arbejde?",
        "3. Kompetencer: hvad skal medarbejderne kunne?",
        "4. Inddragelse: hvordan samarbejder I om at tage den i brug?",
    ):
        assert heading in headings
    assert "Lederen har ikke sat punkter til drøftelse, og ingen spørgsmål står åbne." in note(Answers())


def test_details_show_every_visible_question_with_label_answers_and_unanswered_ones() -> None:
    answers = change_answers()
    evaluation = evaluate(FLOW, answers)
    blocks = {block.question: block.answer for block in question_blocks(parse(note(answers)))}
    for question in evaluation.visible_questions:
        if FLOW.section_of(question.id).id == "om-teknologien":
            continue
        assert question.text in blocks, question.id
    assert blocks["Ændrer teknologien den måde, opgaverne løses på?"] == "Betydeligt: arbejdet skal gøres på en ny måde"
    assert blocks["Hvor bredt skal teknologien bruges?"] == "Ikke besvaret"
    # Several choices: one per line, in the flow's order whatever the file's order.
    assert blocks["Hvilke relationer kan teknologien rykke ved – til det bedre eller det værre?"] == (
        "Relationerne mellem kolleger\nRelationen mellem medarbejdere og borgere"
    )


def test_hidden_answers_never_show() -> None:
    values = {**change_answers().values, "kort-formaal": "HEMMELIG-TEKST"}
    answers = change_answers(values=values, notes={"kort-formaal": "SKJULT-NOTE"}, discuss=frozenset({"kort-formaal"}))
    text = note(answers)
    assert "HEMMELIG-TEKST" not in text
    assert "SKJULT-NOTE" not in text
    assert "Hvilket problem skal teknologien løse, og for hvem?" not in text


def test_no_ids_in_the_prose() -> None:
    text = note(change_answers(judgement=Verdict.SIMPLE, traits=("formalisering",)))
    for identifier in (
        "social-og-sundhed",
        "ved-ikke",
        "aendrer-opgaveloesning",
        "kontakt-aendres",
        "forandring-af-kerneopgaven",
        "simpelt-redskab",
        "fremfaerd",
        "opg-relationer",
    ):
        assert identifier not in text, identifier


def test_sources_are_numbered_with_the_sections_cited() -> None:
    text = note(change_answers())
    sources = text.split("## Kilder")[1].split("## Om noten")[0]
    assert "1. »Sammen om ny teknologi – Sådan får vi det bedste ud af de digitale muligheder«, Fremfærd" in sources
    assert "   - »2. Opgaveløsning«" in sources
    assert "   - »Ny teknologi i kommunerne«" in sources


def test_the_flow_id_and_version_close_the_note() -> None:
    last = note(change_answers()).rstrip("\n").split("\n")[-1]
    assert "`kerneopgave`, version 2.0." in last


def test_same_answers_give_identical_bytes_whatever_the_order_they_were_given_in() -> None:
    answers = change_answers()
    reordered = change_answers(
        values=dict(reversed(list(answers.values.items()))),
        discuss=frozenset(sorted(answers.discuss, reverse=True)),
    )
    reordered = replace(reordered, values={**reordered.values, "opg-relationer": ("kolleger", "borgere")})
    assert note(answers) == note(answers)
    assert note(answers).encode() == note(reordered).encode()


def test_write_markdown_writes_exactly_the_rendered_note(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    write_markdown(target, FLOW, change_answers())
    assert target.read_bytes() == note(change_answers()).encode("utf-8")


def test_wiki_parser_reads_tables_like_the_wikis() -> None:
    tokens = wiki_parser().parse("| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert any(token.type == "table_open" for token in tokens)


def test_a_marked_question_outside_the_four_basic_questions_goes_under_other_points() -> None:
    text = note(change_answers(discuss=frozenset({"navn"})))
    meeting = text.split("## Til mødet")[1].split("## Svarene afsnit for afsnit")[0]
    other = meeting.split("### Øvrige punkter")[1]
    assert "**Hvad hedder teknologien eller projektet?**" in other
