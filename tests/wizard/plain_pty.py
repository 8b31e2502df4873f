"""Drive ``wizard --plain`` in a real pseudo-terminal, line by line, as a leader (or a screen reader) would."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

PROMPTS = (b"> ", "… ".encode(), b": ")  # every line the dialogue waits for ends its output with one of these
WAIT = 30.0  # seconds; generous, for a loaded machine


def _take_terminal() -> None:
    """In the child, after setsid: make the pseudo-terminal its controlling terminal, like a login."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PlainSession:
    """``python -m wizard ARGS`` on a pseudo-terminal of 80x24; everything it writes is kept in ``seen``."""

    def __init__(self, cwd: Path, args: list[str], env: dict[str, str] | None = None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x18\x00\x50\x00\x00\x00\x00\x00")  # 24 rows, 80 columns
        base = {key: value for key, value in os.environ.items() if key not in ("ACCESSIBLE", "TERM")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wizard", *args],
            cwd=cwd,
            env={**base, "TERM": "xterm-256color", **(env or {})},
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self.master = master
        self.seen = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.seen.extend(chunk)

    def output(self) -> bytes:
        with self._lock:
            return bytes(self.seen)

    def wait_for(self, text: str, start: int = 0) -> None:
        wanted = text.encode()
        deadline = time.monotonic() + WAIT
        while wanted not in self.output()[start:]:
            assert time.monotonic() < deadline, f"{text!r} never appeared; last output:\n{self.tail()}"
            assert self.process.poll() is None, f"the wizard stopped early; last output:\n{self.tail()}"
            time.sleep(0.02)

    def wait_for_prompt(self, start: int = 0) -> None:
        """Until the dialogue waits for a line again (its output since ``start`` ends with a prompt)."""
        deadline = time.monotonic() + WAIT
        while True:
            seen = self.output()
            if len(seen) > start and seen.endswith(PROMPTS):
                return
            assert time.monotonic() < deadline, f"no prompt; last output:\n{self.tail()}"
            assert self.process.poll() is None, f"the wizard stopped early; last output:\n{self.tail()}"
            time.sleep(0.02)

    def send(self, line: str) -> None:
        """Type ``line`` and Enter, once the dialogue waits for it; then wait for its next prompt or its end."""
        self.wait_for_prompt()
        start = len(self.output())
        os.write(self.master, line.encode() + b"\r")
        echoed = start + len(line.encode()) + 2  # the terminal echoes the line and a line break first
        deadline = time.monotonic() + WAIT
        while self.process.poll() is None:
            seen = self.output()
            if len(seen) > echoed and seen.endswith(PROMPTS):
                return
            assert time.monotonic() < deadline, f"no answer to {line!r}; last output:\n{self.tail()}"
            time.sleep(0.02)

    def tail(self, size: int = 1500) -> str:
        return self.output()[-size:].decode(errors="replace")

    def finish(self, timeout: float = WAIT) -> int:
        try:
            code = self.process.wait(timeout=timeout)
        finally:
            self.close()
        return code

    def close(self) -> None:
        """Stop the wizard if it still runs, and the reading; safe to call twice."""
        if self._stop.is_set():
            return
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        time.sleep(0.1)  # the last output
        self._stop.set()
        self._reader.join(timeout=2)
        os.close(self.master)

    def text(self) -> str:
        return self.output().decode()
