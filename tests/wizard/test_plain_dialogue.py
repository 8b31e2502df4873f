"""The plain dialogue in the test process, on text streams: the keys and the refusals, quickly.

The whole walk through a real pseudo-terminal is in test_plain.py; here the same ``run_plain``
reads its lines from a string, so each key can be tried alone.
"""

from __future__ import annotations

import io
import os
import signal
from pathlib import Path

import pytest

from flows import UNKNOWN, Answers, default_flow
from outputs.answers.file import dumps_answers, load_answers
from outputs.storage import saving
from outputs.storage.saving import AnswersLock
from tests.wizard.plain_pty import PlainSession
from tests.wizard.test_plain import forandring_walk
from wizard.plain import run_plain

FLOW = default_flow()


def _run(path: Path, typed: list[str]) -> tuple[int, str]:
    written = io.StringIO()
    code = run_plain(path, FLOW, read=io.StringIO("".join(f"{line}\n" for line in typed)), write=written)
    return code, written.getvalue()


def _file_with(path: Path, answers: Answers) -> Path:
    path.write_text(dumps_answers(FLOW, answers), encoding="utf-8")
    return path


def test_question_mark_explains_with_the_source_and_the_outline_jumps_by_number(tmp_path):
    code, said = _run(tmp_path / "svar.toml", ["?", "b", "o", "4", "q"])
    assert code == 0
    assert "Kilde: »" in said
    assert "Flere taster: x sletter dit svar, b giver hele begrundelsen for buddet" in said
    assert "Det, der tæller (alle opfyldte kriterier, begge veje):" in said
    assert "Ingen kriterier er opfyldt endnu." in said
    assert "Oversigt. Kun de afsnit, der er relevante efter dine svar, er med:" in said
    assert "  4. Sammenfatning og eksport" in said
    assert "== Sammenfatning og eksport ==" in said.split("Oversigt.")[1]


def test_several_choices_by_numbers_and_an_option_that_stands_alone(tmp_path):
    _, walked = forandring_walk()
    values = {key: value for key, value in walked.values.items() if key != "bc-indhold"}
    path = _file_with(tmp_path / "svar.toml", Answers(values=values, judgement=walked.judgement))
    code, said = _run(path, ["1 8", "3,1", "q"])
    assert code == 0
    assert "Hvad gør businesscasen allerede rede for?" in said
    assert "»Ingen af dem endnu, eller der er ingen businesscase« kan kun vælges alene." in said
    assert load_answers(path, FLOW).values["bc-indhold"] == ("problem", "vej")  # in the flow's order


def test_ved_ikke_is_refused_where_the_question_does_not_allow_it(tmp_path):
    code, said = _run(tmp_path / "svar.toml", ["v", "Robot", "", "q"])
    assert code == 0
    assert "»Ved ikke« kan ikke vælges ved dette spørgsmål." in said
    assert load_answers(tmp_path / "svar.toml", FLOW).values == {"navn": "Robot"}


def test_v_answers_ved_ikke_and_x_clears_the_answer(tmp_path):
    path = _file_with(
        tmp_path / "svar.toml", Answers(values={"navn": "Robot", "beskrivelse": "b", "fagomraade": "andet"})
    )
    code, _ = _run(path, ["v", "t", "x", "q"])
    assert code == 0
    assert "fase" not in load_answers(path, FLOW).values
    code, _ = _run(path, ["v", "q"])
    assert load_answers(path, FLOW).values["fase"] == UNKNOWN


def test_a_failed_save_is_said_and_q_offers_another_file(tmp_path, monkeypatch):
    import wizard.session as session_module

    real_save = saving.save_answers

    def failing_save(path, flow, answers):
        if Path(path).name == "svar.toml":
            raise saving.SaveError("Filen ./svar.toml kunne ikke gemmes: der er ikke mere plads på disken.")
        real_save(path, flow, answers)

    monkeypatch.setattr(session_module, "save_answers", failing_save)
    other = tmp_path / "andet.toml"
    code, said = _run(tmp_path / "svar.toml", ["Robot", "", "q", str(other)])
    assert code == 0
    assert "IKKE GEMT: Filen ./svar.toml kunne ikke gemmes" in said
    assert "Dine svar er ikke gemt:" in said
    assert load_answers(other, FLOW).values == {"navn": "Robot"}
    AnswersLock(other).acquire()  # let go of at the end


def test_the_end_of_input_saves_and_stops_like_q(tmp_path):
    code, said = _run(tmp_path / "svar.toml", ["Robot", ""])
    assert code == 0
    assert "Dine svar er gemt i" in said
    assert load_answers(tmp_path / "svar.toml", FLOW).values == {"navn": "Robot"}


def test_an_answers_file_with_errors_is_not_opened_and_not_touched(tmp_path, capsys):
    path = tmp_path / "svar.toml"
    path.write_text('[om-teknologien]\nfagomraade = "maanen"\n', encoding="utf-8")
    before = path.read_bytes()
    code, _ = _run(path, ["q"])
    assert code == 1
    assert "har fejl og er ikke åbnet" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_hang_up_keeps_what_was_answered_and_lets_go_of_the_file(tmp_path, number):
    session = PlainSession(tmp_path, ["--plain", "svar.toml"])
    try:
        session.send("Robot")
        session.send("")
        session.wait_for("Beskriv kort")
        os.killpg(session.process.pid, number)
        assert session.finish() == 0
    finally:
        session.close()
    assert load_answers(tmp_path / "svar.toml", FLOW).values == {"navn": "Robot"}
    AnswersLock(tmp_path / "svar.toml").acquire()


def test_without_a_file_it_asks_for_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = io.StringIO()
    code = run_plain(None, FLOW, read=io.StringIO("mit.toml\nRobot\n\nq\n"), write=written)
    assert code == 0
    assert "Hvilken svarfil vil du arbejde i? Enter alene: ./forberedelse.toml" in written.getvalue()
    assert load_answers(tmp_path / "mit.toml", FLOW).values == {"navn": "Robot"}


def test_ctrl_c_saves_lets_go_and_says_it_was_interrupted(tmp_path):
    session = PlainSession(tmp_path, ["--plain", "svar.toml"])
    try:
        session.send("Robot")
        session.send("")
        session.wait_for("Beskriv kort")
        session.wait_for_prompt()
        os.write(session.master, b"\x03")  # the terminal's interrupt key
        assert session.finish() == 130
    finally:
        session.close()
    assert "Afbrudt." in session.text()
    assert load_answers(tmp_path / "svar.toml", FLOW).values == {"navn": "Robot"}
    AnswersLock(tmp_path / "svar.toml").acquire()


def test_a_byte_that_is_not_utf8_is_no_crash(tmp_path):
    # Strict decoding, as Python has it in some locales (here it would otherwise escape the byte).
    session = PlainSession(tmp_path, ["--plain", "svar.toml"], {"PYTHONIOENCODING": "utf-8:strict"})
    try:
        session.wait_for_prompt()
        os.write(session.master, b"Ny ovn i k\xf8kkenet\r")  # typed on a Latin-1 terminal
        session.send("")
        session.send("q")
        assert session.finish() == 0
    finally:
        session.close()
    assert load_answers(tmp_path / "svar.toml", FLOW).values == {"navn": "Ny ovn i k\ufffdkkenet"}
