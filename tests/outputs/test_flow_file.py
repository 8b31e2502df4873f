"""An organisation's own flow file goes through the same TOML text layer as an answers file."""

from __future__ import annotations

import pytest

from flows import default_flow_text
from outputs.flow_file import FlowFileError, parse_flow_bytes

NAME = "vores-forloeb.toml"


def _problems(text: str) -> list[str]:
    with pytest.raises(FlowFileError) as caught:
        parse_flow_bytes(text.encode("utf-8"), NAME)
    return [problem.render() for problem in caught.value.problems]


def test_every_syntax_mistake_is_reported_at_once_located_and_in_danish() -> None:
    lines = default_flow_text().split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("title = "))
    second = next(i for i, line in enumerate(lines) if line.startswith("version = "))
    lines[first] = lines[first].rstrip('"')  # the closing quote forgotten
    lines[second] = "version = 2.0 beta"  # a value that is not TOML
    rendered = _problems("\n".join(lines))
    assert len(rendered) == 2, rendered
    assert rendered[0].startswith(f"{NAME}:{second + 1}:")  # in file order: version stands before title
    assert rendered[1].startswith(f"{NAME}:{first + 1}:")
    assert "anførselstegn" in rendered[1]
    for text in rendered:  # tomllib's own English never reaches the leader
        assert "Expected" not in text and "at line" not in text and "Invalid" not in text


def test_a_flow_that_parses_is_then_checked_for_meaning_with_lines() -> None:
    text = default_flow_text().replace("threshold = 3", 'threshold = "tre"', 1)
    [rendered] = _problems(text)
    line = text.split("\n").index('threshold = "tre"') + 1
    assert rendered.startswith(f"{NAME}:{line}:") and "heltal" in rendered


def test_the_shipped_flow_reads_through_the_same_layer() -> None:
    flow = parse_flow_bytes(default_flow_text().encode("utf-8"), NAME)
    assert flow.id == "kerneopgave"
