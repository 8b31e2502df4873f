"""Reading an organisation's own flow file (``--flow FILE``), with located problems.

The file goes through the same TOML text layer as an answers file (``outputs.toml``:
decoding, then every syntax mistake at once, located, in Danish); ``flows.check_flow_data``
then checks what the data means. Every problem becomes the same compiler-style ``Problem``
the answers checker uses, so all messages look alike.
"""

from __future__ import annotations

from pathlib import Path

from flows import Flow, FlowError, check_flow_data
from outputs.reporting import ERROR, Problem
from outputs.toml import clean_text, decode, parse_toml, read_limited

_HINT = "ret forløbsfilen; formatet er beskrevet i docs/flow-format.md"


class FlowFileError(Exception):
    """A flow file that cannot be used; ``problems`` holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(problem.render() for problem in problems))


def parse_flow_bytes(data: bytes, name: str) -> Flow:
    """The flow in ``data``; FlowFileError with located problems when it cannot be used."""
    text, problems = decode(data, name)
    if text is None:
        raise FlowFileError(problems)
    text, _ = clean_text(text, name)  # a byte-order mark is harmless here
    parsed = parse_toml(text, name)
    if parsed.data is None or parsed.problems:
        raise FlowFileError(parsed.problems)
    try:
        return check_flow_data(parsed.data, text, name)
    except FlowError as error:
        raise FlowFileError(
            [
                Problem(
                    name, problem.line, 1, ERROR, f"{problem.place}: {problem.message}", _HINT, True, code="flow-file"
                )
                for problem in error.problems
            ]
        ) from None


def read_flow_file(path: Path) -> Flow:
    """The flow in the file at ``path``; OSError when it cannot be read, FlowFileError
    when it is not a usable flow."""
    return parse_flow_bytes(read_limited(Path(path)), str(path))
