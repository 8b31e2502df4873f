"""A lost terminal never leaves a spinning wizard behind, however the wizard was started.

In a real tmux pane at 80x24 the leader types an answer, then the pane is killed (the SSH
link drops). Run directly, the wizard gets SIGHUP. Started through ``setsid -w`` (its own
session) or ``su USER -c`` (su stays the session leader and keeps SIGHUP to itself), nobody
signals it: before the fix it read end-of-file from the hung-up terminal in a tight loop at a
whole core, holding its lock, for as long as nobody killed it. Each way it must save, let go
of the answers file and end within 5 seconds.

``su`` runs as root to root here: the same util-linux su (watching parent, blocked SIGHUP) as
for any other user, and the interpreter under /root need not be readable by another user.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from flows import default_flow
from outputs.answers.file import load_answers
from tests.wizard.test_tmux_e2e import WIZARD, Tmux

LEAVE_WITHIN = 5.0  # seconds from the lost terminal to the ended process (issue 20)

LAUNCHES = {
    "direkte": f"{WIZARD} forberedelse.toml",
    "setsid -w": f"setsid -w {WIZARD} forberedelse.toml",
    "su": f"su root -s /bin/sh -c '{WIZARD} forberedelse.toml'",
}


def wizard_process(answers_file: Path) -> int:
    """The pid of the wizard's Python process working on ``answers_file`` (not setsid, su or sh around it)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
                cwd = (entry / "cwd").resolve()
            except OSError:
                continue
            if len(argv) >= 3 and b"python" in argv[0] and argv[1] == bytes(WIZARD) and cwd == answers_file.parent:
                return int(entry.name)
        time.sleep(0.1)
    raise AssertionError("the wizard's process was not found")


def ended_within(pid: int, seconds: float) -> float | None:
    """Seconds until ``pid`` is gone (a zombie counts as gone: it holds no lock and uses no processor)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return time.monotonic() - start
        if state in ("Z", "X"):
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.parametrize("launch", list(LAUNCHES))
def test_a_killed_pane_saves_releases_the_file_and_ends_within_5_seconds(tmp_path, launch):
    assert shutil.which("tmux"), "tmux is missing: run sh tests/setup-tools.sh"
    if launch == "su" and os.geteuid() != 0:
        pytest.skip("kræver root for at køre su uden adgangskode (testene kører som root i CI)")
    program = LAUNCHES[launch].split()[0]
    assert shutil.which(program), f"{program} is missing"
    answers_file = tmp_path / "forberedelse.toml"
    tmux = Tmux(tmp_path)
    try:
        tmux.start(LAUNCHES[launch])
        tmux.wait_for("Hvad hedder teknologien")
        pid = wizard_process(answers_file)
        tmux.type("Skærmbesøg")
        tmux.wait_for("Skærmbesøg")
        tmux.run("kill-pane", "-t", "w")  # the link drops: the pane's terminal is gone
        took = ended_within(pid, LEAVE_WITHIN)
        if took is None:
            before = cpu_seconds(pid)
            time.sleep(1)
            busy = cpu_seconds(pid) - before
            os.kill(pid, signal.SIGKILL)  # leave no spinning process behind on the test machine
            raise AssertionError(
                f"started {launch!r}, the wizard was still running {LEAVE_WITHIN} s after its terminal went away "
                f"(using {busy:.0%} of a core)"
            )
    finally:
        tmux.kill_server()
    assert not (tmp_path / ".forberedelse.toml.lock").exists()
    assert load_answers(answers_file, default_flow()).values == {"navn": "Skærmbesøg"}
