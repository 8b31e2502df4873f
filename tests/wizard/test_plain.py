"""The plain mode through a real pseudo-terminal: a whole case, line by line, as a screen-reader user types it.

The answers the leader types are worked out here from the engine (which questions are visible
after each answer) and a case from tests/flows/cases.py; the file the dialogue saves must be the
file the screens save for the same answers (both save through wizard.session, which writes
``dumps_answers``), and the output must be plain: no ESC byte, no bell, at most 80 columns.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from flows import UNKNOWN, Answers, Kind, Verdict, default_flow, evaluate
from flows.fingerprint import refreshed
from outputs.answers.file import dumps_answers, load_answers
from outputs.storage.saving import AnswersLock
from tests.flows.cases import SCREEN_VISITS
from tests.wizard.plain_pty import PlainSession

FLOW = default_flow()
TWO_LINES = ("Skærme i borgernes hjem", "til samtaler med hjemmeplejen")
NOTE = "Tag det op med MED-udvalget"


def _next_visible(values: dict, after: str) -> str | None:
    order = list(FLOW.questions)
    visible = {question.id for question in evaluate(FLOW, Answers(values=values)).visible_questions}
    return next((qid for qid in order[order.index(after) + 1 :] if qid in visible), None)


def _line_for(question_id: str, value) -> str:
    question = FLOW.questions[question_id]
    if value == UNKNOWN or value == (UNKNOWN,):
        return "v"
    if isinstance(value, tuple):
        return ", ".join(str(question.choice_ids.index(item) + 1) for item in value)
    return str(question.choice_ids.index(value) + 1)


def _filler(question_id: str):
    """An answer for a question the case does not answer: text, "ved ikke" where allowed, else the first option."""
    question = FLOW.questions[question_id]
    if question.kind is Kind.TEXT:
        return f"Mit svar om {question_id}."  # finished: a reopened file goes on after it
    if question.kind is Kind.MULTI:
        return (question.choice_ids[0], question.choice_ids[2])  # typed as "1, 3"
    return UNKNOWN if question.allow_unknown else question.choice_ids[0]


def forandring_walk() -> tuple[list[str], Answers]:
    """The lines a leader types for the screen-visits case, start to end, and the answers that must result.

    On the way: a text of two lines, a note and a mark, a step back (t) and on again, "ved ikke" (v),
    several choices, an answer that hides an answered question (kept in the file), the judgement,
    the export and q.
    """
    lines: list[str] = []
    values: dict = {}
    current: str | None = next(iter(FLOW.questions))
    while current is not None:
        question = FLOW.questions[current]
        value = SCREEN_VISITS.get(current, _filler(current))
        if current == "beskrivelse":
            lines += [*TWO_LINES, ""]
            value = "\n".join(TWO_LINES)
        elif current == "fagomraade":
            lines += ["d", "n", NOTE, _line_for(current, value), "t", ""]  # from fase back here, and on again
        elif current == "ker-ressourcer":
            value = "hovedformaal"  # shows ker-besparelse-aabent
            lines.append(_line_for(current, value))
        elif current == "ker-besparelse-aabent":
            lines += ["1", "t", "t", "3"]  # "ja"; back twice; ker-ressourcer = "nej" hides this answer
            values[current] = "ja"
            current, value = "ker-ressourcer", "nej"
        elif question.kind is Kind.TEXT:
            lines += [value, ""]
        else:
            lines.append(_line_for(current, value))
        values[current] = value
        if current == "samarbejdsrelationer":  # the last triage question: the judgement page follows
            assert evaluate(FLOW, Answers(values=values)).verdict is Verdict.CHANGE
            lines += ["1", "Borgerne møder os på en skærm", "", ""]  # agree; a reason; the traits as suggested
        current = _next_visible(values, current)
    lines += ["", "q"]  # export the note beside the file; stop
    answers = Answers(
        values=values,
        judgement=Verdict.CHANGE,
        judgement_reason="Borgerne møder os på en skærm",
        notes={"fagomraade": NOTE},
        discuss=frozenset({"fagomraade"}),
    )
    return lines, answers


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    return tmp_path


def _columns(output: bytes) -> list[str]:
    return output.decode().replace("\r\n", "\n").split("\n")


def test_a_whole_forandring_case_with_back_and_ved_ikke_saves_what_the_screens_save(workdir):
    lines, expected = forandring_walk()
    assert "v" in lines and "t" in lines
    session = PlainSession(workdir, ["--plain", "forberedelse.toml"])
    try:
        for line in lines:
            session.send(line)
        assert session.finish() == 0
    finally:
        session.close()
    output = session.output()
    text = output.decode()

    saved = (workdir / "forberedelse.toml").read_text(encoding="utf-8")
    # each answer given is saved with its question's fingerprint, as the screens save it
    assert saved == dumps_answers(FLOW, refreshed(FLOW, Answers(), expected))
    loaded = load_answers(workdir / "forberedelse.toml", FLOW)
    assert loaded.values["ker-besparelse-aabent"] == "ja"  # hidden by the changed answer, and kept
    assert not evaluate(FLOW, loaded).is_visible("ker-besparelse-aabent")
    assert "1 besvaret spørgsmål tæller ikke længere efter dette svar" in text

    assert "Værktøjets bud er nu: Forandring af kerneopgaven." in text
    assert "Tæller nu med i buddet:" in text
    assert "Kompleksitet: " in text
    assert "Markeret til drøftelse på mødet." in text
    assert "Din vurdering: forandring af kerneopgaven (enig i buddet)." in text
    assert "Noten er gemt" in text and (workdir / "forberedelse.md").is_file()
    assert "Skærmbesøg i hjemmeplejen" in (workdir / "forberedelse.md").read_text(encoding="utf-8")

    assert b"\x1b" not in output and b"\x07" not in output and b"\x9b" not in output
    too_wide = [line for line in _columns(output) if len(line) > 80]
    assert too_wide == []
    AnswersLock(workdir / "forberedelse.toml").acquire()  # q let go of the file


def test_q_saves_and_releases_the_lock_and_the_next_start_resumes_at_the_first_open_question(workdir):
    session = PlainSession(workdir, ["--plain", "svar.toml"])
    try:
        session.send("Robot")
        session.send("")  # ends the text
        session.send("q")
        assert session.finish() == 0
    finally:
        session.close()
    assert load_answers(workdir / "svar.toml", FLOW).values == {"navn": "Robot"}
    lock = AnswersLock(workdir / "svar.toml")
    lock.acquire()
    lock.release()

    again = PlainSession(workdir, ["--plain", "svar.toml"])
    try:
        again.wait_for("Spørgsmål 2 af")
        again.wait_for("Beskriv kort")
        again.send("q")
        assert again.finish() == 0
    finally:
        again.close()


def test_the_lock_holds_the_plain_mode_out_of_a_file_in_use(workdir):
    lock = AnswersLock(workdir / "svar.toml")
    lock.acquire()
    try:
        session = PlainSession(workdir, ["--plain", "svar.toml"])
        try:
            code = session.finish()
        finally:
            session.close()
    finally:
        lock.release()
    assert code == 1
    assert b"\x1b" not in session.output()
    assert not (workdir / "svar.toml").exists()


@pytest.mark.parametrize("env", [{"ACCESSIBLE": "1"}, {"TERM": "dumb"}], ids=["ACCESSIBLE=1", "TERM=dumb"])
def test_accessible_and_a_dumb_terminal_choose_the_plain_mode(workdir, env):
    session = PlainSession(workdir, ["svar.toml"], env)
    try:
        session.wait_for("linje for linje")
        session.send("q")
        assert session.finish() == 0
    finally:
        session.close()
    assert b"\x1b" not in session.output()


def test_without_them_the_screens_start(workdir):
    """The control for the test above: the same start in an ordinary terminal draws screens (escape codes)."""
    session = PlainSession(workdir, ["svar.toml"], {"ACCESSIBLE": "0"})
    try:
        session.wait_for("\x1b[")
        assert "linje for linje" not in session.text()
    finally:
        session.close()


def test_a_choice_out_of_range_is_said_and_asked_again(workdir):
    values = {"navn": "x", "beskrivelse": "y."}  # a finished sentence: the walk goes on after it
    (workdir / "svar.toml").write_text(dumps_answers(FLOW, Answers(values=values)), encoding="utf-8")
    session = PlainSession(workdir, ["--plain", "svar.toml"])
    try:
        session.wait_for("Hvilket fagområde")
        session.send("9")
        session.wait_for("Skriv et tal fra 1 til 7.")
        session.send("2 3")
        session.wait_for("Vælg ét svar her")
        session.send("2")
        session.send("q")
        assert session.finish() == 0
    finally:
        session.close()
    answers = load_answers(workdir / "svar.toml", FLOW)
    assert answers.values["fagomraade"] == "social-og-sundhed"
    assert replace(answers, values={}) == Answers()


def _loaded_modules(module: str) -> str:
    probe = f"import sys, {module}; print(sorted({{m.split('.')[0] for m in sys.modules}} & {{'textual', 'readline'}}))"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()


def test_the_plain_mode_imports_neither_textual_nor_readline():
    assert _loaded_modules("wizard.plain") == "[]"
    assert _loaded_modules("wizard.cli") == "[]"
