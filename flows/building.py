"""Loading the shipped flow without pydantic: its data is turned straight into the flow's classes.

The shipped flow is part of the program: the tests check it with pydantic
(``flows.validation``) and that this faster way gives an equal flow, so no
leader waits for that check at every start. The checks that need the whole
flow still run here (``flows.linking``) because they also link it. A flow file
from outside always goes through ``flows.validation``.
"""

from __future__ import annotations

from typing import Any

from flows.linking import link
from flows.problems import FlowError, read_toml
from flows.schema import (
    BasicQuestion,
    Criterion,
    Dimension,
    FirstImpression,
    Flow,
    Kind,
    Length,
    Migration,
    Option,
    Question,
    Section,
    Source,
    SourceRef,
    Trait,
    TriageRules,
)


def load_shipped_flow(text: str, name: str) -> Flow:
    """The flow in ``text``, trusted to have the right shape (checked by the tests), linked."""
    data = read_toml(text, name)
    try:
        return link(_flow(data), text, data, name)
    except FlowError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError):
        # The installed file was changed after the tests passed, so that it no longer
        # builds: check it fully, and the message names the line. A wrong value that
        # still builds (points = "2") is not caught here; the tests are for that.
        from flows.validation import parse_flow

        return parse_flow(text, name)


def _flow(data: dict[str, Any]) -> Flow:
    return Flow(
        **{
            **data,
            "sources": tuple(_source(source) for source in data["sources"]),
            "traits": tuple(_trait(trait) for trait in data.get("traits", ())),
            "triage": _triage(data["triage"]),
            "criteria": tuple(_criterion(criterion) for criterion in data["criteria"]),
            "sections": tuple(_section(section) for section in data["sections"]),
            "migrations": tuple(_migration(migration) for migration in data.get("migrations", ())),
            "length": Length(**data["length"]) if "length" in data else None,
        }
    )


def _source(data: dict[str, Any]) -> Source:
    return Source(**{**data, "contents": tuple(data.get("contents", ()))})


def _migration(data: dict[str, Any]) -> Migration:
    return Migration(
        from_version=data["from-version"],
        renamed_questions=dict(data.get("renamed-questions", {})),
        removed_questions=tuple(data.get("removed-questions", ())),
        added_questions=tuple(data.get("added-questions", ())),
        options={question: dict(mapping) for question, mapping in data.get("options", {}).items()},
    )


def _criterion(data: dict[str, Any]) -> Criterion:
    return Criterion(
        **{
            **data,
            "traits": tuple(data.get("traits", ())),
            "dimension": Dimension(data.get("dimension", "kerneopgave")),
        }
    )


def _triage(data: dict[str, Any]) -> TriageRules:
    first = data.get("first_impression")
    return TriageRules(**{**data, "first_impression": None if first is None else FirstImpression(**first)})


def _trait(data: dict[str, Any]) -> Trait:
    return Trait(**{**data, "source": SourceRef(**data["source"])})


def _section(data: dict[str, Any]) -> Section:
    return Section(
        **{
            **data,
            "basic_question": _basic_question(data.get("basic_question")),
            "questions": tuple(_question(question) for question in data["questions"]),
        }
    )


def _question(data: dict[str, Any]) -> Question:
    return Question(
        **{
            **data,
            "kind": Kind(data["kind"]),
            "source": SourceRef(**data["source"]),
            "options": tuple(Option(**option) for option in data.get("options", ())),
            "basic_question": _basic_question(data.get("basic_question")),
        }
    )


def _basic_question(value: str | None) -> BasicQuestion | None:
    return None if value is None else BasicQuestion(value)
