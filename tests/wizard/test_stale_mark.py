"""On the screens, an answer whose question changed since is marked, found through the outline, and
kept by Enter (Pilot at 80x24). The flow is the shipped one with one question worded differently."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from flows import Answers
from flows.fingerprint import fingerprint, refreshed
from outputs.answers.file import dumps_answers, load_answers
from tests.outputs.test_stale_answers import FLOW, NEW_TEXT, reworded_flow
from wizard.app import WizardApp, open_preparation
from wizard.screens.prepare import PrepareScreen
from wizard.session import CHANGED_MARK

SIZE = (80, 24)


def clock() -> datetime:
    return datetime(2025, 3, 4, 14, 3, 27)


def question_text(app: WizardApp) -> str:
    return str(app.screen.query_one(".question").render())


def test_the_changed_question_is_marked_found_in_the_outline_and_kept_with_enter(tmp_path: Path) -> None:
    asyncio.run(_scenario(tmp_path))


async def _scenario(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    given = Answers(values={"navn": "Skærmbesøg", "glider-ind": "nej", "fase": "ide"})
    path.write_text(dumps_answers(FLOW, refreshed(FLOW, Answers(), given)), encoding="utf-8")
    flow = reworded_flow()
    app = WizardApp(flow, preparation=open_preparation(path, flow, clock), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen: PrepareScreen = app.screen
        assert screen.page.question_id != "glider-ind"
        assert CHANGED_MARK not in question_text(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("#outline").choices[0][1].startswith("Ændrede spørgsmål")
        await pilot.press("home", "enter")
        await pilot.pause()
        assert screen.page.question_id == "glider-ind"
        assert question_text(app) == f"{NEW_TEXT}\n{CHANGED_MARK}"
        await pilot.press("enter")  # on the answer already chosen: it still holds
        await pilot.pause()
        assert screen.page.question_id != "glider-ind"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not app.screen.query_one("#outline").choices[0][1].startswith("Ændrede spørgsmål")
        await pilot.press("escape")
    saved = load_answers(path, flow)
    assert saved.values["glider-ind"] == "nej"
    assert saved.fingerprints["glider-ind"] == fingerprint(flow.questions["glider-ind"])
    assert saved.fingerprints["navn"] == fingerprint(FLOW.questions["navn"])


def test_the_plain_mode_marks_the_changed_question_and_keeps_the_answer_with_enter(tmp_path: Path) -> None:
    from flows import default_flow_text
    from tests.outputs.test_stale_answers import OLD_TEXT
    from tests.wizard.plain_pty import PlainSession

    flow_path = tmp_path / "ny.toml"
    flow_path.write_text(default_flow_text().replace(OLD_TEXT, NEW_TEXT), encoding="utf-8")
    # every question before 'glider-ind' answered, so the plain mode resumes at the question that changed
    given = Answers(values={"navn": "Skærmbesøg", "glider-ind": "nej"})
    flow = reworded_flow()
    first = flow.questions["beskrivelse"]
    assert first.id != "glider-ind"
    path = tmp_path / "svar.toml"
    path.write_text(dumps_answers(FLOW, refreshed(FLOW, Answers(), given)), encoding="utf-8")
    session = PlainSession(tmp_path, ["--plain", "--flow", str(flow_path), "svar.toml"])
    try:
        session.wait_for("formuleret om")  # the notice on opening
        session.wait_for(first.text[:30])
        for _ in range(6):  # on through the questions before it, leaving them unanswered
            session.send("")
        session.wait_for(CHANGED_MARK[:30])
        session.send("")  # Enter alone: the answer is kept, and its new wording recorded
        session.send("q")
        assert session.finish() == 0
    finally:
        session.close()
    saved = load_answers(path, flow)
    assert saved.values["glider-ind"] == "nej"
    assert saved.fingerprints["glider-ind"] == fingerprint(flow.questions["glider-ind"])
