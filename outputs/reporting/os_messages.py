"""What the operating system says, in Danish.

``OSError.strerror`` is the C library's English ("Permission denied"); a leader on
a Danish server should read Danish, and the sentence should say what to do when
there is something to do. Every error number the program can meet while reading
or writing a file has a sentence; any other number gets a Danish sentence with
the error's short name (e.g. ``EBADF``) for whoever helps the leader.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from outputs.reporting.terminal_safe import printable

_REASONS: dict[int, str] = {
    errno.EACCES: "du har ikke adgang",
    errno.EPERM: "handlingen er ikke tilladt for din bruger",
    errno.EROFS: "disken er skrivebeskyttet",
    errno.ENOSPC: "der er ikke mere plads på disken",
    errno.EDQUOT: "din diskkvote er brugt op",
    errno.ENOENT: "filen eller mappen findes ikke (længere)",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENAMETOOLONG: "filnavnet er for langt",
    errno.ELOOP: "stien har for mange symbolske links (eller et link i en ring)",
    errno.EIO: "disken svarer med en læse- eller skrivefejl",
    errno.EBUSY: "filen er optaget af systemet",
    errno.ETXTBSY: "filen er optaget af et kørende program",
    errno.EMFILE: "programmet har for mange filer åbne",
    errno.ENFILE: "systemet har for mange filer åbne",
    errno.EXDEV: "filen ligger på en anden disk",
    errno.ENXIO: "ingen læser i den anden ende (eller enheden findes ikke)",
    errno.EFBIG: "filen er for stor",
    errno.EAGAIN: "filen er midlertidigt optaget; prøv igen",
    errno.EINVAL: "systemet afviste handlingen",
    errno.ENOMEM: "der er ikke nok hukommelse",
    errno.ESTALE: "netværksdrevet har mistet forbindelsen til filen; prøv igen",
    errno.EEXIST: "der findes allerede en fil med det navn",
    errno.EPIPE: "læseren i den anden ende er lukket",
    errno.ENOTEMPTY: "mappen er ikke tom",
    errno.ENOLCK: "filsystemet kan ikke låse filer",
    errno.ETIMEDOUT: "netværksdrevet svarer ikke",
    errno.EOPNOTSUPP: "filsystemet kan ikke det, der skulle gøres",
}


class SaveError(Exception):
    """A file that could not be saved (or locked); ``message`` says why, in Danish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def danish_reason(error: OSError) -> str:
    """The reason for ``error`` as a short Danish phrase (never the C library's English)."""
    if isinstance(error, NotAFileError):
        return error.reason
    number = error.errno or 0
    if number in _REASONS:
        return _REASONS[number]
    name = errno.errorcode.get(number)
    return f"systemet meldte en fejl ({name})" if name else "systemet meldte en ukendt fejl"


class NotAFileError(OSError):
    """A path that is something other than a regular file (a FIFO, a device, a socket, a folder)."""

    def __init__(self, path: str | os.PathLike[str], mode: int) -> None:
        self.reason = f"det er {kind_of_file(mode)}, ikke en almindelig fil"
        super().__init__(errno.EINVAL, self.reason, os.fspath(path))


def kind_of_file(mode: int) -> str:
    """What a file that is not a regular file is, in Danish."""
    if stat.S_ISDIR(mode):
        return "en mappe"
    if stat.S_ISFIFO(mode):
        return "et navngivet rør (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhed"
    if stat.S_ISSOCK(mode):
        return "en sokkel"
    return "en særlig fil"


def describe_os_error(error: OSError, path: Path, doing: str = "gemmes") -> str:
    """A Danish sentence for an OSError while ``path`` was being written or read."""
    shown = printable(str(path))
    folder = printable(str(path.parent))
    reasons = {
        errno.EACCES: f"du har ikke adgang til at skrive i mappen {folder}",
        errno.EPERM: f"du har ikke adgang til at skrive i mappen {folder}",
        errno.EROFS: f"mappen {folder} er skrivebeskyttet",
        errno.ENOENT: f"mappen {folder} findes ikke (længere)",
        errno.ENOTDIR: f"{folder} er ikke en mappe",
        errno.EISDIR: f"{shown} er en mappe, ikke en fil",
    }
    if doing.startswith("læses"):
        reasons[errno.EACCES] = reasons[errno.EPERM] = f"du har ikke adgang til at læse {shown}"
        reasons[errno.ENOENT] = "filen findes ikke (længere)"
    reason = danish_reason(error) if isinstance(error, NotAFileError) else None
    reason = reason or reasons.get(error.errno or 0) or danish_reason(error)
    return f"Filen {shown} kunne ikke {doing}: {reason}."


def working_folder_gone(path: Path, *, reading: bool = False) -> str:
    """The message when a relative path cannot be used because the working folder was removed."""
    what = (
        "Skriv filens fulde sti, eller gå til en mappe, der findes (cd)."
        if reading
        else "Gem et andet sted, med en fuld sti, fx ~/svar.toml."
    )
    return (
        f"Filen {printable(str(path))} kan ikke bruges: den mappe, du arbejder i, findes ikke længere "
        f"(den er slettet eller flyttet). {what}"
    )
