"""Answers written under an older version of a flow: opened, checked and exported under the new one.

Two kinds of evidence: today's four examples as they were written under version
1.0 of the shipped flow (tests/corpus/flow-1.0/), and a synthetic change of the
small test flow with every kind of migration (renamed and removed questions,
renamed and removed options, new questions, two versions chained).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from flows import FlowError, default_flow, parse_flow
from flows.migrations import upgrade_from
from outputs.answers.file import check_answers_file, check_answers_text, dumps_answers
from outputs.note.markdown import render_markdown
from outputs.reporting.problems import ERROR, WARNING
from tests.outputs.mini_flow import MINI_FLOW_TEXT

FLOW_1_0 = Path(__file__).parent.parent / "corpus" / "flow-1.0"
OLD_FILES = sorted(FLOW_1_0.glob("*.toml"))


def test_the_fixtures_are_the_four_examples_as_written_under_1_0() -> None:
    assert len(OLD_FILES) == 4
    for path in OLD_FILES:
        assert tomllib.loads(path.read_text(encoding="utf-8"))["svarfil"]["forloeb-version"] == "1.0"


@pytest.mark.parametrize("path", OLD_FILES, ids=lambda path: path.stem)
def test_a_1_0_file_opens_checks_and_exports_under_the_current_flow(path: Path) -> None:
    flow = default_flow()
    assert flow.version != "1.0"
    answers, problems = check_answers_file(path, flow)
    assert answers is not None, [problem.render() for problem in problems]
    [warning] = [problem for problem in problems if "version 1.0" in problem.message]
    assert warning.severity == WARNING and warning.line == _line_of(path, "forloeb-version")
    assert "spørgsmål er nye" in warning.message and "svar bør ses igen" in warning.message
    # every answer and note in the file is read: under today's id, or kept as a former answer
    upgrade = upgrade_from(flow, "1.0")
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    for section, table in written.items():
        if section not in {s.id for s in flow.sections} | {"noter"}:
            continue
        for key, value in table.items():
            expected = tuple(value) if isinstance(value, list) else value
            current = upgrade.current_id(key)
            if section == "noter":
                assert (answers.notes[current] if current else answers.retired[f"{key}-note"]) == expected
            elif current is None:
                assert answers.retired[key] == expected
            else:
                assert answers.values[current] == upgrade.map_value(key, expected)[0]
    note = render_markdown(flow, answers)
    assert note.startswith("# ") and f"version {flow.version}" in note
    # saved again, it is a file of the current version with nothing to warn about
    saved = dumps_answers(flow, answers)
    assert f'forloeb-version = "{flow.version}"' in saved
    again, problems_again = check_answers_text(saved, flow, "gemt.toml")
    assert again is not None and again.values == answers.values
    assert not [problem for problem in problems_again if "version" in problem.message]


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(key):
            return number
    raise AssertionError(key)


# -- a synthetic change with every kind of migration ----------------------------------------

# Version 3.0 of the small flow: 'omfang' became 'brugere' (its option 'mange' is gone,
# 'faa' is now 'faa-brugere'), 'hvorfor-ikke' is gone, 'brev' is no longer a channel.
# Version 3.1: 'brugere' became 'antal-brugere', and 'ny' is a new question.
NEW_FLOW_TEXT = (
    MINI_FLOW_TEXT.replace('version = "2.1"', 'version = "3.1"')
    .replace('id = "omfang"', 'id = "antal-brugere"')
    .replace('{ id = "faa", label = "Få" }', '{ id = "faa-brugere", label = "Få" }')
    .replace('{ id = "mange", label = "Mange" }', '{ id = "alle", label = "Alle" }')
    .replace('  { id = "brev", label = "Brev" },\n', "")
    .replace(
        """[[sections.questions]]
id = "hvorfor-ikke"
text = "Hvorfor glider den ikke ind?"
kind = "fritekst"
relevant_when = 'glider-ind == "nej"'
help = "Skriv kort hvorfor."
source = { source = "kilde", section = "Ny teknologi" }
""",
        """[[sections.questions]]
id = "ny"
text = "Et nyt spørgsmål?"
kind = "ja-nej"
help = "Nyt i version 3.1."
source = { source = "kilde", section = "Ny teknologi" }
""",
    )
    + """
[[migrations]]
from-version = "2.1"
renamed-questions = { "omfang" = "brugere" }
removed-questions = ["hvorfor-ikke"]
[migrations.options]
"brugere" = { "faa" = "faa-brugere", "mange" = "" }
"kanaler" = { "brev" = "" }

[[migrations]]
from-version = "3.0"
renamed-questions = { "brugere" = "antal-brugere" }
added-questions = ["ny"]
"""
)

OLD_FILE = """[svarfil]
format = 1
forloeb = "mini"
forloeb-version = "2.1"

[om]
navn = "Robotten"
kanaler = ["skaerm", "brev"]
omfang = "mange"

[triage]
glider-ind = "nej"
hvorfor-ikke = "Den kræver nye arbejdsgange."

[noter]
omfang = "Hele afdelingen."

[til-droeftelse]
omfang = true
"""


def new_flow():
    return parse_flow(NEW_FLOW_TEXT, "mini-3.1.toml")


def test_every_kind_of_migration_maps_what_maps_and_keeps_the_rest() -> None:
    flow = new_flow()
    answers, problems = check_answers_text(OLD_FILE, flow, "gammel.toml")
    assert answers is not None, [problem.render() for problem in problems]
    assert answers.values == {"navn": "Robotten", "kanaler": ("skaerm",), "glider-ind": "nej"}
    # a removed question and a removed option: kept as former answers, under the ids in the file
    assert answers.retired == {
        "hvorfor-ikke": "Den kræver nye arbejdsgange.",
        "kanaler": ("skaerm", "brev"),
        "omfang": "mange",
    }
    assert answers.notes == {"antal-brugere": "Hele afdelingen."} and answers.discuss == {"antal-brugere"}
    [warning] = problems
    assert warning.severity == WARNING and warning.line == 4
    assert "version 2.1" in warning.message and "1 spørgsmål er nyt, 3 svar bør ses igen" in warning.message
    assert "'ny'" in warning.hint and "'hvorfor-ikke'" in warning.hint


def test_a_renamed_option_is_read_as_its_new_id() -> None:
    flow = new_flow()
    answers, _ = check_answers_text(OLD_FILE.replace('omfang = "mange"', 'omfang = "faa"'), flow, "gammel.toml")
    assert answers is not None and answers.values["antal-brugere"] == "faa-brugere"
    assert "omfang" not in answers.retired


def test_former_answers_are_saved_under_their_own_table_and_shown_in_the_note() -> None:
    flow = new_flow()
    answers, _ = check_answers_text(OLD_FILE, flow, "gammel.toml")
    saved = dumps_answers(flow, answers)
    data = tomllib.loads(saved)
    assert data["tidligere-svar"] == {
        "hvorfor-ikke": "Den kræver nye arbejdsgange.",
        "kanaler": ["skaerm", "brev"],
        "omfang": "mange",
    }
    assert data["svarfil"]["forloeb-version"] == "3.1"
    again, problems = check_answers_text(saved, flow, "gemt.toml")
    assert again is not None and again.retired == answers.retired and not problems
    note = render_markdown(flow, again)
    appendix = note.split("## Tidligere svar", 1)[1]
    assert "`hvorfor-ikke`: »Den kræver nye arbejdsgange.«" in appendix and "»skaerm, brev«" in appendix


def test_a_file_one_step_old_takes_only_the_last_step() -> None:
    flow = new_flow()
    upgrade = upgrade_from(flow, "3.0")
    assert upgrade is not None and upgrade.current_id("brugere") == "antal-brugere"
    assert upgrade.current_id("omfang") == "omfang"  # not renamed in the step from 3.0
    assert upgrade_from(flow, "3.1") is None and upgrade_from(flow, "3.1.0") is None


def test_a_file_of_a_version_without_migrations_is_read_as_before() -> None:
    flow = new_flow()
    text = OLD_FILE.replace('"2.1"', '"1.0"')
    answers, problems = check_answers_text(text, flow, "gammel.toml")
    assert upgrade_from(flow, "1.0") is not None  # 1.0 is older than 2.1: both steps apply
    assert answers is not None and "hvorfor-ikke" in answers.retired
    assert all(problem.severity != ERROR for problem in problems)


@pytest.mark.parametrize(
    ("migration", "line_text", "words"),
    [
        ('from-version = "3.1"', 'from-version = "3.1"', ["skal være ældre end forløbets version '3.1'"]),
        (
            'from-version = "3.0"\nrenamed-questions = { "x" = "antal-brugre" }',
            "renamed-questions",
            ["'antal-brugre'", "mente du 'antal-brugere'?"],
        ),
        ('from-version = "3.0"\nremoved-questions = ["navn"]', "removed-questions", ["'navn' er stadig"]),
        ('from-version = "3.0"\nadded-questions = ["nyy"]', "added-questions", ["'nyy'", "mente du 'ny'?"]),
        (
            'from-version = "3.0"\n[migrations.options]\n"antal-brugere" = { "faa" = "faaa" }',
            '"antal-brugere" =',
            ["'faaa' er ikke en svarmulighed", "faa-brugere"],
        ),
        ('from-version = "3.0"\nfrom_version = "2.0"', "from_version", ["ukendt felt", "from-version"]),
    ],
)
def test_a_wrong_migration_is_named_with_its_line(migration: str, line_text: str, words: list[str]) -> None:
    text = NEW_FLOW_TEXT + "\n[[migrations]]\n" + migration + "\n"
    with pytest.raises(FlowError) as raised:
        parse_flow(text, "mini-3.1.toml")
    lines = text.splitlines()
    expected_line = max(number for number, line in enumerate(lines, 1) if line.startswith(line_text))
    [problem] = raised.value.problems
    assert problem.line == expected_line, raised.value
    assert all(word in problem.message for word in words), problem.message
    assert "migrering nr. 3" in problem.place


def test_the_command_line_says_what_changed_when_it_checks_or_exports_a_1_0_file(tmp_path: Path, capsys) -> None:
    from wizard.cli import main

    path = FLOW_1_0 / "algoritme-om-langtidsledighed.toml"
    for argv in (["check", str(path)], ["export", str(path), "-o", str(tmp_path / "note.md")]):
        assert main(argv) == 0
        out, err = capsys.readouterr()
        said = out + err
        assert "advarsel: Svarfilen er skrevet til version 1.0 af forløbet; programmet bruger version 2.0: " in said
        assert "spørgsmål er nye, " in said and " svar bør ses igen" in said
    note = (tmp_path / "note.md").read_text(encoding="utf-8")
    retired = note.split("## Tidligere svar", 1)[1]
    assert "- `bc-problem`: »delvist«" in retired  # a removed question's answer, in the appendix
    assert "- `arb-driftssikkerhed-note`: »Modellen er ikke afprøvet i en kommune som vores.«" in retired
