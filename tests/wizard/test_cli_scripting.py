"""What a script does without the screens: pre-fill a template, ask for the version, build the wiki's overview."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from flows import Kind, Verdict, default_flow
from outputs.answers.file import load_answers
from wizard import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FLOW = default_flow()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- template --data / --data-file ---------------------------------------------------------------------


def test_data_fills_answers_notes_marks_and_judgement(tmp_path: Path, capsys) -> None:
    target = tmp_path / "svar.toml"
    code, _, err = run(
        [
            "template",
            "-o",
            str(target),
            "--data",
            "navn=Ruteplaner i hjemmeplejen",
            "--data",
            "glider-ind=nej",
            "--data",
            "noter.navn=Spørg IT om prisen",
            "--data",
            "til-droeftelse.glider-ind=ja",
            "--data",
            "vurdering.egen-vurdering=forandring-af-kerneopgaven",
            "--data",
            "vurdering.begrundelse=Morgenmødet forsvinder",
        ],
        capsys,
    )
    assert code == 0, err
    answers = load_answers(target, FLOW)
    assert answers.values == {"navn": "Ruteplaner i hjemmeplejen", "glider-ind": "nej"}
    assert answers.notes == {"navn": "Spørg IT om prisen"}
    assert answers.discuss == frozenset({"glider-ind"})
    assert answers.judgement is Verdict.CHANGE and answers.judgement_reason == "Morgenmødet forsvinder"
    text = target.read_text(encoding="utf-8")
    assert '#beskrivelse = ""' in text  # every other question is still there to fill in


def test_a_several_choice_answer_is_given_with_commas(capsys) -> None:
    multi = next(q for q in FLOW.questions.values() if q.kind is Kind.MULTI)
    first, second = (option.id for option in multi.choices[:2])
    code, out, err = run(["template", "--data", f"{multi.id}={first}, {second}"], capsys)
    assert code == 0, err
    assert f'{multi.id} = ["{first}", "{second}"]' in out


def test_every_wrong_value_is_named_by_where_it_came_from_and_nothing_is_written(tmp_path: Path, capsys) -> None:
    target = tmp_path / "svar.toml"
    code, out, err = run(
        ["template", "-o", str(target), "--data", "nvn=x", "--data", "fase=idé", "--data", "glider-ind=maaske"],
        capsys,
    )
    assert code == 1
    assert not target.exists() and out == ""
    assert "--data nvn: fejl: forløbet har intet spørgsmål med id'et 'nvn'; mente du 'navn'?" in err
    assert "--data fase: fejl: 'idé' er ikke en svarmulighed" in err and 'mente du "ide"?' in err
    assert "--data glider-ind: fejl:" in err
    assert "skabelonen er ikke skrevet" in err
    assert "Traceback" not in err


def test_data_files_in_toml_and_json_and_the_command_line_wins(tmp_path: Path, capsys) -> None:
    toml_data = tmp_path / "kendte.toml"
    toml_data.write_text('navn = "Fra TOML"\n[triage]\nglider-ind = "ja"\n[noter]\nnavn = "en note"\n', "utf-8")
    json_data = tmp_path / "kendte.json"
    json_data.write_text(json.dumps({"fase": "ide", "navn": "Fra JSON"}), "utf-8")
    code, out, err = run(
        ["template", "--data-file", str(toml_data), "--data-file", str(json_data), "--data", "glider-ind=nej"], capsys
    )
    assert code == 0, err
    assert 'navn = "Fra JSON"' in out and 'fase = "ide"' in out and 'glider-ind = "nej"' in out
    assert 'navn = "en note"' in out


def test_an_answers_file_serves_as_data_for_a_new_one(tmp_path: Path, capsys) -> None:
    example = EXAMPLES / "skaermbesoeg-i-hjemmeplejen.toml"
    target = tmp_path / "kopi.toml"
    code, _, err = run(["template", "-o", str(target), "--data-file", str(example)], capsys)
    assert code == 0, err
    original, copy = load_answers(example, FLOW), load_answers(target, FLOW)
    assert copy.values == original.values and copy.notes == original.notes and copy.discuss == original.discuss


def test_a_broken_data_file_is_located_in_danish(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "kendte.toml"
    broken.write_text("navn = Skærmbesøg\n", "utf-8")
    code, _, err = run(["template", "--data-file", str(broken)], capsys)
    assert code == 1
    assert f"{broken}:1:8: fejl: værdien kan ikke læses" in err
    bad_json = tmp_path / "kendte.json"
    bad_json.write_text('{"navn": }', "utf-8")
    code, _, err = run(["template", "--data-file", str(bad_json)], capsys)
    assert code == 1 and f"{bad_json}:1:10: fejl: filen er ikke gyldig JSON" in err
    code, _, err = run(["template", "--data-file", str(tmp_path / "mangler.toml")], capsys)
    assert code == 1 and "findes ikke" in err and "Traceback" not in err


# -- --version -----------------------------------------------------------------------------------------


def test_version_names_the_program_and_the_flow(capsys) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    program, flow = out.splitlines()
    assert program.startswith("wizard ") and program != "wizard "
    assert flow == f"forløb: {FLOW.id} version {FLOW.version} (indbygget)"


# -- oversigt ------------------------------------------------------------------------------------------


def test_the_overview_lists_each_preparation_in_a_stable_order_and_links_existing_notes(tmp_path: Path, capsys):
    files = sorted(EXAMPLES.glob("*.toml"))
    for file in files:
        shutil.copy(file, tmp_path)
    notes = tmp_path / "noter"
    notes.mkdir()
    (notes / "skaermbesoeg-i-hjemmeplejen.md").write_text("# note\n", "utf-8")
    page = tmp_path / "wiki" / "oversigt.md"
    page.parent.mkdir()
    names = [str(tmp_path / file.name) for file in files]
    code, _, err = run(["oversigt", *reversed(names), "--notes-dir", str(notes), "-o", str(page)], capsys)
    assert code == 0, err
    first = page.read_text(encoding="utf-8")
    code, _, _ = run(["oversigt", *names, "--notes-dir", str(notes), "-o", str(page)], capsys)
    assert page.read_text(encoding="utf-8") == first  # the shell's order does not matter
    rows = [line for line in first.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [row.split(" | ")[0] for row in rows] == [
        "| Algoritme, der forudsiger risiko for langtidsledighed",
        "| Ny ovn i køkkenet i Børnehuset Mælkebøtten",
        "| [Skærmbesøg i hjemmeplejen](<../noter/skaermbesoeg-i-hjemmeplejen.md>)",
        "| Softwarerobot til flyttesager i Borgerservice",
    ]
    oven = rows[1].split(" | ")
    assert oven[1:6] == ["Dagtilbud og skole", "Udvikling eller anskaffelse", "simpelt redskab", "lav", "–"]
    assert oven[-1] == f"{date.fromtimestamp((tmp_path / files[1].name).stat().st_mtime).isoformat()} |"
    # "Til mødet" counts as the note does: skærmbesøg's note numbers 12 points and has one open question.
    note = (EXAMPLES / "skaermbesoeg-i-hjemmeplejen.md").read_text(encoding="utf-8")
    assert "punkt 9–12 er lederens svar" in note and "Ét spørgsmål står åbent." in note
    assert rows[2].split(" | ")[7] == "12 punkter, 1 åbent"


def test_a_file_with_errors_is_left_out_and_named(tmp_path: Path, capsys) -> None:
    good = tmp_path / "god.toml"
    shutil.copy(EXAMPLES / "ny-ovn-i-institutionskoekkenet.toml", good)
    bad = tmp_path / "fejl.toml"
    bad.write_text('[om-teknologien]\nnavn = "Robot"\nfase = "maaske"\n', "utf-8")
    code, out, err = run(["oversigt", str(good), str(bad)], capsys)
    assert code == 1
    assert f"{bad}:3:8: fejl:" in err and "filen er ikke med i oversigten" in err
    assert "Robot" not in out and "Ny ovn" in out


# -- help ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("topic", "document"), [("format", "answers-format.md"), ("flow", "flow-format.md")])
def test_help_prints_the_format_documents_as_they_are_in_docs(capsys, topic: str, document: str) -> None:
    code, out, _ = run(["help", topic], capsys)
    assert code == 0
    assert out == (ROOT / "docs" / document).read_text(encoding="utf-8")


def test_files_the_program_writes_point_to_the_help_command(tmp_path: Path, capsys) -> None:
    code, out, _ = run(["template"], capsys)
    assert code == 0 and "wizard help format" in out and "docs/" not in out


def test_a_template_can_point_an_editor_at_the_schema(tmp_path: Path, capsys) -> None:
    code, out, _ = run(["template", "--schema", "./kerneopgave.schema.json"], capsys)
    assert code == 0 and out.startswith("#:schema ./kerneopgave.schema.json\n# Svarfil til")
    target = tmp_path / "skema.json"
    code, _, err = run(["schema", "-o", str(target)], capsys)
    assert code == 0 and "Skemaet er gemt" in err
    assert json.loads(target.read_text(encoding="utf-8"))["$schema"].startswith("http://json-schema.org/draft-07")


# -- completion and man page ---------------------------------------------------------------------------


def _complete(line: str) -> list[str]:
    """What bash offers after ``line`` with wizard's completion script loaded."""
    import subprocess
    import sys

    words = line.split(" ")
    script = (
        'source <("$WIZARD" completion bash)\n'
        f"COMP_WORDS=({' '.join(repr(word) for word in words)}); COMP_CWORD={len(words) - 1}\n"
        f"COMP_LINE={line!r}; COMP_POINT={len(line)}\n"
        '_shtab_wizard; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    wizard = str(Path(sys.executable).with_name("wizard"))
    result = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"WIZARD": wizard, "PATH": "/usr/bin:/bin"},
    )
    return result.stdout.split()


def test_bash_completes_commands_and_options() -> None:
    assert _complete("wizard ch") == ["check"]
    assert _complete("wizard ov") == ["oversigt"]
    assert sorted(_complete("wizard export --o")) == ["--out-dir", "--output"]


def test_the_man_page_names_every_command(capsys) -> None:
    code, out, _ = run(["man"], capsys)
    assert code == 0 and out.startswith('.TH WIZARD "1"')
    for command in ("check", "template", "status", "export", "oversigt", "schema", "flows", "help"):
        assert f"wizard\\fR \\fI\\,{command}\\/\\fR" in out


# -- KERNEOPGAVE_FLOW: an organisation's own flow for every leader ------------------------------------


def test_the_flow_can_come_from_the_environment(tmp_path: Path, capsys, monkeypatch) -> None:
    own = tmp_path / "forloeb.toml"
    shutil.copy(ROOT / "flows" / "kerneopgave.toml", own)
    monkeypatch.setenv("KERNEOPGAVE_FLOW", str(own))
    code, out, err = run(["--version"], capsys)
    assert code == 0, err
    assert f"(fra {own})" in out
    code, out, _ = run(["--flow", str(ROOT / "flows" / "kerneopgave.toml"), "flows"], capsys)
    assert "kerneopgave.toml, i brug" in out  # --flow still wins


def test_a_missing_flow_from_the_environment_names_the_variable(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("KERNEOPGAVE_FLOW", str(tmp_path / "findes-ikke.toml"))
    code, _, err = run(["template"], capsys)
    assert code == 2
    assert "findes-ikke.toml findes ikke (fra miljøvariablen KERNEOPGAVE_FLOW; bed IT om at rette den)." in err
