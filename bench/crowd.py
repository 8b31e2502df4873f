"""A busy shared server: many sessions of the wizard at once, each in its own tmux window of 80x24.

Every session opens its own answers file on the benchmark's choice question and presses
Down and Up in turn, one key every ``PERIOD`` seconds, the sessions spread evenly over that
period (20 sessions: 50 keys a second in all, as 20 leaders reading and moving). A key's
time is from tmux taking it (``send-keys`` answered) until tmux receives the first output of
that session's window after it (control mode's ``%output``), so 20 windows are watched at
once without polling their screens. The baseline is the same for one session alone, in
the same run. Also: the resident memory of all sessions together, and their CPU use while
nobody presses anything.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shlex
import signal
import statistics
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.screens import ANSWERS_FILE, ENV, WIZARD, Scenario, cpu_seconds
from bench.tmux import TIMEOUT, TmuxError
from flows import default_flow

PERIOD = 0.4  # seconds between two keys of one session
SETTLE = 2.0  # seconds for all sessions to draw their first screen after the last has started


@dataclass(frozen=True)
class Crowd:
    p50_one: float
    p95_one: float
    p50_many: float
    p95_many: float
    memory_total: int  # kB, VmRSS of all sessions
    idle_percent: float  # percent of one core, all sessions together


class Windows:
    """One tmux server with a window per session, and a control client that sees every window's output."""

    def __init__(self, workdir: Path) -> None:
        self.socket = f"bench-crowd-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.workdir = workdir
        self._tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "crowd", "sleep", "86400")
        self._tmux("set-option", "-g", "default-size", "80x24")
        self.outputs: dict[str, list[float]] = {}  # pane id -> arrival times of its output
        self._replies: queue.Queue[str | Exception] = queue.Queue()
        self._client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "crowd", "-f", "ignore-size"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._replies.get(timeout=TIMEOUT)  # the attach answers with one block

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise TmuxError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def _read(self) -> None:
        assert self._client.stdout is not None
        block: list[str] | None = None
        for raw in self._client.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if block is not None:
                if line.startswith(("%end", "%error")):
                    text = "\n".join(block)
                    self._replies.put(text if line.startswith("%end") else TmuxError(text))
                    block = None
                else:
                    block.append(line)
            elif line.startswith("%begin"):
                block = []
            elif line.startswith("%output "):
                pane = line.split(" ", 2)[1]
                self.outputs.setdefault(pane, []).append(time.perf_counter())
        self._replies.put(TmuxError("tmux-klienten lukkede forbindelsen"))

    def command(self, *args: str) -> str:
        assert self._client.stdin is not None
        self._client.stdin.write((shlex.join(args) + "\n").encode())
        reply = self._replies.get(timeout=TIMEOUT)
        if isinstance(reply, Exception):
            raise reply
        return reply

    def open(self, name: str, argv: list[str]) -> tuple[str, int]:
        """A new window running ``argv``; its pane id and the program's pid."""
        settings = [f"{key}={value}" for key, value in ENV.items()]
        folder = self.workdir / name
        reply = self.command(
            "new-window", "-d", "-P", "-F", "#{pane_id} #{pane_pid}", "-t", "crowd", "-c", str(folder),
            "env", *settings, *argv,
        )  # fmt: skip
        pane, pid = reply.split()
        return pane, int(pid)

    def close(self) -> None:
        self._client.kill()
        self._client.wait()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def _first_output_after(times: list[float], moment: float) -> float | None:
    return next((when for when in list(times) if when > moment), None)


def _timed_keys(windows: Windows, panes: list[str], keys: int) -> list[float]:
    """Each pane presses ``keys`` keys, spread over PERIOD; seconds from each key to its window's output."""
    schedule = sorted(
        (number * PERIOD + index * PERIOD / len(panes), pane, number)
        for index, pane in enumerate(panes)
        for number in range(keys)
    )
    sent: list[tuple[str, float]] = []
    start = time.perf_counter()
    for at, pane, number in schedule:
        delay = start + at - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        windows.command("send-keys", "-t", pane, "Down" if number % 2 == 0 else "Up")
        sent.append((pane, time.perf_counter()))
    time.sleep(1.0)  # the last outputs arrive
    latencies = []
    for pane, moment in sent:
        arrived = _first_output_after(windows.outputs.get(pane, []), moment)
        if arrived is None:
            raise TmuxError(f"vinduet {pane} tegnede intet efter en tast")
        latencies.append(arrived - moment)
    return latencies


def _resident_kilobytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def measure(workdir: Path, sessions: int, keys: int, idle_seconds: float) -> Crowd:
    scenario = Scenario.build(default_flow())
    windows = Windows(workdir)
    pids: list[int] = []
    try:
        panes = []
        for number in range(sessions):
            name = f"leder-{number + 1:02d}"
            (workdir / name).mkdir()
            (workdir / name / ANSWERS_FILE).write_text(scenario.answers_text, encoding="utf-8")
            pane, pid = windows.open(name, [WIZARD, ANSWERS_FILE])
            panes.append(pane)
            pids.append(pid)
        time.sleep(SETTLE + sessions * 0.1)
        alone = _timed_keys(windows, panes[:1], keys * 2)
        together = _timed_keys(windows, panes, keys)
        memory = sum(_resident_kilobytes(pid) for pid in pids)
        before, began = sum(cpu_seconds(pid) for pid in pids), time.monotonic()
        time.sleep(idle_seconds)
        idle = (sum(cpu_seconds(pid) for pid in pids) - before) / (time.monotonic() - began) * 100
    finally:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)  # the wizard saves and ends
        windows.close()
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{pid}").exists() for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.05)  # nothing is left behind when this returns
    return Crowd(statistics.median(alone), p95(alone), statistics.median(together), p95(together), memory, idle)
