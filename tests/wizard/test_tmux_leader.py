"""Issue 19 in a real terminal (tmux at 80x24): the start screen lists the folder's preparations
and Enter opens one; a second session is told, in whole words, who has the file; the line drops
mid-sentence; reopening returns to that sentence and says it may be unfinished; Ctrl+Q says where
the answers are and how to go on, in the terminal after the screens are gone.

Run with TERM=xterm-256color, TERM=screen and NO_COLOR=1, as a leader's terminal may be.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from flows import Answers, default_flow
from outputs.answers.file import load_answers
from outputs.storage.saving import save_answers
from tests.wizard.test_tmux_e2e import WIZARD, Tmux, gone

FLOW = default_flow()


@pytest.mark.parametrize(
    "env",
    ["TERM=xterm-256color", "TERM=screen", "TERM=xterm-256color NO_COLOR=1"],
    ids=["xterm-256color", "screen", "NO_COLOR"],
)
def test_start_list_lock_cut_off_resume_and_goodbye_in_a_real_terminal(tmp_path: Path, env: str) -> None:
    assert shutil.which("tmux"), "tmux is missing: run sh tests/setup-tools.sh"
    save_answers(tmp_path / "koerelister.toml", FLOW, Answers(values={"navn": "Digitale kørelister"}))
    (tmp_path / "pyproject.toml").write_text("[tool.x]\na = 1\n")
    first, second = Tmux(tmp_path), Tmux(tmp_path)
    try:
        pid = first.start(f"env {env} {WIZARD}")
        shown = first.wait_for("Dine forberedelser i denne mappe")
        assert "koerelister.toml" in shown and "Digitale kørelister" in shown and "pyproject" not in shown
        assert "^G Genveje" in shown  # the whole start screen, down to the footer, at 80x24
        first.keys("Enter")  # the highlighted preparation: the only one
        first.wait_for("Beskriv kort")

        second.start(f"env {env} {WIZARD} koerelister.toml; sleep 60")  # the file is in use
        refused = second.wait_for("færdig")
        # Broken between words, not by the terminal's edge inside one ("proces 2749 / 7", "færd / ig").
        pid_of_first = str(pid)
        assert re.search(rf"\(proces\s+{pid_of_first}\)", refused), refused
        assert "færdig;" in refused
        second.kill_server()

        first.type("Borgere ses på skærm, og")
        first.wait_for("Gemt ")
        first.kill_server()  # the line drops mid-sentence
        assert gone(pid)
        assert load_answers(tmp_path / "koerelister.toml", FLOW).values["beskrivelse"] == "Borgere ses på skærm, og"

        again = Tmux(tmp_path)
        first = again
        pid = again.start(f"env {env} {WIZARD} koerelister.toml; sleep 60")
        shown = again.wait_for("uafsluttet")
        assert "Beskriv kort" in shown and "Borgere ses på skærm, og" in shown
        again.keys("C-q")
        said = again.wait_for("Lav noten:")
        assert "Dine svar er gemt i ./koerelister.toml." in said
        # The commands whole, even where the terminal has to wrap them (tmux joins them again with -J).
        said = again.run("capture-pane", "-p", "-J", "-t", "w")
        assert re.search(r"Fortsæt: +\S+ \./koerelister\.toml\n", said)
        assert re.search(r"Lav noten: +\S+ export \./koerelister\.toml -o \./koerelister\.md\n", said)
    finally:
        first.kill_server()
        second.kill_server()


def test_enter_pressed_quickly_three_times_answers_three_questions(tmp_path: Path) -> None:
    """Each Enter picks on the page it lands on: none is spent turning the same page twice."""
    assert shutil.which("tmux"), "tmux is missing: run sh tests/setup-tools.sh"
    save_answers(tmp_path / "svar.toml", FLOW, Answers(values={"navn": "X", "beskrivelse": "Y."}))
    tmux = Tmux(tmp_path)
    try:
        pid = tmux.start(f"env TERM=xterm-256color {WIZARD} svar.toml")
        tmux.wait_for("Hvilket fagområde")
        tmux.keys("Enter", "Enter", "Enter")  # one burst, as a key held down sends them
        tmux.wait_for("Hvilket møde forbereder du dig til")
        tmux.keys("C-q")
        assert gone(pid)
    finally:
        tmux.kill_server()
    values = load_answers(tmp_path / "svar.toml", FLOW).values
    assert {"fagomraade", "fase", "oprindelse"} <= set(values)
