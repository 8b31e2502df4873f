"""The words around a session: the start screen's list of the preparations in the folder, and the
goodbye printed when the leader leaves (after the screens or the plain mode).

Pure functions (no Textual), shared by the screens and the plain mode.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flows import Evaluation, Flow
from outputs.wording.words import display_path, progress_text, short_progress, shorten

if TYPE_CHECKING:
    from outputs.note import FolderEntry  # the list is read in a thread (wizard.screens.start), not at start


# The start screen's columns: file, technology, progress and last change fill 70 cells, beside "› 1. "
# (5 cells) in a list 76 cells wide at 80 columns.
FOLDER_COLUMNS = (20, 20, 12, 12)


SHORT_MONTHS = ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


def folder_rows(entries: Sequence[FolderEntry], flow: Flow, today: date | None = None) -> tuple[str, list[str]]:
    """The header and one line per preparation for the start screen's list, in aligned columns."""
    today = today or date.today()
    name_width, technology_width, progress_width, changed_width = FOLDER_COLUMNS
    titles = ("Fil", "Teknologi", "Besvaret", "Ændret")
    header = "     " + "  ".join(title.ljust(width) for title, width in zip(titles, FOLDER_COLUMNS, strict=True))
    rows = []
    for entry in entries:
        name = shorten(entry.path.name, name_width).ljust(name_width)
        if entry.problem is not None:
            rest_width = technology_width + progress_width + changed_width + 4
            rows.append(f"{name}  {shorten('kan ikke åbnes: ' + entry.problem, rest_width)}")
            continue
        technology = shorten(entry.technology or "(uden navn)", technology_width).ljust(technology_width)
        progress = (short_progress(entry.evaluation, flow) if entry.evaluation else "").ljust(progress_width)
        rows.append(f"{name}  {technology}  {progress}  {when_changed(entry.changed, today)}")
    return header.rstrip(), rows


def when_changed(moment: datetime, today: date) -> str:
    """ "i dag 14:03", "i går 09:12", "2. dec." or "2. dec. 2025": short, and as a Dane says it."""
    day = moment.date()
    if day == today:
        return f"i dag {moment:%H:%M}"
    if (today - day).days == 1:
        return f"i går {moment:%H:%M}"
    short = f"{day.day}. {SHORT_MONTHS[day.month - 1]}"
    return short if day.year == today.year else f"{short} {day.year}"


def free_name(wanted: Path, taken: Sequence[str] = ()) -> Path:
    """``wanted``, or ``forberedelse-2.toml`` and so on when that name is already a file here."""
    candidate, number = wanted, 1
    while candidate.name in taken or candidate.exists():
        number += 1
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
    return candidate


def command_name(program: str) -> str:
    """How the leader runs the guide again, from ``sys.argv[0]``: ``wizard`` when that is the one on
    PATH, ``./start`` for a clone's own ``.venv`` (the README's way), else the program as it was run."""
    import shutil

    here = Path(program)
    found = shutil.which("wizard")
    try:
        if found and here.resolve() == Path(found).resolve():
            return "wizard"
        start = here.resolve().parent.parent.parent / "start"  # <clone>/.venv/bin/wizard -> <clone>/start
        if here.parent.name == "bin" and here.parent.parent.name == ".venv" and start.is_file():
            return display_path(Path(os.path.relpath(start))) if _is_below_cwd(start) else str(start)
    except (OSError, ValueError):
        pass
    return program


def _is_below_cwd(path: Path) -> bool:
    try:
        path.relative_to(Path.cwd())
    except (OSError, ValueError):
        return False
    return True


def goodbye_lines(
    evaluation: Evaluation,
    flow: Flow,
    path: Path,
    *,
    saved: bool,
    where: str = "",
    command: str = "wizard",
    plain: bool = False,
) -> list[str]:
    """What the leader reads in the terminal after the guide closes: where the answers are, how far
    they got, and the commands to continue and to make the note."""
    shown = display_path(path)
    if not saved:
        return [f"Dine seneste svar er IKKE gemt i {shown}. Det, der blev gemt før, står i filen."]
    how_far = progress_text(evaluation, None, flow)
    lines = [f"Dine svar er gemt i {shown}.", f"Du har {how_far[0].lower()}{how_far[1:]}."]
    if where:
        lines[-1] = lines[-1][:-1] + f"; du var ved »{where}«."
    note = path.with_suffix(".md") if path.suffix == ".toml" else path.with_name(path.name + ".md")
    lines.append(f"Fortsæt:    {command}{' --plain' if plain else ''} {shown}")
    lines.append(f"Lav noten:  {command} export {shown} -o {display_path(note)}")
    return lines
