"""A JSON Schema of the answers file, for editors: ``wizard schema -o kerneopgave.schema.json``.

An editor with a TOML language server (taplo, "Even Better TOML") that knows this
schema completes section and question ids, offers the options of a choice question
with their Danish labels, shows the question's text and help on hover, and marks an
unknown id or a wrong option while the leader types. It is made from the flow, like
the template and the checker, so it never disagrees with them about what exists.

It cannot say everything ``wizard check`` says: which questions the branching hides,
an option that must stand alone, or an older flow version. ``wizard check`` stays the
judge; the schema is the editor's early warning.

Draft-07, the newest draft taplo reads. A choice is an ``enum`` of option ids (what
editors validate and complete), with each option's label beside it in taplo's
``x-taplo.docs.enumValues`` (shown in completion).
"""

from __future__ import annotations

import json
from typing import Any

from flows import Flow, Kind, Question
from outputs.answers import names as names

DRAFT = "http://json-schema.org/draft-07/schema#"
NOT_ANSWERED = ""  # an uncommented line left empty answers nothing (see the template)


def answers_schema(flow: Flow) -> dict[str, Any]:
    """The schema as a dict (sections and questions in the flow's order)."""
    properties: dict[str, Any] = {names.FILE_TABLE: _file_table(flow)}
    for section in flow.sections:
        properties[section.id] = _closed_table(
            section.title,
            {question.id: _question(question) for question in section.questions},
        )
    question_ids = list(flow.questions)
    properties[names.JUDGEMENT_TABLE] = _closed_table(
        "Din egen vurdering (valgfri)",
        {
            names.JUDGEMENT_KEY: _choice(
                "Din egen vurdering, hvis du er uenig i værktøjets bud.",
                [(verdict.value, flow.triage.label(verdict.value)) for verdict in names.JUDGEMENTS],
            ),
            names.REASON_KEY: _text("Hvorfor du vurderer, som du gør."),
            names.TRAITS_KEY: {
                "description": "De træk, du vil drøfte; uden linjen bruges værktøjets forslag.",
                "type": "array",
                "uniqueItems": True,
                "items": _choice("Et træk.", [(trait.id, trait.title) for trait in flow.traits], empty=False),
            },
        },
    )
    properties[names.NOTES_TABLE] = _closed_table(
        "En note ved et svar, med spørgsmålets id som nøgle.",
        {question_id: _text(f"Note til {question_id}.") for question_id in question_ids},
    )
    properties[names.DISCUSS_TABLE] = _closed_table(
        "Svar, der skal tages op på mødet: id = true.",
        {question_id: {"type": "boolean"} for question_id in question_ids},
    )
    properties[names.RETIRED_TABLE] = {
        "description": "Svar på spørgsmål, som en ældre version af forløbet havde; de tæller ikke, men står i noten.",
        "type": "object",
        "additionalProperties": {"type": ["string", "array"], "items": {"type": "string"}},
    }
    properties[names.FINGERPRINT_TABLE] = _closed_table(
        "Spørgsmålenes fingeraftryk, da de blev besvaret (guiden skriver dem selv).",
        {question_id: {"type": "string"} for question_id in question_ids},
    )
    return {
        "$schema": DRAFT,
        "title": f"Svarfil til »{flow.title}« (forløbet {flow.id}, version {flow.version})",
        "description": "Skrevet af: wizard schema. Formatet beskrives af kommandoen: wizard help format",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def render_schema(flow: Flow) -> str:
    """The schema as JSON text: stable key order, two-space indent, one trailing newline."""
    return json.dumps(answers_schema(flow), ensure_ascii=False, indent=2) + "\n"


def _file_table(flow: Flow) -> dict[str, Any]:
    return _closed_table(
        "Hvilket format og forløb filen er skrevet til.",
        {
            names.FORMAT_KEY: {"description": "Svarfilens format.", "const": names.FORMAT_VERSION},
            names.FLOW_KEY: {"description": "Forløbets id.", "const": flow.id},
            names.FLOW_VERSION_KEY: {"description": "Forløbets version, da filen blev skrevet.", "type": "string"},
            names.FLOW_SOURCE_KEY: {
                "description": "Hvor organisationens eget forløb kommer fra: et navn i forløbsmappen eller en sti.",
                "type": "string",
            },
        },
    )


def _closed_table(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "type": "object", "properties": properties, "additionalProperties": False}


def _question(question: Question) -> dict[str, Any]:
    description = f"{question.text}\n\n{question.help}"
    if question.kind is Kind.TEXT:
        return _text(description)
    options = [(option.id, option.label) for option in question.choices]
    if question.kind is Kind.MULTI:
        return {
            "description": description,
            "type": "array",
            "uniqueItems": True,
            "items": _choice("Et af svarene.", options, empty=False),
        }
    return _choice(description, options)


def _text(description: str) -> dict[str, Any]:
    return {"description": description, "type": "string", "maxLength": names.MAX_TEXT_CHARS}


def _choice(description: str, options: list[tuple[str, str]], *, empty: bool = True) -> dict[str, Any]:
    """One option id, as ``enum`` (what editors validate and complete) with each label beside it."""
    values = [option_id for option_id, _ in options] + ([NOT_ANSWERED] if empty else [])
    labels = [label for _, label in options] + (["Ikke besvaret"] if empty else [])
    return {
        "description": description,
        "type": "string",
        "enum": values,
        "x-taplo": {"docs": {"enumValues": labels}},
    }
