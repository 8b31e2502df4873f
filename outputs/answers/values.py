"""Checking one answer (or note, or reason) against its question: type, options, length.

Shared by the table checks in ``answers_check``; every message says what is wrong
and what to write instead, with the allowed values as ``id = label``.
"""

from __future__ import annotations

from flows import Kind, Question
from flows.conditions import AnswerValue
from flows.ids import nearest
from outputs.answers import names as names
from outputs.answers.reporter import Reporter
from outputs.reporting import ERROR, WARNING, quoted
from outputs.toml import KeyPath


def kind_of(value: object) -> str:
    if isinstance(value, str):
        return "en tekst"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "et tal"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en tabel"
    return "en dato eller et tidspunkt"


def _guess_option(question: Question, value: str) -> str | None:
    """The option a leader most likely meant: its label, the start of its id or label, or a near id."""
    wanted = value.strip().casefold()
    if not wanted:
        return None
    for option in question.choices:
        if wanted in (option.id, option.label.casefold()):
            return option.id
    for found in (
        [o.id for o in question.choices if o.id.startswith(wanted) or o.label.casefold().startswith(wanted)],
        [o.id for o in question.choices if wanted in o.id or wanted in o.label.casefold()],
    ):
        if len(found) == 1:
            return found[0]
    return nearest(wanted, question.choice_ids)


def _number(count: int) -> str:
    return f"{count:,}".replace(",", ".")


class ValueChecks(Reporter):
    """The value checks; the subclass provides ``report``."""

    def counting_only(self) -> bool:
        """True once so many problems are shown that the rest are only counted (no hints worked out)."""
        return False

    def text(self, path: KeyPath, value: object, what: str) -> str | None:
        if not isinstance(value, str):
            self.report(
                ERROR,
                path,
                f"{what} skal være en tekst, men er {kind_of(value)}",
                f'skriv teksten i anførselstegn, fx {path[-1]} = "…"',
                part="value",
                code="text-type",
            )
            return None
        if len(value) > names.MAX_TEXT_CHARS:
            self.report(
                ERROR,
                path,
                f"{what} fylder {_number(len(value))} tegn; højst {_number(names.MAX_TEXT_CHARS)} tegn er tilladt",
                "forkort teksten, eller læg det lange materiale i et dokument for sig og henvis til det",
                part="value",
                code="text-too-long",
            )
            return None
        return value

    def answer(self, question: Question, path: KeyPath, value: object) -> AnswerValue | None:
        what = f"svaret på '{question.id}'"
        if question.kind is Kind.TEXT:
            text = self.text(path, value, what)
            return text if text and text.strip() else None
        allowed = _Allowed(question)  # spelled out only if a message needs it
        if question.kind is Kind.MULTI:
            return self.several(question, path, value, allowed)
        if isinstance(value, str):
            if not value.strip():
                return None  # an empty placeholder, as in the template: not answered yet
            if value in question.choice_ids:
                return value
            self.not_allowed(question, path, value, allowed, None)
        elif isinstance(value, bool) and question.kind is Kind.YES_NO:
            shown = "ja" if value else "nej"
            self.report(
                ERROR,
                path,
                f'{what} skal være "ja" eller "nej" i anførselstegn',
                f'skriv {question.id} = "{shown}"',
                part="value",
                code="yes-no-type",
            )
        elif isinstance(value, list):
            valid = [item for item in value if isinstance(item, str) and item in question.choice_ids]
            example = valid[0] if len(valid) == 1 else question.choice_ids[0]
            hint = (
                f'skriv {question.id} = "{example}"' if len(valid) == 1 else f'vælg ét, fx {question.id} = "{example}"'
            )
            self.report(
                ERROR,
                path,
                f"{what} skal være ét id, men er en liste",
                f"{hint}; tilladt: {allowed}",
                part="value",
                code="list-for-one",
            )
        else:
            self.report(
                ERROR,
                path,
                f"{what} skal være et id i anførselstegn, men er {kind_of(value)}",
                f"tilladt: {allowed}",
                part="value",
                code="choice-type",
            )
        return None

    def several(self, question: Question, path: KeyPath, value: object, allowed: _Allowed) -> AnswerValue | None:
        what = f"svaret på '{question.id}'"
        if isinstance(value, str) and not value.strip():
            return None
        if not isinstance(value, list):
            shown = f'["{value}"]' if isinstance(value, str) and value in question.choice_ids else '["…", "…"]'
            self.report(
                ERROR,
                path,
                f"{what} skal være en liste af id'er, men er {kind_of(value)}",
                f"skriv {question.id} = {shown}; tilladt: {allowed}",
                part="value",
                code="multi-type",
            )
            return None
        chosen: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item in question.choice_ids:
                if item not in chosen:
                    chosen.append(item)
            else:
                self.not_allowed(question, path, item, allowed, index)
        alone = [item for item in chosen if item in question.exclusive_ids]
        if alone and len(chosen) > 1:
            self.combined_with_others(question, path, value, chosen, alone[0])
        return tuple(chosen) or None

    def combined_with_others(
        self, question: Question, path: KeyPath, value: list, chosen: list[str], alone: str
    ) -> None:
        """An option that stands alone ("Ingen af dem", "Ved ikke") is picked with others.

        A warning, and the answer is kept as written: earlier versions let the screens save
        "Ved ikke" with other picks, and such a file must still open. The leader decides which.
        """
        others = [item for item in chosen if item not in question.exclusive_ids]
        choose = f'skriv enten {question.id} = ["{alone}"]'
        if others:
            choose += " eller kun " + ", ".join(f'"{item}"' for item in others)
        self.report(
            WARNING,
            path,
            f"\"{alone}\" ({question.label_of(alone)}) vælges alene, men står sammen med andre svar på '{question.id}'",
            f"{choose}; indtil da står alle svarene i noten",
            part="value",
            item=value.index(alone),
            code="exclusive-option",
        )

    def not_allowed(
        self, question: Question, path: KeyPath, value: object, allowed: _Allowed, item: int | None
    ) -> None:
        if self.counting_only():
            self.report(ERROR, path, "", code="unknown-option")
            return
        guess = _guess_option(question, value) if isinstance(value, str) else None
        hint = (f'mente du "{guess}"? ' if guess else "") + f"tilladt: {allowed}"
        message = f"{quoted(value)} er ikke en svarmulighed til '{question.id}'"
        self.report(ERROR, path, message, hint, part="value", item=item, code="unknown-option")


class _Allowed:
    """The allowed values of a question as ``id = label, ...``, written only when a
    message is shown: a clean file (most files in a batch) never needs it."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def __str__(self) -> str:
        return ", ".join(f"{option.id} = {option.label}" for option in self.question.choices)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)
