"""Saving: atomic, private, never over a file we could not read; one session per file."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import Answers, Verdict
from outputs.answers.file import dumps_answers, load_answers
from outputs.storage.saving import (
    AnswersLock,
    LockedError,
    SaveError,
    atomic_write_text,
    lock_path_for,
    save_answers,
)
from tests.outputs.mini_flow import MINI_HEAD, mini_flow

FLOW = mini_flow()
ANSWERS = Answers(
    values={"navn": "Skærmbesøg", "kanaler": ("skaerm",), "glider-ind": "nej", "hvorfor-ikke": "To\nlinjer"},
    judgement=Verdict.CHANGE,
    judgement_reason="Fordi",
    notes={"navn": "note"},
    discuss=frozenset({"glider-ind"}),
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in ``folder`` other than ``keep``: stray temporary files would show here."""
    return sorted(name for name in os.listdir(folder) if name not in keep)


# -- atomic_write_text --------------------------------------------------------------------------


def test_a_new_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        atomic_write_text(tmp_path / "svar.toml", "a = 1\n")
    finally:
        os.umask(old)
    assert (tmp_path / "svar.toml").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "svar.toml").read_bytes() == b"a = 1\n"
    assert leftovers(tmp_path, {"svar.toml"}) == []


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o660])
def test_an_existing_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "svar.toml"
    path.write_text("old\n")
    path.chmod(mode)
    atomic_write_text(path, "new\n")
    assert path.stat().st_mode & 0o777 == mode and path.read_text() == "new\n"


def test_the_text_is_written_as_utf8_exactly_as_given(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "f", "æøå\nrå linje\r\n")
    assert (tmp_path / "f").read_bytes() == "æøå\nrå linje\r\n".encode()


def test_writing_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "rigtig.toml"
    target.write_text("old")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    atomic_write_text(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


@pytest.mark.parametrize("step", ["os.replace", "os.fsync"])
def test_a_crash_mid_save_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "svar.toml"
    path.write_text("det gamle\n")
    before = digest(path)

    def crash(*args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(step, crash)
    with pytest.raises(SaveError):
        atomic_write_text(path, "det nye\n")
    monkeypatch.undo()
    assert digest(path) == before
    assert leftovers(tmp_path, {"svar.toml"}) == []


def test_an_interrupt_mid_save_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "svar.toml"
    path.write_text("det gamle\n")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(path, "det nye\n")
    monkeypatch.undo()
    assert path.read_text() == "det gamle\n" and leftovers(tmp_path, {"svar.toml"}) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "ikke mere plads på disken"),
        (errno.EROFS, "skrivebeskyttet"),
        (errno.EACCES, "ikke adgang til at skrive"),
    ],
)
def test_os_errors_become_danish_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("tempfile.mkstemp", fail)
    with pytest.raises(SaveError) as caught:
        atomic_write_text(tmp_path / "svar.toml", "x")
    assert words in caught.value.message and "svar.toml" in caught.value.message


def test_a_vanished_folder_is_a_danish_message(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as caught:
        atomic_write_text(tmp_path / "væk" / "svar.toml", "x")
    assert "findes ikke" in caught.value.message


def test_a_folder_in_the_way_is_a_danish_message(tmp_path: Path) -> None:
    (tmp_path / "svar.toml").mkdir()
    with pytest.raises(SaveError) as caught:
        atomic_write_text(tmp_path / "svar.toml", "x")
    assert "mappe" in caught.value.message


# -- save_answers ---------------------------------------------------------------------------------


def test_load_save_load_gives_the_same_answers_and_saving_twice_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    path.write_text(MINI_HEAD + "# egen kommentar\n[om]\nnavn = 'Skærmbesøg'\n", encoding="utf-8")
    first = load_answers(path, FLOW)
    save_answers(path, FLOW, first)
    assert load_answers(path, FLOW) == first
    once = path.read_bytes()
    save_answers(path, FLOW, load_answers(path, FLOW))
    assert path.read_bytes() == once


def test_save_writes_what_dumps_gives_and_a_new_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "ny.toml"
    save_answers(path, FLOW, ANSWERS)
    assert path.read_text(encoding="utf-8") == dumps_answers(FLOW, ANSWERS)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_answers(path, FLOW) == ANSWERS


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00binary",
        "navn = 'Skærm'\n".encode("latin-1"),
        b"[om]\nnavn = ikke i anfoerselstegn\n",
        b'[svarfil]\nformat = 1\nforloeb = "budget"\n',
        b"[svarfil]\nformat = 9\n",
    ],
)
def test_a_file_that_cannot_be_read_is_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "svar.toml"
    path.write_bytes(content)
    with pytest.raises(SaveError) as caught:
        save_answers(path, FLOW, ANSWERS)
    assert path.read_bytes() == content
    assert "overskrevet" in caught.value.message and leftovers(tmp_path, {"svar.toml"}) == []


def test_an_empty_file_and_a_file_with_mistaken_answers_are_overwritten(tmp_path: Path) -> None:
    # A file that reads but has a wrong answer was opened by the caller, and now holds
    # what the leader says; an empty file holds nothing to lose.
    for content in ("", MINI_HEAD + '[om]\nomfang = "forkert"\n'):
        path = tmp_path / "svar.toml"
        path.write_text(content, encoding="utf-8")
        save_answers(path, FLOW, ANSWERS)
        assert load_answers(path, FLOW) == ANSWERS


# -- AnswersLock --------------------------------------------------------------------------------


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def write_lock(path: Path, **holder: object) -> Path:
    lock = lock_path_for(path)
    lock.write_text(json.dumps(holder))
    return lock


def test_the_lock_file_is_hidden_beside_the_answers_file_and_names_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    with AnswersLock(path) as lock:
        assert lock.lock_path == tmp_path / ".svar.toml.lock"
        holder = json.loads(lock.lock_path.read_text())
        assert holder["pid"] == os.getpid() and holder["host"] == socket.gethostname() and holder["user"]
        # Readable by all (0644, whatever the umask): another user sharing the folder must be able to read
        # who holds the file. It holds no answers.
        assert lock.lock_path.stat().st_mode & 0o777 == 0o644
    assert not (tmp_path / ".svar.toml.lock").exists()


def test_a_second_session_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    first = AnswersLock(path)
    first.acquire()
    try:
        with pytest.raises(LockedError) as caught:
            AnswersLock(path).acquire()
        message = caught.value.message
        assert f"proces {os.getpid()}" in message and socket.gethostname() in message
        assert str(caught.value.holder["user"]) in message and "siden" in message and "i brug af" in message
    finally:
        first.release()
    AnswersLock(path).acquire()  # free again once released


HOLD_LOCK = """
import sys, time
from outputs.storage.saving import AnswersLock
AnswersLock(sys.argv[1]).acquire()
print("klar", flush=True)
time.sleep(60)
"""


def hold_in_another_process(path: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE)
    assert process.stdout.readline() == b"klar\n"
    return process


def test_a_live_session_keeps_its_lock_however_old_the_lock_file_is(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    holder = hold_in_another_process(path)
    try:
        long_ago = time.time() - 24 * 3600
        os.utime(lock_path_for(path), (long_ago, long_ago))
        with pytest.raises(LockedError) as caught:
            AnswersLock(path).acquire()
        assert f"(proces {holder.pid})" in caught.value.message
    finally:
        holder.kill()
        holder.wait()
    with AnswersLock(path):  # the kernel let go when the holder died: no waiting, no guessing
        pass


@pytest.mark.parametrize(
    "content",
    [
        b"",  # the disk filled up between creating the lock file and writing the holder into it
        b"{half",
        json.dumps({"pid": 1, "user": "anna", "host": "en-anden-maskine"}).encode(),
        json.dumps({"pid": os.getpid(), "user": "anna", "host": socket.gethostname()}).encode(),
    ],
)
def test_a_lock_file_left_by_a_session_that_ended_blocks_no_one(tmp_path: Path, content: bytes) -> None:
    # Only the kernel's lock counts; what a lock file says (or fails to say) never blocks. Even our own
    # pid in it does not: a file is locked by an open lock, not by a name.
    path = tmp_path / "svar.toml"
    lock_path_for(path).write_bytes(content)
    with AnswersLock(path) as lock:
        assert json.loads(lock.lock_path.read_text())["pid"] == os.getpid()
    assert not lock_path_for(path).exists()


def test_a_stale_lock_from_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    write_lock(path, pid=dead_pid(), user="anna", host=socket.gethostname(), since="2024-03-05T14:03:00+01:00")
    lock = AnswersLock(path)
    lock.acquire()
    assert json.loads(lock.lock_path.read_text())["pid"] == os.getpid()
    lock.release()


def test_release_removes_only_its_own_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    lock = AnswersLock(path)
    lock.acquire()
    os.unlink(lock.lock_path)  # someone tidies up by hand, and another session starts
    with AnswersLock(path) as other:
        lock.release()
        assert other.lock_path.exists()  # the other session's lock file is not ours to remove


def test_symlinks_to_one_file_share_one_lock(tmp_path: Path) -> None:
    real = tmp_path / "mappe" / "svar.toml"
    real.parent.mkdir()
    (tmp_path / "genvej.toml").symlink_to(real)
    (tmp_path / "mappe-genvej").symlink_to(real.parent)
    with AnswersLock(real):
        for name in (tmp_path / "genvej.toml", tmp_path / "mappe-genvej" / "svar.toml"):
            with pytest.raises(LockedError):
                AnswersLock(name).acquire()
    with AnswersLock(tmp_path / "genvej.toml") as lock:
        assert lock.lock_path == real.parent / ".svar.toml.lock"
        with pytest.raises(LockedError):
            AnswersLock(real).acquire()


def test_a_symlink_planted_as_the_lock_file_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "vigtig.txt"
    victim.write_text("urørt")
    path = tmp_path / "svar.toml"
    lock_path_for(path).symlink_to(victim)
    with pytest.raises(SaveError) as caught:
        AnswersLock(path).acquire()
    assert "låses" in caught.value.message and "symbolske links" in caught.value.message
    assert victim.read_text() == "urørt"


def test_a_lock_in_a_folder_that_does_not_exist_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as caught:
        AnswersLock(tmp_path / "væk" / "svar.toml").acquire()
    assert "findes ikke" in caught.value.message
