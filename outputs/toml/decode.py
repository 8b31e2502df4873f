"""From the bytes of a file to text, with a clear word when that is not possible.

A leader may point the program at the wrong file (a PDF, an image), or save an
answers file from an editor that uses another encoding. Each case gets its own
message, located where the trouble starts, instead of a crash or a garbled answer.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from outputs.reporting import ERROR, WARNING, NotAFileError, Problem

# Far above any real answers file (a few kB to a few hundred kB); the cap keeps a
# wrong file (a disk image, /dev/zero) from being read into memory whole.
MAX_FILE_BYTES = 16 * 1024 * 1024

BOM = "\ufeff"
_DANISH_LATIN1 = {0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5}  # æ ø å Æ Ø Å in Latin-1 / Windows-1252


def read_limited(path: Path) -> bytes:
    """The file's bytes, at most ``MAX_FILE_BYTES + 1`` of them (enough to see it is too big).

    Raises OSError when the file cannot be opened or read; callers report that
    as "could not run", not as a problem in the file. Anything but a regular file
    (a FIFO, a device, a folder) is refused at once (``NotAFileError``): opening a
    FIFO would wait for a writer forever, and a device is not an answers file.
    """
    # Not blocking, so opening a FIFO returns at once; the file's type is then checked on the open file.
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    with open(handle, "rb", closefd=True) as stream:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
            raise NotAFileError(path, mode)
        os.set_blocking(handle, True)
        return stream.read(MAX_FILE_BYTES + 1)


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """The text of a file, or None and the error that explains why there is none."""

    def fail(offset: int, message: str, hint: str, code: str = "encoding") -> tuple[None, list[Problem]]:
        line, column = _byte_position(data, offset)
        return None, [Problem(name, line, column, ERROR, message, hint, unreadable=True, code=code)]

    if len(data) > MAX_FILE_BYTES:
        return fail(
            0,
            f"filen er for stor (over {MAX_FILE_BYTES // (1024 * 1024)} MB) til at være en svarfil",
            "er det den rigtige fil? En svarfil fylder normalt under 100 kB",
            "too-large",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fail(0, "filen er gemt som UTF-16", "gem den som UTF-8 (vælg 'UTF-8' under 'Gem som' i editoren)")
    nul = data.find(b"\x00")
    if nul >= 0:
        return fail(
            nul,
            f"filen indeholder et NUL-tegn (byte {nul}) og er ikke en tekstfil",
            "er det den rigtige fil? En svarfil er almindelig tekst; lav en ny med 'wizard template'",
        )
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        bad = data[error.start]
        if _looks_binary(data):
            return fail(
                error.start,
                f"filen ligner ikke en tekstfil (ugyldig UTF-8 fra byte {error.start})",
                "er det den rigtige fil? En svarfil er almindelig tekst; lav en ny med 'wizard template'",
            )
        if bad in _DANISH_LATIN1:
            hint = "filen ser ud til at være gemt som Latin-1 eller Windows-1252; gem den som UTF-8"
        else:
            hint = "gem filen som UTF-8 (vælg 'UTF-8' under 'Gem som' i editoren)"
        return fail(error.start, f"ugyldig UTF-8 ved byte {error.start} (0x{bad:02X})", hint)


def clean_text(text: str, name: str) -> tuple[str, list[Problem]]:
    """Drop a byte-order mark (with a warning) and turn CRLF line ends into LF.

    CRLF is valid TOML and common on Windows, so it is accepted silently; line
    numbers are unchanged, and multi-line answers read the same as with LF.
    """
    problems = []
    if text.startswith(BOM):
        text = text[len(BOM) :]
        problems.append(
            Problem(
                name,
                1,
                1,
                WARNING,
                "filen starter med et byte-order mark (BOM), som ignoreres",
                "det er ufarligt; gem gerne filen som UTF-8 uden BOM",
                code="byte-order-mark",
            )
        )
    return text.replace("\r\n", "\n"), problems


def _looks_binary(data: bytes) -> bool:
    """Many undecodable or control bytes early on: not text in any encoding."""
    sample = data[:4096]
    decoded = sample.decode("utf-8", errors="replace")
    odd = sum(1 for char in decoded if char == "\ufffd" or (ord(char) < 32 and char not in "\t\r\n"))
    return odd > max(8, len(decoded) // 20)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
