"""Saving files so that nothing is lost: atomic writes, a lock per answers file.

- ``atomic_write_text``: the text goes to a hidden temporary file in the same
  folder, is flushed to disk (fsync), and only then renamed over the old file; the
  folder is fsynced too so the rename survives a power cut. A crash at any point
  leaves either the old file or the new one, never half of each. New files get
  mode 0600 (answers are private to their owner); an existing file keeps its mode.
- ``save_answers``: refuses to overwrite a file the program cannot read (bad
  encoding, broken TOML, another format or flow): it may be something else the
  leader needs. It checks the file on disk itself before each save, so callers
  need to remember nothing. A file that reads but has mistakes in its answers is
  overwritten: the caller loaded it and is saving what the leader now says.
- ``AnswersLock``: one session per answers file. Holding the lock is the caller's
  job (the screens hold it for the whole session); ``save_answers`` does not lock.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import tempfile
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType

from flows import Answers, Flow
from outputs.answers_file import check_answers_bytes, dumps_answers
from outputs.printable import printable
from outputs.text_decode import read_limited

NEW_FILE_MODE = 0o600


class SaveError(Exception):
    """A file that could not be saved; ``message`` says why, in Danish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def describe_os_error(error: OSError, path: Path, doing: str = "gemmes") -> str:
    """A Danish sentence for an OSError while ``path`` was being written or read."""
    shown = printable(str(path))
    folder = printable(str(path.parent))
    reasons = {
        errno.EACCES: f"du har ikke adgang til at skrive i mappen {folder}",
        errno.EPERM: f"du har ikke adgang til at skrive i mappen {folder}",
        errno.EROFS: f"mappen {folder} er skrivebeskyttet",
        errno.ENOSPC: "der er ikke mere plads på disken",
        errno.EDQUOT: "din diskkvote er brugt op",
        errno.ENOENT: f"mappen {folder} findes ikke (længere)",
        errno.ENOTDIR: f"{folder} er ikke en mappe",
        errno.EISDIR: f"{shown} er en mappe, ikke en fil",
        errno.ENAMETOOLONG: "filnavnet er for langt",
    }
    reason = reasons.get(error.errno or 0, printable(error.strerror or str(error)))
    return f"Filen {shown} kunne ikke {doing}: {reason}."


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8, exactly as given) in one step; SaveError on failure.

    ``durable`` also flushes the file and the rename to the disk before returning, so
    a power cut cannot lose it; a file that can be made again from another (a note
    from its answers file) may skip that: a reader still never sees half a file."""
    path = Path(path)
    target = Path(os.path.realpath(path))  # through a symlink, to the file it points at
    try:
        mode = os.stat(target).st_mode & 0o7777
        if not os.access(target, os.W_OK):
            raise SaveError(f"Filen {printable(str(path))} er skrivebeskyttet og bliver ikke overskrevet.")
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error
    temp: str | None = None
    try:
        # mkstemp creates the file with mode 0600, so it is never readable by others.
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
        temp = None
        if durable:
            _fsync_folder(target.parent)
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, which is fine."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def save_answers(path: Path, flow: Flow, answers: Answers) -> None:
    """Write ``answers`` to ``path`` atomically; SaveError when that is not possible or
    when the file there now cannot be read as an answers file for ``flow``."""
    path = Path(path)
    try:
        existing = read_limited(path)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise SaveError(describe_os_error(error, path, "læses før den gemmes")) from error
    if existing is not None and existing.strip():
        _, problems = check_answers_bytes(existing, flow, str(path))
        unreadable = [problem for problem in problems if problem.unreadable]
        if unreadable:
            raise SaveError(
                f"Filen {printable(str(path))} kan ikke læses som en svarfil, så den bliver ikke overskrevet "
                f"({unreadable[0].message}). Gem svarene i en anden fil."
            )
    atomic_write_text(path, dumps_answers(flow, answers))


# -- the lock -------------------------------------------------------------------------------


class LockedError(Exception):
    """The answers file is in use by another session; ``message`` says by whom, in Danish."""

    def __init__(self, message: str, holder: dict[str, object]) -> None:
        super().__init__(message)
        self.message = message
        self.holder = holder


def lock_path_for(path: Path) -> Path:
    """The lock file beside an answers file: hidden, named after it."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


class AnswersLock:
    """A lock file beside the answers file, created atomically (O_CREAT|O_EXCL).

    It holds the pid, user, host and time. A lock whose process is dead on this
    host is stale and taken over; a lock from another host cannot be checked, so
    its message says how to remove it by hand. Two sessions taking over the same
    stale lock in the same instant could both succeed; that narrow race is accepted.
    """

    # A lock file without readable content is left by a crash between creating and
    # writing it; after this many seconds it is treated as stale.
    UNREADABLE_GRACE_SECONDS = 30

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock_path = lock_path_for(self.path)
        self._token: str | None = None

    @property
    def held(self) -> bool:
        return self._token is not None

    def acquire(self) -> None:
        """Take the lock; LockedError when another live session holds it, SaveError when
        the lock file cannot be created at all."""
        if self.held:
            return
        for _ in range(3):  # a stale lock removed by us may be recreated by someone else first
            try:
                self._create()
                return
            except FileExistsError:
                holder = self._read_holder()
                if not self._is_stale(holder):
                    raise LockedError(_locked_message(self.path, self.lock_path, holder), holder) from None
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.lock_path)
            except OSError as error:
                raise SaveError(describe_os_error(error, self.lock_path, "låses")) from error
        holder = self._read_holder()
        raise LockedError(_locked_message(self.path, self.lock_path, holder), holder)

    def release(self) -> None:
        """Remove the lock if it is still ours (a lock taken over by others is left alone)."""
        if self._token is None:
            return
        if self._read_holder().get("token") == self._token:
            with contextlib.suppress(OSError):
                os.unlink(self.lock_path)
        self._token = None

    def __enter__(self) -> AnswersLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()

    def _create(self) -> None:
        token = os.urandom(8).hex()
        holder = {
            "pid": os.getpid(),
            "user": _user(),
            "host": socket.gethostname(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
            "token": token,
        }
        handle = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, NEW_FILE_MODE)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(holder) + "\n")
        self._token = token

    def _read_holder(self) -> dict[str, object]:
        try:
            holder = json.loads(self.lock_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return holder if isinstance(holder, dict) else {}

    def _is_stale(self, holder: dict[str, object]) -> bool:
        pid = holder.get("pid")
        if not isinstance(pid, int) or pid <= 0:
            try:
                age = time.time() - os.stat(self.lock_path).st_mtime
            except FileNotFoundError:
                return True
            return age > self.UNREADABLE_GRACE_SECONDS
        if holder.get("host") != socket.gethostname():
            return False
        return not _process_alive(pid)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it just belongs to someone else
    except OSError:
        return True
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ukendt"


def _locked_message(path: Path, lock_path: Path, holder: dict[str, object]) -> str:
    user = printable(str(holder.get("user", "ukendt")), limit=40)
    host = printable(str(holder.get("host", "ukendt")), limit=60)
    pid = holder.get("pid", "?")
    since = _since(holder.get("since"))
    who = f"brugeren {user} på maskinen {host} (proces {pid}){since}"
    if not holder:
        who = "en anden session"
    return (
        f"Svarfilen {printable(str(path))} er i brug af {who}. Luk den anden session, eller vent til den er "
        f"færdig. Er du sikker på, at den ikke kører længere, kan du slette låsefilen {printable(str(lock_path))}."
    )


def _since(value: object) -> str:
    if not isinstance(value, str):
        return ""
    try:
        moment = datetime.fromisoformat(value).astimezone()
    except ValueError:
        return ""
    return f" siden {moment:%d.%m.%Y kl. %H:%M}"
