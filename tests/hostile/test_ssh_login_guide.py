"""Only the guide at login: the README's ``Match Group`` + ``ForceCommand`` recipe with a real sshd.

The guide is installed for everyone as the README says (tests/test_install.py), a leader is
made with useradd and put in the group, and the README's sshd block is added to a private
sshd on 127.0.0.1. Then: the login opens the start screen in the leader's home folder, Ctrl+Q
logs out, and a command, sftp and a tunnel get nothing else. Needs root (as in CI); as anyone
else it is skipped and says why.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from flows import default_flow
from outputs.answers.file import load_answers
from tests.hostile.sshd import SshServer, start_sshd
from tests.test_install import SYSTEM_PYTHON, moved, readme_block

ROOT = Path(__file__).resolve().parents[2]
SOCKET = f"wizard-login-test-{os.getpid()}"


@dataclass(frozen=True)
class Login:
    server: SshServer
    home: Path
    name: str


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=True).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", "leder")


def wait_for(text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while text not in screen():
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen()}")
        time.sleep(0.1)


def wait_for_file(path: Path, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while not path.exists() or not path.read_text().strip():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} never appeared; the screen was:\n{screen()}")
        time.sleep(0.1)
    return path.read_text().strip()


def ssh_options(server: SshServer) -> list[str]:
    """The harness's command without ``-tt``, the login and the remote command."""
    command = server.command("")
    return [part for part in command[:-2] if part != "-tt"]


@pytest.fixture(scope="module")
def login() -> Iterator[Login]:
    if os.geteuid() != 0:
        pytest.skip("kræver root for at installere, oprette en leder og starte sshd (testene kører som root i CI)")
    for tool in ("useradd", "groupadd", "tmux", "ssh", "sftp"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} findes ikke på denne maskine")
    if not SYSTEM_PYTHON.exists():
        pytest.skip("serverens egen python3 findes ikke (/usr/bin/python3)")
    folder = Path(tempfile.mkdtemp(prefix="kerneopgave-login-"))
    folder.chmod(0o755)
    suffix = os.getpid() % 100000
    group, name = f"kerneopgave{suffix}", f"laerke{suffix}"
    server = None
    try:
        guide, bin_folder, home = folder / "opt" / "kerneopgave-guiden", folder / "bin", folder / "home"
        bin_folder.mkdir()
        script = moved(readme_block("install"), KILDE=str(ROOT), GUIDE=str(guide), BIN=str(bin_folder))
        subprocess.run(["bash", "-c", script], check=True, capture_output=True, timeout=900)

        subprocess.run(["groupadd", group], check=True)
        subprocess.run(
            ["useradd", "-M", "-d", str(home), "-N", "-g", "users", "-G", group, "-s", "/bin/sh", name], check=True
        )
        subprocess.run(["usermod", "-p", "*", name], check=True)  # not locked ("!"), but no password either
        entry = pwd.getpwnam(name)
        (home / ".ssh").mkdir(parents=True)

        recipe = readme_block("login").replace("Match Group kerneopgave", f"Match Group {group}")
        recipe = recipe.replace("/usr/local/bin/wizard", str(bin_folder / "wizard"))
        assert f"ForceCommand {bin_folder / 'wizard'}" in recipe
        # sftp as on a real server, the test's own key for the leader (sshd reads it as the leader),
        # then the README's block.
        keys = (
            "Subsystem sftp internal-sftp\n"
            f"Match User {name}\n    AuthorizedKeysFile {home / '.ssh' / 'authorized_keys'}\n"
        )
        started = start_sshd(folder / "ssh", extra_config=keys + recipe)
        server = replace(started, user=name)
        shutil.copy(started.client_key.with_suffix(".pub"), home / ".ssh" / "authorized_keys")
        for path in (home, home / ".ssh", home / ".ssh" / "authorized_keys"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        checked = subprocess.run(["/usr/sbin/sshd", "-t", "-f", str(folder / "ssh" / "sshd_config")], check=False)
        assert checked.returncode == 0, "sshd -t must accept the README's block"
        yield Login(server, home, name)
    finally:
        if server is not None:
            server.stop()
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True, check=False)
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True, check=False)
        subprocess.run(["userdel", name], capture_output=True, check=False)
        subprocess.run(["groupdel", group], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def test_the_login_opens_the_guide_in_the_home_folder_and_ctrl_q_logs_out(login: Login, tmp_path: Path) -> None:
    exit_file = tmp_path / "ssh-exit"
    asked_for_a_shell = shlex.join(login.server.command("sh"))  # the client asks for a shell; it gets the guide
    tmux("new-session", "-d", "-s", "leder", "-x", "80", "-y", "24", f"{asked_for_a_shell}; echo $? > {exit_file}")
    wait_for("Kerneopgave-guiden")
    wait_for("./forberedelse.toml")
    tmux("send-keys", "-t", "leder", "Enter")
    wait_for("Hvad hedder teknologien")
    tmux("send-keys", "-t", "leder", "-l", "Skærmbesøg")
    tmux("send-keys", "-t", "leder", "Enter")
    wait_for("Beskriv kort")
    tmux("send-keys", "-t", "leder", "C-q")

    assert wait_for_file(exit_file) == "0"  # Ctrl+Q ended the session: no shell came after the guide
    answers = login.home / "forberedelse.toml"
    assert answers.stat().st_uid == pwd.getpwnam(login.name).pw_uid  # in the leader's own folder, as the leader
    assert load_answers(answers, default_flow()).values == {"navn": "Skærmbesøg"}


def test_a_command_without_a_terminal_gets_the_guides_refusal_not_a_shell(login: Login, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    result = subprocess.run(
        [*ssh_options(login.server), "-T", f"{login.name}@127.0.0.1", f"echo kommando-kørt; touch {marker}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "kræver en terminal" in result.stderr
    assert "kommando-kørt" not in result.stdout and not marker.exists()


def test_sftp_gets_nothing(login: Login) -> None:
    options = ssh_options(login.server)
    port = options[options.index("-p") + 1]
    rest = [option for option in options[1:] if option not in ("-p", port)]
    result = subprocess.run(
        ["sftp", "-P", port, *rest, "-b", "-", f"{login.name}@127.0.0.1"],
        input="ls /\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "etc" not in result.stdout


def test_a_tunnel_is_refused(login: Login) -> None:
    login_at = f"{login.name}@127.0.0.1"
    try:
        result = subprocess.run(
            [*ssh_options(login.server), "-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9", login_at],
            capture_output=True,
            text=True,
            timeout=15,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("the tunnel was opened: ssh -N stayed connected") from None
    assert result.returncode == 255
    assert "forwarding failed" in result.stderr
