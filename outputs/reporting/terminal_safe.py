"""Text from a file made safe to show in a terminal or a one-line message.

An answers file is written by hand or by scripts, so it may hold escape
sequences (ESC, CSI), other control characters or bidirectional overrides. Printed
raw, they could move the cursor, recolour or rewrite the terminal, or make a line
read differently from what it contains. Everything the program prints from a file
goes through ``printable`` first; each such character is shown as a visible escape.
"""

from __future__ import annotations

import re

# Beyond the C0 controls: DEL, the C1 controls (0x9B is CSI) and the bidirectional
# embedding/override/isolate characters, which reorder what a terminal shows. One list for
# every face that prints a user's text (also wizard.cli's JSON and wizard.inert's screen filter).
BEYOND_C0 = "\x7f-\x9f\u202a-\u202e\u2066-\u2069"
# C0 controls except tab and newline (handled below), and the rest.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{BEYOND_C0}]")
_UNSAFE_OR_NEWLINE = re.compile(f"[\x00-\x08\x0a-\x1f{BEYOND_C0}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """``text`` with every unsafe character shown as an escape such as ``\\x1b``.

    ``keep_newlines`` keeps line breaks (for multi-line text shown as a block);
    otherwise they are shown as ``\\n`` so a message stays on one line. ``limit``
    cuts long text (a 10 MB answer must not flood the screen) and marks the cut.
    """
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    pattern = _UNSAFE if keep_newlines else _UNSAFE_OR_NEWLINE
    text = pattern.sub(_escape, text)
    return _SURROGATE.sub("\ufffd", text)


def quoted(value: object, limit: int = 60) -> str:
    """A value from a file as it appears in a message: quoted, short and safe."""
    if isinstance(value, str):
        return f"'{printable(value, limit=limit)}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    return printable(repr(value), limit=limit)
