"""Where an organisation's own flow came from, so an answers file can name it and `--flow` need not be repeated.

A flow is read from a file (``--flow``, ``KERNEOPGAVE_FLOW``) or found by name in an
organisation's flows folder. The answers file written with it records that origin in
``[svarfil] forloeb-fil``: a name (``vores-forloeb``, found as ``vores-forloeb.toml``
in a flows folder) when the file lies in one, else the file's absolute path. The
flows folders, in the order they are searched (docs/answers-format.md):

1. ``$KERNEOPGAVE_FLOWS`` (one folder, or several separated by ``:``),
2. ``$XDG_DATA_HOME/kerneopgave/flows`` (default ``~/.local/share/kerneopgave/flows``),
3. ``kerneopgave/flows`` in each of ``$XDG_DATA_DIRS`` (default ``/usr/local/share:/usr/share``):
   where IT puts the organisation's flow for every user of a shared server.

The flow layer knows no files, so the origin of a loaded ``Flow`` is kept here, by object.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from flows import Flow
from outputs.answers.names import FILE_TABLE, FLOW_SOURCE_KEY

FLOWS_FOLDER_VARIABLE = "KERNEOPGAVE_FLOWS"
FLOW_SUFFIX = ".toml"

_origins: dict[int, tuple[Flow, str]] = {}  # id(flow) -> (the flow, kept alive so the id stays its own; origin)


def remember_origin(flow: Flow, origin: str) -> None:
    """Record that ``flow`` was read from ``origin`` (as ``origin_of`` gives it)."""
    _origins[id(flow)] = (flow, origin)


def flow_source(flow: Flow) -> str | None:
    """What an answers file written with ``flow`` records as ``forloeb-fil``; None for the built-in flow."""
    found = _origins.get(id(flow))
    return found[1] if found is not None and found[0] is flow else None


def flows_folders() -> list[Path]:
    """The organisation's flows folders, in the order they are searched."""
    folders = [Path(part).expanduser() for part in os.environ.get(FLOWS_FOLDER_VARIABLE, "").split(":") if part]
    data_home = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    folders.append(Path(data_home) / "kerneopgave" / "flows")
    data_dirs = os.environ.get("XDG_DATA_DIRS", "").strip() or "/usr/local/share:/usr/share"
    folders += [Path(part) / "kerneopgave" / "flows" for part in data_dirs.split(":") if part]
    return folders


def is_name(source: str) -> bool:
    """A name in the flows folders (``vores-forloeb``), not a path (``./vores.toml``, ``/srv/x.toml``)."""
    return "/" not in source and source not in (".", "..") and not source.startswith("~")


def find_by_name(name: str) -> Path | None:
    """The first ``NAME.toml`` (or ``NAME`` itself, when it ends in .toml) in the flows folders."""
    file_name = name if name.endswith(FLOW_SUFFIX) else name + FLOW_SUFFIX
    for folder in flows_folders():
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    return None


def flows_in_folders() -> list[tuple[str, Path]]:
    """Every flow file in the flows folders as (name, path), by name; a name found twice counts once
    (the first folder wins, as ``find_by_name`` takes it)."""
    found: dict[str, Path] = {}
    for folder in flows_folders():
        try:
            paths = sorted(folder.glob(f"*{FLOW_SUFFIX}"))
        except OSError:
            continue
        for path in paths:
            if path.is_file():
                found.setdefault(path.stem, path)
    return sorted(found.items())


def origin_of(path: Path) -> str:
    """What to record for a flow read from ``path``: its name when it lies in a flows folder
    (and that name finds this very file), else its absolute path."""
    absolute = Path(os.path.abspath(path.expanduser()))
    if absolute.suffix == FLOW_SUFFIX:
        found = find_by_name(absolute.stem)
        if found is not None and _same_file(found, absolute):
            return absolute.stem
    return str(absolute)


def resolve(source: str, answers_file: Path | None = None) -> Path | None:
    """The flow file ``source`` names: a name in the flows folders, or a path (relative to the
    answers file's folder when it is relative); None when there is no such file."""
    if is_name(source):
        return find_by_name(source)
    path = Path(source).expanduser()
    if not path.is_absolute() and answers_file is not None:
        path = answers_file.parent / path
    return path if path.is_file() else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def remembered_source(data: bytes) -> str | None:
    """The ``forloeb-fil`` an answers file's ``[svarfil]`` names, if it names one; None for a file
    without it, or one that cannot be read (the check then says what is wrong with it)."""
    if FLOW_SOURCE_KEY.encode() not in data:
        return None  # most files: no need to parse them twice
    try:
        table = tomllib.loads(data.decode("utf-8-sig").replace("\r\n", "\n")).get(FILE_TABLE)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    source = table.get(FLOW_SOURCE_KEY) if isinstance(table, dict) else None
    return source.strip() if isinstance(source, str) and source.strip() else None
