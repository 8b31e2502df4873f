"""A shared server: a read-only folder, a full disk, a folder that vanishes, other users, another
session on the same file (issue 6).

What the screens promise there: a clear message, the answers kept in memory, and the leader
can save them elsewhere (Ctrl+S) and carry on. Answers files, notes, locks and temporary files
are private to their owner (0600) and live beside the answers file, never in a shared
temporary folder. tests/wizard/test_app.py already shows a save error with a stand-in for
``save_answers``; here the real saving code meets the failures the operating system gives.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from unittest import mock

import pytest

from flows import Answers, default_flow
from outputs.answers.file import load_answers
from outputs.storage.saving import lock_path_for, save_answers
from wizard import cli, terminal
from wizard.app import WizardApp, open_preparation
from wizard.screens.dialogs import SaveAsDialog
from wizard.screens.prepare import PrepareScreen
from wizard.screens.start import StartScreen

SIZE = (80, 24)
FLOW = default_flow()


def clock() -> datetime:
    return datetime(2025, 3, 4, 14, 3, 27)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new_app(path: Path) -> WizardApp:
    return WizardApp(FLOW, preparation=open_preparation(path, FLOW, clock), clock=clock, text_save_delay=0.05)


def status(app: WizardApp) -> str:
    return str(app.screen.query_one("#save-status").render())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def answer_text(pilot, text: str) -> None:
    """Type a text answer and press Enter (on to the next question); wait for the save."""
    await pilot.press(*text, "enter")
    await pilot.pause(0.1)


async def answer_choice(pilot, downs: int) -> None:
    await pilot.press("home", *["down"] * downs, "enter")
    await pilot.pause(0.1)


async def save_as(pilot, name: str) -> None:
    """In the "Gem et andet sted" dialog: clear the suggestion, type ``name``, Enter."""
    await pilot.press("ctrl+u", *name, "enter")
    await pilot.pause()


# -- a full disk --------------------------------------------------------------------------------------


class FullDisk:
    """The disk holding ``folder`` is full: flushing a file there, or renaming into it, fails with
    ENOSPC, as the kernel reports it. Other folders (another disk) are fine."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.full = True
        self.real_fsync, self.real_replace = os.fsync, os.replace

    def _on_it(self, path: str) -> bool:
        return self.full and Path(path).resolve().parent == self.folder

    def fsync(self, fd: int) -> None:
        if self._on_it(os.readlink(f"/proc/self/fd/{fd}")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.real_fsync(fd)

    def replace(self, source, target) -> None:
        if self._on_it(os.fspath(target)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.real_replace(source, target)


def test_a_full_disk_keeps_the_answers_and_writes_them_all_when_there_is_room_again(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = workdir / "delt"
    folder.mkdir()
    path = folder / "svar.toml"
    disk = FullDisk(folder)
    monkeypatch.setattr(os, "fsync", disk.fsync)
    monkeypatch.setattr(os, "replace", disk.replace)

    async def scenario():
        app = new_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await answer_text(pilot, "Skærmbesøg")
            full = status(app)
            in_memory = app.preparation.answers.values.get("navn")
            files_while_full = sorted(p.name for p in folder.iterdir())
            disk.full = False  # someone makes room
            await answer_text(pilot, "Skærm hjemme.")
            again = status(app)
            await pilot.press("ctrl+q")
            await pilot.pause()
        return app, full, in_memory, files_while_full, again

    app, full, in_memory, files_while_full, again = asyncio.run(scenario())
    assert "IKKE GEMT" in full and "ikke mere plads på disken" in full and "^S" in full
    assert in_memory == "Skærmbesøg"
    assert files_while_full == [".svar.toml.lock"]  # no half-written file, no temporary file left
    assert again == "Gemt 14:03:27 i " + str(path)
    assert app.return_code == 0
    answers = load_answers(path, FLOW)
    assert answers.values == {"navn": "Skærmbesøg", "beskrivelse": "Skærm hjemme."}


# -- a read-only folder -------------------------------------------------------------------------------


def refuse_read_only_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Creating a file in a folder without write permission fails with EACCES. The kernel does
    that for every user but root, and the tests may run as root: this does it for root too."""
    real_mkstemp, real_open = tempfile.mkstemp, os.open

    def check(folder: str | os.PathLike[str]) -> None:
        if not os.stat(folder).st_mode & 0o200:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

    def mkstemp(*args, **kwargs):
        check(kwargs.get("dir") or tempfile.gettempdir())
        return real_mkstemp(*args, **kwargs)

    def open_(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and not os.path.exists(path):
            check(os.path.dirname(os.path.abspath(path)))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "open", open_)


def test_a_read_only_folder_is_explained_on_the_start_screen_and_nothing_is_written(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_read_only_folders(monkeypatch)
    folder = workdir / "delt"
    folder.mkdir()
    path = folder / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Skærmbesøg"}))
    before = digest(path)
    folder.chmod(0o500)

    async def scenario():
        app = WizardApp(FLOW, default_path=path, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            on, message = type(app.screen), str(app.screen.query_one("#start-message").render())
            await pilot.press("ctrl+q")
            await pilot.pause()
        return on, message

    try:
        on, message = asyncio.run(scenario())
    finally:
        folder.chmod(0o700)
    assert on is StartScreen
    assert "ikke adgang til at skrive i mappen" in message and str(folder) in message
    assert digest(path) == before and sorted(p.name for p in folder.iterdir()) == ["svar.toml"]


def test_a_folder_made_read_only_while_working_asks_before_quitting_and_saves_elsewhere(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_read_only_folders(monkeypatch)
    folder = workdir / "delt"
    folder.mkdir()
    path = folder / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Skærmbesøg"}))
    before = digest(path)

    async def scenario():
        app = new_app(path)
        async with app.run_test(size=SIZE) as pilot:
            folder.chmod(0o500)  # the administrator takes the write permission away
            await answer_text(pilot, "Skærm hjemme.")
            refused = status(app)
            await pilot.press("ctrl+q")  # the answer is not on disk: quitting asks first
            await pilot.pause()
            asked = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
            still_running = app.return_code is None
            await pilot.press("enter")  # "Gem et andet sted"
            await pilot.pause()
            await save_as(pilot, "mit-svar.toml")
            moved = status(app)
            await answer_choice(pilot, 1)  # fagomraade: social og sundhed, saved in the new file
            await pilot.press("ctrl+q")
            await pilot.pause()
        return app, refused, asked, still_running, moved

    try:
        app, refused, asked, still_running, moved = asyncio.run(scenario())
    finally:
        folder.chmod(0o700)
    assert "IKKE GEMT" in refused and "ikke adgang til at skrive i mappen" in refused
    assert still_running and "Dine svar er ikke gemt" in asked and "ikke adgang" in asked
    assert moved == "Gemt 14:03:27 i ./mit-svar.toml"
    assert app.return_code == 0
    assert load_answers(workdir / "mit-svar.toml", FLOW).values == {
        "navn": "Skærmbesøg",
        "beskrivelse": "Skærm hjemme.",
        "fagomraade": "social-og-sundhed",
    }
    assert digest(path) == before


# -- a folder that vanishes ---------------------------------------------------------------------------


def test_a_vanished_folder_is_explained_and_the_answers_are_saved_elsewhere(workdir: Path) -> None:
    folder = workdir / "delt"
    folder.mkdir()
    path = folder / "svar.toml"

    async def scenario():
        app = new_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await answer_text(pilot, "Skærmbesøg")
            saved = status(app)
            shutil.rmtree(folder)  # someone tidies up the shared folder
            await answer_text(pilot, "Skærm hjemme.")
            gone = status(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("enter")  # the suggested name is in the vanished folder too
            await pilot.pause()
            refused = str(app.screen.query_one("#save-as-message").render())
            dialog_stays = isinstance(app.screen, SaveAsDialog)
            await save_as(pilot, "reddet.toml")
            moved = status(app)
            await answer_choice(pilot, 1)
            await pilot.press("ctrl+q")
            await pilot.pause()
        return app, saved, gone, refused, dialog_stays, moved

    app, saved, gone, refused, dialog_stays, moved = asyncio.run(scenario())
    assert saved.startswith("Gemt")
    assert "IKKE GEMT" in gone and "findes ikke (længere)" in gone
    assert dialog_stays and "findes ikke" in refused
    assert moved == "Gemt 14:03:27 i ./reddet.toml"
    assert app.return_code == 0
    assert load_answers(workdir / "reddet.toml", FLOW).values == {
        "navn": "Skærmbesøg",
        "beskrivelse": "Skærm hjemme.",
        "fagomraade": "social-og-sundhed",
    }
    assert not folder.exists()  # nothing brings the removed folder back half-way


# -- private files, beside the answers file -----------------------------------------------------------


def test_every_file_is_private_and_written_beside_the_answers_file_never_in_a_shared_temporary_folder(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_tmp = workdir / "delt-tmp"
    shared_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    monkeypatch.setenv("TMPDIR", str(shared_tmp))
    folder = workdir / "forberedelser"
    folder.mkdir()
    path = folder / "svar.toml"
    temporaries: list[tuple[Path, int]] = []
    real_mkstemp = tempfile.mkstemp

    def recording_mkstemp(*args, **kwargs):
        handle, name = real_mkstemp(*args, **kwargs)
        temporaries.append((Path(name).parent, os.stat(name).st_mode & 0o777))
        return handle, name

    monkeypatch.setattr(tempfile, "mkstemp", recording_mkstemp)

    async def scenario():
        app = new_app(path)
        async with app.run_test(size=SIZE) as pilot:
            lock_mode = lock_path_for(path).stat().st_mode & 0o777
            await answer_text(pilot, "Skærmbesøg")
            await answer_text(pilot, "Skærm hjemme.")
            await pilot.press("ctrl+o", "end", "enter")  # the summary; Enter exports the note beside the file
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            exported = str(app.screen.query_one("#export-message").render())
            await pilot.press("ctrl+q")
            await pilot.pause()
        return lock_mode, exported

    old_umask = os.umask(0)  # the most open umask a shared server could have
    try:
        lock_mode, exported = asyncio.run(scenario())
    finally:
        os.umask(old_umask)
    assert "Noten er gemt" in exported
    assert temporaries, "nothing was saved"
    assert {parent for parent, _ in temporaries} == {folder}  # beside the answers file, every time
    assert {mode for _, mode in temporaries} == {0o600}
    assert lock_mode == 0o644  # who holds the file must be readable by the others sharing the folder; no answers in it
    assert sorted(p.name for p in folder.iterdir()) == ["svar.md", "svar.toml"]
    assert (folder / "svar.toml").stat().st_mode & 0o777 == 0o600
    assert (folder / "svar.md").stat().st_mode & 0o777 == 0o600
    assert list(shared_tmp.iterdir()) == []


# -- two sessions on one file -------------------------------------------------------------------------

HOLD_LOCK = """
import sys, time
from outputs.storage.saving import AnswersLock
lock = AnswersLock(sys.argv[1])
lock.acquire()
print("klar", flush=True)
time.sleep(60)
"""


@pytest.fixture
def other_session(workdir: Path):
    """Another session (another process) holds ./svar.toml; yields its process."""
    process = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, "svar.toml"], cwd=workdir, stdout=subprocess.PIPE)
    try:
        assert process.stdout.readline() == b"klar\n"
        yield process
    finally:
        process.kill()
        process.wait()


def test_wizard_file_refuses_a_file_in_use_and_names_the_other_session(workdir: Path, other_session) -> None:
    path = workdir / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Skærmbesøg"}))
    before, lock_before = digest(path), lock_path_for(path).read_bytes()
    err = io.StringIO()
    with (
        mock.patch.object(cli, "_is_terminal", lambda: True),
        mock.patch.object(terminal, "refusal", lambda: None),
        mock.patch.object(WizardApp, "run", lambda app: pytest.fail("a file in use was opened")),
        contextlib.redirect_stderr(err),
    ):
        code = cli.main([str(path)])
    assert code == 1
    assert "er i brug af brugeren" in err.getvalue() and f"(proces {other_session.pid})" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert digest(path) == before and lock_path_for(path).read_bytes() == lock_before  # the other's lock stays


def test_the_start_screen_refuses_a_file_in_use_and_the_leader_picks_another(workdir: Path, other_session) -> None:
    lock_before = lock_path_for(workdir / "svar.toml").read_bytes()

    async def scenario():
        app = WizardApp(FLOW, default_path=Path("svar.toml"), clock=clock, text_save_delay=0.05)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            refused_on = type(app.screen)
            message = str(app.screen.query_one("#start-message").render())
            await pilot.press("ctrl+u", *"mit-svar.toml", "enter")
            await pilot.pause()
            continued_on = type(app.screen)
            await pilot.press("ctrl+q")
            await pilot.pause()
        return refused_on, message, continued_on

    refused_on, message, continued_on = asyncio.run(scenario())
    assert refused_on is StartScreen and "er i brug af brugeren" in message
    assert continued_on is PrepareScreen
    assert lock_path_for(workdir / "svar.toml").read_bytes() == lock_before


def test_save_as_onto_a_file_in_use_is_refused_and_the_session_carries_on(workdir: Path, other_session) -> None:
    async def scenario():
        app = new_app(workdir / "mit-svar.toml")
        async with app.run_test(size=SIZE) as pilot:
            await answer_text(pilot, "Skærmbesøg")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await save_as(pilot, "svar.toml")
            refused = str(app.screen.query_one("#save-as-message").render())
            await pilot.press("escape")
            await pilot.pause()
            await answer_text(pilot, "Skærm hjemme.")
            after = status(app)
            await pilot.press("ctrl+q")
            await pilot.pause()
        return refused, after

    refused, after = asyncio.run(scenario())
    assert "er i brug af brugeren" in refused
    assert after == "Gemt 14:03:27 i " + str(workdir / "mit-svar.toml")
    assert not (workdir / "svar.toml").exists()  # nothing written into the other session's file
    assert load_answers(workdir / "mit-svar.toml", FLOW).values == {
        "navn": "Skærmbesøg",
        "beskrivelse": "Skærm hjemme.",
    }
