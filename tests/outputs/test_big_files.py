"""A file with 200,000 unknown keys: the first problems, located, and a count of the rest (issue 14).

The time it takes is measured in bench/big_file.py (within 5 s for check, status and export);
here: what is reported, and that locating the first problems does not scan the whole file.
"""

from __future__ import annotations

import json

import pytest

from flows import default_flow
from outputs.answers.check import MAX_SHOWN_PROBLEMS
from outputs.answers.file import check_answers_bytes
from outputs.reporting.problems import counts
from outputs.toml.layout import LazyLayout
from wizard.cli import main

HEAD = (
    f'[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "{default_flow().version}"\n\n'
    '[om-teknologien]\nnavn = "x"\n'
)
KEYS = 200_000


@pytest.fixture(scope="module")
def big() -> bytes:
    return (HEAD + "".join(f"k{index:06d} = 1\n" for index in range(KEYS))).encode()


def test_the_first_problems_are_shown_located_and_the_rest_counted(big: bytes) -> None:
    answers, problems = check_answers_bytes(big, default_flow(), "stor.toml")
    assert answers is None and len(big) > 2_400_000
    assert len(problems) == MAX_SHOWN_PROBLEMS + 1
    assert [problem.line for problem in problems[:MAX_SHOWN_PROBLEMS]] == list(range(8, 8 + MAX_SHOWN_PROBLEMS))
    assert problems[0].message == "ukendt nøgle 'k000000' i [om-teknologien]"
    assert problems[-1].message.startswith("199.900 fejl mere er ikke vist")
    assert counts(problems) == (KEYS, 0)


def test_check_json_counts_every_problem(big: bytes, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stor.toml"
    path.write_bytes(big)
    assert main(["check", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert report["errors"] == KEYS and len(report["problems"]) == MAX_SHOWN_PROBLEMS + 1
    assert report["problems"][-1]["not_shown"] == KEYS - MAX_SHOWN_PROBLEMS - 1


def test_locating_an_early_key_scans_only_up_to_it(big: bytes) -> None:
    layout = LazyLayout(big.decode())
    assert layout.locate(("om-teknologien", "k000002")) == (10, 1)
    assert len(layout._layout.entries) < 10  # not 200,000
    assert layout.locate(("om-teknologien", "k199999")) == (KEYS + 7, 1)
