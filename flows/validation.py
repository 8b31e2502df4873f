"""Turning a flow's TOML text into a checked Flow, or into located, Danish problems.

This module reads text, never files: ``outputs`` reads an organisation's flow file
and passes the text here, and the default flow is read from the package.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import ValidationError

from flows.conditions import UNKNOWN, Condition, ConditionError, parse_condition
from flows.ids import slugify
from flows.schema import (
    PATH_NAME,
    TRAITS_NAME,
    Criterion,
    Flow,
    Kind,
    Option,
    Question,
    Section,
    Source,
    SourceRef,
    Trait,
    TriageRules,
    Verdict,
)

_MESSAGES = {
    "missing": "feltet mangler",
    "extra_forbidden": "ukendt felt",
    "string_type": "skal være en tekst i anførselstegn",
    "int_type": "skal være et heltal",
    "int_parsing": "skal være et heltal",
    "bool_type": "skal være true eller false",
    "string_pattern_mismatch": "skal bestå af små bogstaver a-z, tal og bindestreger (fx 'glider-ind')",
    "string_too_short": "må ikke være tom",
    "too_short": "må ikke være tom",
    "enum": "er ikke en af de tilladte værdier",
    "tuple_type": "skal være en liste",
    "model_type": "skal være en tabel",
    "greater_than_equal": "er for lille",
}


@dataclass(frozen=True)
class FlowProblem:
    line: int  # 1-based; 1 when no better place is known
    place: str  # e.g. "spørgsmål 'glider-ind', felt 'kind'"
    message: str

    def render(self, name: str) -> str:
        return f"{name}:{self.line}: fejl: {self.place}: {self.message}"


class FlowError(ValueError):
    """A flow that cannot be used; carries every problem found, each with its line."""

    def __init__(self, name: str, problems: list[FlowProblem]) -> None:
        self.name = name
        self.problems = problems
        super().__init__("\n".join(problem.render(name) for problem in problems))


def parse_flow(text: str, name: str) -> Flow:
    """Parse and check a flow; ``name`` is how messages refer to its file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, message = toml_error_position(error)
        raise FlowError(name, [FlowProblem(line, "TOML-syntaks", message)]) from None
    locator = _Locator(text, data)
    try:
        flow = Flow.model_validate(data)
    except ValidationError as error:
        problems = [
            FlowProblem(locator.line_of(detail["loc"]), locator.describe(detail["loc"]), _message(detail))
            for detail in error.errors()
        ]
        raise FlowError(name, problems) from None
    problems = [
        FlowProblem(locator.line_of(loc), locator.describe(loc), message) for loc, message in _semantic_problems(flow)
    ]
    if problems:
        raise FlowError(name, problems)
    return flow


def toml_error_position(error: tomllib.TOMLDecodeError) -> tuple[int, str]:
    """tomllib puts the place in the message: "... (at line 3, column 7)"."""
    text = str(error)
    match = re.search(r"\(at line (\d+), column (\d+)\)$", text)
    if match is None:
        return 1, text
    return int(match.group(1)), f"{text[: match.start()].strip()} (tegn {match.group(2)})"


def _message(detail: dict) -> str:
    message = _MESSAGES.get(detail["type"], detail["msg"])
    expected = (detail.get("ctx") or {}).get("expected")
    if expected:
        return f"{message} ({expected})"
    if detail["type"] == "extra_forbidden":
        allowed = _fields_at(detail["loc"])
        hint = _nearest(str(detail["loc"][-1]), allowed)
        return f"{message}; mente du {hint!r}?" if hint else f"{message}; tilladte felter: {', '.join(allowed)}"
    given = detail.get("input")
    if detail["type"] == "string_pattern_mismatch" and isinstance(given, str) and slugify(given):
        return f"{message}; skriv fx {slugify(given)!r} i stedet for {given!r}"
    return message


Loc = tuple[str | int, ...]

_MODEL_AT = {
    "sources": Source,
    "traits": Trait,
    "triage": TriageRules,
    "criteria": Criterion,
    "sections": Section,
    "questions": Question,
    "options": Option,
    "source": SourceRef,
}


def _fields_at(loc: Loc) -> list[str]:
    """The field names allowed where ``loc`` points (its last element is the unknown key)."""
    parents = [key for key in loc[:-1] if isinstance(key, str)]
    model = _MODEL_AT.get(parents[-1], Flow) if parents else Flow
    return list(model.model_fields)


def _semantic_problems(flow: Flow) -> Iterator[tuple[Loc, str]]:
    """Every whole-flow mistake, in file order; also attaches parsed conditions."""
    yield from _duplicates("sources", [source.id for source in flow.sources], "kilde")
    yield from _duplicates("traits", [trait.id for trait in flow.traits], "træk")
    yield from _duplicates("criteria", [criterion.id for criterion in flow.criteria], "kriterium")
    yield from _duplicates("sections", [section.id for section in flow.sections], "afsnit")

    source_ids = {source.id for source in flow.sources}
    trait_ids = {trait.id for trait in flow.traits}
    section_ids = [section.id for section in flow.sections]
    if flow.triage.section not in section_ids:
        yield (
            ("triage", "section"),
            f"afsnittet {flow.triage.section!r} findes ikke; brug et af {', '.join(section_ids)}",
        )
        return

    known: dict[str, Question] = {}
    seen_triage = False
    for s_index, section in enumerate(flow.sections):
        s_loc: Loc = ("sections", s_index)
        if section.trait is not None and section.trait not in trait_ids:
            yield (*s_loc, "trait"), f"træk {section.trait!r} er ikke defineret under [[traits]]"
        bound = _bound_names(flow, seen_triage)
        if section.relevant_when:
            condition, problems = _check_condition(section.relevant_when, known, bound, trait_ids)
            yield from (((*s_loc, "relevant_when"), problem) for problem in problems)
            section._condition = condition
        for q_index, question in enumerate(section.questions):
            q_loc: Loc = (*s_loc, "questions", q_index)
            if question.id in known:
                yield (*q_loc, "id"), f"id {question.id!r} er brugt før; hvert spørgsmål skal have sit eget id"
            yield from ((((*q_loc, *loc)), message) for loc, message in _question_problems(question, source_ids))
            if question.relevant_when:
                condition, problems = _check_condition(question.relevant_when, known, bound, trait_ids)
                yield from (((*q_loc, "relevant_when"), problem) for problem in problems)
                question._condition = condition
            known.setdefault(question.id, question)
            flow._questions.setdefault(question.id, question)
            flow._section_of.setdefault(question.id, section)
        if section.id == flow.triage.section:
            seen_triage = True

    triage_questions = {question.id: question for question in flow.triage_section.questions}
    for c_index, criterion in enumerate(flow.criteria):
        c_loc: Loc = ("criteria", c_index)
        condition, problems = _check_condition(criterion.when, triage_questions, {}, trait_ids, triage=True)
        yield from (((*c_loc, "when"), problem) for problem in problems)
        criterion._condition = condition
        for trait in criterion.traits:
            if trait not in trait_ids:
                yield (*c_loc, "traits"), f"træk {trait!r} er ikke defineret under [[traits]]"
    for t_index, trait in enumerate(flow.traits):
        if trait.source.source not in source_ids:
            yield ("traits", t_index, "source"), f"kilden {trait.source.source!r} er ikke defineret under [[sources]]"


def _duplicates(field: str, ids: list[str], what: str) -> Iterator[tuple[Loc, str]]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            yield (field, index, "id"), f"{what}-id {item_id!r} er brugt før; hvert id skal være unikt"
        seen.add(item_id)


def _question_problems(question: Question, source_ids: set[str]) -> Iterator[tuple[Loc, str]]:
    if question.source.source not in source_ids:
        yield ("source",), f"kilden {question.source.source!r} er ikke defineret under [[sources]]"
    option_ids = [option.id for option in question.options]
    if question.kind is Kind.TEXT and question.options:
        yield ("options",), "et fritekstspørgsmål har ingen svarmuligheder; fjern options"
    if question.kind is Kind.TEXT and question.allow_unknown:
        yield ("allow_unknown",), "et fritekstspørgsmål kan ikke have 'ved ikke'; fjern allow_unknown"
    if question.kind in (Kind.SINGLE, Kind.SCALE, Kind.MULTI) and len(option_ids) < 2:
        yield ("options",), f"et spørgsmål af typen {question.kind.value!r} skal have mindst to svarmuligheder"
    if UNKNOWN in option_ids:
        yield ("options",), f"{UNKNOWN!r} er reserveret; brug allow_unknown = true i stedet"
    seen: set[str] = set()
    for index, option_id in enumerate(option_ids):
        if option_id in seen:
            yield ("options", index, "id"), f"svarmuligheden {option_id!r} findes to gange"
        seen.add(option_id)


def _bound_names(flow: Flow, after_triage: bool) -> dict[str, tuple[str, ...]]:
    if not after_triage:
        return {}
    return {
        PATH_NAME: tuple(verdict.value for verdict in Verdict),
        TRAITS_NAME: tuple(trait.id for trait in flow.traits),
    }


def _check_condition(
    source: str,
    known: dict[str, Question],
    bound: dict[str, tuple[str, ...]],
    trait_ids: set[str],
    triage: bool = False,
) -> tuple[Condition | None, list[str]]:
    try:
        condition = parse_condition(source)
    except ConditionError as error:
        return None, [f"betingelsen {source!r} kan ikke læses (tegn {error.column}): {error.message}"]
    problems = []
    for reference in condition.references:
        if reference.name in bound:
            allowed = bound[reference.name]
        elif reference.name in known:
            allowed = known[reference.name].choice_ids
        else:
            where = "triage-afsnittet" if triage else "et tidligere spørgsmål"
            names = sorted(known) + sorted(bound)
            hint = _nearest(reference.name, names)
            problems.append(
                f"betingelsen nævner {reference.name!r}, som ikke er {where}"
                + (f"; mente du {hint!r}?" if hint else "")
            )
            continue
        for value in reference.values:
            if allowed and value not in allowed:
                problems.append(
                    f"betingelsen sammenligner {reference.name!r} med {value!r}, som ikke er en svarmulighed; "
                    f"tilladt: {', '.join(allowed)}"
                )
    return (condition if not problems else None), problems


def _nearest(word: str, candidates: list[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


class _Locator:
    """Finds the line of a place in the flow text by following the TOML headers.

    ``("sections", 2, "questions", 4, "kind")`` is the ``kind =`` line after the
    fifth ``[[sections.questions]]`` header after the third ``[[sections]]``.
    Items of inline arrays (options) are found by their ``id = "..."`` instead.
    """

    def __init__(self, text: str, data: dict) -> None:
        self.lines = text.splitlines()
        self.data = data

    def describe(self, loc: Loc) -> str:
        names = {
            "sections": "afsnit",
            "questions": "spørgsmål",
            "options": "svarmulighed",
            "criteria": "kriterium",
            "traits": "træk",
            "sources": "kilde",
        }
        parts: list[str] = []
        node: object = self.data
        for index, key in enumerate(loc):
            try:
                node = node[key]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                node = None
            if isinstance(key, str) and key in names and index + 1 < len(loc) and isinstance(loc[index + 1], int):
                continue
            if isinstance(key, int) and index > 0 and str(loc[index - 1]) in names:
                ident = node.get("id") if isinstance(node, dict) else None
                label = names[str(loc[index - 1])]
                parts.append(f"{label} {ident!r}" if isinstance(ident, str) else f"{label} nr. {key + 1}")
                continue
            parts.append(f"felt {key!r}")
        return ", ".join(parts) or "filen"

    def line_of(self, loc: Loc) -> int:
        start = 0
        prefix: list[str] = []
        node: object = self.data
        for index, key in enumerate(loc):
            try:
                node = node[key]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                node = None
            if isinstance(key, int):
                header = rf"^\s*\[\[\s*{re.escape('.'.join(prefix))}\s*\]\]"
                found = self._nth(header, start, key)
                if found is None and isinstance(node, dict) and isinstance(node.get("id"), str):
                    found = self._find(rf'\bid\s*=\s*["\']{re.escape(node["id"])}["\']', start)
                if found is not None:
                    start = found
                continue
            prefix.append(key)
            is_last = index == len(loc) - 1
            header = rf"^\s*\[\s*{re.escape('.'.join(prefix))}\s*\]"
            found = self._find(header, start) if isinstance(node, dict) and not is_last else None
            if found is None:
                found = self._find(rf"^\s*{re.escape(key)}\s*=", start, stop=self._table_end(start))
            if found is not None:
                start = found
        return start + 1

    def _table_end(self, start: int) -> int:
        """The line after the table that ``start`` is in: a key is never looked for in the next table."""
        header = re.compile(r"^\s*\[")
        for number in range(start + 1, len(self.lines)):
            if header.match(self.lines[number]):
                return number
        return len(self.lines)

    def _nth(self, pattern: str, start: int, index: int, stop: int | None = None) -> int | None:
        regex = re.compile(pattern)
        seen = -1
        for number in range(start, len(self.lines) if stop is None else stop):
            if regex.search(self.lines[number]):
                seen += 1
                if seen == index:
                    return number
        return None

    def _find(self, pattern: str, start: int, stop: int | None = None) -> int | None:
        return self._nth(pattern, start, 0, stop)
