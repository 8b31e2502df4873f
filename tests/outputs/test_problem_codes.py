"""Every problem carries a stable English code for scripts (``--json``), beside the Danish message."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import default_flow
from outputs.answers.file import check_answers_file

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "answers"
FLOW = default_flow()

# The corpus file for a kind of mistake, and the code its first problem must have.
EXPECTED = {
    "binary-garbage.toml": "encoding",
    "bom.toml": "byte-order-mark",
    "duplicate-key.toml": "syntax",
    "hidden-answer.toml": "hidden-answer",
    "invalid-utf8.toml": "encoding",
    "newer-flow-version.toml": "newer-flow-version",
    "other-flow.toml": "other-flow",
    "syntax-error.toml": "syntax",
    "unknown-format.toml": "newer-format",
    "unknown-key.toml": "unknown-key",
    "unknown-section.toml": "unknown-section",
    "utf16.toml": "encoding",
    "value-not-allowed.toml": "unknown-option",
    "wrong-section.toml": "wrong-section",
    "yes-no-as-boolean.toml": "yes-no-type",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_first_problem_has_its_code(name: str) -> None:
    _, problems = check_answers_file(CORPUS / name, FLOW)
    assert problems and problems[0].code == EXPECTED[name], [(p.code, p.message) for p in problems]
    assert problems[0].as_dict()["code"] == EXPECTED[name]


def test_no_problem_in_the_corpus_is_left_without_a_code() -> None:
    for path in sorted(CORPUS.glob("*.toml")):
        _, problems = check_answers_file(path, FLOW)
        assert all(problem.code != "other" for problem in problems), (path.name, [p.message for p in problems])
