"""The preparation note: what it says, in which order, and that it is the same every time."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from flows import Answers, Verdict, default_flow, evaluate
from outputs.note.agenda import meeting_agenda
from outputs.note.facts import NoteFacts, file_facts
from outputs.note.markdown import (
    APPENDIX_HEADING,
    HIDDEN_HEADING,
    NEUTRAL_TITLE,
    render_markdown,
    wiki_parser,
    write_markdown,
)
from tests.outputs.md_tokens import labelled, outline, parse, part, question_blocks, table_rows

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
    assert titles == ["Til mødet", "Bud og vurdering", "Relevante træk", APPENDIX_HEADING, "Kilder"]
    hidden = change_answers(values={**change_answers().values, "kort-formaal": "Skrevet før triagen."})
    titles = [text for level, text in outline(parse(note(hidden))) if level == 2]
    assert titles == ["Til mødet", "Bud og vurdering", "Relevante træk", HIDDEN_HEADING, APPENDIX_HEADING, "Kilder"]


def words_before_the_agenda(text: str) -> int:
    return len(text.split("## Til mødet")[0].split())


def test_the_front_page_is_the_verdict_the_leaders_view_and_then_the_agenda() -> None:
    answers = change_answers(judgement=Verdict.SIMPLE, judgement_reason="Det er kun et forsøg i ét distrikt.")
    front = note(answers).split("## Til mødet")[0]
    assert "**Værktøjets bud: forandring af kerneopgaven**" in front
    assert "Lederen er **uenig** og vurderer, at teknologien er et simpelt redskab" in front
    assert labelled(parse(front), "Begrundelse:") == ["Det er kun et forsøg i ét distrikt."]
    assert words_before_the_agenda(note(answers)) < 120


def test_a_long_reason_is_shortened_on_the_front_page_and_given_in_full_under_the_verdict() -> None:
    reason = " ".join(f"ord{number}" for number in range(400))
    text = note(change_answers(judgement=Verdict.SIMPLE, judgement_reason=reason))
    assert words_before_the_agenda(text) <= 250
    assert "ord69 … (hele begrundelsen står under »Bud og vurdering«)" in text.split("## Til mødet")[0]
    assert "ord70" not in text.split("## Til mødet")[0]
    assert labelled(parse(text.split("## Bud og vurdering")[1]), "Begrundelse:") == [reason]


def test_the_status_line_says_draft_or_done_and_the_flow_and_its_version() -> None:
    status = note(change_answers()).split("\n\n")[1]
    evaluation = evaluate(FLOW, change_answers())
    assert status.startswith(
        f"*Kladde:* {evaluation.answered} af {evaluation.visible} relevante spørgsmål er besvaret."
    )
    assert f"`kerneopgave` version {FLOW.version}" in status
    assert "udarbejdet af" not in status and "sidst ændret" not in status  # no file, no facts


def test_the_status_line_names_who_prepared_it_and_when_it_last_changed() -> None:
    facts = NoteFacts(changed=date(2026, 3, 12), prepared_by="Mette *Hansen*")
    status = render_markdown(FLOW, change_answers(), facts).split("\n\n")[1]
    assert "udarbejdet af Mette \\*Hansen\\* og sidst ændret 12. marts 2026." in status


def test_a_fully_answered_preparation_is_done() -> None:
    answers = change_answers()
    evaluation = evaluate(FLOW, answers)
    values = dict(answers.values)
    for question in evaluation.visible_questions:
        values.setdefault(question.id, "Svar." if not question.is_choice else question.choice_ids[0])
    while (evaluation := evaluate(FLOW, replace(answers, values=values))).first_unanswered() is not None:
        question = evaluation.first_unanswered()
        values[question.id] = "Svar." if not question.is_choice else question.choice_ids[0]
    text = note(replace(answers, values=values))
    assert f"*Færdig:* alle {evaluation.visible} relevante spørgsmål er besvaret." in text


def test_text_is_lf_with_one_trailing_newline_no_trailing_spaces_and_no_tabs() -> None:
    text = note(change_answers(notes={"fase": "a  \r\nb\t\n\n"}))
    assert "\r" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert not re.search(r"[ \t]$", text, flags=re.MULTILINE)
    assert "\t" not in text
    assert "\n\n\n" not in text


def test_the_technology_table_shows_labels_not_ids_and_not_the_name_again() -> None:
    rows = dict(table_rows(parse(note(change_answers()))))
    assert rows["Hvilket fagområde hører den til?"] == "Social og sundhed, herunder ældrepleje"
    assert rows["Hvor kommer initiativet fra?"] == "Ikke besvaret"
    assert "Hvad hedder teknologien eller projektet?" not in rows  # it is the title
    assert "Hvilken fase er projektet i?" not in rows  # "ved ikke": an open question on the agenda


def test_a_long_or_multi_line_answer_goes_below_the_table() -> None:
    description = "Tablets hos borgeren.\nVideoopkald i stedet for nogle besøg."
    values = {**change_answers().values, "beskrivelse": description}
    tokens = parse(note(change_answers(values=values)))
    assert "Beskriv kort, hvad teknologien er, og hvad den skal bruges til." not in dict(table_rows(tokens))
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


def test_the_leaders_disagreement_stands_beside_the_verdict_and_opens_the_meeting() -> None:
    answers = change_answers(judgement=Verdict.SIMPLE, judgement_reason="Det er kun et forsøg i ét distrikt.")
    tokens = parse(note(answers))
    assert (3, "Lederens egen vurdering") in outline(tokens)
    text = note(answers)
    reasoning = text.split("## Bud og vurdering")[1]
    assert "Lederen er **uenig** i buddet og vurderer, at teknologien er et simpelt redskab." in reasoning
    assert labelled(tokens, "Begrundelse:") == ["Det er kun et forsøg i ét distrikt."]  # once: on the front page
    assert "Lederen er uenig i værktøjets bud" in text.split("## Til mødet")[1]


def test_agreement_is_stated_and_no_judgement_says_so_on_the_front_page() -> None:
    agreeing = note(change_answers(judgement=Verdict.CHANGE))
    assert "Lederen er enig og vurderer" in agreeing.split("## Til mødet")[0]
    assert "Lederen er enig i buddet" in agreeing
    undecided = note(change_answers())
    assert "Lederen har endnu ikke taget stilling til buddet." in undecided.split("## Til mødet")[0]
    assert "Lederens egen vurdering" not in undecided


def test_a_reason_without_a_judgement_is_kept_and_said_to_be_one() -> None:
    text = note(change_answers(judgement_reason="Jeg er i tvivl."))
    assert "Lederen har ikke valgt en vurdering, men har skrevet en begrundelse." in text
    assert labelled(parse(text), "Begrundelse:") == ["Jeg er i tvivl."]


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


def meeting_part(text: str) -> str:
    return text.split("## Til mødet")[1].split("## Bud og vurdering")[0]


def points(text: str) -> list[str]:
    """The numbered points of "Til mødet", each as its Markdown (number stripped)."""
    found = re.findall(r"^(\d+)\. (.*?)(?=^\d+\. |^### |\Z)", meeting_part(text), flags=re.MULTILINE | re.DOTALL)
    assert [int(number) for number, _ in found] == list(range(1, len(found) + 1))
    return [body.strip() for _, body in found]


def test_the_agenda_has_marked_points_first_then_meeting_answers_and_notes_then_open_questions() -> None:
    values = {
        **change_answers().values,
        "ker-faelles-syn": "ved-ikke",
        "data-formaal": "x",
        "komp-hjul": ("anvendelse",),
    }
    values["indd-med-droeftelser"] = "Hvem beslutter, hvilke borgere der får skærmbesøg?"
    answers = change_answers(
        values=values,
        discuss=frozenset({"kontakt-aendres", "data-formaal", "komp-hjul", "med-til-moedet"}),
        notes={"kontakt-aendres": "Hvad med borgere med demens?", "ker-relation": "Spørg ældrerådet."},
    )
    found = points(note(answers))
    # Marked first, by basic question (task solving before competences), in flow order within one.
    assert found[0].startswith("**Ændrer teknologien kontakten mellem medarbejdere og borgere")
    assert "Sat til drøftelse (opgaveløsningen). Svar: »En del af den personlige kontakt erstattes«." in found[0]
    assert "*Note:* Hvad med borgere med demens?" in found[0]
    assert found[1].startswith("**Hvad vil du foreslå på mødet for at bevare det, der kan gå tabt i kontakten?**")
    assert "Ikke besvaret endnu." in found[1]
    assert found[2].startswith("**Hvilke af hovedtyperne i KL's kompetencehjul skal I især styrke?**")
    assert "Sat til drøftelse (kompetencer). Svar: »Anvendelse: bruge de digitale redskaber" in found[2]
    # Then the notes and the answers to the questions asked for the meeting, unmarked as they are.
    assert found[3].startswith("**Hvordan kan teknologien påvirke forholdet mellem kommunen og borgerne?**")
    assert "Lederens note (kerneopgaven). Ikke besvaret endnu. Inddrag: Borgere, brugere eller pårørende." in found[3]
    assert found[4].startswith("**Hvilke principielle spørgsmål om teknologien skal drøftes i MED-udvalget?**")
    assert "Svar til mødet (inddragelse). Inddrag: MED-udvalget." in found[4]
    assert "*Svar:* Hvem beslutter, hvilke borgere der får skærmbesøg?" in found[4]
    assert len(found) == 5  # data-formaal is hidden (no personal data on this path): its mark does not show
    # Open questions last, grouped by basic question, with whom to involve.
    open_part = meeting_part(note(answers)).split("### Åbne spørgsmål")[1]
    core_task = "- *Kerneopgaven:*\n  - Har I en fælles opfattelse af jeres kerneopgave, "
    core_task += "som I kan vurdere teknologien ud fra?\n"
    assert core_task in open_part
    assert "- *Inddragelse:*\n  - Hvilken fase er projektet i?" in open_part
    lead = meeting_part(note(answers)).split("\n\n")[1]
    assert lead.startswith("Punkt 1–3 har lederen sat til drøftelse; punkt 4–5 er lederens svar til mødet og noter.")
    assert "To spørgsmål står åbne." in lead


def test_an_open_question_names_whom_to_involve() -> None:
    values = {**change_answers().values, "personoplysninger": "ja", "data-ansvar": "ved-ikke"}
    open_part = meeting_part(note(change_answers(values=values))).split("### Åbne spørgsmål")[1]
    assert "(inddrag: Databeskyttelsesrådgiveren (DPO))" in open_part


def test_without_points_or_notes_the_agenda_says_so_and_has_no_empty_headings() -> None:
    text = note(Answers())
    assert "Lederen har ikke sat punkter til drøftelse og har ingen noter." in meeting_part(text)
    assert "### " not in meeting_part(text)


def test_every_note_is_on_the_agenda_once_and_nowhere_else() -> None:
    notes = {"fase": "NOTE-A", "glider-ind": "NOTE-B", "ker-vaerdi": "NOTE-C", "kontakt-aendres": "NOTE-D"}
    text = note(change_answers(notes=notes))
    for marker in notes.values():
        assert text.count(marker) == 1
        assert marker in meeting_part(text)


def test_the_appendix_shows_every_other_visible_question_once_with_labels() -> None:
    answers = change_answers()
    evaluation = evaluate(FLOW, answers)
    tokens = parse(note(answers))
    appendix = part(tokens, APPENDIX_HEADING)
    shown = [row[0] for row in table_rows(appendix)] + [block.question for block in question_blocks(appendix)]
    agenda = meeting_agenda(FLOW, answers)
    on_agenda = {item.question.text for item in agenda.points + agenda.open}
    expected = [q.text for q in evaluation.visible_questions if q.text not in on_agenda and q.id != "navn"]
    assert sorted(shown) == sorted(expected)
    rows = dict(table_rows(appendix))
    assert rows["Ændrer teknologien den måde, opgaverne løses på?"] == "Betydeligt: arbejdet skal gøres på en ny måde"
    assert rows["Hvor bredt skal teknologien bruges?"] == "Ikke besvaret"
    # Several choices in the flow's order whatever the file's order.
    assert rows["Hvilke relationer kan teknologien rykke ved – til det bedre eller det værre?"] == (
        "Relationerne mellem kolleger, Relationen mellem medarbejdere og borgere"
    )


def test_each_appendix_section_cites_its_sources_once_in_the_publications_order() -> None:
    text = note(change_answers())
    appendix = text.split(f"## {APPENDIX_HEADING}")[1]
    assert "Læs mere" not in text
    context = appendix.split("### Om teknologien")[1].split("\n\n")[1]
    # Forord before the chapter "Ny teknologi i kommunerne", whose sections follow in the publication's order.
    assert context.startswith("Kilde 1: »Forord« (»Invitation til dialog og samarbejde«), »Ny teknologi i kommunerne«")
    contents = FLOW.source("fremfaerd").contents
    for line in re.findall(r"^Kilde 1: (.*?)(?:; kilde \d.*)?$", appendix, flags=re.MULTILINE):
        cited = []  # "Kapitel: Afsnit" for each section the line names, in the line's order
        for chapter, sections in re.findall(r"»([^«]+)«(?: \(([^)]*(?:\([^)]*\))?[^)]*)\))?", line):
            cited += [f"{chapter}: {name}" for name in re.findall(r"»([^«]+)«", sections)] or [chapter]
        places = [contents.index(section) for section in cited if section in contents]
        assert places == sorted(places) and places, line
    core = appendix.split("### Kerneopgave: formål og gevinster")[1].split("\n\n")[1]
    assert core.count("»1. Kerneopgave«") == 1
    assert "; kilde 4: »2. Omverdenen« (»Ledelse hele vejen rundt«)." in core  # kl-ledelse, fourth in the flow


def test_a_section_with_points_on_the_agenda_cites_them_and_points_to_them() -> None:
    values = {**change_answers().values, "ker-faelles-syn": "ved-ikke"}
    answers = change_answers(values=values, discuss=frozenset({"ker-vaerdi"}), notes={"ker-relation": "Spørg."})
    core = note(answers).split("### Kerneopgave: formål og gevinster")[1].split("### ")[0]
    assert "»Fem spørgsmål om teknologi og kerneopgave« nr. 1" in core  # ker-vaerdi's source, though on the agenda
    assert "Fra dette afsnit står punkt 1 og 2 og ét åbent spørgsmål under »Til mødet«." in core
    assert "Hvilken værdi skal teknologien skabe" not in core


def test_every_cited_section_is_in_its_sources_contents() -> None:
    for question in FLOW.questions.values():
        contents = FLOW.source(question.source.source).contents
        section = re.sub(r", nr\. \d+$", "", question.source.section)  # an item of a numbered list
        assert not contents or section in contents, question.id


def test_text_hidden_by_a_later_choice_stays_in_the_note_saying_why_it_no_longer_counts() -> None:
    values = {**change_answers().values, "kort-formaal": "HEMMELIG-TEKST", "kort-gevinst": "Mindre kørsel."}
    answers = change_answers(values=values, notes={"kort-formaal": "SKJULT-NOTE"}, discuss=frozenset({"kort-formaal"}))
    text = note(answers)
    hidden = text.split(f"## {HIDDEN_HEADING}")[1].split(f"## {APPENDIX_HEADING}")[0]
    assert "tæller ikke med" in hidden
    assert "*Hvorfor det ikke tæller:* spørgsmålet gælder kun, når vurderingen er 'simpelt redskab'." in hidden
    assert hidden.count("Hvorfor det ikke tæller") == 1  # one reason for a section hidden as a whole
    blocks = {block.question: block.answer for block in question_blocks(parse(hidden))}
    assert blocks["Hvilket problem skal teknologien løse, og for hvem?"] == "HEMMELIG-TEKST"
    assert labelled(parse(hidden), "Note:") == ["SKJULT-NOTE"]
    for marker in ("HEMMELIG-TEKST", "SKJULT-NOTE", "Mindre kørsel."):
        assert text.count(marker) == 1  # nowhere else: the answers do not count
    assert "Hvilket problem skal teknologien løse" not in meeting_part(text)


def test_hidden_choices_are_counted_but_not_shown() -> None:
    values = {**change_answers().values, "kort-formaal": "Tekst.", "std-kan-justeres": "lokalt"}
    hidden = note(change_answers(values=values)).split(f"## {HIDDEN_HEADING}")[1]
    assert "Svarfilen gemmer også ét valg til skjulte spørgsmål." in hidden
    assert "Kan standarden ændres" not in hidden


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


def test_sources_are_numbered_in_the_flows_order_once_each() -> None:
    sources = note(change_answers()).split("## Kilder")[1]
    assert sources.count("\n1. »Sammen om ny teknologi – Sådan får vi det bedste ud af de digitale muligheder«") == 1
    assert "\n4. »Ledelse i en digital tid«, KL, 2020." in sources  # the flow lists it fourth
    assert "   - " not in sources  # the sections are cited by each appendix section, not again here


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
    facts = NoteFacts(changed=date(2026, 1, 2), prepared_by="Ali")
    write_markdown(target, FLOW, change_answers(), facts)
    assert target.read_bytes() == render_markdown(FLOW, change_answers(), facts).encode("utf-8")


def test_file_facts_are_the_owners_full_name_and_the_day_of_the_last_change(tmp_path: Path) -> None:
    import os
    import pwd

    path = tmp_path / "svar.toml"
    path.write_text("", encoding="utf-8")
    stamp = datetime(2026, 3, 12, 23, 30).timestamp()
    os.utime(path, (stamp, stamp))
    entry = pwd.getpwuid(os.getuid())
    expected = entry.pw_gecos.split(",")[0].strip() or entry.pw_name
    assert file_facts(path) == NoteFacts(changed=date(2026, 3, 12), prepared_by=expected)
    assert file_facts(tmp_path / "findes-ikke.toml") == NoteFacts()


def test_wiki_parser_reads_tables_like_the_wikis() -> None:
    tokens = wiki_parser().parse("| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert any(token.type == "table_open" for token in tokens)


def test_a_point_outside_the_four_basic_questions_comes_last_tagged_other() -> None:
    found = points(note(change_answers(discuss=frozenset({"navn", "kontakt-aendres"}))))
    assert found[-1].startswith("**Hvad hedder teknologien eller projektet?**\\\n   Sat til drøftelse (øvrige).")
