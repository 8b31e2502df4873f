"""What the wizard needs from the terminal: that there is one, and what to do when it goes away.

A leader's SSH connection can drop at any moment. The wizard then saves, lets go
of the answers file and leaves. Restoring the screen needs the terminal that just
vanished, so a watchdog ends the process if the orderly exit hangs on it: no
process is left behind on the shared server.

How the wizard learns that the terminal is gone: the kernel sends SIGHUP to the
session leader only. Run directly in the shell of an SSH login, the wizard gets
it (the shell passes it on, or the wizard is the leader itself). Started through
``setsid`` (its own session) or ``su USER -c`` (su stays the leader and does not
pass SIGHUP on), nothing signals it: its terminal is simply hung up. Textual's
input thread then reads end-of-file in a tight loop (the hung-up terminal is
always "ready"), and the process spun at a whole core for as long as nobody
killed it, holding its lock. So a small thread also waits on the terminal itself
for POLLHUP (``poll`` reports it without being asked, and waits without using
the processor until then), and hangs up the same way as on SIGHUP.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys
import threading
from collections.abc import Callable

HEADLESS_COMMANDS = ("check", "status", "export", "template", "flows")
HANGUP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
LEAVE_TIMEOUT = 3.0  # seconds the orderly exit may take after a hang-up


def refusal() -> str | None:
    """A Danish message when stdin or stdout is not a terminal; None when the wizard can start."""
    if sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty():
        return None
    commands = ", ".join(f"wizard {name}" for name in HEADLESS_COMMANDS)
    return (
        "Guiden skal køres i en terminal, og her er ingen terminal (input eller output er omdirigeret).\n"
        f"Uden terminal kan du bruge kommandoerne {commands}. Se wizard --help."
    )


def on_hangup(callback: Callable[[], None]) -> None:
    """Call ``callback`` in the event loop when the terminal hangs up or the process is asked to stop.

    Only the first of several hang-up notices (a signal and POLLHUP) calls it.
    """
    global _watch
    loop = asyncio.get_running_loop()
    called = threading.Event()

    def once() -> None:
        if not called.is_set():
            called.set()
            callback()

    for number in HANGUP_SIGNALS:
        loop.add_signal_handler(number, once)
    if _watch is None:
        _watch = TerminalWatch(terminal_descriptors(), lambda: loop.call_soon_threadsafe(once))
        _watch.start()


def forget_hangup() -> None:
    global _watch
    if _watch is not None:
        _watch.stop()
        _watch = None
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    for number in HANGUP_SIGNALS:
        loop.remove_signal_handler(number)


def terminal_descriptors() -> list[int]:
    """The standard streams that are terminals (the screens read stdin and write to stderr)."""
    return [fd for fd in (0, 1, 2) if _is_terminal(fd)]


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


class TerminalWatch(threading.Thread):
    """Waits, asleep, until one of the terminal descriptors hangs up; then calls ``hung_up`` once and ends.

    If the process has not ended ``LEAVE_TIMEOUT`` + 1 seconds later (its event loop stuck on
    the dead terminal, so the orderly hang-up never ran), it ends it: never a spinning orphan.
    """

    def __init__(self, descriptors: list[int], hung_up: Callable[[], object]) -> None:
        super().__init__(name="wizard-terminal-watch", daemon=True)
        self._descriptors = descriptors
        self._hung_up = hung_up
        self._wake_read, self._wake_write = os.pipe()

    def run(self) -> None:
        poller = select.poll()
        for fd in self._descriptors:
            poller.register(fd, 0)  # no events asked for: poll still reports POLLHUP, POLLERR and POLLNVAL
        poller.register(self._wake_read, select.POLLIN)
        while True:
            try:
                events = poller.poll()
            except InterruptedError:  # pragma: no cover - Python retries poll itself (PEP 475)
                continue
            if any(fd == self._wake_read for fd, _ in events):
                os.close(self._wake_read)
                return  # the wizard ended by itself
            if events:
                break
        self._hung_up()
        leave_soon(LEAVE_TIMEOUT + 1)

    def stop(self) -> None:
        """Let the thread end (the wizard is leaving the normal way)."""
        try:
            os.write(self._wake_write, b"x")
            os.close(self._wake_write)
        except OSError:
            pass


_watch: TerminalWatch | None = None


def leave_soon(timeout: float = LEAVE_TIMEOUT) -> None:
    """End the process after ``timeout`` seconds unless it has ended by itself by then."""

    def leave() -> None:
        os._exit(0)

    timer = threading.Timer(timeout, leave)
    timer.daemon = True
    timer.start()
