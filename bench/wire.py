"""Bytes on the wire: what a program writes to its terminal, which is what an SSH link carries.

Each program runs in a pseudo-terminal of 80x24 with TERM=xterm-256color (no tmux in
between: tmux would redraw the pane its own way). After each step (the start, a key) the
bytes written are counted until the program has been quiet for ``QUIET`` seconds. The
counts do not depend on the machine's speed as long as a step is drawn in one go; every
step runs ``rounds`` times and the largest count is the one reported (a slow machine that
splits a repaint in two frames writes more, and that is what a leader would get).

- first screen: from the start until the first screen is drawn (set-up sequences included);
- option move: Down on a choice list (the minimal app: Down on its RadioSet);
- next question: Enter on a choice (the answer is picked, the next question shown);
- summary of the richest example: opening the example file with the most answers, which opens
  on its summary (the note's text), and the same summary reached by a key from its last question.
"""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

QUIET = 0.4  # seconds without output that end a step
TIMEOUT = 30.0
ROWS, COLUMNS = 24, 80
DOWN, UP, ENTER, CTRL_Q = b"\x1b[B", b"\x1b[A", b"\r", b"\x11"


# What the virtual screen understands: cursor moves, line breaks, styles (SGR) and text; any other
# escape sequence (modes, queries, titles) is skipped, as it changes no cell.
_SCREEN_TOKEN = re.compile(
    r"\x1b\[(\d+);(\d+)H"  # 1, 2: a cursor move
    r"|(\r?\n)"  # 3: a line break
    r"|(\x1b\[[0-9;]*m)"  # 4: a style
    r"|(\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x1f])"  # 5: other
    r"|([^\x00-\x1f\x1b]+)"  # 6: text
)

_UNFINISHED = re.compile(r"\x1b(\[[0-9;?<>=$]*[ -/]*|\][^\x07\x1b]*)?")


class VirtualScreen:
    """The cells a terminal would show after the bytes fed to it: (style, character) per cell.

    Enough of a terminal for Textual's drawing (it moves the cursor absolutely before each piece),
    so the benchmark can wait for a text on the screen rather than in the bytes (which, with only
    the changed cells sent, need not hold a whole sentence), and tests can compare screens.
    """

    def __init__(self, rows: int = ROWS, columns: int = COLUMNS) -> None:
        self.rows, self.columns = rows, columns
        self.cells: list[list[tuple[str, str]]] = [[("", " ")] * columns for _ in range(rows)]
        self.row, self.column, self.style = 0, 0, ""
        self._pending = ""

    def feed(self, data: str) -> None:
        data = self._pending + data
        self._pending = ""
        cut = data.rfind("\x1b")
        if cut >= 0 and _UNFINISHED.fullmatch(data, cut):  # an escape sequence split between two reads
            data, self._pending = data[:cut], data[cut:]
        for match in _SCREEN_TOKEN.finditer(data):
            if match.group(1):
                self.row, self.column = int(match.group(1)) - 1, int(match.group(2)) - 1
            elif match.group(3):
                self.row, self.column = min(self.row + 1, self.rows - 1), 0
            elif match.group(4):
                self.style = "" if match.group(4) in ("\x1b[0m", "\x1b[m") else self.style + match.group(4)
            elif match.group(6):
                for character in match.group(6):
                    if 0 <= self.row < self.rows and 0 <= self.column < self.columns:
                        self.cells[self.row][self.column] = (self.style, character)
                    self.column += 1

    def text(self) -> str:
        return "\n".join("".join(character for _, character in line).rstrip() for line in self.cells)


def _take_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """A program in a pseudo-terminal of its own, and every byte it writes."""

    def __init__(self, argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(ROWS)}
        environment.pop("NO_COLOR", None)
        environment.update(env or {})
        self.process = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=environment,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.screen = VirtualScreen()
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._counted = 0
        self._last_output = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
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
                self.output.extend(chunk)
                self.screen.feed(self._decoder.decode(chunk))
                self._last_output = time.monotonic()

    def step(self, keys: bytes = b"", expect: bytes = b"") -> bytes:
        """Send ``keys`` (none: just wait), wait until the program is quiet and ``expect`` is on the screen;
        return what it wrote since the last step."""
        if keys:
            with self._lock:
                self._last_output = time.monotonic()
            os.write(self.master, keys)
        deadline = time.monotonic() + TIMEOUT
        while True:
            time.sleep(0.02)
            with self._lock:
                quiet = time.monotonic() - self._last_output
                written = bytes(self.output[self._counted :])
                shown = self.screen.text()
            if quiet >= QUIET and written and (not expect or expect.decode() in shown):
                with self._lock:
                    written = bytes(self.output[self._counted :])
                    self._counted = len(self.output)
                return written
            if self.process.poll() is not None:
                raise RuntimeError(f"programmet sluttede (kode {self.process.returncode}): {written[-500:]!r}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{expect.decode()!r} blev aldrig vist; skærmen var:\n{shown}")

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(OSError):
                os.write(self.master, CTRL_Q)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._stop.set()
        self._reader.join(timeout=2)
        os.close(self.master)


@dataclass(frozen=True)
class WireCounts:
    """Bytes per step, the largest of the rounds."""

    minimal_first: int
    minimal_move: int
    wizard_first: int
    wizard_move: int
    wizard_next: int
    summary_open: int
    summary_key: int


PYTHON = sys.executable
WIZARD = str(Path(sys.executable).with_name("wizard"))
CTRL_N, CTRL_P = b"\x0e", b"\x10"


def measure(workdir: Path, rounds: int) -> WireCounts:
    """Every count, the largest of ``rounds`` runs (they are the same on an idle machine)."""
    from bench import minimal_app
    from bench.screens import ANSWERS_FILE, FINISHED_FILE, SUMMARY_TEXTS, Finished, Scenario
    from flows import default_flow

    flow = default_flow()
    scenario, finished = Scenario.build(flow), Finished.build(flow)
    minimal = str(Path(minimal_app.__file__).resolve())
    runs: list[WireCounts] = []
    for _ in range(rounds):
        terminal = Terminal([PYTHON, minimal], workdir)
        try:
            minimal_first = len(terminal.step(expect=minimal_app.OPTIONS[-1].encode()))
            minimal_move = len(terminal.step(DOWN))
        finally:
            terminal.close()
        (workdir / ANSWERS_FILE).write_text(scenario.answers_text, encoding="utf-8")
        terminal = Terminal([WIZARD, ANSWERS_FILE], workdir)
        try:
            wizard_first = len(terminal.step(expect=scenario.question_text.encode()))
            wizard_move = len(terminal.step(DOWN))
            wizard_next = len(terminal.step(ENTER, expect=scenario.next_text.encode()))
        finally:
            terminal.close()
        (workdir / FINISHED_FILE).write_bytes(finished.path.read_bytes())
        terminal = Terminal([WIZARD, FINISHED_FILE], workdir)
        try:
            summary_open = len(terminal.step(expect=SUMMARY_TEXTS[0].encode()))
            terminal.step(CTRL_P, expect=finished.last_question.encode())
            summary_key = len(terminal.step(CTRL_N, expect=SUMMARY_TEXTS[0].encode()))
        finally:
            terminal.close()
        runs.append(
            WireCounts(minimal_first, minimal_move, wizard_first, wizard_move, wizard_next, summary_open, summary_key)
        )
    return WireCounts(*(max(getattr(run, name) for run in runs) for name in WireCounts.__dataclass_fields__))
