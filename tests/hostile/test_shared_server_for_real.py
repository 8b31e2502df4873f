"""A shared server for real (issue 14): other users, links, devices, FIFOs, a full disk, kill -9.

Nothing here is a stand-in: the other users are made with useradd (the tests run as root, here
and in CI; as anyone else those tests are skipped and say why), the devices with mknod in a
temporary folder (never under /dev), the full disk is a small tmpfs, and a crash is kill -9.
Another user's session is a forked process that has become that user (setuid): the Python
of the test environment may live where other users cannot read it, so nothing new is loaded
after the switch.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import errno
import grp
import hashlib
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from flows import Answers, default_flow
from outputs.answers.file import load_answers
from outputs.storage.saving import (
    AnswersLock,
    LockedError,
    SaveError,
    lock_path_for,
    save_answers,
    write_output,
)
from wizard.app import OpenError, WizardApp, open_preparation

FLOW = default_flow()
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ny-ovn-i-institutionskoekkenet.toml"
WIZARD = str(Path(sys.executable).with_name("wizard"))
ANSWERS = Answers(values={"navn": "Skærmbesøg", "beskrivelse": "Skærm hjemme."})
SIZE = (80, 24)
ENGLISH = ("Permission denied", "Operation not permitted", "No such file", "Expected", "Invalid", "Errno")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clock() -> datetime:
    return datetime(2025, 3, 4, 14, 3, 27)


def wizard(*args: str, cwd: Path | None = None, timeout: float = 30, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([WIZARD, *args], cwd=cwd, capture_output=True, timeout=timeout, check=False, **kwargs)


# -- other users -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class User:
    name: str
    uid: int
    gid: int
    groups: tuple[int, ...]


@pytest.fixture(scope="module")
def leaders() -> Iterator[tuple[User, User, int]]:
    """Two real users, anna and birk, both in the group 'ledere' (and 'users' as their own group)."""
    if os.geteuid() != 0:
        pytest.skip("kræver root for at oprette rigtige brugere med useradd (testene kører som root i CI)")
    if shutil.which("useradd") is None:
        pytest.skip("useradd findes ikke på denne maskine")
    suffix = os.getpid() % 100000
    group = f"ledere{suffix}"
    names = (f"anna{suffix}", f"birk{suffix}")
    subprocess.run(["groupadd", group], check=True)
    try:
        for name in names:
            subprocess.run(["useradd", "-M", "-N", "-g", "users", "-G", group, "-s", "/bin/false", name], check=True)
        gid = grp.getgrnam(group).gr_gid
        users = []
        for name in names:
            entry = pwd.getpwnam(name)
            users.append(User(name, entry.pw_uid, entry.pw_gid, (entry.pw_gid, gid)))
        yield users[0], users[1], gid
    finally:
        for name in names:
            subprocess.run(["userdel", name], check=False, capture_output=True)
        subprocess.run(["groupdel", group], check=False, capture_output=True)


class AsUser:
    """A process that has become ``user`` and runs ``work`` there; what it returns comes back as JSON."""

    def __init__(self, user: User, work: Callable[[], object], *, stay: bool = False) -> None:
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: become the user, do the work, say how it went
            os.close(read)
            code = 0
            try:
                os.setgroups(list(user.groups))
                os.setgid(user.gid)
                os.setuid(user.uid)
                os.environ.update(USER=user.name, LOGNAME=user.name)
                result: object = {"ok": work()}
            except BaseException as error:  # reported to the test, which fails with it
                result = {"error": type(error).__name__, "message": getattr(error, "message", str(error))}
                code = 1
            os.write(write, (json.dumps(result) + "\n").encode())
            if stay:
                signal.pause()  # hold whatever it holds until the test kills it
            os._exit(code)
        os.close(write)
        self.stream = os.fdopen(read)
        self.result = json.loads(self.stream.readline() or "{}")

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.stream.close()


def as_user(user: User, work: Callable[[], object]) -> object:
    process = AsUser(user, work)
    process.kill()
    if "error" in process.result:
        raise AssertionError(f"{user.name}: {process.result}")
    return process.result["ok"]


@pytest.fixture
def public_tmp() -> Iterator[Path]:
    """A temporary folder other users can reach (pytest's own lies under a folder only root may enter)."""
    folder = Path(tempfile.mkdtemp(prefix="wizard-delt-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shared_folder(tmp_path: Path, gid: int, mode: int = 0o2770) -> Path:
    """A folder the group shares (setgid by default, as shared folders usually are)."""
    folder = tmp_path / "faelles"
    folder.mkdir()
    os.chown(folder, 0, gid)
    folder.chmod(mode)
    return folder


def take_lock(path: Path) -> Callable[[], object]:
    def work() -> object:
        AnswersLock(path).acquire()
        return os.getpid()

    return work


def test_another_user_cannot_take_a_live_sessions_lock_however_old_and_is_told_who_has_it(
    public_tmp: Path, leaders: tuple[User, User, int]
) -> None:
    anna, birk, gid = leaders
    path = shared_folder(public_tmp, gid) / "svar.toml"
    session = AsUser(anna, take_lock(path), stay=True)
    try:
        assert session.result == {"ok": session.pid}
        lock_file = lock_path_for(path)
        assert lock_file.stat().st_uid == anna.uid and lock_file.stat().st_mode & 0o777 == 0o644
        long_ago = time.time() - 3600  # an hour: no age makes a live session's lock stale
        os.utime(lock_file, (long_ago, long_ago))

        def try_it() -> object:
            try:
                AnswersLock(path).acquire()
            except LockedError as error:
                return error.message
            return "fik låsen"

        message = as_user(birk, try_it)
        assert f"brugeren {anna.name} på maskinen {socket.gethostname()} (proces {session.pid})" in message
        assert "siden" in message
        with pytest.raises(LockedError):  # nor root
            AnswersLock(path).acquire()
    finally:
        session.kill()
    assert as_user(birk, lambda: AnswersLock(path).acquire() or "fik låsen") == "fik låsen"  # free once anna is gone


def test_a_dead_sessions_lock_file_that_cannot_be_removed_blocks_no_one_and_names_no_one(
    public_tmp: Path, leaders: tuple[User, User, int]
) -> None:
    # A sticky folder (like /tmp): birk cannot remove anna's old lock file, nor write his name into it.
    anna, birk, gid = leaders
    folder = shared_folder(public_tmp, gid, mode=0o1777)
    path = folder / "svar.toml"
    crashed = AsUser(anna, take_lock(path), stay=True)
    crashed.kill()  # kill -9: the kernel lets go of the lock; the file with anna's name stays
    assert lock_path_for(path).exists()
    session = AsUser(birk, take_lock(path), stay=True)
    try:
        assert "ok" in session.result, session.result
        with pytest.raises(LockedError) as caught:
            AnswersLock(path).acquire()
        assert anna.name not in caught.value.message and "en anden session" in caught.value.message
    finally:
        session.kill()


def test_root_saving_a_leaders_file_keeps_owner_group_and_mode(
    public_tmp: Path, leaders: tuple[User, User, int]
) -> None:
    anna, _, gid = leaders
    path = shared_folder(public_tmp, gid) / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Første"}))
    os.chown(path, anna.uid, gid)
    path.chmod(0o640)
    save_answers(path, FLOW, ANSWERS)
    status = path.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (anna.uid, gid, 0o640)
    assert as_user(anna, lambda: load_answers(path, FLOW).values["navn"]) == "Skærmbesøg"  # anna can still read it


def test_a_leader_saving_her_group_shared_file_keeps_its_group(
    public_tmp: Path, leaders: tuple[User, User, int]
) -> None:
    anna, _, gid = leaders
    folder = shared_folder(public_tmp, gid, mode=0o777)  # not setgid: a new file would get anna's own group
    path = folder / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Første"}))
    os.chown(path, anna.uid, gid)
    path.chmod(0o660)
    as_user(anna, lambda: save_answers(path, FLOW, ANSWERS))
    status = path.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (anna.uid, gid, 0o660)
    assert load_answers(path, FLOW) == ANSWERS


def test_another_users_file_is_not_saved_over_and_stays_theirs(
    public_tmp: Path, leaders: tuple[User, User, int]
) -> None:
    anna, birk, gid = leaders
    path = shared_folder(public_tmp, gid) / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Annas"}))
    os.chown(path, anna.uid, gid)
    path.chmod(0o660)  # birk may write it, through the group
    before = digest(path)

    def save_it() -> object:
        try:
            save_answers(path, FLOW, ANSWERS)
        except SaveError as error:
            return error.message
        return "gemt"

    message = as_user(birk, save_it)
    assert f"tilhører brugeren {anna.name}" in message and "Gem et andet sted" in message
    assert digest(path) == before and path.stat().st_uid == anna.uid

    def open_it() -> object:
        try:
            open_preparation(path, FLOW)
        except OpenError as error:
            return error.message
        return "åbnet"

    assert f"tilhører brugeren {anna.name}" in as_user(birk, open_it)  # said before any answer is given


def acl_with_reader(owner: int, reader: int) -> bytes:
    """A POSIX access ACL in the kernel's format: owner rw, user ``reader`` r, group r, mask r, other none."""
    entries = [(0x01, 6, 0xFFFFFFFF), (0x02, 4, reader), (0x04, 4, 0xFFFFFFFF), (0x10, 4, 0xFFFFFFFF)]
    entries.append((0x20, 0, 0xFFFFFFFF))
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", tag, perm, ident) for tag, perm, ident in entries)


def test_an_acl_on_the_answers_file_is_kept(public_tmp: Path, leaders: tuple[User, User, int]) -> None:
    anna, birk, gid = leaders
    path = shared_folder(public_tmp, gid) / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Første"}))
    os.chown(path, anna.uid, gid)
    try:
        os.setxattr(path, "system.posix_acl_access", acl_with_reader(anna.uid, birk.uid))
    except OSError as error:
        pytest.skip(f"filsystemet under {public_tmp} kan ikke have ACL'er ({errno.errorcode.get(error.errno)})")
    acl = os.getxattr(path, "system.posix_acl_access")
    save_answers(path, FLOW, ANSWERS)
    assert os.getxattr(path, "system.posix_acl_access") == acl
    assert as_user(birk, lambda: load_answers(path, FLOW).values["navn"]) == "Skærmbesøg"


# -- links -------------------------------------------------------------------------------------------


def test_a_file_with_several_hard_links_is_not_opened_nor_saved_and_both_names_stay(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    save_answers(path, FLOW, Answers(values={"navn": "Før"}))
    other = tmp_path / "kopi-med-link.toml"
    os.link(path, other)
    before = digest(path)
    with pytest.raises(OpenError) as opened:
        open_preparation(other, FLOW)
    assert "2 navne (hårde links)" in opened.value.message
    with pytest.raises(SaveError) as saved:
        save_answers(path, FLOW, ANSWERS)
    assert "hårde links" in saved.value.message and "Gem et andet sted" in saved.value.message
    assert digest(path) == digest(other) == before and os.stat(path).st_ino == os.stat(other).st_ino


def test_a_hard_link_made_while_the_file_is_open_stops_saving_and_the_answers_stay(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    preparation = open_preparation(path, FLOW, clock)
    preparation.change(Answers(values={"navn": "Før"}))
    assert preparation.save()
    os.link(path, tmp_path / "andet-navn.toml")
    preparation.change(ANSWERS)
    assert not preparation.save() and "hårde links" in (preparation.error or "")
    assert preparation.answers == ANSWERS
    assert preparation.move_to(tmp_path / "reddet.toml") is None
    preparation.close()
    assert load_answers(tmp_path / "reddet.toml", FLOW) == ANSWERS


def test_a_note_onto_a_file_with_hard_links_is_written_in_place_for_every_name(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("gammel note\n")
    os.link(note, tmp_path / "wiki-note.md")
    result = wizard("export", str(EXAMPLE), "-o", str(note))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "wiki-note.md").read_text() == note.read_text() != "gammel note\n"
    assert note.read_text().startswith("# ")


def test_symlinks_and_a_linked_folder_are_one_file_for_the_lock_and_saving(tmp_path: Path) -> None:
    real = tmp_path / "mappe" / "svar.toml"
    real.parent.mkdir()
    (tmp_path / "genvej.toml").symlink_to(real)
    (tmp_path / "genvej-mappe").symlink_to(real.parent)
    first = open_preparation(tmp_path / "genvej.toml", FLOW, clock)
    try:
        for name in (real, tmp_path / "genvej-mappe" / "svar.toml"):
            with pytest.raises(OpenError) as caught:
                open_preparation(name, FLOW)
            assert "er i brug af brugeren" in caught.value.message
        first.change(ANSWERS)
        assert first.save()
    finally:
        first.close()
    assert (tmp_path / "genvej.toml").is_symlink() and load_answers(real, FLOW) == ANSWERS


# -- devices and FIFOs -------------------------------------------------------------------------------


def char_device(folder: Path) -> Path:
    """A character device like /dev/null (1, 3), made in ``folder``, never under /dev."""
    node = folder / "null-enhed"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod kræver root (CAP_MKNOD); testene kører som root i CI")
    return node


def test_export_onto_a_device_writes_into_it_and_the_device_stays(tmp_path: Path) -> None:
    node = char_device(tmp_path)
    (tmp_path / "link-til-enhed").symlink_to(node)
    for target in (node, tmp_path / "link-til-enhed"):
        for command in (["export", str(EXAMPLE)], ["template"]):
            result = wizard(*command, "-o", str(target))
            assert result.returncode == 0, result.stderr
    status = node.stat()
    assert stat.S_ISCHR(status.st_mode) and status.st_rdev == os.makedev(1, 3)
    assert (tmp_path / "link-til-enhed").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link-til-enhed", "null-enhed"]  # no temporary files


def test_export_into_a_fifo_reaches_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "roer"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        deadline = time.monotonic() + 10
        while True:  # the reader must have the FIFO open before the writer comes
            result = wizard("export", str(EXAMPLE), "-o", str(fifo))
            if result.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    finally:
        if reader.is_alive():
            with contextlib.suppress(OSError), open(fifo, "wb"):
                pass
        reader.join(10)
    assert result.returncode == 0, result.stderr
    assert received and received[0].decode().startswith("# Ny ovn")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_nobody_reads_is_said_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "roer"
    os.mkfifo(fifo)
    result = wizard("export", str(EXAMPLE), "-o", str(fifo), timeout=10)
    assert result.returncode == 2
    assert "ingen læser i den anden ende" in result.stderr.decode() and b"Traceback" not in result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_stdout_into_a_pipe_and_appended_with_double_angle(tmp_path: Path) -> None:
    piped = subprocess.run(
        f"{WIZARD} export {EXAMPLE} -o /dev/stdout | cat", shell=True, capture_output=True, timeout=30, check=False
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.decode().startswith("# Ny ovn") and b"findes ikke" not in piped.stderr
    collected = tmp_path / "samlet.md"
    collected.write_text("# Tidligere noter\n\nNoget, der skal blive stående.\n")
    for _ in range(2):
        appended = subprocess.run(
            f"{WIZARD} export {EXAMPLE} -o /dev/stdout >> {collected}",
            shell=True,
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert appended.returncode == 0, appended.stderr
    text = collected.read_text()
    assert text.startswith("# Tidligere noter\n\nNoget, der skal blive stående.\n# Ny ovn")
    assert text.count("# Ny ovn") == 2
    template = subprocess.run(
        f"{WIZARD} template -o /dev/stdout | cat", shell=True, capture_output=True, timeout=30, check=False
    )
    assert template.returncode == 0 and template.stdout.startswith(b"# ")  # no --force needed for a pipe


def test_a_fifo_or_a_device_as_the_answers_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "svar.toml"
    os.mkfifo(fifo)
    node = char_device(tmp_path)
    for special, kind in ((fifo, "navngivet rør"), (node, "en enhed")):
        for command in ("check", "status", "export"):
            result = wizard(command, str(special), timeout=10)
            assert result.returncode == 2, (command, result.stderr)
            assert kind in result.stderr.decode() and b"Traceback" not in result.stderr
        with pytest.raises(OpenError) as caught:
            open_preparation(special, FLOW)
        assert kind in caught.value.message
        with pytest.raises(SaveError):
            save_answers(special, FLOW, ANSWERS)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_ISCHR(node.stat().st_mode)
    assert not lock_path_for(fifo).exists()


# -- a full disk, for real ---------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 kB tmpfs: a real disk that can be filled."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("at montere en lille tmpfs kræver root; tests/hostile/test_shared_server.py dækker fuld disk")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs kunne ikke monteres her: {mounted.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "fyld"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(handle, b"x" * 4096):
            pass
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(handle)
    return filler


def test_a_full_disk_at_open_does_not_block_later_and_saving_waits_for_room(small_disk: Path) -> None:
    filler = fill(small_disk)
    path = small_disk / "svar.toml"
    crashed = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from outputs.storage.saving import AnswersLock; "
            "AnswersLock(sys.argv[1]).acquire(); print('klar', flush=True); time.sleep(60)",
            str(path),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
    )
    assert crashed.stdout.readline() == b"klar\n"
    crashed.kill()  # kill -9 with the disk full: at most an empty lock file is left
    crashed.wait()
    preparation = open_preparation(path, FLOW, clock)  # at once, not "i brug" for 30 s
    try:
        preparation.change(ANSWERS)
        assert not preparation.save() and "ikke mere plads på disken" in (preparation.error or "")
        assert preparation.answers == ANSWERS and not path.exists()
        filler.unlink()
        assert preparation.save()
    finally:
        preparation.close()
    assert load_answers(path, FLOW) == ANSWERS
    assert sorted(p.name for p in small_disk.iterdir()) == ["svar.toml"]


# -- a crash mid-save --------------------------------------------------------------------------------

CRASH_MID_SAVE = """
import os, sys, time
from flows import Answers, default_flow
from outputs.storage.saving import save_answers
real_replace = os.replace
def stuck(source, target):
    print("skrevet", flush=True)
    time.sleep(60)  # killed here: the temporary file is written, the rename never happens
os.replace = stuck
save_answers(sys.argv[1], default_flow(), Answers(values={"navn": "Halvt gemt"}))
"""


def test_a_temporary_file_left_by_kill_9_is_removed_when_the_file_is_next_opened(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    save_answers(path, FLOW, ANSWERS)
    before = digest(path)
    process = subprocess.Popen([sys.executable, "-c", CRASH_MID_SAVE, str(path)], cwd=ROOT, stdout=subprocess.PIPE)
    assert process.stdout.readline() == b"skrevet\n"
    process.kill()
    process.wait()
    strays = [name for name in os.listdir(tmp_path) if name.startswith(".svar.toml.") and name.endswith(".tmp")]
    assert len(strays) == 1 and digest(path) == before  # the old file is whole
    (tmp_path / ".andet.toml.abcdefgh.tmp").write_text("en anden fils")  # not ours: left alone
    preparation = open_preparation(path, FLOW, clock)
    preparation.close()
    assert sorted(os.listdir(tmp_path)) == [".andet.toml.abcdefgh.tmp", "svar.toml"]
    assert load_answers(path, FLOW) == ANSWERS


# -- a vanished working folder -----------------------------------------------------------------------


def test_every_headless_command_in_a_removed_working_folder_says_so_in_danish(tmp_path: Path) -> None:
    gone = tmp_path / "var-her"
    gone.mkdir()
    commands = [
        f"export {EXAMPLE} -o note.md",
        "template -o svar.toml",
        "check svar.toml",
        "status svar.toml",
        "export svar.toml",
    ]
    for command in commands:
        result = subprocess.run(
            f"cd {gone} && rmdir {gone} && exec {WIZARD} {command}", shell=True, capture_output=True, timeout=30
        )
        err = result.stderr.decode()
        assert result.returncode == 2, (command, err)
        assert "den mappe, du arbejder i, findes ikke længere" in err and "Traceback" not in err, (command, err)
        gone.mkdir()
    assert sorted(os.listdir(tmp_path)) == ["var-her"]


def test_the_screens_in_a_removed_working_folder_keep_the_answers_and_save_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "arbejde"
    work.mkdir()
    monkeypatch.chdir(work)
    rescued = tmp_path / "reddet.toml"

    async def scenario():
        app = WizardApp(FLOW, preparation=open_preparation(Path("svar.toml"), FLOW, clock), clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"Skærmbesøg", "enter")
            await pilot.pause(0.1)
            shutil.rmtree(work)  # the working folder goes, with the answers file in it
            await pilot.press(*"Skærm hjemme.", "enter")
            await pilot.pause(0.1)
            gone = str(app.screen.query_one("#save-status").render())
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("ctrl+u", *str(rescued), "enter")
            await pilot.pause()
            moved = str(app.screen.query_one("#save-status").render())
            await pilot.press("ctrl+q")
            await pilot.pause()
        return app, gone, moved

    app, gone, moved = asyncio.run(scenario())
    assert "IKKE GEMT" in gone and "den mappe, du arbejder i, findes ikke længere" in gone and "^S" in gone
    assert moved == f"Gemt 14:03:27 i {rescued}"
    assert app.return_code == 0
    assert load_answers(rescued, FLOW).values == {"navn": "Skærmbesøg", "beskrivelse": "Skærm hjemme."}


# -- Danish, also from the system --------------------------------------------------------------------


def test_a_refused_write_is_danish_and_names_the_file(public_tmp: Path, leaders: tuple[User, User, int]) -> None:
    anna, _, gid = leaders
    folder = shared_folder(public_tmp, gid, mode=0o755)  # root's folder: anna may not write there

    def save_it() -> object:
        try:
            write_output(folder / "note.md", "tekst\n")
        except SaveError as error:
            return error.message
        return "gemt"

    message = as_user(anna, save_it)
    assert "du har ikke adgang til at skrive i mappen" in message and str(folder) in message
    assert not any(word in message for word in ENGLISH)


def test_a_note_over_another_users_group_writable_note_is_written_in_place_and_stays_theirs(
    public_tmp: Path, leaders: tuple[User, User, int]
) -> None:
    anna, birk, gid = leaders
    note = shared_folder(public_tmp, gid) / "note.md"
    note.write_text("annas gamle note\n")
    os.chown(note, anna.uid, gid)
    note.chmod(0o664)
    as_user(birk, lambda: write_output(note, "birks nye note\n"))
    status = note.stat()
    assert note.read_text() == "birks nye note\n"
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (anna.uid, gid, 0o664)
