"""A private OpenSSH server on 127.0.0.1 for the tests: own host key, own client key, own config.

Nothing listens beyond loopback; the server runs in the foreground (-D) as a child of
the test process and is stopped by ``stop()``. Keys and config live in a temporary
folder the test owns.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SshServer:
    folder: Path
    port: int
    process: subprocess.Popen
    client_key: Path
    user: str

    def command(self, remote: str) -> list[str]:
        """An ``ssh -tt`` command line that runs ``remote`` on the test server."""
        return [
            "ssh",
            "-tt",
            "-p",
            str(self.port),
            "-i",
            str(self.client_key),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            f"UserKnownHostsFile={self.folder / 'known_hosts'}",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            f"{self.user}@127.0.0.1",
            remote,
        ]

    def listening_addresses(self) -> list[str]:
        """Local addresses this sshd listens on, read from the kernel (ss)."""
        result = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True, check=True)
        return [line.split()[3] for line in result.stdout.splitlines() if f"pid={self.process.pid}," in line]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_sshd(folder: Path, extra_config: str = "") -> SshServer:
    """``extra_config`` goes last in sshd_config (where ``Match`` blocks must be)."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    host_key = folder / "host_ed25519"
    client_key = folder / "client_ed25519"
    for key in (host_key, client_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    authorized = folder / "authorized_keys"
    authorized.write_text(client_key.with_suffix(".pub").read_text())
    os.chmod(authorized, 0o600)
    port = free_port()
    user = os.environ.get("USER") or subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {host_key}",
                f"AuthorizedKeysFile {authorized}",
                f"PidFile {folder / 'sshd.pid'}",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "PrintMotd no",
                "AcceptEnv LANG LC_* TERM NO_COLOR",
                "ClientAliveInterval 2",
                "ClientAliveCountMax 2",
                extra_config,
                "",
            ]
        )
    )
    Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation folder sshd insists on
    process = subprocess.Popen(
        [SSHD, "-D", "-e", "-f", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "sshd.log", "wb"),  # noqa: SIM115 - closed with the process
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return SshServer(folder, port, process, client_key, user)
        if process.poll() is not None:
            raise RuntimeError((folder / "sshd.log").read_text())
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("sshd did not start listening within 10 s")
