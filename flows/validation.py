"""Checking a flow file from outside (an organisation's own) with pydantic.

pydantic validates the flow's dataclasses (types, required and unknown fields,
id patterns) and each of its errors becomes a Danish problem with the line it
is on; then ``flows.linking`` checks the whole. Imported only when such a file
is read: the shipped flow is checked by the tests and loads without pydantic.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from flows.ids import nearest, slugify
from flows.linking import link
from flows.locator import Locator
from flows.problems import FlowError, FlowProblem, Loc, read_toml
from flows.schema import (
    Criterion,
    FirstImpression,
    Flow,
    Migration,
    Option,
    Question,
    Section,
    Source,
    SourceRef,
    Trait,
    TriageRules,
)

_MESSAGES = {
    "missing": "feltet mangler",
    "unexpected_keyword_argument": "ukendt felt",
    "string_type": "skal være en tekst i anførselstegn",
    "int_type": "skal være et heltal",
    "int_parsing": "skal være et heltal",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "string_pattern_mismatch": "skal bestå af små bogstaver a-z, tal og bindestreger (fx 'glider-ind')",
    "string_too_short": "må ikke være tom",
    "too_short": "må ikke være tom",
    "enum": "er ikke en af de tilladte værdier",
    "tuple_type": "skal være en liste",
    "dataclass_type": "skal være en tabel",
    "greater_than_equal": "er for lille",
}


def parse_flow(text: str, name: str) -> Flow:
    """Parse and check a flow; ``name`` is how messages refer to its file."""
    return check_flow_data(read_toml(text, name), text, name)


def check_flow_data(data: dict[str, Any], text: str, name: str) -> Flow:
    """Check a flow already parsed from ``text`` (whose lines locate the problems)."""
    try:
        flow = _flow_adapter().validate_python(data)
    except ValidationError as error:
        locator = Locator(text, data)
        problems = [
            FlowProblem(locator.line_of(detail["loc"]), locator.describe(detail["loc"]), _message(detail))
            for detail in error.errors()
        ]
        raise FlowError(name, problems) from None
    return link(flow, text, data, name)


@cache
def _flow_adapter() -> TypeAdapter[Flow]:
    """pydantic's validator for a flow, built on first use (building it takes tens of ms)."""
    return TypeAdapter(Flow)


def _message(detail: ErrorDetails) -> str:
    message = _MESSAGES.get(detail["type"], detail["msg"])
    expected = (detail.get("ctx") or {}).get("expected")
    if expected:
        return f"{message} ({expected})"
    if detail["type"] == "unexpected_keyword_argument":
        allowed = _fields_at(detail["loc"])
        hint = nearest(str(detail["loc"][-1]), allowed)
        return f"{message}; mente du {hint!r}?" if hint else f"{message}; tilladte felter: {', '.join(allowed)}"
    given = detail.get("input")
    if detail["type"] == "string_pattern_mismatch" and isinstance(given, str) and slugify(given):
        return f"{message}; skriv fx {slugify(given)!r} i stedet for {given!r}"
    return message


_MODEL_AT = {
    "sources": Source,
    "traits": Trait,
    "triage": TriageRules,
    "criteria": Criterion,
    "sections": Section,
    "questions": Question,
    "options": Option,
    "source": SourceRef,
    "migrations": Migration,
    "first_impression": FirstImpression,
}


def _fields_at(loc: Loc) -> list[str]:
    """The field names allowed where ``loc`` points (its last element is the unknown key)."""
    parents = [key for key in loc[:-1] if isinstance(key, str)]
    model = _MODEL_AT.get(parents[-1], Flow) if parents else Flow
    if model is Migration:  # its keys are written with hyphens in the file
        return [field.name.replace("_", "-") for field in fields(model)]
    return [field.name for field in fields(model)]
