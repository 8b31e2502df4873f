"""What is asked and what follows from the answers. Pure: no files, no screens.

The default flow ships as ``flows/kerneopgave.toml`` inside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from flows.building import load_shipped_flow
from flows.conditions import UNKNOWN, AnswerValue
from flows.engine import Answers, DecisiveChange, Evaluation, Reason, decisive_answers, evaluate, normalise
from flows.problems import FlowError, FlowProblem
from flows.schema import BasicQuestion, Flow, Kind, Question, Section, Verdict

DEFAULT_FLOW_RESOURCE = "kerneopgave.toml"

__all__ = [
    "UNKNOWN",
    "AnswerValue",
    "Answers",
    "BasicQuestion",
    "DecisiveChange",
    "Evaluation",
    "Flow",
    "FlowError",
    "FlowProblem",
    "Kind",
    "Question",
    "Reason",
    "Section",
    "Verdict",
    "check_flow_data",
    "decisive_answers",
    "default_flow",
    "default_flow_text",
    "evaluate",
    "normalise",
    "parse_flow",
]


def default_flow_text() -> str:
    """The default flow's TOML text, as shipped in the package (a file beside this one)."""
    return (Path(__file__).parent / DEFAULT_FLOW_RESOURCE).read_text(encoding="utf-8")


@cache
def default_flow() -> Flow:
    """The default flow, loaded and linked once per process (without pydantic: see ``flows.building``)."""
    return load_shipped_flow(default_flow_text(), f"flows/{DEFAULT_FLOW_RESOURCE}")


def check_flow_data(data: dict[str, Any], text: str, name: str) -> Flow:
    """Fully check a flow file's TOML data, parsed from ``text`` by the caller (outputs' TOML
    layer, which reports every syntax mistake in Danish); a FlowError names every problem with its line."""
    from flows.validation import check_flow_data as validate  # pydantic loads only for such a file

    return validate(data, text, name)


def parse_flow(text: str, name: str) -> Flow:
    """Parse and fully check a flow file from outside; ``name`` is how messages refer to it.

    A FlowError names every problem with its line.
    """
    from flows.validation import parse_flow as validate  # pydantic loads only for such a file

    return validate(text, name)
