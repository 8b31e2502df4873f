"""A private tmux server with one 80x24 pane, driven through a control-mode client.

The server has its own socket (``tmux -L bench-…``), so a benchmark never touches a
leader's or a test's tmux sessions. Commands go over one control-mode connection
(``tmux -C``) instead of a new ``tmux`` process per command: a ``capture-pane`` then
costs a fraction of a millisecond, so the screen can be polled every millisecond
without the polling itself dominating what is measured.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

WIDTH, HEIGHT = 80, 24
POLL = 0.001  # seconds between two looks at the screen
TIMEOUT = 30.0  # seconds a screen may take before the benchmark gives up


class TmuxError(RuntimeError):
    pass


class Tmux:
    """One tmux server, one session, one pane; ``close()`` ends the server and every process in it."""

    def __init__(self, workdir: Path) -> None:
        self.socket = f"bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.workdir = workdir
        self._client: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._socket_path: str | None = None
        size = ["-x", str(WIDTH), "-y", str(HEIGHT)]
        self._tmux("new-session", "-d", *size, "-s", "bench", "-c", str(workdir), "sleep", "86400")
        try:
            # A pane whose program has ended stays, so its last screen and status can still be read.
            self._tmux("set-option", "-g", "remain-on-exit", "on")
            # no-output: the client is not sent every byte the program draws; ignore-size: it never resizes the pane.
            self._client = subprocess.Popen(
                ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "bench", "-f", "no-output,ignore-size"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                bufsize=0,
            )
            self._reply()  # the attach itself answers with one (empty) block
            self._socket_path = self.command("display-message", "-p", "#{socket_path}").strip()
        except BaseException:
            self.close()
            raise

    def _tmux(self, *args: str) -> None:
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise TmuxError(f"tmux {' '.join(args)}: {result.stderr.strip()}")

    def _line(self) -> bytes:
        assert self._client is not None and self._client.stdout is not None
        while b"\n" not in self._buffer:
            chunk = os.read(self._client.stdout.fileno(), 65536)
            if not chunk:
                raise TmuxError("tmux-klienten lukkede forbindelsen")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line

    def _reply(self) -> str:
        """The output of the next command block (%begin … %end); notifications outside blocks are skipped."""
        while not self._line().startswith(b"%begin"):
            pass
        lines: list[bytes] = []
        while True:
            line = self._line()
            if line.startswith(b"%end"):
                return b"\n".join(lines).decode("utf-8", "replace")
            if line.startswith(b"%error"):
                raise TmuxError(b"\n".join(lines).decode("utf-8", "replace"))
            lines.append(line)

    def command(self, *args: str) -> str:
        assert self._client is not None and self._client.stdin is not None
        self._client.stdin.write((shlex.join(args) + "\n").encode())
        return self._reply()

    # -- the pane --------------------------------------------------------------------------------------

    def start(self, argv: Sequence[str], env: dict[str, str] | None = None) -> None:
        """Run ``argv`` in the pane (ending whatever ran there); returns as soon as tmux has started it."""
        settings = [f"{name}={value}" for name, value in (env or {}).items()]
        self.command("respawn-pane", "-k", "-t", "bench", "-c", str(self.workdir), "env", *settings, *argv)

    def pid(self) -> int:
        return int(self.command("display-message", "-p", "-t", "bench", "#{pane_pid}").strip())

    def dead(self) -> bool:
        return self.command("display-message", "-p", "-t", "bench", "#{pane_dead}").strip() == "1"

    def screen(self, escapes: bool = False) -> str:
        return self.command("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "bench")

    def keys(self, *keys: str) -> None:
        self.command("send-keys", "-t", "bench", *keys)

    def wait(self, shown: Callable[[str], bool], what: str, escapes: bool = False) -> float:
        """Poll the screen until ``shown(screen)``; the monotonic time it was first seen."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            screen = self.screen(escapes)
            now = time.perf_counter()
            if shown(screen):
                return now
            if time.monotonic() > deadline:
                raise TmuxError(f"{what} blev aldrig vist; skærmen var:\n{self.screen()}")
            time.sleep(POLL)

    def wait_dead(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not self.dead():
            if time.monotonic() > deadline:
                raise TmuxError(f"programmet i ruden sluttede ikke; skærmen var:\n{self.screen()}")
            time.sleep(0.01)

    # -- the end ---------------------------------------------------------------------------------------

    def close(self) -> None:
        """Kill the program in the pane, the control client and the server; safe to call twice."""
        try:
            pid = self.pid() if self._client is not None and not self.dead() else None
        except (TmuxError, OSError, ValueError):
            pid = None
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if self._client is not None:
            self._client.kill()
            self._client.wait()
            self._client = None
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self._socket_path:  # tmux leaves its socket file behind
            with contextlib.suppress(OSError):
                os.unlink(self._socket_path)

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
