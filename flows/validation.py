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
from flows.schema import PATH_NAME, TRAITS_NAME, Flow, Kind, Question, Verdict

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
        line = getattr(error, "lineno", 1) or 1
        message = getattr(error, "msg", str(error))
        raise FlowError(name, [FlowProblem(line, "TOML", message)]) from None
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


def _message(detail: dict) -> str:
    message = _MESSAGES.get(detail["type"], detail["msg"])
    expected = (detail.get("ctx") or {}).get("expected")
    return f"{message} ({expected})" if expected else message


Loc = tuple[str | int, ...]


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
    """Finds the line of a place in the flow text, via the nearest enclosing id."""

    def __init__(self, text: str, data: dict) -> None:
        self.lines = text.splitlines()
        self.data = data

    def _walk(self, loc: Loc) -> list[tuple[str, object]]:
        """The chain of (key, node) from the top down to ``loc``."""
        chain: list[tuple[str, object]] = []
        node: object = self.data
        for key in loc:
            try:
                node = node[key]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                break
            chain.append((str(key), node))
        return chain

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
        chain = self._walk(loc)
        pending = ""
        for index, key in enumerate(loc):
            if isinstance(key, str) and key in names and index + 1 < len(loc) and isinstance(loc[index + 1], int):
                pending = names[key]
                continue
            if isinstance(key, int) and pending:
                node = chain[index][1] if index < len(chain) else None
                ident = node.get("id") if isinstance(node, dict) else None
                parts.append(f"{pending} {ident!r}" if isinstance(ident, str) else f"{pending} nr. {key + 1}")
                pending = ""
                continue
            parts.append(f"felt {key!r}")
        return ", ".join(parts) or "filen"

    def line_of(self, loc: Loc) -> int:
        start = 0
        for key, node in self._walk(loc):
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                found = self._find(rf'^\s*id\s*=\s*["\']{re.escape(node["id"])}["\']', start)
                if found is not None:
                    start = found
            elif not isinstance(node, (dict, list)) or key == loc[-1]:
                found = self._find(rf"^\s*{re.escape(str(key))}\s*=", start)
                if found is not None:
                    return found + 1
        last = loc[-1] if loc else None
        if isinstance(last, str):
            found = self._find(rf"^\s*{re.escape(last)}\s*=", start)
            if found is not None:
                return found + 1
        return start + 1

    def _find(self, pattern: str, start: int) -> int | None:
        regex = re.compile(pattern)
        for number in range(start, len(self.lines)):
            if regex.search(self.lines[number]):
                return number
        return None
