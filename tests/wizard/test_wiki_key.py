"""Ctrl+L on the summary puts the note in the wiki (Pilot at 80x24, real git, no network)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from pathlib import Path

import pytest

from flows import Answers, parse_flow
from outputs.note.wiki import WIKI_VARIABLE
from outputs.storage.saving import save_answers
from tests.outputs.test_wiki import _plain_git, git, remote_and_clones  # noqa: F401 (the fixture is used)
from tests.wizard.test_snapshots import FLOW, SCREEN_VISITS, SIZE, clock
from wizard.app import WizardApp, open_preparation
from wizard.pages import SUMMARY

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ANSWERS = Answers(values={**SCREEN_VISITS.values, "kontakt-aendres": "nej", "kort-formaal": "Færre skridt."})


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "leder"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def press_ctrl_l_on_the_summary() -> str:
    """Open ./forberedelse.toml (all answered: it opens on the summary), press Ctrl+L, wait for git."""
    flow = parse_flow(FLOW, "snapshot-flow.toml")
    save_answers(Path("forberedelse.toml"), flow, ANSWERS)

    async def scenario() -> str:
        app = WizardApp(flow, preparation=open_preparation(Path("forberedelse.toml"), flow, clock), clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            assert app.screen.page == SUMMARY
            await pilot.press("ctrl+l")
            await app.workers.wait_for_complete()
            await pilot.pause()
            message = app.screen.query_one("#export-message")
            text = str(message.render())
            assert app.screen.get_widget_at(*message.region.offset)[0] is message  # on screen, not below it
            await pilot.press("ctrl+q")
        return text

    return " ".join(asyncio.run(scenario()).split())


def test_ctrl_l_commits_and_pushes_the_note_and_says_where(workdir: Path, tmp_path: Path, monkeypatch) -> None:
    remote, (wiki,) = remote_and_clones(tmp_path, "wiki")
    monkeypatch.setenv(WIKI_VARIABLE, str(wiki))

    message = press_ctrl_l_on_the_summary()

    assert message.startswith("14:03:27: Noten og oversigten er committet i wikien"), message
    assert "noter/forberedelse.md" in message and "sendt til origin (main)" in message
    published = git(remote, "ls-tree", "-r", "--name-only", "main").split()
    assert published == ["noter/forberedelse.md", "oversigt.md", "svar/forberedelse.toml"]
    assert git(remote, "show", "main:noter/forberedelse.md").startswith("# Skærmbesøg")


def test_without_a_wiki_folder_it_says_what_to_ask_for(workdir: Path, monkeypatch) -> None:
    monkeypatch.delenv(WIKI_VARIABLE, raising=False)
    message = press_ctrl_l_on_the_summary()
    assert WIKI_VARIABLE in message and "Enter" in message
    assert not (workdir / "forberedelse.md").exists()


def test_a_folder_that_is_not_a_wiki_keeps_the_note_beside_the_answers(workdir: Path, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "ikke-wiki"
    folder.mkdir()
    monkeypatch.setenv(WIKI_VARIABLE, str(folder))

    message = press_ctrl_l_on_the_summary()

    assert message.startswith("Noten kom ikke i wikien:") and "ikke en git-kopi" in message, message
    assert "forberedelse.md i stedet" in message
    assert (workdir / "forberedelse.md").read_text(encoding="utf-8").startswith("# Skærmbesøg")
    assert subprocess.run(["git", "-C", str(folder), "status"], capture_output=True).returncode != 0
