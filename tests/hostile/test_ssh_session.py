"""A real SSH session that drops: the leader's connection to the shared server dies mid-way.

OpenSSH's sshd runs on 127.0.0.1 (a free high port, keys made for the test). The
client runs in a tmux pane at 80x24, as a leader's terminal would; `wizard` runs in
the SSH session, is answered by keys, and then the client is killed. Afterwards every
answer given is on disk, no `wizard` process is left, the lock is released, and a new
SSH session resumes the file where the leader left off.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import default_flow
from outputs.answers.file import load_answers
from tests.hostile.sshd import SshServer, start_sshd

WIZARD = Path(sys.executable).with_name("wizard")
SOCKET = f"wizard-ssh-test-{os.getpid()}"


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=True)
    return result.stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", "leder")


def wait_for(text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while text not in screen():
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen()}")
        time.sleep(0.1)


def keys(*names: str) -> None:
    tmux("send-keys", "-t", "leder", *names)


def type_text(text: str) -> None:
    tmux("send-keys", "-t", "leder", "-l", text)


def processes_in(folder: Path) -> list[int]:
    """Processes whose working folder is ``folder``: the wizard and its shell, if any."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if Path(os.readlink(entry / "cwd")) == folder:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def open_session(server: SshServer, folder: Path) -> None:
    remote = f"cd {shlex.quote(str(folder))} && exec {shlex.quote(str(WIZARD))} forberedelse.toml"
    command = shlex.join(server.command(remote))
    tmux("new-session", "-d", "-s", "leder", "-x", "80", "-y", "24", command)


@pytest.fixture
def server(tmp_path: Path):
    started = start_sshd(tmp_path / "ssh")
    try:
        yield started
    finally:
        started.stop()
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True, check=False)
        tmux_folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (tmux_folder / SOCKET).unlink(missing_ok=True)  # the server leaves its socket file behind
    assert started.process.poll() is not None, "sshd must be stopped at the end"


def test_a_dropped_ssh_connection_keeps_every_answer_and_leaves_nothing_behind(server: SshServer, tmp_path: Path):
    assert server.listening_addresses() == [f"127.0.0.1:{server.port}"], "nothing may listen beyond loopback"
    folder = tmp_path / "leder"
    folder.mkdir()
    answers_file = folder / "forberedelse.toml"

    open_session(server, folder)
    wait_for("Hvad hedder teknologien")
    type_text("Skærmbesøg i hjemmeplejen")
    keys("Enter")
    wait_for("Beskriv kort")
    type_text("Borgere får en del af besøgene som videoopkald.")
    keys("Enter")
    wait_for("Hvilket fagområde")
    keys("Down", "Enter")  # Social og sundhed
    wait_for("Hvilken fase")
    # Everything above has been answered; now the connection dies.
    wizards = processes_in(folder)
    assert wizards, "the wizard should be running in the SSH session"
    client = int(tmux("display-message", "-p", "-t", "leder", "#{pane_pid}").strip())
    os.kill(client, signal.SIGKILL)

    deadline = time.monotonic() + 20
    while processes_in(folder) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = processes_in(folder)
    if left:  # say whether it is stuck or spinning, then clean up
        spinning = {pid: cpu_seconds(pid) for pid in left}
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        raise AssertionError(f"wizard processes left behind after the drop (cpu seconds: {spinning})")

    answers = load_answers(answers_file, default_flow())
    assert answers.values == {
        "navn": "Skærmbesøg i hjemmeplejen",
        "beskrivelse": "Borgere får en del af besøgene som videoopkald.",
        "fagomraade": "social-og-sundhed",
    }
    assert not (folder / ".forberedelse.toml.lock").exists(), "the lock must be released"
    assert oct(answers_file.stat().st_mode & 0o777) == "0o600"

    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True, check=False)
    open_session(server, folder)
    wait_for("Hvilken fase er projektet i?")  # resumed at the first unanswered question
    keys("C-q")
    deadline = time.monotonic() + 15
    while processes_in(folder) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not processes_in(folder), "quitting must end the wizard"
    assert load_answers(answers_file, default_flow()).values["navn"] == "Skærmbesøg i hjemmeplejen"
