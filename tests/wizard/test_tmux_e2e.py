"""End to end in a real terminal: tmux at 80x24 runs the installed ``wizard``, a leader answers by keys,
the connection is dropped mid-way (the tmux server is killed: the wizard gets SIGHUP), and a new session
reopens the file and finds every answer given before the drop.

tmux is installed by tests/setup-tools.sh (run by ./test and CI).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from flows import default_flow
from outputs.answers.file import load_answers

WIZARD = Path(sys.executable).with_name("wizard")
WAIT = 20.0  # seconds a screen may take to appear on a slow CI machine


class Tmux:
    """One private tmux server (its own socket), so the test never touches a leader's sessions.

    Everything the program writes to its pane is also logged (``pipe-pane``, started in the same
    command as the session, before the server reads any output): when the program ends before
    the screen it was waited for, the failure shows its last words (a Danish message or a
    traceback) instead of only "no server running"."""

    def __init__(self, workdir: Path) -> None:
        self.socket = f"wizard-test-{uuid.uuid4().hex[:8]}"
        self.workdir = workdir
        self.log = workdir / f"{self.socket}.pane.log"

    def run(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True)
        assert result.returncode == 0, f"tmux {args[0]}: {result.stderr}{self.last_output()}"
        return result.stdout

    def last_output(self) -> str:
        """The end of what the program wrote, as readable text (escape sequences dropped)."""
        try:
            raw = self.log.read_bytes()[-3000:].decode("utf-8", "replace")
        except OSError:
            return ""
        text = re.sub(r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-_])", " ", raw)
        return f"\nthe program's last output:\n{text.strip()[-1500:]}"

    def start(self, command: str) -> int:
        session = ["new-session", "-d", "-x", "80", "-y", "24", "-s", "w", "-c", str(self.workdir), command]
        self.run(*session, ";", "pipe-pane", "-o", f"cat >> {shlex.quote(str(self.log))}")
        return int(self.run("display-message", "-p", "-t", "w", "#{pane_pid}").strip())

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "w")

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "w", *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "w", "-l", text)

    def kill_server(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        tmux_folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (tmux_folder / self.socket).unlink(missing_ok=True)  # the server leaves its socket file behind


def gone(pid: int) -> bool:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize(
    ("term", "no_color"), [("screen", False), ("xterm-256color", True)], ids=["TERM=screen", "NO_COLOR=1"]
)
def test_answers_survive_a_dropped_connection(tmp_path, term, no_color):
    assert shutil.which("tmux"), "tmux is missing: run sh tests/setup-tools.sh"
    assert WIZARD.exists(), f"{WIZARD} is missing: install the project (pip install -e .)"
    env = f"env TERM={term} {'NO_COLOR=1' if no_color else ''}"
    command = f"{env} {WIZARD} forberedelse.toml"
    answers_file = tmp_path / "forberedelse.toml"
    tmux = Tmux(tmp_path)
    try:
        pid = tmux.start(command)
        tmux.wait_for("Hvad hedder teknologien")
        tmux.wait_for("Svarene gemmes i ./forberedelse.toml")  # the path of the answers file is on screen
        tmux.type("Skærmbesøg i hjemmeplejen")
        tmux.keys("Enter")
        tmux.wait_for("Beskriv kort")
        tmux.type("Borgere i eget hjem ses på skærm.")
        tmux.keys("Enter")
        tmux.wait_for("Hvilket fagområde")
        tmux.keys("Down", "Enter")  # social og sundhed
        tmux.wait_for("Hvilken fase")
        tmux.keys("NPage")  # Page Down skips the question
        tmux.wait_for("Hvor kommer initiativet fra")
        tmux.keys("C-t", "Enter")  # marked for discussion, then "Lokalt"
        tmux.wait_for("Hvilket møde forbereder du dig til")
        tmux.wait_for("Gemt ")
        tmux.type("MED-udvalget i maj")
        tmux.wait_for("MED-udvalget i maj")
        tmux.kill_server()  # the connection drops: SIGHUP, no time to press anything
        assert gone(pid), "the wizard was left running after the terminal went away"
        assert not (tmp_path / ".forberedelse.toml.lock").exists()

        answers = load_answers(answers_file, default_flow())
        assert answers.values == {
            "navn": "Skærmbesøg i hjemmeplejen",
            "beskrivelse": "Borgere i eget hjem ses på skærm.",
            "fagomraade": "social-og-sundhed",
            "oprindelse": "lokalt",
            "moede": "MED-udvalget i maj",
        }
        assert answers.discuss == frozenset({"oprindelse"})

        tmux = Tmux(tmp_path)
        pid = tmux.start(command)
        shown = tmux.wait_for("Spørgsmål")
        assert "Hvilken fase" in shown  # the first unanswered question
        tmux.keys("C-n")
        shown = tmux.wait_for("Hvor kommer initiativet fra")
        assert "[x] Til drøftelse" in shown and "(•) Lokalt" in shown
        tmux.keys("C-n")
        tmux.wait_for("MED-udvalget i maj")
        tmux.keys("C-q")
        assert gone(pid)
    finally:
        tmux.kill_server()
    assert load_answers(answers_file, default_flow()).values["moede"] == "MED-udvalget i maj"


def test_a_program_that_ends_before_its_first_screen_is_reported_with_its_last_words(tmp_path):
    """The harness itself: when the program in the pane ends early, the failure says what it wrote."""
    tmux = Tmux(tmp_path)
    try:
        with pytest.raises(AssertionError) as failure:
            tmux.start("printf 'Svarfilen er i brug af en anden session\\n'; sleep 0.3")
            tmux.wait_for("Hvad hedder teknologien")
    finally:
        tmux.kill_server()
    assert "Svarfilen er i brug af en anden session" in str(failure.value)
