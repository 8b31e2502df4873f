"""Saving over an answers file that is already there: check only what saving needs, keep the leader's edits.

Before a save the file on disk is read again, because it may have been edited
since (or replaced by something else). Saving needs to know two things, not the
full check with located hints (``answers_check``): can the file be read at all
(bytes, TOML, [svarfil] for this flow), and where does each answer stand in it.
The first is one decode and one ``tomllib`` parse; the second is the layout scan
``toml_edit`` does. The new text is the old one with only the changed answers
changed (``toml_edit``); a file saved unchanged is given back byte for byte.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flows import Flow, Kind
from outputs.answers import names as names
from outputs.answers.reporter import Reporter
from outputs.answers.version import check_file_table
from outputs.reporting import Problem, Severity
from outputs.toml import BOM, KeyPath, clean_text, comment, decode, edit_toml, parse_toml


@dataclass(frozen=True)
class OldFile:
    """An answers file saving may go over: its text as read, and its data (parsed without BOM and CRLF)."""

    text: str
    data: dict[str, Any]


def readable_for_saving(data: bytes, flow: Flow, name: str) -> tuple[OldFile | None, Problem | None]:
    """The file when saving may go over it, or the first reason it may not (it cannot be read as
    an answers file for ``flow``: another encoding, broken TOML, another format or flow)."""
    text, problems = decode(data, name)
    if text is None:
        return None, problems[0]
    clean, _ = clean_text(text, name)
    try:
        parsed = tomllib.loads(clean)
    except (tomllib.TOMLDecodeError, RecursionError):
        # Rare, and worth a proper message: the full syntax check says where and what.
        syntax = [problem for problem in parse_toml(clean, name).problems if problem.unreadable]
        return None, syntax[0] if syntax else Problem(
            name, 1, 1, "fejl", "filen kan ikke læses som TOML", "", True, code="syntax"
        )
    table = parsed.get(names.FILE_TABLE)
    if isinstance(table, dict):
        refusal = _FirstRefusal(flow, name)
        if not check_file_table(refusal, table) and refusal.problem is not None:
            return None, refusal.problem
    return OldFile(text, parsed), None


class _FirstRefusal(Reporter):
    """A reporter for ``check_file_table`` that keeps only the first reason the file cannot be read."""

    def __init__(self, flow: Flow, name: str) -> None:
        self.flow = flow
        self.name = name
        self.problem: Problem | None = None

    def report(
        self,
        severity: Severity,
        path: KeyPath,
        message: str,
        hint: str = "",
        *,
        part: str = "key",
        item: int | None = None,
        unreadable: bool = False,
        code: str = "",
    ) -> None:
        if unreadable and self.problem is None:
            self.problem = Problem(self.name, 1, 1, severity, message, hint, True, code=code)

    def unknown_key(self, path: KeyPath, key: str, candidates: list[str] | tuple[str, ...], table: str) -> None:
        pass


def edited_answers_text(old: str, wanted: str, flow: Flow, old_data: dict[str, Any] | None = None) -> str:
    """``old`` (as read, perhaps with a BOM and CRLF) saying what ``wanted`` says; ``wanted`` itself
    when ``old`` is written in a way that cannot be edited in place. ``old_data``: ``old`` parsed, if known."""
    bom = old.startswith(BOM)
    body = old[len(BOM) :] if bom else old
    crlf = "\r\n" in body
    plain = body.replace("\r\n", "\n")
    edited = edit_toml(plain, wanted, AnswersStyle(flow), old_data)
    if edited is None:
        return wanted
    if edited == plain:
        return old  # nothing changed: the very same text, line ends and all
    if crlf:
        edited = edited.replace("\n", "\r\n")
    return (BOM if bom else "") + edited


class AnswersStyle:
    """What ``dumps_answers`` owns in an answers file, and the comments it writes there."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.sections = {section.id: {question.id for question in section.questions} for section in flow.sections}
        self.order: Sequence[str] = [
            names.FILE_TABLE,
            *self.sections,
            names.JUDGEMENT_TABLE,
            names.NOTES_TABLE,
            names.DISCUSS_TABLE,
            names.RETIRED_TABLE,
            names.FINGERPRINT_TABLE,
        ]

    def owned(self, table: str, key: str) -> bool:
        if table == names.FILE_TABLE:
            return key in names.FILE_KEYS
        if table in self.sections:
            return key in self.sections[table]
        if table == names.JUDGEMENT_TABLE:
            return key in names.JUDGEMENT_KEYS
        if table in (names.NOTES_TABLE, names.DISCUSS_TABLE, names.FINGERPRINT_TABLE):
            return key in self.flow.questions
        return False

    def label(self, table: str, key: str, value: object) -> str | None:
        if table not in self.sections or key not in self.sections[table]:
            return None
        return choice_labels(self.flow, key, value)

    def heading(self, table: str, key: str) -> str | None:
        if table not in self.sections or key not in self.sections[table]:
            return None
        return f"# {comment(self.flow.questions[key].text)}"


def choice_labels(flow: Flow, question_id: str, value: object) -> str | None:
    """The comment written after a choice answer: its labels, so the file reads on its own."""
    question = flow.questions[question_id]
    if question.kind is Kind.TEXT:
        return None
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
        return None
    return comment("; ".join(question.label_of(item) for item in items))
