"""`wizard diff OLD NEW` and `export --since`: what changed since the last meeting, as Markdown.

The expected page below is written by hand from the flow's words (not copied from the
program's output): the verdict before and after, each changed answer old → new, and the
new points for the meeting numbered as in today's note. The command line is tried the
way a leader would use it with git: the old file from `git show` through a pipe and
through process substitution, in a real repository.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flows import Answers, Kind, default_flow, evaluate
from outputs.answers.file import dumps_answers
from outputs.note.diff import compare, render_diff
from outputs.note.markdown import render_markdown
from wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]
FLOW = default_flow()
CORPUS_1_0 = ROOT / "tests" / "corpus" / "flow-1.0"

OLD = Answers(
    values={"navn": "Robot", "glider-ind": "nej", "aendrer-opgaveloesning": "lidt", "beskrivelse": "En robot."},
    discuss=frozenset({"aendrer-opgaveloesning"}),
)
NEW = Answers(
    values={
        "navn": "Robot",
        "glider-ind": "nej",
        "aendrer-opgaveloesning": "betydeligt",
        "beskrivelse": "En robot,\nder sender breve.",
        "borgere-moeder": "direkte",
    },
    discuss=frozenset({"aendrer-opgaveloesning", "borgere-moeder"}),
)

EXPECTED = """\
# Ændret siden sidste møde: Robot

Sammenligner `gammel.toml` (før) med `ny.toml` (nu).

## Bud og kompleksitet

| Hvad | Før | Nu |
| --- | --- | --- |
| Værktøjets bud | Uafklaret – hælder indtil nu mod simpelt redskab | Forandring af kerneopgaven |
| Point | 1 (grænse 3) | 5 (grænse 3) |
| Kompleksitet | Ikke vurderet | Ikke vurderet |
| Lederens vurdering | Ikke taget stilling | Ikke taget stilling |

## Ændrede svar

1. **Beskriv kort, hvad teknologien er, og hvad den skal bruges til.**\\
   Før: »En robot.«\\
   Nu: »En robot,\\
   der sender breve.«
2. **Ændrer teknologien den måde, opgaverne løses på?**\\
   Lidt: enkelte trin ændres → Betydeligt: arbejdet skal gøres på en ny måde
3. **Møder borgerne teknologien selv?**\\
   *ikke besvaret* → Ja, direkte (fx selvbetjening, skærm, app)

## Nye punkter til mødet

- Møder borgerne teknologien selv? (punkt 1, sat til drøftelse)
"""


def test_the_page_says_what_changed_in_the_flows_words() -> None:
    assert render_diff(compare(FLOW, OLD, NEW), "gammel.toml", "ny.toml") == EXPECTED


def test_the_same_answers_give_a_page_that_says_nothing_changed() -> None:
    text = render_diff(compare(FLOW, NEW, NEW), None, None)
    assert "Sammenligner den tidligere udgave (før) med den nye udgave (nu)." in text
    assert "Ingen svar er ændret." in text and "Ingen nye punkter." in text
    assert "Punkter, der ikke længere er med" not in text


def test_an_answer_the_new_answers_hide_is_no_longer_relevant_and_a_dropped_point_is_named() -> None:
    # punkt 1 in the note (the core task comes first), the marked triage answer is punkt 2
    assert render_markdown(FLOW, NEW).index("1. **Møder borgerne") < render_markdown(FLOW, NEW).index("2. **Ændrer")
    change_only = next(
        q
        for q in FLOW.questions.values()
        if q.id not in evaluate(FLOW, OLD).visible_answers
        and evaluate(FLOW, NEW).is_visible(q.id)
        and not evaluate(FLOW, OLD).is_visible(q.id)
        and q.kind is Kind.TEXT
    )
    old = Answers(values={**NEW.values, change_only.id: "Et svar."}, discuss=NEW.discuss)
    new = Answers(values={**OLD.values}, discuss=frozenset({"aendrer-opgaveloesning"}))  # back to a small change
    text = render_diff(compare(FLOW, old, new), "a.toml", "b.toml")
    assert f"**{change_only.text}**\\\n   Før: »Et svar.«\\\n   Nu: *ikke længere relevant*" in text
    dropped = "- Møder borgerne teknologien selv? (punkt 1 i den tidligere note, sat til drøftelse)"
    assert f"## Punkter, der ikke længere er med\n\n{dropped}\n" in text
    assert "Ændrer teknologien den måde, opgaverne løses på? (punkt" not in text.split("ikke længere er med")[1]


def test_the_note_takes_the_changes_in_after_the_meeting() -> None:
    note = render_markdown(FLOW, NEW, since=compare(FLOW, OLD, NEW))
    assert note.index("## Til mødet") < note.index("## Ændret siden sidste møde") < note.index("## Bud og vurdering")
    section = note.split("## Ændret siden sidste møde", 1)[1].split("\n## ", 1)[0]
    assert "### Bud og kompleksitet" in section and "### Ændrede svar" in section
    assert "2. **Ændrer teknologien den måde, opgaverne løses på?**" in section
    assert render_markdown(FLOW, NEW) == render_markdown(FLOW, NEW, since=None)
    assert "Ændret siden sidste møde" not in render_markdown(FLOW, NEW)


# -- the command line, with git ---------------------------------------------------------------------


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Leder", "-c", "user.email=leder@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A preparation committed at one meeting and changed since (the change committed too)."""
    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.fail("git and bash are needed for this test (see tests/setup-tools.sh)")
    _git(tmp_path, "init", "-q")
    (tmp_path / "svar.toml").write_text(dumps_answers(FLOW, OLD), encoding="utf-8")
    _git(tmp_path, "add", "svar.toml")
    _git(tmp_path, "commit", "-qm", "Før mødet i marts")
    (tmp_path / "svar.toml").write_text(dumps_answers(FLOW, NEW), encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "Før mødet i juni")
    return tmp_path


def _wizard_in_bash(folder: Path, command: str) -> subprocess.CompletedProcess[str]:
    wizard = f"{sys.executable} -m wizard"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(folder)}
    return subprocess.run(
        ["bash", "-c", command.replace("wizard", wizard, 1)], cwd=folder, env=env, capture_output=True, text=True
    )


def test_git_show_as_the_old_file_through_a_pipe_and_process_substitution(repository: Path) -> None:
    expected = EXPECTED.replace("`gammel.toml`", "den tidligere udgave").replace("`ny.toml`", "`svar.toml`")
    piped = _wizard_in_bash(repository, "git show HEAD~1:svar.toml | wizard diff - svar.toml")
    assert (piped.returncode, piped.stderr) == (0, "")
    assert piped.stdout == expected
    substituted = _wizard_in_bash(repository, "wizard diff <(git show HEAD~1:svar.toml) svar.toml")
    assert (substituted.returncode, substituted.stderr) == (0, "")
    assert substituted.stdout == expected  # the pipe's name (/dev/fd/63) is not on the page: same text every time
    both = _wizard_in_bash(repository, "wizard diff <(git show HEAD~1:svar.toml) <(git show HEAD:svar.toml)")
    assert both.stdout == expected.replace("`svar.toml`", "den nye udgave")
    note = _wizard_in_bash(repository, "wizard export svar.toml --since <(git show HEAD~1:svar.toml)")
    assert note.returncode == 0 and "## Ændret siden sidste møde" in note.stdout


def test_diff_json_has_the_shape_of_the_other_commands(repository: Path, capsys) -> None:
    _git(repository, "show", "HEAD~1:svar.toml")
    (repository / "gammel.toml").write_text(_git(repository, "show", "HEAD~1:svar.toml"), encoding="utf-8")
    assert main(["diff", "--json", str(repository / "gammel.toml"), str(repository / "svar.toml")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [report[key] for key in ("format", "command", "ok", "exit_code")] == [1, "diff", True, 0]
    assert report["before"]["verdict"] is None and report["after"]["verdict"] == "forandring-af-kerneopgaven"
    assert [change["question"] for change in report["changed_answers"]] == [
        "beskrivelse",
        "aendrer-opgaveloesning",
        "borgere-moeder",
    ]
    assert report["changed_answers"][1]["before_label"] == "Lidt: enkelte trin ændres"
    assert report["new_points"] == [
        {"number": 1, "question": "borgere-moeder", "text": "Møder borgerne teknologien selv?"}
    ]
    assert report["markdown"].startswith("# Ændret siden sidste møde: Robot")
    assert report["changed_notes"] == [] and report["judgement_reason"] is None  # none written in either


def test_diff_json_names_changed_notes_and_reason() -> None:
    from outputs.note.diff import changes_dict

    old = Answers(values=OLD.values, notes={"navn": "Før."}, judgement_reason="Fordi.")
    new = Answers(values=OLD.values, notes={"navn": "Nu."}, judgement_reason="Fordi.")
    report = changes_dict(compare(FLOW, old, new))
    assert report["changed_notes"] == [
        {"question": "navn", "text": FLOW.questions["navn"].text, "before": "Før.", "after": "Nu."}
    ]
    assert report["judgement_reason"] is None  # the same reason is no change


def test_diff_writes_to_a_file_and_refuses_bad_input_in_danish(tmp_path: Path, capsys) -> None:
    old, new = tmp_path / "gammel.toml", tmp_path / "ny.toml"
    old.write_text(dumps_answers(FLOW, OLD), encoding="utf-8")
    new.write_text(dumps_answers(FLOW, NEW), encoding="utf-8")
    assert main(["diff", str(old), str(new), "-o", str(tmp_path / "aendringer.md")]) == 0
    written = (tmp_path / "aendringer.md").read_text(encoding="utf-8")
    assert written == EXPECTED.replace("gammel.toml", str(old)).replace("ny.toml", str(new))
    assert main(["diff", "-", "-"]) == 2
    assert "kun én af filerne kan komme fra standard-input" in capsys.readouterr().err
    assert main(["diff", str(tmp_path / "findes-ikke.toml"), str(new)]) == 2
    assert "findes-ikke.toml findes ikke" in capsys.readouterr().err
    old.write_text('[triage]\nglider-ind = "maaske"\n', encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 1
    err = capsys.readouterr().err
    assert "'maaske' er ikke en svarmulighed til 'glider-ind'" in err and "Traceback" not in err


def test_an_old_file_from_flow_1_0_is_migrated_before_it_is_compared(tmp_path: Path, capsys) -> None:
    old = CORPUS_1_0 / "skaermbesoeg-i-hjemmeplejen.toml"
    new = ROOT / "examples" / "skaermbesoeg-i-hjemmeplejen.toml"
    assert main(["diff", str(old), str(new)]) == 0
    out, err = capsys.readouterr()
    assert "Den tidligere udgave er lavet med version 1.0 af forløbet og er læst om til version 2.0" in out
    assert "spørgsmål er nye" not in err  # the old file's warnings are about the past; the page has the news
    # a renamed question is compared under its new id: no change is reported for it
    assert "data-overvaagning" not in out


def test_diff_never_imports_textual(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    path.write_text(dumps_answers(FLOW, NEW), encoding="utf-8")
    script = (
        "import sys\nfrom wizard.cli import main\n"
        f"code = main(['diff', {str(path)!r}, {str(path)!r}])\n"
        f"code += main(['export', {str(path)!r}, '--since', {str(path)!r}, '-o', {str(tmp_path / 'n.md')!r}])\n"
        "print('textual' in sys.modules, code, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.stderr.strip().splitlines()[-1] == "False 0", result.stderr


def test_the_page_and_a_note_with_the_changes_pass_markdownlint(tmp_path: Path) -> None:
    from tests.outputs.nasty_answers import NASTY, place
    from tests.outputs.test_markdownlint import lint

    old = CORPUS_1_0 / "algoritme-om-langtidsledighed.toml"
    new = ROOT / "examples" / "algoritme-om-langtidsledighed.toml"
    from outputs.answers.file import load_answers

    changes = compare(FLOW, load_answers(old, FLOW), load_answers(new, FLOW))
    paths = [tmp_path / "diff.md", tmp_path / "note.md", tmp_path / "nasty.md"]
    paths[0].write_text(render_diff(changes, str(old), str(new), "Læst om."), encoding="utf-8")
    paths[1].write_text(render_markdown(FLOW, load_answers(new, FLOW), since=changes), encoding="utf-8")
    nasty = compare(FLOW, OLD, place(NASTY[0]))
    paths[2].write_text(render_diff(nasty, "a`b.toml", "*ny*.toml"), encoding="utf-8")
    lint(paths)


def test_completion_and_the_man_page_know_diff_and_since(capsys) -> None:
    assert main(["completion", "bash"]) == 0
    completion = capsys.readouterr().out
    assert "_shtab_wizard_diff_pos_0_COMPGEN=_shtab_compgen_files" in completion  # GAMMEL completes files
    assert "--since" in completion
    assert main(["man"]) == 0
    page = capsys.readouterr().out
    assert "wizard diff" in page and "GAMMEL" in page and r"\-\-since" in page


def test_what_the_leader_wrote_for_the_meeting_is_compared_too() -> None:
    old = Answers(values=OLD.values, discuss=OLD.discuss, notes={"aendrer-opgaveloesning": "Vi tror det."})
    new = Answers(
        values=OLD.values,
        discuss=OLD.discuss,
        notes={"aendrer-opgaveloesning": "Vi ved det nu.", "beskrivelse": "  "},  # a blank note is no note
        judgement_reason="Robotten ændrer arbejdet.",
    )
    expected = """\
## Ændret i det, lederen har skrevet til mødet

1. **Lederens begrundelse for sin vurdering**\\
   Før: *ingen*\\
   Nu: »Robotten ændrer arbejdet.«
2. **Note: Ændrer teknologien den måde, opgaverne løses på?**\\
   Før: »Vi tror det.«\\
   Nu: »Vi ved det nu.«
"""
    changes = compare(FLOW, old, new)
    assert not changes.nothing
    assert render_diff(changes, "a.toml", "b.toml").endswith(expected)
    assert "Ingen svar er ændret." in render_diff(changes, "a.toml", "b.toml")  # the answers themselves are the same


def test_a_note_on_a_question_that_is_no_longer_relevant_is_not_listed() -> None:
    hidden = next(q.id for q in FLOW.questions.values() if not evaluate(FLOW, OLD).is_visible(q.id))
    new = Answers(values=OLD.values, discuss=OLD.discuss, notes={hidden: "Gammel note."})
    changes = compare(FLOW, OLD, new)
    assert changes.notes == () and changes.nothing
    assert "lederen har skrevet" not in render_diff(changes, None, None)
