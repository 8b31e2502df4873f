"""What is asked and what follows from the answers. Pure: no files, no screens.

The default flow ships as ``flows/kerneopgave.toml`` inside the package.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from flows.conditions import UNKNOWN, AnswerValue
from flows.engine import Answers, DecisiveChange, Evaluation, Reason, decisive_answers, evaluate, normalise
from flows.schema import BasicQuestion, Flow, Kind, Question, Section, Verdict
from flows.validation import FlowError, FlowProblem, parse_flow

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
    "decisive_answers",
    "default_flow",
    "default_flow_text",
    "evaluate",
    "normalise",
    "parse_flow",
]


def default_flow_text() -> str:
    """The default flow's TOML text, as shipped in the package."""
    return files("flows").joinpath(DEFAULT_FLOW_RESOURCE).read_text(encoding="utf-8")


@cache
def default_flow() -> Flow:
    """The default flow, parsed and checked once per process."""
    return parse_flow(default_flow_text(), f"flows/{DEFAULT_FLOW_RESOURCE}")
