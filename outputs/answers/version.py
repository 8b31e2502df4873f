"""The [svarfil] table: is this a file this program can read, for the flow in use?

Decisions (documented in docs/answers-format.md):
- another ``format`` or another ``forloeb`` is an error that stops all other
  checks: the keys would be read against the wrong questions;
- a *newer* ``forloeb-version`` than the flow in use is such an error too;
- an *older* one is a warning: ids in a flow are stable, every key is still
  checked against the current version, and the next save records it;
- a missing key is a warning: the file is read as format 1 for the flow in use.
"""

from __future__ import annotations

import re
from typing import Any

from flows.migrations import upgrade_from
from outputs.answers import names as names
from outputs.answers.reporter import Reporter
from outputs.reporting import ERROR, WARNING, Problem, quoted

_VERSION = re.compile(r"^\d+(\.\d+)*$")


def check_file_table(checker: Reporter, table: dict[str, Any]) -> bool:
    """Report the problems in [svarfil]; False when the file must not be read further."""
    flow = checker.flow
    here = (names.FILE_TABLE,)
    for key in table:
        if key not in names.FILE_KEYS:
            checker.unknown_key((*here, key), key, names.FILE_KEYS, names.FILE_TABLE)
    readable = True
    for key, expected in (
        (names.FORMAT_KEY, str(names.FORMAT_VERSION)),
        (names.FLOW_KEY, f'"{flow.id}"'),
        (names.FLOW_VERSION_KEY, f'"{flow.version}"'),
    ):
        if key not in table:
            checker.report(
                WARNING,
                here,
                f"[svarfil] mangler {key}; filen læses med {key} = {expected}",
                f"tilføj {key} = {expected}",
                code="missing-file-key",
            )
    if names.FORMAT_KEY in table:
        readable &= _format(checker, table[names.FORMAT_KEY])
    if readable and names.FLOW_KEY in table:
        readable &= _flow_id(checker, table[names.FLOW_KEY])
    if readable and names.FLOW_VERSION_KEY in table:
        readable &= _flow_version(checker, table[names.FLOW_VERSION_KEY])
    source = table.get(names.FLOW_SOURCE_KEY)
    if source is not None and (not isinstance(source, str) or not source.strip()):
        checker.report(
            ERROR,
            (names.FILE_TABLE, names.FLOW_SOURCE_KEY),
            f"forloeb-fil skal være forløbets navn eller sti i anførselstegn, men er {quoted(source)}",
            'skriv fx forloeb-fil = "vores-forloeb", eller slet linjen og brug --flow',
            part="value",
            code="flow-source-type",
        )
    return readable


def _format(checker: Reporter, value: object) -> bool:
    path = (names.FILE_TABLE, names.FORMAT_KEY)
    known = names.FORMAT_VERSION
    if isinstance(value, bool) or not isinstance(value, int):
        checker.report(
            ERROR,
            path,
            f"format skal være et heltal, men er {quoted(value)}",
            f"skriv format = {known} uden anførselstegn",
            part="value",
            code="format-type",
        )
        return True  # most likely the right number written the wrong way: read on
    if value != known:
        newer = value > known
        checker.report(
            ERROR,
            path,
            f"svarfilen har format {value}, men dette program kender kun format {known}",
            "filen er lavet af en nyere udgave af programmet; opdatér programmet"
            if newer
            else f"skriv format = {known}",
            part="value",
            unreadable=True,
            code="newer-format",
        )
        return False
    return True


def _flow_id(checker: Reporter, value: object) -> bool:
    flow = checker.flow
    path = (names.FILE_TABLE, names.FLOW_KEY)
    if not isinstance(value, str):
        checker.report(
            ERROR,
            path,
            f"forloeb skal være et id i anførselstegn, men er {quoted(value)}",
            f'skriv forloeb = "{flow.id}"',
            part="value",
            code="flow-type",
        )
        return True
    if value != flow.id:
        checker.report(
            ERROR,
            path,
            f"svarfilen hører til forløbet {quoted(value)}, men programmet bruger forløbet "
            f"'{flow.id}' (version {flow.version})",
            f'brug --flow med forløbsfilen til {quoted(value)}, eller ret til forloeb = "{flow.id}"',
            part="value",
            unreadable=True,
            code="other-flow",
        )
        return False
    return True


def _flow_version(checker: Reporter, value: object) -> bool:
    flow = checker.flow
    path = (names.FILE_TABLE, names.FLOW_VERSION_KEY)
    if not isinstance(value, str) or not _VERSION.match(value):
        checker.report(
            ERROR,
            path,
            f"forloeb-version skal være et versionsnummer i anførselstegn, men er {quoted(value)}",
            f'skriv forloeb-version = "{flow.version}"',
            part="value",
            code="flow-version-type",
        )
        return True
    if _compare(value, flow.version) > 0:
        checker.report(
            ERROR,
            path,
            f"svarfilen er lavet med version {value} af forløbet '{flow.id}', "
            f"men programmet kender kun version {flow.version}",
            "opdatér programmet, eller brug --flow med den nyere forløbsfil",
            part="value",
            unreadable=True,
            code="newer-flow-version",
        )
        return False
    if _compare(value, flow.version) < 0 and upgrade_from(flow, value) is None:
        # (with migrations for that version, the checker says what changed once it has read the file)
        checker.report(
            WARNING,
            path,
            f"svarfilen er lavet med version {value} af forløbet; programmet bruger version {flow.version}",
            f'svarene er tjekket mod version {flow.version}; skriv forloeb-version = "{flow.version}", '
            "når du har set dem igennem (guiden gør det selv, når den gemmer)",
            part="value",
            code="older-flow-version",
        )
    return True


def _compare(left: str, right: str) -> int:
    """-1, 0 or 1, comparing dotted version numbers ("1.0" equals "1")."""
    a = [int(part) for part in left.split(".")]
    b = [int(part) for part in right.split(".")]
    width = max(len(a), len(b))
    a += [0] * (width - len(a))
    b += [0] * (width - len(b))
    return (a > b) - (a < b)


UPGRADE_MESSAGE_START = "Svarfilen er skrevet til version"


def upgrade_notice(problems: list[Problem]) -> str | None:
    """What the screens say when a file is opened whose flow has changed since: the checker's warning
    about an older version of the flow, and how many answers were given to questions worded differently."""
    parts = []
    for problem in problems:
        if problem.severity == WARNING and problem.message.startswith(UPGRADE_MESSAGE_START):
            parts.append(
                f"{problem.message}. Guiden viser de nye spørgsmål, når du kommer til dem, og gemmer svarene "
                "til den nye version. »wizard check« viser detaljerne."
            )
            break
    changed = sum(1 for problem in problems if problem.code == "changed-question")
    if changed:
        which = "ét spørgsmål" if changed == 1 else f"{changed} spørgsmål"
        parts.append(
            f"Siden du svarede, er {which} formuleret om, så {'svaret' if changed == 1 else 'svarene'} bør ses "
            f"igen. Guiden markerer {'det' if changed == 1 else 'dem'}, og i Oversigten (Ctrl+O) fører »Ændrede "
            "spørgsmål« dertil. Enter på dit svar beholder det."
        )
    return " ".join(parts) or None
