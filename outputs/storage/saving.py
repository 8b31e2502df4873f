"""Saving files so that nothing is lost, on a server other people share.

- ``atomic_write_text`` (answers files, documents): the text goes to a hidden
  temporary file in the same folder, is flushed to disk (fsync), and only then
  renamed over the old file; the folder is fsynced too so the rename survives a
  power cut. A crash at any point leaves either the old file or the new one.
  The new file keeps the old one's owner, group, mode and POSIX ACL; a new file
  gets mode 0600 (answers are private to their owner), whatever the umask.
  It refuses, with a Danish message and the file untouched, what it cannot do
  without harm: a path that is not a regular file (a FIFO, a device), a file with
  several hard links (replacing it would leave the other names with the old
  answers), a file owned by another user when we are not root (it would become
  ours), an owner, group or ACL the system will not let us keep.
- ``write_output`` (notes, templates: files made again in a moment): the same for
  a plain regular file, but a device or FIFO is written into, never replaced;
  ``/dev/stdout`` and ``/dev/fd/N`` write into the descriptor the shell gave us
  (so ``>>`` appends); a file with several hard links, or one we cannot replace
  and keep its owner, is written in place, as the shell's ``>`` would.
- ``save_answers``: refuses to overwrite a file the program cannot read (bad
  encoding, broken TOML, another format or flow): it may be something else the
  leader needs. Otherwise only the changed answers change in the file; the
  leader's comments, blank lines and order stay (``outputs.answers.edit``).
- ``remove_stray_temporaries``: temporary files a crash left beside a file.
- The lock (one session per file) is ``outputs.storage.locking``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from flows import Answers, Flow
from outputs.answers import dumps_answers, edited_answers_text, readable_for_saving
from outputs.reporting import SaveError, describe_os_error, kind_of_file, printable, working_folder_gone
from outputs.storage.locking import AnswersLock, LockedError, lock_path_for, real_path
from outputs.toml import read_limited

__all__ = [
    "NEW_FILE_MODE",
    "AnswersLock",
    "LockedError",
    "SaveError",
    "atomic_write_text",
    "describe_os_error",
    "lock_path_for",
    "remove_stray_temporaries",
    "save_answers",
    "saving_refusal",
    "write_output",
]

NEW_FILE_MODE = 0o600
ACL_ATTRIBUTE = "system.posix_acl_access"
_DESCRIPTOR = re.compile(rf"^/(?:dev/fd|proc/self/fd|proc/{os.getpid()}/fd)/(\d+)$")
_NAMED_DESCRIPTORS = {"/dev/stdout": 1, "/dev/stderr": 2}


class _CannotKeep(SaveError):
    """Replacing the file would lose its owner, group or ACL."""


# -- answers files ------------------------------------------------------------------------------


def save_answers(path: Path, flow: Flow, answers: Answers) -> None:
    """Write ``answers`` to ``path`` atomically, changing only what changed; SaveError when that
    is not possible or when the file there now cannot be read as an answers file for ``flow``."""
    path = Path(path)
    wanted = dumps_answers(flow, answers)
    try:
        existing = read_limited(path)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise SaveError(describe_os_error(error, path, "læses før den gemmes")) from error
    text = wanted
    if existing is not None and existing.strip():
        old, problem = readable_for_saving(existing, flow, str(path))
        if old is None:
            reason = problem.message if problem else "ukendt fejl"
            raise SaveError(
                f"Filen {printable(str(path))} kan ikke læses som en svarfil, så den bliver ikke overskrevet "
                f"({reason}). Gem svarene i en anden fil."
            )
        text = edited_answers_text(old.text, wanted, flow, old.data)
        if text == old.text:
            saving_refusal(path)  # nothing to write, but a file we could not save into is still said
            return
    atomic_write_text(path, text)


def saving_refusal(path: Path) -> None:
    """SaveError when ``path`` could not be saved as an answers file, for the reasons
    ``atomic_write_text`` refuses; nothing is written. The screens ask before opening a file."""
    _replaceable(Path(path))


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8, exactly as given) in one step; SaveError on failure.

    ``durable`` also flushes the file and the rename to the disk before returning, so
    a power cut cannot lose it; a file that can be made again from another (a note
    from its answers file) may skip that: a reader still never sees half a file."""
    path = Path(path)
    target, old = _replaceable(path)
    _replace(path, target, text.encode("utf-8"), old, durable)


def _replaceable(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file to replace (through symlinks) and its status (None if there is none yet), or SaveError."""
    target = _real_target(path)
    shown = printable(str(path))
    try:
        old = os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error
    if not stat.S_ISREG(old.st_mode):
        raise SaveError(
            f"{shown} er {kind_of_file(old.st_mode)}, ikke en almindelig fil, så svarene gemmes ikke der. "
            "Gem et andet sted."
        )
    if old.st_nlink > 1:
        raise SaveError(
            f"Filen {shown} har {old.st_nlink} navne (hårde links). Guiden gemmer ikke i den: de andre navne "
            "ville beholde de gamle svar, og to sessioner kunne arbejde i den samme fil. Gem et andet sted, "
            "eller lav en almindelig kopi (cp) og åbn den."
        )
    if not os.access(target, os.W_OK):
        raise SaveError(f"Filen {shown} er skrivebeskyttet og bliver ikke overskrevet.")
    if old.st_uid != os.geteuid() and os.geteuid() != 0:
        raise SaveError(
            f"Filen {shown} tilhører brugeren {_user_name(old.st_uid)}. Guiden gemmer ikke i en andens fil, "
            "for så ville filen skifte ejer til dig. Gem et andet sted, eller bed ejeren om at gemme."
        )
    return target, old


def _real_target(path: Path) -> Path:
    if not path.is_absolute():
        try:
            os.getcwd()
        except FileNotFoundError:
            raise SaveError(working_folder_gone(path)) from None
    return real_path(path)


def _replace(path: Path, target: Path, data: bytes, old: os.stat_result | None, durable: bool) -> None:
    temp: str | None = None
    try:
        # mkstemp creates the file with mode 0600, so it is never readable by others.
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if old is None:
                os.fchmod(stream.fileno(), NEW_FILE_MODE)
            else:
                _keep_owner_mode_and_acl(stream.fileno(), path, target, old)
            if durable:
                os.fsync(stream.fileno())
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


def _keep_owner_mode_and_acl(fd: int, path: Path, target: Path, old: os.stat_result) -> None:
    """Give the new file what the old one had. Root keeps the owner (leader:users stays leader:users);
    anyone else keeps the group, which the system allows for a group they are a member of."""
    new = os.fstat(fd)
    if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
        try:
            os.fchown(fd, old.st_uid if os.geteuid() == 0 else -1, old.st_gid)
        except PermissionError:
            raise _CannotKeep(
                f"Filen {printable(str(path))} hører til gruppen {_group_name(old.st_gid)}, som du ikke er med i, "
                "og den ville miste gruppen, hvis den blev gemt. Gem et andet sted."
            ) from None
    os.fchmod(fd, stat.S_IMODE(old.st_mode))  # after chown, which clears set-id bits
    try:
        acl = os.getxattr(target, ACL_ATTRIBUTE)
    except OSError:
        return  # no ACL (or a file system without them)
    try:
        os.setxattr(fd, ACL_ATTRIBUTE, acl)
    except OSError:
        raise _CannotKeep(
            f"Filen {printable(str(path))} har særlige adgangsregler (ACL), som ikke kan bevares. Gem et andet sted."
        ) from None


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


# -- notes and templates ------------------------------------------------------------------------


def write_output(path: Path, text: str, *, durable: bool = False) -> None:
    """Write ``text`` to ``path`` without ever replacing something that is not a regular file; SaveError."""
    path = Path(path)
    data = text.encode("utf-8")
    descriptor = _descriptor_of(path)
    if descriptor is not None:
        _write_to_descriptor(descriptor, data)
        return
    try:
        old = os.stat(path)  # through symlinks: a link to a device is a device
    except FileNotFoundError:
        old = None
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error
    if old is not None and not stat.S_ISREG(old.st_mode):
        _write_into_special(path, data, old.st_mode)
        return
    target = _real_target(path)
    if old is not None and (old.st_nlink > 1 or (old.st_uid != os.geteuid() and os.geteuid() != 0)):
        _write_in_place(path, target, data, durable)
        return
    try:
        _replace(path, target, data, old, durable)
    except _CannotKeep:
        _write_in_place(path, target, data, durable)


def _descriptor_of(path: Path) -> int | None:
    """The descriptor a name such as /dev/stdout or /dev/fd/3 stands for."""
    text = os.fspath(path)
    if text in _NAMED_DESCRIPTORS:
        return _NAMED_DESCRIPTORS[text]
    match = _DESCRIPTOR.match(text)
    return int(match.group(1)) if match else None


def _write_to_descriptor(descriptor: int, data: bytes) -> None:
    """Into the open file the shell gave us: a pipe, a terminal, or a file opened with ``>>`` (appended)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()  # what was printed before comes first
    try:
        _write_all(descriptor, data)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise SaveError(describe_os_error(error, Path(f"/dev/fd/{descriptor}"))) from error


def _write_into_special(path: Path, data: bytes, mode: int) -> None:
    shown = printable(str(path))
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)):
        raise SaveError(f"{shown} er {kind_of_file(mode)}, ikke en fil; noten kan ikke skrives der.")
    try:
        # Not blocking: a FIFO nobody reads from is said at once instead of hanging.
        handle = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error
    try:
        flags = fcntl.fcntl(handle, fcntl.F_GETFL)
        fcntl.fcntl(handle, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        _write_all(handle, data)
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error
    finally:
        os.close(handle)


def _write_in_place(path: Path, target: Path, data: bytes, durable: bool) -> None:
    """Truncate and write the file itself: every hard link sees it, and owner and mode stay."""
    try:
        handle = os.open(target, os.O_WRONLY | os.O_TRUNC | os.O_CLOEXEC)
        try:
            _write_all(handle, data)
            if durable:
                os.fsync(handle)
        finally:
            os.close(handle)
    except PermissionError:
        shown = printable(str(path))
        raise SaveError(f"Filen {shown} kunne ikke gemmes: du har ikke adgang til at skrive i den.") from None
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


# -- after a crash ------------------------------------------------------------------------------


def remove_stray_temporaries(path: Path) -> list[str]:
    """Remove the temporary files (".NAME.XXXXXXXX.tmp") a crash mid-save left beside ``path``;
    their names. Call it holding the file's lock: then no live session of ours is writing one.

    They are removed, not recovered: one may have been cut short by the crash, and the answers
    file itself is whole (it is only ever replaced by a complete, flushed file)."""
    target = real_path(Path(path))
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.tmp$")
    removed: list[str] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        if pattern.match(name):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)
                removed.append(name)
    return removed


def _user_name(uid: int) -> str:
    try:
        import pwd

        return printable(pwd.getpwuid(uid).pw_name, limit=40)
    except (KeyError, ImportError):
        return str(uid)


def _group_name(gid: int) -> str:
    try:
        import grp

        return printable(grp.getgrgid(gid).gr_name, limit=40)
    except (KeyError, ImportError):
        return str(gid)
