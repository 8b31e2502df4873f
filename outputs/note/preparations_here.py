"""The preparations in a folder, for the start screen: which answers files are here and where each stands.

A leader who runs the guide in a folder expects to see the preparations in it, not to
remember a file name. Each ``*.toml`` file is read as ``wizard oversigt`` reads it
(``outputs.answers.file``) and summarised in the overview's own words
(``outputs.note.overview``): the technology's name; and the engine's evaluation, which the screen
turns into "how far" in the same words as its title bar.

Which files are listed:

- a file that reads as answers for this flow: listed with name, technology and progress;
- a file that is meant as an answers file (it has an ``[svarfil]`` table) but cannot be
  read now (an error in it, another flow, no access): listed as unreadable, with the
  first problem in a few words, so the leader is not left wondering where it went;
- any other TOML file (``pyproject.toml``, a flow file, a tool's settings): skipped. It is
  not a preparation, and listing it as "broken" would only worry the leader.

Hidden files, folders, FIFOs and devices are never opened. No Textual here.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flows import Evaluation, Flow, evaluate
from outputs.answers.file import check_answers_bytes
from outputs.answers.names import FILE_TABLE
from outputs.note.overview import technology_name
from outputs.reporting.os_messages import danish_reason
from outputs.toml.decode import read_limited

# More than this many TOML files in one folder is not a folder of preparations; reading them
# all would hold up the start screen. The newest are listed.
MOST_FILES = 200


@dataclass(frozen=True)
class FolderEntry:
    """One answers file in the folder: ``problem`` is None when it can be opened."""

    path: Path
    changed: datetime
    technology: str = ""  # "" when not named yet (or unreadable)
    evaluation: Evaluation | None = None  # None when it cannot be opened
    problem: str | None = None  # why it cannot be opened, in a few words

    @property
    def readable(self) -> bool:
        return self.problem is None


def preparations_in(folder: Path, flow: Flow) -> list[FolderEntry]:
    """The answers files in ``folder``, newest first; [] when the folder cannot be listed."""
    candidates: list[tuple[float, Path]] = []
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                if item.name.startswith(".") or not item.name.endswith(".toml"):
                    continue
                try:
                    info = item.stat()  # follows a symbolic link to the file it names
                except OSError:
                    continue
                if stat.S_ISREG(info.st_mode):
                    candidates.append((info.st_mtime, Path(folder, item.name)))
    except OSError:
        return []
    candidates.sort(key=lambda pair: (-pair[0], pair[1].name))
    entries = [_entry(path, mtime, flow) for mtime, path in candidates[:MOST_FILES]]
    return [entry for entry in entries if entry is not None]


def _entry(path: Path, mtime: float, flow: Flow) -> FolderEntry | None:
    changed = datetime.fromtimestamp(mtime)
    try:
        data = read_limited(path)
    except OSError as error:
        # Without reading it we cannot tell what it is: named, so the leader knows it is there.
        return FolderEntry(path, changed, problem=f"kan ikke læses: {danish_reason(error)}")
    answers, problems = check_answers_bytes(data, flow, path.name)
    if answers is None:
        if f"[{FILE_TABLE}]".encode() not in data:
            return None  # not an answers file at all
        first = next((problem for problem in problems if problem.is_error), None)
        reason = f"fejl i linje {first.line}: {first.message}" if first else "kan ikke læses"
        return FolderEntry(path, changed, problem=reason)
    return FolderEntry(path, changed, technology=technology_name(answers), evaluation=evaluate(flow, answers))
