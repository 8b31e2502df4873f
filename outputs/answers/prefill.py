"""Answers given before the template is written: ``wizard template --data id=værdi --data-file FIL``.

A script that prepares a preparation for a leader knows some answers already (the
technology's name, the area, the meeting). It gives them on the command line or in
a small TOML or JSON file, and gets a template with those answers filled in and
every other question still commented out, ready for the leader.

The data is only collected here. Whether a value is allowed is decided by the same
checker as ``wizard check`` (see ``outputs.answers.template.render_template`` and the
command), so a pre-filled answer obeys exactly the rules of an answer typed by hand.

Keys: a question id (``navn``), ``noter.ID`` for a note, ``til-droeftelse.ID`` to mark a
question for the meeting, and ``vurdering.egen-vurdering`` / ``vurdering.begrundelse`` /
``vurdering.traek`` for the leader's own judgement. A data file may be flat
(``navn = "…"``) or grouped in tables like an answers file, so an existing answers
file can serve as data for a new one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from flows import Flow, Kind
from flows.ids import nearest
from outputs.answers import names as names
from outputs.reporting import printable
from outputs.toml import decode, parse_toml, read_limited

DataValue = str | tuple[str, ...]

_JUDGEMENT_KEYS = {names.JUDGEMENT_KEY, names.REASON_KEY, names.TRAITS_KEY}


class PrefillError(Exception):
    """The data could not be used; ``messages`` say why, in Danish, one per line."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class Prefill:
    """What to fill in, and where each item came from (for messages: ``--data fase`` or ``data.toml``)."""

    values: dict[str, DataValue] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    discuss: set[str] = field(default_factory=set)
    judgement: dict[str, DataValue] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)  # "values:navn" -> "--data navn"

    def origin(self, kind: str, key: str) -> str:
        return self.origins.get(f"{kind}:{key}", key)


def collect(flow: Flow, data_files: list[str], data: list[str]) -> tuple[Prefill, list[str]]:
    """Data files first, then ``--data`` items (a later item wins): what can be filled in, and the
    problems with the rest as Danish lines. PrefillError when a data file cannot be read at all."""
    prefill = Prefill()
    problems: list[str] = []
    for name in data_files:
        for key, value in _read_data_file(Path(name)):
            problems += _take(flow, prefill, key, value, printable(name))
    for item in data:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            problems.append(f"--data {printable(item)}: fejl: skriv id=værdi, fx --data navn=Skærmbesøg")
            continue
        key = key.strip()
        problems += _take(flow, prefill, key, _from_command_line(flow, key, raw), f"--data {printable(key)}")
    return prefill, problems


def _from_command_line(flow: Flow, key: str, raw: str) -> DataValue | bool:
    """A several-choice answer (and ``vurdering.traek``) is a comma-separated list; all else is text."""
    question = flow.questions.get(key)
    if (question is not None and question.kind is Kind.MULTI) or key == f"{names.JUDGEMENT_TABLE}.{names.TRAITS_KEY}":
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if key.startswith(f"{names.DISCUSS_TABLE}."):
        return raw.strip().lower() in ("ja", "true", "1", "")
    return raw


def _read_data_file(path: Path) -> list[tuple[str, object]]:
    """The (key, value) pairs of a data file, flattened to the keys ``collect`` takes."""
    shown = printable(str(path))
    try:
        raw = read_limited(path)
    except FileNotFoundError:
        raise PrefillError([f"datafilen {shown} findes ikke."]) from None
    except IsADirectoryError:
        raise PrefillError([f"datafilen {shown} er en mappe, ikke en fil."]) from None
    except OSError as error:
        raise PrefillError([f"datafilen {shown} kan ikke læses: {printable(error.strerror or str(error))}."]) from None
    text, problems = decode(raw, str(path))
    if text is None:
        raise PrefillError([problem.render() for problem in problems])
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise PrefillError(
                [f"{shown}:{error.lineno}:{error.colno}: fejl: filen er ikke gyldig JSON — ret filen, og prøv igen"]
            ) from None
    else:
        parsed = parse_toml(text, str(path))
        if parsed.problems or parsed.data is None:
            raise PrefillError([problem.render() for problem in parsed.problems] or [f"{shown} kan ikke læses."])
        data = parsed.data
    if not isinstance(data, dict):
        raise PrefillError([f'datafilen {shown} skal være en tabel af id\'er og værdier, fx navn = "…".'])
    pairs: list[tuple[str, object]] = []
    for key, value in data.items():
        if key == names.FILE_TABLE:
            continue  # an answers file used as data: its [svarfil] header is not an answer
        if isinstance(value, dict) and key in (names.JUDGEMENT_TABLE, names.NOTES_TABLE, names.DISCUSS_TABLE):
            pairs += [(f"{key}.{inner}", item) for inner, item in value.items()]
        elif isinstance(value, dict):  # a section table, as in an answers file
            pairs += list(value.items())
        else:
            pairs.append((key, value))
    return pairs


def _take(flow: Flow, prefill: Prefill, key: str, value: object, origin: str) -> list[str]:
    """Put one item in ``prefill``; the problems with it, as Danish lines."""
    table, dot, inner = key.partition(".")
    if dot and table == names.NOTES_TABLE:
        return _take_keyed(flow, prefill.notes, prefill, "notes", inner, value, origin, text_only=True)
    if dot and table == names.DISCUSS_TABLE:
        if inner not in flow.questions:
            return [_unknown(flow, inner, origin)]
        if not isinstance(value, bool):
            return [f"{origin}: fejl: skriv true for at sætte spørgsmålet til drøftelse"]
        if value:
            prefill.discuss.add(inner)
            prefill.origins[f"discuss:{inner}"] = origin
        return []
    if dot and table == names.JUDGEMENT_TABLE:
        if inner not in _JUDGEMENT_KEYS:
            guess = nearest(inner, sorted(_JUDGEMENT_KEYS))
            hint = f"; mente du {names.JUDGEMENT_TABLE}.{guess}?" if guess else ""
            return [f"{origin}: fejl: {names.JUDGEMENT_TABLE} kender ikke nøglen '{printable(inner)}'{hint}"]
        problem = _shape(value, origin)
        if problem:
            return [problem]
        prefill.judgement[inner] = _normal(value)
        prefill.origins[f"judgement:{inner}"] = origin
        return []
    if key not in flow.questions:
        return [_unknown(flow, key, origin)]
    return _take_keyed(flow, prefill.values, prefill, "values", key, value, origin, text_only=False)


def _take_keyed(
    flow: Flow,
    target: dict,
    prefill: Prefill,
    kind: str,
    key: str,
    value: object,
    origin: str,
    *,
    text_only: bool,
) -> list[str]:
    if key not in flow.questions:
        return [_unknown(flow, key, origin)]
    if text_only and not isinstance(value, str):
        return [f"{origin}: fejl: en note skal være tekst i anførselstegn"]
    problem = _shape(value, origin)
    if problem:
        return [problem]
    target[key] = _normal(value)
    prefill.origins[f"{kind}:{key}"] = origin
    return []


def _shape(value: object, origin: str) -> str | None:
    if isinstance(value, str):
        return None
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return None
    return f'{origin}: fejl: et svar skal være tekst eller en liste af id\'er, fx "ja" eller ["a", "b"]'


def _normal(value: object) -> DataValue:
    return value if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]


def _unknown(flow: Flow, key: str, origin: str) -> str:
    guess = nearest(key, list(flow.questions))
    hint = f"; mente du '{guess}'?" if guess else "; se id'erne med: wizard template"
    return f"{origin}: fejl: forløbet har intet spørgsmål med id'et '{printable(key)}'{hint}"
