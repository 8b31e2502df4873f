"""TOML values written for people: readable strings, multi-line text as a block.

Why not ``tomli_w``: tomli_w writes whole documents from data (it can write
multi-line strings too), but the answers file is written line by line with a
comment above each answer and the choice's label after it, and a save edits the
leader's own text in place (``outputs.toml.edit``): what is needed here is one
value at a time, in the same form as in a new file. These functions also escape
C1 and other invisible control characters, which TOML allows raw, so a file shows
no hidden characters. Every string written here reads back as exactly the same
string with ``tomllib`` (tested with hypothesis).
"""

from __future__ import annotations

import re

# Characters TOML does not allow raw in a basic string: C0 controls and DEL. C1
# controls are allowed, but escaped too so the file shows no invisible characters.
_ONE_LINE = re.compile('["\\\\\x00-\x1f\x7f-\x9f]')
_MULTI_LINE = re.compile('[\\\\\x00-\x08\x0b-\x1f\x7f-\x9f]|"(?="|\\Z)')
_SURROGATE = re.compile("[\ud800-\udfff]")
_SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or f"\\u{ord(char):04X}"


def _scalar_text(text: str) -> str:
    # A lone surrogate cannot be stored as UTF-8 or escaped in TOML; it can only come
    # from broken input, so it becomes the replacement character.
    return _SURROGATE.sub("\ufffd", text)


def string(text: str) -> str:
    """A TOML string for ``text``: one line, or a multi-line block when it has line breaks."""
    text = _scalar_text(text)
    if "\n" not in text:
        return '"' + _ONE_LINE.sub(_escape, text) + '"'
    # The newline right after the opening quotes is not part of the value (TOML trims it).
    # A quote is escaped when another quote follows or it is the last character, so
    # three quotes in a row never appear and the closing quotes stay unambiguous.
    body = _MULTI_LINE.sub(_escape, text)
    return '"""\n' + body + '"""'


def string_array(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(string(item) for item in items) + "]"


def comment(text: str) -> str:
    """Text safe to put after ``#`` on one line (no line breaks or control characters)."""
    return re.sub("[\x00-\x1f\x7f]+", " ", _scalar_text(text)).strip()
