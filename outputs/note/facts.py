"""Who prepared a note and when its answers last changed: facts about the answers file.

The answers hold neither, so both come from the answers file itself:

- *sidst ændret* is the day the file was last written. The guide writes the file
  only when an answer changes, so that is the day an answer last changed.
- *udarbejdet af* is the full name of the file's owner (the "gecos" field of the
  user database, the name ``finger`` shows), or the login name when no full name
  is set. The owner is the person who started the preparation: saving keeps the
  owner, so a colleague who exports or edits the note later does not become its
  author. The person running the export is not used: two colleagues exporting the
  same file would get different notes.

So the same answers file gives the same note, whoever exports it and whenever.
Only the day is used, not the time, so the note does not change over a day's work
on other things. Without a file (standard input, the examples, the tests) the
note simply leaves both facts out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class NoteFacts:
    changed: date | None = None
    prepared_by: str = ""


def file_facts(path: Path) -> NoteFacts:
    """The facts of the answers file at ``path``; empty facts when it cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return NoteFacts()
    return NoteFacts(date.fromtimestamp(info.st_mtime), owner_name(info.st_uid))


@cache
def owner_name(uid: int) -> str:
    """The full name of user ``uid`` (first part of gecos), else the login name; "" if unknown."""
    try:
        import pwd  # POSIX only
    except ImportError:  # pragma: no cover - the guide runs on POSIX servers
        return ""
    try:
        entry = pwd.getpwuid(uid)
    except KeyError:
        return ""
    full_name = entry.pw_gecos.split(",")[0].strip()
    return full_name or entry.pw_name


_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def danish_date(day: date) -> str:
    """ "2. december 2026", as a Danish text writes a date."""
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"
