"""The answers file's JSON Schema (``wizard schema``) as an editor's TOML server uses it: taplo.

taplo (``@taplo/cli`` from npm) is installed by ./test into tests/node_modules. It must
find nothing wrong in the examples, and it must flag every mistake of the kinds a schema
can know (an unknown key, an option that doesn't exist, a wrong type) that
``wizard check`` flags.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from flows import default_flow
from outputs.answers.file import check_answers_file
from outputs.answers.json_schema import answers_schema, render_schema

ROOT = Path(__file__).resolve().parents[2]
TAPLO = ROOT / "tests" / "node_modules" / ".bin" / "taplo"
FLOW = default_flow()
HEADER = '[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "1.0"\n'


@pytest.fixture(scope="module")
def schema_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    assert TAPLO.exists(), "taplo is missing: run sh tests/setup-tools.sh"
    path = tmp_path_factory.mktemp("schema") / "kerneopgave.schema.json"
    path.write_text(render_schema(FLOW), encoding="utf-8")
    return path.as_uri()


def taplo_lint(url: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TAPLO), "lint", "--no-auto-config", "--schema", url, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_examples_are_clean(schema_url: str, tmp_path: Path) -> None:
    files = [Path(shutil.copy(file, tmp_path)) for file in sorted((ROOT / "examples").glob("*.toml"))]
    result = taplo_lint(schema_url, *files)
    assert result.returncode == 0, result.stdout + result.stderr


BROKEN = {
    "unknown-option": ('[om-teknologien]\nfase = "maaske"\n', '"maaske" is not one of'),
    "unknown-key": ('[om-teknologien]\nnvn = "x"\n', "'nvn' was unexpected"),
    "unknown-section": ('[ukendt-afsnit]\nnavn = "x"\n', "'ukendt-afsnit' was unexpected"),
    "wrong-type": ("[triage]\nglider-ind = true\n", 'true is not of type "string"'),
    "list-for-one": ('[triage]\nglider-ind = ["ja"]\n', 'is not of type "string"'),
    "note-for-unknown": ('[noter]\nukendt = "z"\n', "'ukendt' was unexpected"),
    "mark-not-true": ('[til-droeftelse]\nnavn = "ja"\n', 'is not of type "boolean"'),
}


@pytest.fixture(scope="module")
def broken_files(schema_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Every broken case as a file, linted by one taplo run (taplo starts slowly: one start, not seven)."""
    folder = tmp_path_factory.mktemp("broken")
    for case, (body, _) in BROKEN.items():
        (folder / f"{case}.toml").write_text(HEADER + body, encoding="utf-8")
    result = taplo_lint(schema_url, *sorted(folder.glob("*.toml")))
    assert result.returncode != 0
    return folder, result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_taplo_flags_what_check_flags(broken_files: tuple[Path, str], case: str) -> None:
    folder, output = broken_files
    path = folder / f"{case}.toml"
    _, problems = check_answers_file(path, FLOW)
    error_lines = {problem.line for problem in problems if problem.is_error}
    assert error_lines, f"wizard check should flag {case}"
    # taplo's report: one block per problem, "┌─ FILE:LINE:COL" under the message
    blocks = re.findall(rf"error: (.*?)\n\s*┌─ {re.escape(str(path))}:(\d+):\d+", output)
    assert blocks, output
    assert any(BROKEN[case][1] in message for message, _ in blocks), blocks
    assert error_lines <= {int(line) for _, line in blocks}, blocks


def test_every_question_and_option_of_the_flow_is_in_the_schema() -> None:
    schema = answers_schema(FLOW)
    for section in FLOW.sections:
        table = schema["properties"][section.id]["properties"]
        assert list(table) == [question.id for question in section.questions]
        for question in section.questions:
            entry = table[question.id]
            assert question.text in entry["description"]
            if question.is_choice:
                enum = entry.get("enum") or entry["items"]["enum"]
                assert [value for value in enum if value] == list(question.choice_ids)
    json.dumps(schema)  # plain JSON all the way down
