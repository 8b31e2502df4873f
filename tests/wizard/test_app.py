"""A leader prepares whole cases with the keyboard alone (Pilot at 80x24), and the saved file holds them.

The tests drive the wizard the way a leader would: arrows, Space, Enter, typed text and the
Ctrl keys; they never set answers behind the screen's back. Questions a case does not mention
get a plain answer (the first option, or a short text), so the tests keep working as the flow
grows.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from flows import Kind, Verdict, default_flow, evaluate
from outputs.answers.file import load_answers
from tests.flows import cases
from wizard.app import WizardApp, open_preparation
from wizard.pages import JUDGEMENT, SUMMARY, outline
from wizard.screens.prepare import PrepareScreen

SIZE = (80, 24)


def clock() -> datetime:
    return datetime(2025, 3, 4, 14, 3, 27)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new_app(path: Path | None = None) -> WizardApp:
    flow = default_flow()
    preparation = open_preparation(path, flow, clock) if path else None
    return WizardApp(flow, preparation=preparation, clock=clock, text_save_delay=0.05)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def answer_current(pilot, app: WizardApp, wanted) -> None:
    """Answer the question on screen with keys only: arrows and Enter/Space, or typed text."""
    screen: PrepareScreen = app.screen
    question = app.flow.questions[screen.page.question_id]
    if not question.is_choice:
        await type_text(pilot, wanted)
        await pilot.press("enter")
        return
    ids = [option.id for option in question.choices]
    if question.kind is Kind.MULTI:
        for option_id in wanted:
            await pilot.press("home", *["down"] * ids.index(option_id), "space")
        await pilot.press("enter")
    else:
        await pilot.press("home", *["down"] * ids.index(wanted), "enter")
    await pilot.pause()


def plain_answer(question):
    if not question.is_choice:
        return "Noteret."
    first = question.choices[0].id
    return (first,) if question.kind is Kind.MULTI else first


async def walk_to_summary(pilot, app: WizardApp, case: dict, reason: str, discuss: str | None = None) -> dict:
    """Answer every page until the summary; returns the answers given, by question id."""
    given: dict = {}
    for _ in range(400):  # a bound, so a navigation bug fails the test instead of hanging it
        screen: PrepareScreen = app.screen
        page = screen.page
        if page == SUMMARY:
            return given
        if page == JUDGEMENT:
            await pilot.press("enter")  # nothing is preselected: Enter picks "Jeg er enig" and moves to the reason
            await type_text(pilot, reason)
            await pilot.press("enter", "enter")  # to the traits, then on (keep the suggested traits)
            await pilot.pause()
            continue
        question = app.flow.questions[page.question_id]
        wanted = case.get(question.id, plain_answer(question))
        if question.id == discuss:
            await pilot.press("ctrl+t")
            await pilot.press("tab", "tab")  # past the mark to the note
            await type_text(pilot, "Tag det op med MED")
            await pilot.press("shift+tab", "shift+tab")
        await answer_current(pilot, app, wanted)
        given[question.id] = wanted
    raise AssertionError("the walk never reached the summary")


def test_simple_tool_prepared_with_keys_alone_is_saved(workdir):
    async def scenario():
        app = new_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")  # start screen: ./forberedelse.toml, new
            await pilot.pause()
            assert isinstance(app.screen, PrepareScreen)
            given = await walk_to_summary(pilot, app, cases.SIT_STAND_DESKS, "Kun nye borde.")
            await pilot.press("enter")  # export to the suggested ./forberedelse.md
            await pilot.pause()
            message = app.screen.query_one("#export-message")
            assert "Noten er gemt" in str(message.render())
            assert app.screen.get_widget_at(*message.region.offset)[0] is message  # on screen, not below it
            await pilot.press("ctrl+q")
            await pilot.pause()
        return app, given

    app, given = asyncio.run(scenario())
    assert app.return_code == 0
    flow = default_flow()
    answers = load_answers(workdir / "forberedelse.toml", flow)
    evaluation = evaluate(flow, answers)
    assert evaluation.verdict is Verdict.SIMPLE
    assert "kort-overblik" in [section.id for section in evaluation.visible_sections]
    assert evaluation.answered == evaluation.visible
    for question_id, value in given.items():
        assert answers.values[question_id] == value
    assert answers.judgement is Verdict.SIMPLE  # the agreement the screen showed is in the file
    assert answers.judgement_reason == "Kun nye borde."
    assert (workdir / "forberedelse.md").read_text(encoding="utf-8").startswith("#")
    assert not list(workdir.glob(".*.lock"))  # the lock went with the app


def test_screen_visits_change_the_core_task_with_mediation(workdir):
    async def scenario():
        app = new_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            given = await walk_to_summary(
                pilot, app, cases.SCREEN_VISITS, "Skærmen ændrer mødet med borgeren.", discuss="kontakt-aendres"
            )
            summary = str(app.screen.query_one("#summary").render())
            assert "Forandring af kerneopgaven" in summary
            assert "Medialisering" in summary
            await pilot.press("ctrl+q")
            await pilot.pause()
        return given

    given = asyncio.run(scenario())
    flow = default_flow()
    answers = load_answers(workdir / "forberedelse.toml", flow)
    evaluation = evaluate(flow, answers)
    assert evaluation.verdict is Verdict.CHANGE
    assert evaluation.traits == ("medialisering",)
    assert answers.traits is None  # the leader kept the triage's suggestion
    assert evaluation.answered == evaluation.visible
    medialisering = [s for s in evaluation.visible_sections if s.trait == "medialisering"]
    assert medialisering, "the mediation questions follow from the trait"
    assert all(q.id in answers.values for q in medialisering[0].questions if evaluation.is_visible(q.id))
    for question_id, value in given.items():
        assert answers.values[question_id] == value
    assert answers.discuss == frozenset({"kontakt-aendres"})
    assert answers.notes == {"kontakt-aendres": "Tag det op med MED"}
    assert answers.judgement_reason == "Skærmen ændrer mødet med borgeren."


def test_reopening_resumes_at_the_first_unanswered_question_with_answers_in_place(workdir):
    async def first_session():
        app = new_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await type_text(pilot, "Skærmbesøg")
            await pilot.press("enter")
            await type_text(pilot, "Borgere ses på skærm.")
            await pilot.press("ctrl+n", "home", "down", "enter")  # fagomraade: social og sundhed
            await pilot.press("ctrl+q")
            await pilot.pause()

    async def second_session():
        app = new_app(Path("forberedelse.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            page = app.screen.page
            await pilot.press("ctrl+p", "ctrl+p")  # back to the description: the text is there
            await pilot.pause()
            text = app.screen.query_one("#answer").text
            status = str(app.screen.query_one("#save-status").render())
        return page, text, status

    asyncio.run(first_session())
    page, text, status = asyncio.run(second_session())
    flow = default_flow()
    assert page.question_id == evaluate(flow, load_answers(workdir / "forberedelse.toml", flow)).first_unanswered().id
    assert page.question_id == "fase"
    assert text == "Borgere ses på skærm."
    assert "./forberedelse.toml" in status


def test_changing_an_answer_that_hides_answered_questions_asks_first_and_keeps_them(workdir):
    async def scenario():
        app = new_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await walk_to_summary(pilot, app, cases.SIT_STAND_DESKS, "Borde.")
            flow = app.flow
            before = app.preparation.evaluation
            assert before.verdict is Verdict.SIMPLE and before.judgement is Verdict.SIMPLE
            entries = [entry.page for entry in outline(flow, before)]
            await pilot.press("ctrl+o", "home", *["down"] * entries.index(JUDGEMENT), "enter")  # to "Din vurdering"
            await pilot.pause()
            assert app.screen.page == JUDGEMENT
            await pilot.press("end", "enter")  # "forandring": the short overview would go
            await pilot.pause()
            dialog_text = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
            assert "ikke længere relevante" in dialog_text
            assert "står i noten under »Tekst, der ikke længere tæller«" in dialog_text
            choices = app.screen.query_one("#dialog-choices")  # four questions hide: the choices still show
            assert app.screen.get_widget_at(*choices.region.offset)[0] is choices
            await pilot.press("down", "enter")  # "Nej, behold det gamle svar"
            await pilot.pause()
            assert app.preparation.answers.judgement is Verdict.SIMPLE
            await pilot.press("end", "enter")
            await pilot.pause()
            await pilot.press("enter")  # "Ja, skift svaret"
            await pilot.pause()
            after = app.preparation.evaluation
            kept = load_answers(Path("forberedelse.toml"), flow)
            await pilot.press("shift+tab")  # from the reason back to the list
            await pilot.press("home", "enter")  # back to "Jeg er enig": nothing is hidden, no question asked
            await pilot.pause()
            again = app.preparation.evaluation
            await pilot.press("ctrl+q")
            await pilot.pause()
        return before, after, kept, again

    before, after, kept, again = asyncio.run(scenario())
    assert after.judgement is Verdict.CHANGE and after.disagrees
    assert not after.is_visible("kort-formaal")
    assert "kort-formaal" not in after.visible_answers  # hidden answers count nowhere
    assert "kort-formaal" in kept.values  # ... but they are kept in the file
    assert again.judgement is Verdict.SIMPLE and not again.disagrees
    assert again.visible_answers["kort-formaal"] == before.visible_answers["kort-formaal"]


def test_save_error_is_shown_answers_stay_and_another_path_can_be_chosen(workdir, monkeypatch):
    import wizard.session as app_module  # Preparation saves through wizard.session
    from outputs.storage import saving

    real_save = saving.save_answers

    def failing_save(path, flow, answers):
        if Path(path).name == "forberedelse.toml":
            raise saving.SaveError("Filen ./forberedelse.toml kunne ikke gemmes: der er ikke mere plads på disken.")
        real_save(path, flow, answers)

    monkeypatch.setattr(app_module, "save_answers", failing_save)

    async def scenario():
        app = new_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.press("ctrl+n", "ctrl+n", "home", "down", "enter")  # fagomraade
            await pilot.pause()
            status = str(app.screen.query_one("#save-status").render())
            assert "IKKE GEMT" in status and "plads på disken" in status
            assert app.screen.query_one("#save-status").has_class("error")
            assert app.preparation.answers.values["fagomraade"] == "social-og-sundhed"
            await pilot.press("ctrl+q")  # cannot save: asks instead of quitting
            await pilot.pause()
            assert app.return_code is None
            await pilot.press("enter")  # "Gem et andet sted"
            await pilot.pause()
            await pilot.press("ctrl+u")
            await type_text(pilot, "andet-sted.toml")
            await pilot.press("enter")
            await pilot.pause()
            status = str(app.screen.query_one("#save-status").render())
            await pilot.press("ctrl+q")
            await pilot.pause()
        return app, status

    app, status = asyncio.run(scenario())
    assert status == "Gemt 14:03:27 i ./andet-sted.toml"
    assert app.return_code == 0
    answers = load_answers(workdir / "andet-sted.toml", default_flow())
    assert answers.values["fagomraade"] == "social-og-sundhed"


def test_a_locked_file_is_not_opened(workdir):
    from outputs.storage.saving import AnswersLock
    from wizard.app import OpenError

    other = AnswersLock(workdir / "forberedelse.toml")
    other.acquire()
    try:
        with pytest.raises(OpenError) as caught:
            open_preparation(Path("forberedelse.toml"), default_flow(), clock)
    finally:
        other.release()
    assert caught.value.message  # the lock's own Danish message, naming who holds it


def test_a_file_with_errors_is_not_opened_and_not_touched(workdir, monkeypatch, capsys):
    from wizard import terminal
    from wizard.app import run_app

    broken = (
        '[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "2.0"\n\n[triage]\nglider-ind = "maaske"\n'
    )
    path = workdir / "forberedelse.toml"
    path.write_text(broken, encoding="utf-8")
    monkeypatch.setattr(terminal, "refusal", lambda: None)
    assert run_app(path, default_flow(), None) == 1
    err = capsys.readouterr().err
    assert "har fejl og er ikke åbnet" in err
    assert "forberedelse.toml:7" in err  # the problem, located
    assert path.read_text(encoding="utf-8") == broken
    assert not list(workdir.glob(".*.lock"))


def test_without_a_terminal_it_refuses_and_names_the_headless_commands(monkeypatch, capsys):
    from wizard.app import run_app

    assert run_app(None, default_flow(), None) == 2  # pytest's stdin is not a terminal
    err = capsys.readouterr().err
    assert "terminal" in err
    for command in ("wizard check", "wizard status", "wizard export"):
        assert command in err


def test_every_key_is_listed_in_the_help(workdir):
    async def scenario():
        app = new_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "ctrl+g")
            await pilot.pause()
            text = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
            await pilot.press("escape", "ctrl+q")
        return text

    text = asyncio.run(scenario()).lower()
    names = {"pagedown": "page down", "pageup": "page up"}
    for binding in [*WizardApp.BINDINGS, *PrepareScreen.BINDINGS]:
        if binding.action == "help_quit":  # Ctrl+C only tells how to quit
            continue
        for key in binding.key.split(","):
            assert names.get(key, key) in text, f"{key} ({binding.action}) is not in the help"


def test_a_file_of_an_older_flow_version_says_what_changed_when_opened(workdir):
    old = Path(__file__).parent.parent / "corpus" / "flow-1.0" / "skaermbesoeg-i-hjemmeplejen.toml"
    path = workdir / "gammel.toml"
    path.write_bytes(old.read_bytes())

    async def scenario():
        app = new_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            messages = [notification.message for notification in app._notifications]
            await pilot.press("ctrl+q")
            await pilot.pause()
        return messages

    messages = asyncio.run(scenario())
    assert any("skrevet til version 1.0" in message and "spørgsmål er nye" in message for message in messages)


def test_the_start_screen_fits_80_by_24_with_the_real_flow() -> None:
    """Everything down to the hint about ^ is on the screen at 80x24: nothing to scroll for (issue 19)."""

    async def scenario() -> int:
        app = WizardApp(default_flow())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            return app.screen.query_one("#start").max_scroll_y

    assert asyncio.run(scenario()) == 0
