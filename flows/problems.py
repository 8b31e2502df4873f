"""A flow that cannot be used, and where: problems with the line they are on."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

Loc = tuple[str | int, ...]  # a place in the flow's data: ("sections", 2, "questions", 4, "kind")


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


def read_toml(text: str, name: str) -> dict:
    """The flow's TOML data, or a FlowError at the line tomllib stopped on."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, message = toml_error_position(error)
        raise FlowError(name, [FlowProblem(line, "TOML-syntaks", message)]) from None


def toml_error_position(error: tomllib.TOMLDecodeError) -> tuple[int, str]:
    """tomllib puts the place in the message: "... (at line 3, column 7)"."""
    text = str(error)
    match = re.search(r"\(at line (\d+), column (\d+)\)$", text)
    if match is None:
        return 1, text
    return int(match.group(1)), f"{text[: match.start()].strip()} (tegn {match.group(2)})"
