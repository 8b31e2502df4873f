"""Issue 19: the screens as a leader meets them at 80x24, keyboard only (Pilot).

Start screen with the folder's preparations, the short live panel, Enter on a several-choice
question, numbered options, the multi-line note, resuming on a cut-off text, the pinned
reassurance before hiding answers, the goodbye, and the small words.
"""

from __future__ import annotations

import asyncio
import io
from datetime import datetime
from pathlib import Path

import pytest

from flows import Answers, default_flow, evaluate
from outputs.answers.file import load_answers
from outputs.storage.saving import save_answers
from outputs.wording.page_texts import traits_label
from wizard.app import WizardApp, open_preparation, print_wrapped
from wizard.pages import Page, resume_point
from wizard.screens.dialogs import HideAnswersDialog
from wizard.screens.prepare import PrepareScreen
from wizard.screens.start import StartScreen
from wizard.welcome_and_goodbye import goodbye_lines
from wizard.widgets.verdict_panel import strongest_reasons

SIZE = (80, 24)
FLOW = default_flow()
ROOT = Path(__file__).resolve().parents[2]


def clock() -> datetime:
    return datetime(2025, 3, 4, 14, 3, 27)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def app_on(path: Path | None) -> WizardApp:
    preparation = open_preparation(path, FLOW, clock) if path else None
    return WizardApp(FLOW, preparation=preparation, clock=clock, text_save_delay=0.05)


def rendered(widget) -> str:
    """The text of ``widget`` as the terminal shows it (cut by whatever covers or clips it)."""
    region = widget.region
    lines = widget.app.screen._compositor.render_strips()
    return "\n".join(strip.text[region.x : region.right] for strip in lines[region.y : region.bottom])


# -- 2. the start screen ---------------------------------------------------------------------------


def test_the_start_screen_lists_the_preparations_here_and_enter_opens_one(workdir: Path) -> None:
    save_answers(Path("koerelister.toml"), FLOW, Answers(values={"navn": "Digitale kørelister", "glider-ind": "nej"}))
    save_answers(Path("ovn.toml"), FLOW, Answers(values={"navn": "Ny ovn"}))
    Path("brudt.toml").write_text('[svarfil]\nformat = 1\nforloeb = "kerneopgave"\n[triage]\nglider-ind = "maaske"\n')
    Path("pyproject.toml").write_text("[tool.x]\na = 1\n")  # not a preparation: not listed
    Path("noter.txt").write_text("ikke toml")

    async def scenario() -> tuple[str, int, str, Path]:
        app = app_on(None)
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StartScreen)
            listing = rendered(screen.query_one("#start-list"))
            scroll = screen.query_one("#start").max_scroll_y
            broken = [index for index, entry in enumerate(screen.entries) if entry.problem]
            await pilot.press("home", *["down"] * broken[0], "enter")  # the broken one: said, not opened
            await pilot.pause()
            message = str(screen.query_one("#start-message").render())
            wanted = next(i for i, entry in enumerate(screen.entries) if entry.path.name == "koerelister.toml")
            await pilot.press("home", *["down"] * wanted, "enter")
            await pilot.pause()
            assert isinstance(app.screen, PrepareScreen)
            return listing, scroll, message, app.preparation.path

    listing, scroll, message, opened = asyncio.run(scenario())
    assert "koerelister.toml" in listing and "Digitale kørelister" in listing
    answered = evaluate(FLOW, load_answers(workdir / "koerelister.toml", FLOW)).answered
    assert f"{answered} af " in listing and "i dag" in listing
    assert "brudt.toml" in listing and "kan ikke åbnes" in listing
    assert "pyproject.toml" not in listing and "noter.txt" not in listing
    assert "1. " in listing and "Start en ny forberedelse" in listing and "Åbn en anden fil" in listing
    assert scroll == 0  # fits 80x24 without scrolling
    assert "brudt.toml kan ikke åbnes: fejl i linje 5" in message
    assert opened.name == "koerelister.toml"


def test_new_from_the_start_screen_suggests_a_free_name(workdir: Path) -> None:
    save_answers(Path("forberedelse.toml"), FLOW, Answers(values={"navn": "Første"}))

    async def scenario() -> Path:
        app = app_on(None)
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("end", "up", "enter")  # "Start en ny forberedelse"
            await pilot.press("enter")  # the suggested name
            await pilot.pause()
            return app.preparation.path

    assert asyncio.run(scenario()).name == "forberedelse-2.toml"


# -- 3. the live panel and the title bar ------------------------------------------------------------


def test_the_live_panel_and_title_bar_fit_80_columns_without_cutting_words(workdir: Path) -> None:
    values = {"navn": "Skærmbesøg", "glider-ind": "nej", "aendrer-opgaveloesning": "betydeligt"}
    save_answers(Path("svar.toml"), FLOW, Answers(values=values))

    async def scenario() -> tuple[str, str, str]:
        app = app_on(Path("svar.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.screen.show_page(Page("spørgsmål", "kontakt-aendres"))  # a triage question
            await pilot.pause()
            panel = app.screen.query_one("#verdict")
            top = app.screen.query_one("#topbar")
            return rendered(panel), rendered(top), str(app.screen.query_one("#where").render())

    panel, top, where = asyncio.run(scenario())
    lines = [line.rstrip() for line in panel.splitlines() if line.strip(" ─")]
    evaluation = evaluate(FLOW, Answers(values=values))
    assert len(lines) == 3
    assert "Værktøjets bud:" in lines[0]
    reason = strongest_reasons(evaluation)[0]
    assert reason.title in lines[1]
    assert "Ctrl+R" in lines[2]
    assert where in top and "…" not in top  # the section's title is whole


def test_the_strongest_reasons_pull_towards_the_verdict() -> None:
    evaluation = evaluate(FLOW, Answers(values={"glider-ind": "ja", "aendrer-opgaveloesning": "nej"}))
    assert all(reason.points < 0 for reason in strongest_reasons(evaluation))
    evaluation = evaluate(FLOW, Answers(values={"glider-ind": "nej", "aendrer-opgaveloesning": "betydeligt"}))
    assert all(reason.points > 0 for reason in strongest_reasons(evaluation))


# -- 4. keys ----------------------------------------------------------------------------------------


def several_choice_file() -> tuple[str, Answers]:
    """Answers that put a several-choice question first unanswered (the flow's first multi question)."""
    answers = Answers()
    for _ in range(200):
        question = evaluate(FLOW, answers).first_unanswered()
        assert question is not None
        if question.kind.value == "flervalg":
            return question.id, answers
        value = question.choices[0].id if question.is_choice else "Noteret."
        answers = Answers(values={**answers.values, question.id: value})
    raise AssertionError("no several-choice question")


def test_enter_on_a_several_choice_question_with_nothing_ticked_picks_the_highlighted_and_says_so(
    workdir: Path,
) -> None:
    question_id, answers = several_choice_file()
    save_answers(Path("svar.toml"), FLOW, answers)

    async def scenario() -> tuple[str, list[str], str]:
        app = app_on(Path("svar.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.screen.show_page(Page("spørgsmål", question_id))
            await pilot.pause()
            shown = rendered(app.screen.query_one("#answer"))
            await pilot.press("enter")
            await pilot.pause()
            notices = [notification.message for notification in app._notifications]
            return shown, notices, app.screen.page.question_id

    shown, notices, now_on = asyncio.run(scenario())
    question = FLOW.questions[question_id]
    assert "1. [ ]" in shown and "2. [ ]" in shown  # numbered, as the keys 1-9 pick them
    saved = load_answers(workdir / "svar.toml", FLOW).values[question_id]
    assert saved == (question.choices[0].id,)
    assert any(f"Du har valgt »{question.choices[0].label}«" in notice for notice in notices)
    assert now_on != question_id


def test_the_note_is_a_multi_line_field_with_visible_focus_and_is_saved(workdir: Path) -> None:
    async def scenario() -> tuple[str, str, str]:
        app = app_on(Path("svar.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            note = app.screen.query_one("#note")
            before = rendered(note)
            await pilot.press("tab", "tab")  # past the mark to the note
            assert app.focused is note
            await pilot.press(*"Spørg MED", "ctrl+j", *"og arbejdsmiljø")
            await pilot.pause(0.2)
            return before, rendered(note), app.screen.page.question_id

    before, focused, question_id = asyncio.run(scenario())
    assert "╭" in before and "┏" in focused  # the border turns heavy: seen without colour too
    assert "Spørg MED" in focused and "og arbejdsmiljø" in focused  # two lines, not one scrolling sideways
    assert load_answers(workdir / "svar.toml", FLOW).notes == {question_id: "Spørg MED\nog arbejdsmiljø"}


# -- 5. resume --------------------------------------------------------------------------------------


def test_reopening_after_a_cut_off_text_returns_to_it_and_says_it_may_be_unfinished(workdir: Path) -> None:
    async def cut_off() -> None:
        app = app_on(Path("svar.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"Skærmbesøg", "enter")
            await pilot.press(*"Borgere ses på skærm, og")  # the line drops mid-sentence
            await pilot.pause(0.2)  # the pause in typing saves

    async def reopen() -> tuple[str, str, list[str]]:
        app = app_on(Path("svar.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            notices = [notification.message for notification in app._notifications]
            return app.screen.page.question_id, app.screen.query_one("#answer").text, notices

    asyncio.run(cut_off())
    question_id, text, notices = asyncio.run(reopen())
    assert question_id == "beskrivelse"
    assert text == "Borgere ses på skærm, og"
    assert any("uafsluttet" in notice for notice in notices)


def test_a_choice_last_resumes_at_the_first_unanswered_without_a_warning() -> None:
    evaluation = evaluate(FLOW, Answers(values={"navn": "X", "beskrivelse": "Y", "fagomraade": "social-og-sundhed"}))
    page, maybe_cut_off = resume_point(evaluation)
    assert page.question_id == evaluation.first_unanswered().id and not maybe_cut_off


# -- 6. hiding answers ------------------------------------------------------------------------------


def test_the_reassurance_stays_in_view_however_many_answers_are_hidden(workdir: Path) -> None:
    texts = [FLOW.questions[question_id].text for question_id in list(FLOW.questions)[:40]]
    save_answers(Path("svar.toml"), FLOW, Answers(values={"navn": "X"}))

    async def scenario() -> tuple[bool, bool, str]:
        app = app_on(Path("svar.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.push_screen(HideAnswersDialog(texts, "./svar.toml"))
            await pilot.pause()
            dialog = app.screen
            screen_region = dialog.region
            pinned = dialog.query_one("#dialog-pinned")
            choices = dialog.query_one("#dialog-choices")
            shown = (pinned, choices)
            inside = all(screen_region.contains_region(w.region) and w.region.height > 0 for w in shown)
            whole = pinned.region.height >= len(rendered(pinned).strip().splitlines())
            return inside, whole, rendered(pinned)

    inside, whole, pinned = asyncio.run(scenario())
    assert inside and whole
    assert "Svarene bliver i filen ./svar.toml" in pinned.replace("\n", " ").replace("  ", " ") or (
        "svarene bliver i filen ./svar.toml" in " ".join(pinned.split())
    )


# -- 7. goodbye -------------------------------------------------------------------------------------


def test_the_goodbye_names_the_file_how_far_and_the_commands() -> None:
    evaluation = evaluate(FLOW, Answers(values={"navn": "X"}))
    lines = goodbye_lines(evaluation, FLOW, Path("svar.toml"), saved=True, where="Om teknologien", command="./start")
    text = "\n".join(lines)
    assert "Dine svar er gemt i ./svar.toml." in text
    assert "1 af omkring" in text and "»Om teknologien«" in text
    assert "Fortsæt:    ./start ./svar.toml" in text
    assert "Lav noten:  ./start export ./svar.toml -o ./svar.md" in text
    plain = goodbye_lines(evaluation, FLOW, Path("svar.toml"), saved=True, command="wizard", plain=True)
    assert "Fortsæt:    wizard --plain ./svar.toml" in plain
    unsaved = goodbye_lines(evaluation, FLOW, Path("svar.toml"), saved=False)
    assert unsaved == ["Dine seneste svar er IKKE gemt i ./svar.toml. Det, der blev gemt før, står i filen."]


# -- 8. small words ---------------------------------------------------------------------------------


def test_printed_messages_break_between_words(monkeypatch) -> None:
    import shutil

    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback=(80, 24): __import__("os").terminal_size((80, 24)))
    message = (
        "Svarfilen ./forberedelse.toml er i brug af brugeren mette på maskinen server01 (proces 274917) siden "
        "14:03. Luk den anden session, eller vent til den er færdig; filen bliver fri, så snart den anden "
        "session slutter."
    )

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    print_wrapped(message, stream)
    lines = stream.getvalue().splitlines()
    assert len(lines) > 1 and all(len(line) <= 80 for line in lines)
    assert " ".join(stream.getvalue().split()) == message  # broken only where there was a space
    log = io.StringIO()  # not a terminal: a script reads the message as it is
    print_wrapped(message, log)
    assert log.getvalue() == message + "\n"


def test_the_traits_heading_says_preselected_only_when_something_is() -> None:
    nothing = evaluate(FLOW, Answers(values={"glider-ind": "ja"}))
    assert not nothing.suggested_traits
    assert "forvalgt" not in traits_label(nothing, None) and "på forhånd" not in traits_label(nothing, None)
    suggested = evaluate(FLOW, Answers(values={"glider-ind": "nej", "kontakt-aendres": "erstattes"}))
    assert suggested.suggested_traits and "valgt på forhånd" in traits_label(suggested, None)


def test_exporting_to_a_folder_that_does_not_exist_says_so_plainly(workdir: Path) -> None:
    save_answers(Path("svar.toml"), FLOW, Answers(values={"navn": "X"}))

    async def scenario() -> str:
        app = app_on(Path("svar.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            from wizard.pages import SUMMARY

            await app.screen.show_page(SUMMARY)
            field = app.screen.query_one("#export-path")
            field.value = "wiki/svar.md"
            await pilot.press("enter")
            await pilot.pause()
            return str(app.screen.query_one("#export-message").render())

    message = asyncio.run(scenario())
    assert "Mappen ./wiki findes ikke" in message and "længere" not in message


def test_the_data_ethics_section_does_not_claim_what_the_leader_did_not_answer() -> None:
    section = next(section for section in FLOW.sections if section.id == "dataetik")
    assert "ikke ved det" in section.intro  # the section also follows "Ved ikke"


def test_readme_names_the_commands_that_work_on_a_fresh_clone() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "Opsummeringen" not in readme and "**Sammenfatning og eksport**" in readme
    assert "./start forberedelse.toml" in readme and ".venv/bin/wizard" in readme
    assert "første `./start`" in readme.lower() or "første gang" in readme


def test_a_finished_sentence_or_the_name_alone_resumes_at_the_first_unanswered() -> None:
    finished = evaluate(FLOW, Answers(values={"navn": "X", "beskrivelse": "Borgere ses på skærm."}))
    assert resume_point(finished) == (Page("spørgsmål", finished.first_unanswered().id), False)
    name_only = evaluate(FLOW, Answers(values={"navn": "Skærmbesøg i hjemmeplejen"}))  # as `template --data` makes
    assert resume_point(name_only) == (Page("spørgsmål", "beskrivelse"), False)
    cut = evaluate(FLOW, Answers(values={"navn": "X", "beskrivelse": "Borgere ses på skærm, og"}))
    assert resume_point(cut) == (Page("spørgsmål", "beskrivelse"), True)


def test_the_plain_mode_also_returns_to_a_cut_off_text_and_says_so_then_says_goodbye(workdir: Path) -> None:
    from wizard.plain import run_plain

    save_answers(Path("svar.toml"), FLOW, Answers(values={"navn": "X", "beskrivelse": "Borgere ses på skærm, og"}))
    written = io.StringIO()
    code = run_plain(Path("svar.toml"), FLOW, read=io.StringIO("q\n"), write=written)
    said = " ".join(written.getvalue().split())
    assert code == 0
    assert "kan det være uafsluttet" in said
    assert said.index("uafsluttet") < said.index("Beskriv kort") < said.index("Dit svar nu: Borgere ses på skærm, og")
    assert "Dine svar er gemt i ./svar.toml." in said and "--plain ./svar.toml" in said and "export ./svar.toml" in said
