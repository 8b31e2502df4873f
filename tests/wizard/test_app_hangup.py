"""A dropped connection: the terminal hangs up (SIGHUP) while the leader is typing.

The wizard runs in a real pseudo-terminal as its controlling terminal. Text answers are
normally written after a pause in typing; here that pause is set to a minute, so the
typed text can only reach the file through the hang-up handler.
"""

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

from flows import default_flow
from outputs.answers.file import load_answers

SCRIPT = """
from pathlib import Path
import flows
from wizard.app import WizardApp, open_preparation
flow = flows.default_flow()
preparation = open_preparation(Path("forberedelse.toml"), flow)
app = WizardApp(flow, preparation=preparation, handle_signals=True, text_save_delay=60)
app.run()
raise SystemExit(app.return_code)
"""


def _take_terminal() -> None:
    """In the child, after setsid: make the pseudo-terminal its controlling terminal, like a login."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def test_hangup_saves_what_was_typed_releases_the_file_and_exits(tmp_path):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x18\x00\x50\x00\x00\x00\x00\x00")  # 24 rows, 80 columns
    env = {**os.environ, "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp_path,
        env=env,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        preexec_fn=_take_terminal,
    )
    os.close(slave)
    seen = bytearray()
    stop_reading = threading.Event()

    def drain() -> None:  # the screen must be read, or the wizard blocks writing to it
        # Never block in read(): a read in progress keeps the terminal open after
        # close() below, and then the kernel sends no hang-up at all.
        while not stop_reading.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()

    def wait_for(text: bytes) -> None:
        deadline = time.monotonic() + 20
        while text not in seen:
            assert time.monotonic() < deadline, f"{text!r} never appeared"
            assert process.poll() is None, "the wizard stopped early"
            time.sleep(0.05)

    try:
        wait_for(b"Hvad hedder teknologien")
        os.write(master, b"Hjemmepleje")
        wait_for(b"Hjemmepleje")
        assert not (tmp_path / "forberedelse.toml").exists()  # not yet saved: the typing pause is long
        stop_reading.set()
        reader.join(timeout=5)
        os.close(master)  # the terminal goes away: the kernel sends SIGHUP
        master = -1
        returncode = process.wait(timeout=20)
    finally:
        if master >= 0:
            os.close(master)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert returncode == 0
    answers = load_answers(Path(tmp_path / "forberedelse.toml"), default_flow())
    assert answers.values == {"navn": "Hjemmepleje"}
    assert not (tmp_path / ".forberedelse.toml.lock").exists()
