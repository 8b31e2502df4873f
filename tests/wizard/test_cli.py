"""The command line: exit codes, messages, the corpus of broken files, and no Textual."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from flows import Answers, default_flow, evaluate
from outputs.answers.file import check_answers_bytes, load_answers
from outputs.answers.template import render_template
from tests.outputs.mini_flow import MINI_FLOW_TEXT, MINI_HEAD
from wizard import cli
from wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "answers"
HEAD = '[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "2.0"\n'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    """A file whose verdict is 'forandring' and where one answer flips it."""
    path = tmp_path / "svar.toml"
    path.write_text(
        HEAD
        + '\n[om-teknologien]\nnavn = "Skærmbesøg\\u001b[2J"\n'
        + '\n[triage]\nglider-ind = "nej"\naendrer-opgaveloesning = "lidt"\naendrer-resultater = "nej"\n'
        + 'borgere-moeder = "indirekte"\nkontakt-aendres = "erstattes"\nensretter = "ja"\npaa-formel = "nej"\n'
        + 'profilering = "nej"\novervaagning = "nej"\nskala = "omraade"\n'
        + '\n[noter]\nensretter = "Spørg MED\\u001b]0;titel\\u0007"\n\n[til-droeftelse]\nensretter = true\n',
        encoding="utf-8",
    )
    return path


# -- the corpus ---------------------------------------------------------------------------------

# file: (exit code of check, [(line, severity, words in the message or hint), ...])
CORPUS_CASES: dict[str, tuple[int, list[tuple[int, str, list[str]]]]] = {
    "syntax-error.toml": (1, [(10, "fejl", ["anførselstegn", 'skriv "ja"'])]),
    "several-syntax-errors.toml": (1, [(7, "fejl", ['skriv "ja"']), (9, "fejl", ['skriv "erstattes"'])]),
    "unterminated-string.toml": (1, [(7, "fejl", ["afsluttende anførselstegn"])]),
    "duplicate-key.toml": (1, [(9, "fejl", ["'glider-ind' står to gange i [triage]"])]),
    "wrong-type.toml": (1, [(7, "fejl", ["'navn'", "skal være en tekst, men er en liste"])]),
    "yes-no-as-boolean.toml": (1, [(7, "fejl", ['"ja" eller "nej"'])]),
    "unknown-key.toml": (1, [(7, "fejl", ["ukendt nøgle 'glider-in'", "mente du 'glider-ind'?"])]),
    "unknown-section.toml": (1, [(6, "fejl", ["ukendt afsnit [triag]", "mente du [triage]?"])]),
    "wrong-section.toml": (1, [(8, "fejl", ["hører til afsnittet [triage], ikke [om-teknologien]"])]),
    "value-not-allowed.toml": (
        1,
        [(7, "fejl", ["'sundhed' er ikke en svarmulighed", "social-og-sundhed = Social og sundhed", "andet = "])],
    ),
    "unknown-format.toml": (1, [(2, "fejl", ["format 2", "kender kun format 1"])]),
    "other-flow.toml": (1, [(3, "fejl", ["'budget'", "'kerneopgave'", "--flow"])]),
    "newer-flow-version.toml": (1, [(4, "fejl", ["version 99.0", "kender kun version"])]),
    "invalid-utf8.toml": (1, [(7, "fejl", ["ugyldig UTF-8 ved byte 97", "0xE6", "Latin-1"])]),
    "binary-garbage.toml": (1, [(7, "fejl", ["NUL-tegn", "ikke en tekstfil"])]),
    "binary-no-nul.toml": (1, [(1, "fejl", ["ligner ikke en tekstfil"])]),
    "utf16.toml": (1, [(1, "fejl", ["UTF-16", "UTF-8"])]),
    "hidden-answer.toml": (0, [(14, "advarsel", ["'kort-formaal' tæller ikke", "simpelt redskab"])]),
    "empty.toml": (0, [(1, "advarsel", ["ingen svar endnu", "[svarfil]"])]),
    "comments-only.toml": (0, [(1, "advarsel", ["ingen svar endnu"])]),
    "bom.toml": (0, [(1, "advarsel", ["byte-order mark"])]),
    "crlf.toml": (0, []),
    "crlf-lf-reference.toml": (0, []),
    "hand-written.toml": (0, []),
}


def test_every_corpus_file_has_a_case() -> None:
    on_disk = {path.name for path in CORPUS.iterdir() if path.suffix == ".toml"}
    assert on_disk == set(CORPUS_CASES)


@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_corpus_file_gets_the_right_message_and_exit_code(capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = CORPUS / name
    expected_code, expected = CORPUS_CASES[name]
    code, out, err = run(capsys, "check", str(path))
    assert code == expected_code, out + err
    lines = [line for line in out.splitlines() if line.startswith(f"{path}:")]
    problems = [line for line in lines if line.split(":")[1].isdigit()]
    assert len(problems) == len(expected), out
    for line, (number, severity, words) in zip(problems, expected, strict=True):
        assert line.startswith(f"{path}:{number}:") and f": {severity}: " in line, line
        for word in words:
            assert word in line, (word, line)
    assert err == ""


@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_no_command_changes_a_corpus_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    path = CORPUS / name
    before = digest(path)
    expected_code = CORPUS_CASES[name][0]
    assert run(capsys, "check", str(path))[0] == expected_code
    assert run(capsys, "check", "--json", str(path))[0] == expected_code
    assert run(capsys, "status", str(path))[0] == expected_code
    assert run(capsys, "status", "--json", str(path))[0] == expected_code
    assert run(capsys, "export", str(path), "-o", str(tmp_path / "svar.md"))[0] == expected_code
    assert digest(path) == before


def test_crlf_is_really_crlf_and_reads_like_lf(capsys: pytest.CaptureFixture[str]) -> None:
    crlf = (CORPUS / "crlf.toml").read_bytes()
    lf = (CORPUS / "crlf-lf-reference.toml").read_bytes()
    assert b"\r\n" in crlf and b"\r" not in lf  # guards against a checkout that rewrote line ends
    assert check_answers_bytes(crlf, default_flow(), "x") == check_answers_bytes(lf, default_flow(), "x")
    assert (
        run(capsys, "status", str(CORPUS / "crlf.toml"))[1]
        == run(capsys, "status", str(CORPUS / "crlf-lf-reference.toml"))[1]
    )


def test_a_ten_megabyte_value_is_reported_and_the_file_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "stor.toml"
    path.write_text(HEAD + '\n[om-teknologien]\nnavn = "' + "x" * 10_000_000 + '"\n', encoding="utf-8")
    before = digest(path)
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert f"{path}:7:8: fejl: svaret på 'navn' fylder 10.000.000 tegn; højst 20.000 tegn er tilladt" in out
    assert len(out) < 1000
    assert run(capsys, "export", str(path))[0] == 1
    assert digest(path) == before


# -- check ------------------------------------------------------------------------------------------


def test_check_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--json", str(CORPUS / "unknown-key.toml"), str(CORPUS / "bom.toml"))
    data = json.loads(out)
    assert code == 1 and err == "" and data["exit_code"] == 1
    assert (data["format"], data["command"], data["ok"]) == (1, "check", False)
    first, second = data["files"]
    assert first["ok"] is False and first["errors"] == 1 and first["warnings"] == 0
    problem = first["problems"][0]
    assert (problem["line"], problem["column"], problem["severity"], problem["severity_text"]) == (
        7,
        1,
        "error",
        "fejl",
    )
    assert problem["code"] == "unknown-key"
    assert second["problems"][0]["code"] == "byte-order-mark" and second["problems"][0]["severity"] == "warning"
    assert problem["hint"] == "mente du 'glider-ind'?" and problem["text"].endswith(problem["hint"])
    assert second["ok"] is True and second["warnings"] == 1


def test_check_many_files_a_missing_one_makes_it_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "findes-ikke.toml"
    code, out, err = run(capsys, "check", str(CORPUS / "unknown-key.toml"), str(missing))
    assert code == 2
    assert "ukendt nøgle 'glider-in'" in out
    assert f"wizard: fejl: filen {missing} findes ikke." in err
    code, out, _ = run(capsys, "check", "--json", str(missing))
    assert code == 2 and json.loads(out)["files"][0]["could_not_read"].endswith("findes ikke.")


def test_check_a_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "er en mappe" in err


def test_check_reads_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = HEAD.encode() + b'[triage]\nglider-ind = "jo"\n'
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data), isatty=lambda: False))
    code, out, _ = run(capsys, "check", "-")
    assert code == 1 and out.startswith("-:6:14: fejl: 'jo' er ikke en svarmulighed til 'glider-ind'")


def test_check_ok_says_so(capsys: pytest.CaptureFixture[str], answers_file: Path) -> None:
    assert run(capsys, "check", str(answers_file)) == (0, f"{answers_file}: i orden\n", "")


# -- usage -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "template", "status", "export", "oversigt", "schema", "flows", "help"])
def test_every_command_has_danish_help_with_examples(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"Brug: wizard {command} ") and "Eksempler:\n" in out and f"  wizard {command}" in out
    assert "tilvalg:" in out and "--flow FIL" in out and "Afslutningskoder" in out


def test_main_help_lists_commands_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "kommandoer:" in out and "Eksempler:" in out
    for command in cli.COMMANDS:
        assert f"    {command} " in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["check"], "mangler: FIL"),
        (["check", "--bogus", "x"], "ukendte argumenter: --bogus"),
        (["status", "a.toml", "b.toml"], "ukendte argumenter: b.toml"),
        (["export", "a.toml", "b.toml"], "flere svarfiler kræver --out-dir"),
        (["chek", "svar.toml"], "ukendt kommando 'chek'; mente du 'check'?"),
        (["template", "-o"], "-o/--output skal have en værdi"),
    ],
)
def test_usage_errors_exit_2_in_danish(capsys: pytest.CaptureFixture[str], argv: list[str], words: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert f"wizard: fejl: {words}" in err and "Traceback" not in err


def test_ctrl_c_exits_130_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, answers_file: Path
) -> None:
    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_check", interrupted)
    code, _, err = run(capsys, "check", str(answers_file))
    assert code == 130 and "Afbrudt" in err and "Traceback" not in err


# -- template ------------------------------------------------------------------------------------


def test_template_to_stdout_passes_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "template")
    assert code == 0 and out == render_template(default_flow())
    path = tmp_path / "skabelon.toml"
    path.write_text(out, encoding="utf-8")
    assert run(capsys, "check", str(path))[0] == 0


def test_template_to_a_file_is_private_and_never_overwrites_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "svar.toml"
    code, out, err = run(capsys, "template", "-o", str(path))
    assert code == 0 and out == "" and "wizard check" in err
    assert path.stat().st_mode & 0o777 == 0o600 and path.read_text(encoding="utf-8") == render_template(default_flow())
    path.write_text("mine svar\n")
    code, _, err = run(capsys, "template", "-o", str(path))
    assert code == 2 and "findes allerede" in err and "--force" in err
    assert path.read_text() == "mine svar\n"
    assert run(capsys, "template", "-o", str(path), "--force")[0] == 0
    assert path.read_text(encoding="utf-8") == render_template(default_flow())


def test_template_into_a_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "template", "-o", str(tmp_path))
    assert code == 2 and "er en mappe" in err


# -- status -------------------------------------------------------------------------------------------


def test_status_in_plain_danish(capsys: pytest.CaptureFixture[str], answers_file: Path) -> None:
    flow = default_flow()
    evaluation = evaluate(flow, load_answers(answers_file, flow))
    code, out, err = run(capsys, "status", str(answers_file))
    assert code == 0 and err == ""
    assert "Værktøjets bud: Forandring af kerneopgaven" in out
    for reason in evaluation.reasons:
        assert reason.title in out
    assert f"I alt {evaluation.triage.score} point" in out
    assert sum(reason.points for reason in evaluation.reasons) == evaluation.triage.score
    assert evaluation.decisive, "the fixture should have decisive answers"
    flat = " ".join(out.split())
    for alternative in evaluation.decisive:
        for change in alternative:
            question = flow.questions[change.question_id]
            proposed, current = question.label_of(change.proposed), question.label_of(change.current)
            assert f"»{proposed}« i stedet for »{current}«" in flat
    assert "gøre buddet til »simpelt redskab«" in flat or "gøre det til »simpelt redskab«" in flat
    assert f"Kompleksitet: {flow.triage.label(evaluation.complexity.level.value)}" in out
    assert f"Besvaret: {evaluation.answered} af {evaluation.visible} spørgsmål" in out
    assert "Til drøftelse på mødet:" in out and flow.questions["ensretter"].text in out
    assert "Træk at drøfte: Standardisering" in out


def test_status_neutralises_escape_sequences_from_the_file(
    capsys: pytest.CaptureFixture[str], answers_file: Path
) -> None:
    out = run(capsys, "status", str(answers_file))[1]
    assert "\x1b" not in out and "\x07" not in out
    assert "Skærmbesøg\\x1b[2J" in out and "Spørg MED\\x1b]0;titel\\x07" in out


def test_status_json(capsys: pytest.CaptureFixture[str], answers_file: Path) -> None:
    flow = default_flow()
    evaluation = evaluate(flow, load_answers(answers_file, flow))
    code, out, _ = run(capsys, "status", "--json", str(answers_file))
    data = json.loads(out)
    assert code == 0
    assert data["verdict"] == evaluation.verdict.value == "forandring-af-kerneopgaven"
    assert [reason["criterion"] for reason in data["reasons"]] == [r.criterion_id for r in evaluation.reasons]
    assert [trait["id"] for trait in data["traits"]] == list(evaluation.traits)
    assert (data["answered"], data["visible"]) == (evaluation.answered, evaluation.visible)
    assert [item["question"] for item in data["discuss"]] == ["ensretter"]
    assert data["decisive"][0][0]["question"] == evaluation.decisive[0][0].question_id
    assert data["borderline"] is evaluation.borderline
    assert data["depends_on"] == []
    assert sum(reason["points"] for reason in data["reasons"]) == data["score"]
    assert data["complexity"]["level"] in ("lav", "middel", "hoej")
    assert sum(reason["points"] for reason in data["complexity"]["reasons"]) == data["complexity"]["score"]
    assert "\x1b" not in out


def test_status_json_for_an_undecided_verdict_names_what_it_depends_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "svar.toml"
    path.write_text(HEAD + '\n[triage]\naendrer-opgaveloesning = "lidt"\nensretter = "ja"\n', encoding="utf-8")
    data = json.loads(run(capsys, "status", "--json", str(path))[1])
    assert data["verdict"] is None and data["verdict_label"] == "uafklaret"
    assert "aendrer-resultater" in data["depends_on"] and data["decisive"] == [] and data["borderline"] is False
    assert data["complexity"]["level"] is None


def test_status_refuses_a_file_with_errors_with_the_same_messages_as_check(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "unknown-key.toml"
    check_out = run(capsys, "check", str(path))[1]
    code, out, err = run(capsys, "status", str(path))
    assert code == 1 and out == ""
    assert check_out.splitlines()[0] in err.splitlines()


# -- export ---------------------------------------------------------------------------------------


def test_export_to_stdout_and_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, answers_file: Path) -> None:
    from outputs.note.facts import file_facts
    from outputs.note.markdown import render_markdown

    flow = default_flow()
    expected = render_markdown(flow, load_answers(answers_file, flow), file_facts(answers_file))
    assert "sidst ændret" in expected  # the answers file's owner and day of last change
    assert run(capsys, "export", str(answers_file)) == (0, expected, "")
    note = tmp_path / "note.md"
    code, out, err = run(capsys, "export", str(answers_file), "-o", str(note))
    assert code == 0 and out == "" and str(note) in err
    assert note.read_text(encoding="utf-8") == expected


def test_export_many_to_a_folder_skips_files_with_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, answers_file: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_bytes((CORPUS / "value-not-allowed.toml").read_bytes())
    out_dir = tmp_path / "noter"
    code, out, err = run(capsys, "export", str(answers_file), str(broken), "--out-dir", str(out_dir))
    assert code == 1 and out == ""
    assert sorted(os.listdir(out_dir)) == ["svar.md"]
    assert f"{broken}:7:14: fejl: 'sundhed' er ikke en svarmulighed" in err


def test_export_refuses_to_overwrite_its_input(capsys: pytest.CaptureFixture[str], answers_file: Path) -> None:
    before = digest(answers_file)
    code, _, err = run(capsys, "export", str(answers_file), "-o", str(answers_file))
    assert code == 2 and "overskrive svarfilen" in err and digest(answers_file) == before


def test_export_stdin_to_a_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "-", "--out-dir", str(tmp_path))
    assert code == 2 and "standard-input" in err


# -- flows and --flow ----------------------------------------------------------------------------


@pytest.fixture
def mini_flow_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.toml"
    path.write_text(MINI_FLOW_TEXT, encoding="utf-8")
    return path


def test_flows_lists_the_built_in_flow_and_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    flow = default_flow()
    code, out, _ = run(capsys, "flows")
    assert code == 0 and f"{flow.id}  version {flow.version}" in out and "indbygget, i brug" in out
    data = json.loads(run(capsys, "flows", "--json")[1])
    assert data == {
        "format": 1,
        "command": "flows",
        "ok": True,
        "exit_code": 0,
        "flows": [{"id": flow.id, "version": flow.version, "title": flow.title, "source": "indbygget", "in_use": True}],
    }


def test_flows_with_an_own_flow_lists_both(capsys: pytest.CaptureFixture[str], mini_flow_file: Path) -> None:
    code, out, _ = run(capsys, "flows", "--flow", str(mini_flow_file))
    assert code == 0 and "mini  version 2.1" in out and f"({mini_flow_file}, i brug)" in out


def test_flows_catalogue_prints_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    from outputs.note.catalogue import render_catalogue

    assert run(capsys, "flows", "--catalogue") == (0, render_catalogue(default_flow()), "")


def test_own_flow_is_used_by_check_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_flow_file: Path
) -> None:
    path = tmp_path / "svar.toml"
    path.write_text(MINI_HEAD + '[om]\nomfang = "mange"\n', encoding="utf-8")
    assert run(capsys, "check", "--flow", str(mini_flow_file), str(path))[0] == 0
    assert run(capsys, "--flow", str(mini_flow_file), "check", str(path))[0] == 0
    assert run(capsys, "check", str(path))[0] == 1  # against the default flow it is another flow


def test_a_broken_flow_file_is_reported_located_and_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "eget.toml"
    broken.write_text(MINI_FLOW_TEXT.replace('kind = "skala"', 'kind = "skalaa"'), encoding="utf-8")
    line = MINI_FLOW_TEXT.splitlines().index('kind = "skala"') + 1
    for argv in (
        ["check", "--flow", str(broken), "x.toml"],
        ["template", "--flow", str(broken)],
        ["--flow", str(broken)],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert f"{broken}:{line}:1: fejl: " in err and "'kind'" in err
        assert f"forløbsfilen {broken} kan ikke bruges" in err


def test_a_missing_flow_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "flows", "--flow", str(tmp_path / "nej.toml"))
    assert code == 2 and "findes ikke" in err


# -- the screens ------------------------------------------------------------------------------------


def test_without_a_terminal_the_screens_say_so_and_name_the_headless_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, str(tmp_path / "svar.toml"))
    assert code == 2 and out == ""
    assert "kræver en terminal" in err
    for command in ("wizard template", "wizard check", "wizard status", "wizard export", "wizard flows"):
        assert command in err


def test_with_a_terminal_the_screens_get_the_path_and_flow(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mini_flow_file: Path
) -> None:
    calls: list[tuple[object, ...]] = []

    def run_app(path: Path | None, flow: object, flow_name: str | None) -> int:
        calls.append((path, getattr(flow, "id", None), flow_name))
        return 0

    monkeypatch.setattr(cli, "_is_terminal", lambda: True)
    monkeypatch.setitem(sys.modules, "wizard.app", types.SimpleNamespace(run_app=run_app))
    assert run(capsys, str(tmp_path / "svar.toml"))[0] == 0
    assert run(capsys)[0] == 0
    assert run(capsys, "--flow", str(mini_flow_file), "ny.toml")[0] == 0
    assert calls == [
        (tmp_path / "svar.toml", "kerneopgave", None),
        (None, "kerneopgave", None),
        (Path("ny.toml"), "mini", str(mini_flow_file)),
    ]


# -- Textual stays out of the headless commands ------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{file}"],
        ["status", "{file}"],
        ["status", "--json", "{file}"],
        ["export", "{file}", "-o", "{out}"],
        ["template"],
        ["template", "--data", "navn=Robot"],
        ["oversigt", "{file}", "-o", "{out}"],
        ["--version"],
        ["schema"],
        ["flows"],
        ["flows", "--catalogue"],
        ["{file}"],  # the screens without a terminal: refused before anything is imported
    ],
)
def test_headless_commands_never_import_textual(tmp_path: Path, answers_file: Path, argv: list[str]) -> None:
    args = [a.format(file=answers_file, out=tmp_path / "note.md") for a in argv]
    script = (
        "import sys\n"
        "from wizard.cli import main\n"
        f"code = main({args!r})\n"
        "print('textual' in sys.modules, code, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
    )
    last = result.stderr.strip().splitlines()[-1]
    expected_code = 2 if argv == ["{file}"] else 0
    assert last == f"False {expected_code}", result.stderr


# -- the worked example in the documentation --------------------------------------------------------


@pytest.mark.parametrize("document", ["docs/answers-format.md", "README.md"])
def test_the_documented_script_path_works(tmp_path: Path, document: str) -> None:
    doc = (ROOT / document).read_text(encoding="utf-8")
    block = doc.split("<!-- script: start -->", 1)[1].split("<!-- script: slut -->", 1)[0]
    script = block.split("```sh\n", 1)[1].split("```", 1)[0]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    answers = load_answers(tmp_path / "svar.toml", default_flow())
    assert answers.values["glider-ind"] == "nej" and isinstance(answers, Answers)
    assert (tmp_path / "svar.md").read_text(encoding="utf-8").startswith("# Skærmbesøg i hjemmeplejen")
    assert json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))["verdict"] == "forandring-af-kerneopgaven"
    assert "| [Skærmbesøg i hjemmeplejen](<svar.md>) |" in (tmp_path / "oversigt.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--json", "{bad}"],
        ["status", "--json", "{good}"],
        ["status", "--json", "{bad}"],
        ["export", "--json", "{good}", "-o", "{out}/note.md"],
        ["export", "--json", "{bad}", "{good}", "--out-dir", "{out}"],
        ["oversigt", "--json", "{good}", "{bad}", "-o", "{out}/oversigt.md"],
        ["flows", "--json"],
    ],
)
def test_every_json_answer_has_the_same_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv) -> None:
    good = ROOT / "examples" / "ny-ovn-i-institutionskoekkenet.toml"
    args = [a.format(bad=CORPUS / "unknown-key.toml", good=good, out=tmp_path) for a in argv]
    code, out, _ = run(capsys, *args)
    data = json.loads(out)
    assert (data["format"], data["command"], data["exit_code"], data["ok"]) == (1, argv[0], code, code == 0)
    problems = [p for entry in data.get("files", [data]) for p in entry.get("problems", [])]
    problems += data.get("warnings", [])
    assert all(p["severity"] in ("error", "warning") and p["code"] != "other" for p in problems)
    if "{bad}" in argv:
        assert any(p["code"] == "unknown-key" for p in problems)


def test_json_export_needs_a_place_for_the_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--json", str(ROOT / "examples" / "ny-ovn-i-institutionskoekkenet.toml"))
    assert code == 2 and out == "" and "--json skriver resultatet på standard-output" in err


def test_without_a_terminal_the_plain_mode_names_itself(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--plain", str(tmp_path / "svar.toml"))
    assert code == 2 and "Guiden linje for linje kræver en terminal" in err and "skærmbilleder" not in err
