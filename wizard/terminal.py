"""What the wizard needs from the terminal: that there is one, and what to do when it goes away.

A leader's SSH connection can drop at any moment. The kernel then sends SIGHUP;
the wizard saves, lets go of the answers file and leaves. Restoring the screen
needs the terminal that just vanished, so a watchdog ends the process if the
orderly exit hangs on it: no process is left behind on the shared server.
"""

from __future__ import annotations

import asyncio
import os
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
    """Call ``callback`` in the event loop when the terminal hangs up or the process is asked to stop."""
    loop = asyncio.get_running_loop()
    for number in HANGUP_SIGNALS:
        loop.add_signal_handler(number, callback)


def forget_hangup() -> None:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    for number in HANGUP_SIGNALS:
        loop.remove_signal_handler(number)


def leave_soon(timeout: float = LEAVE_TIMEOUT) -> None:
    """End the process after ``timeout`` seconds unless it has ended by itself by then."""

    def leave() -> None:
        os._exit(0)

    timer = threading.Timer(timeout, leave)
    timer.daemon = True
    timer.start()
