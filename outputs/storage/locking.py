"""One session per answers file: the operating system's own lock on a lock file beside it.

Why ``fcntl.flock`` and not a lock file whose existence is the lock (as before) or
the ``filelock`` library:

- The kernel holds the lock for the process and lets go when the process ends,
  however it ends (kill -9, a lost SSH connection, a full disk). Nothing has to
  guess from a file's age or a pid whether a lock is stale, so a live session's
  lock is never taken, and a dead one's never blocks. It holds across users: the
  kernel does not care who owns the lock file, and a read-only descriptor can
  take the lock too. On NFS, Linux turns ``flock`` into NFS byte-range locks, so it
  holds across machines as far as the NFS server's lock manager does.
- ``filelock`` (well maintained, used by pip's ecosystem) takes the same kernel
  lock on Unix, but keeps no word of *who* holds it, and a refusal must name the
  holder. What it adds on top of ``flock`` is a few lines, so it is not worth a
  dependency; the pattern below (lock, then check that the path still names the
  locked file) is the one it uses too.

The lock file is named after the file the answers file *is* (its real path,
through symlinks), so every name for one file shares one lock. Hard links cannot
be told apart that way; a file with several hard links is not opened or saved
(see ``outputs.storage.saving``), so two sessions cannot meet through them either.

The lock file holds the holder's user, host, pid, process start and time, as JSON,
with mode 0644: another user who shares the folder must be able to read who holds
the file. It holds nothing from the answers. It is removed when the lock is let go;
one left by a crash is empty or names a dead process, and blocks nobody.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import json
import os
import socket
from datetime import datetime
from pathlib import Path
from types import TracebackType

from outputs.reporting import SaveError, describe_os_error, printable

LOCK_FILE_MODE = 0o644


class LockedError(Exception):
    """The answers file is in use by another session; ``message`` says by whom, in Danish."""

    def __init__(self, message: str, holder: dict[str, object]) -> None:
        super().__init__(message)
        self.message = message
        self.holder = holder


def real_path(path: Path) -> Path:
    """The file ``path`` names, through symlinks; the path itself when the working folder is gone."""
    try:
        return Path(os.path.realpath(path))
    except OSError:
        return Path(path)


def lock_path_for(path: Path) -> Path:
    """The lock file beside the file an answers path names: hidden, named after it."""
    target = real_path(Path(path))
    return target.with_name(f".{target.name}.lock")


class AnswersLock:
    """An exclusive ``flock`` on the lock file beside an answers file, for as long as a session works on it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock_path = lock_path_for(self.path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock; LockedError when another live session holds it, SaveError when the
        lock file cannot be opened at all (a read-only folder, a folder that does not exist)."""
        if self.held:
            return
        for _ in range(20):  # each round lost to a lock file removed under us is a release we raced with
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                os.close(fd)
                raise LockedError(_locked_message(self.path, holder), holder) from None
            except OSError as error:
                os.close(fd)
                raise SaveError(describe_os_error(error, self.path, "låses")) from error
            if not _names_the_same_file(fd, self.lock_path):
                os.close(fd)  # released and removed between our open and our lock: try the new one
                continue
            if not _writable(fd) and _remove(self.lock_path):
                os.close(fd)  # a dead session's file we cannot write our name into: make our own
                continue
            self._fd = fd
            _write_holder(fd)
            return
        raise LockedError(_locked_message(self.path, {}), {})

    def release(self) -> None:
        """Remove the lock file (while still holding the lock, so no one can take a file about to go) and let go."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if _names_the_same_file(fd, self.lock_path):
            _remove(self.lock_path)
        os.close(fd)

    def __enter__(self) -> AnswersLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()

    def _open(self) -> int:
        flags = os.O_CLOEXEC | os.O_NOFOLLOW  # a symlink planted as the lock file is not followed
        try:
            return os.open(self.lock_path, flags | os.O_RDWR | os.O_CREAT, LOCK_FILE_MODE)
        except PermissionError as error:
            try:  # another user's lock file: reading is enough to take or test the lock
                return os.open(self.lock_path, flags | os.O_RDONLY)
            except OSError:
                raise SaveError(describe_os_error(error, self.path, "låses")) from error
        except OSError as error:
            raise SaveError(describe_os_error(error, self.path, "låses")) from error


def _names_the_same_file(fd: int, path: Path) -> bool:
    try:
        held, named = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _writable(fd: int) -> bool:
    return fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY


def _remove(path: Path) -> bool:
    try:
        os.unlink(path)
    except OSError:
        return False
    return True


def _write_holder(fd: int) -> None:
    """Who holds the lock, for the message another session gets. Best effort: on a full disk the
    lock holds all the same (the kernel has it), the refusal just cannot name the holder."""
    holder = {
        "pid": os.getpid(),
        "started": _process_start(os.getpid()),
        "user": _user(),
        "host": socket.gethostname(),
        "since": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    data = (json.dumps(holder, ensure_ascii=False) + "\n").encode("utf-8")
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)
    with contextlib.suppress(OSError):
        os.fchmod(fd, LOCK_FILE_MODE)  # whatever the umask: others must be able to read who it is


def _read_holder(fd: int) -> dict[str, object]:
    """The holder named in the lock file, or {} when it names no one who is still there."""
    try:
        holder = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(holder, dict):
        return {}
    pid = holder.get("pid")
    if holder.get("host") == socket.gethostname() and isinstance(pid, int):
        # A name left by a session that has ended, in a file the live holder could not rewrite.
        started = _process_start(pid)
        if started is None or started != holder.get("started", started):
            return {}
    return holder


def _process_start(pid: int) -> int | None:
    """When a process started (clock ticks since boot, from /proc), so a reused pid is not taken for the holder."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            fields = stream.read().rsplit(b")", 1)[1].split()
        return int(fields[19])
    except (OSError, IndexError, ValueError):
        return None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ukendt"


def _locked_message(path: Path, holder: dict[str, object]) -> str:
    user = printable(str(holder.get("user", "ukendt")), limit=40)
    host = printable(str(holder.get("host", "ukendt")), limit=60)
    pid = holder.get("pid", "?")
    since = _since(holder.get("since"))
    who = f"brugeren {user} på maskinen {host} (proces {pid}){since}" if holder else "en anden session"
    return (
        f"Svarfilen {printable(str(path))} er i brug af {who}. Luk den anden session, eller vent til den er "
        "færdig; filen bliver fri, så snart den anden session slutter."
    )


def _since(value: object) -> str:
    if not isinstance(value, str):
        return ""
    try:
        moment = datetime.fromisoformat(value).astimezone()
    except ValueError:
        return ""
    return f" siden {moment:%d.%m.%Y kl. %H:%M}"
