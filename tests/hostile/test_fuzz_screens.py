"""Broken answers files opened in the screens: never opened, a clear located message in Danish,
no traceback, the file byte for byte as it was, and no lock or temporary file left behind
(issue 6: bad files, found by a fuzzer).

Two ways in, as a leader has them: ``wizard FILE`` (the command line; the screens themselves
are replaced by a stand-in that records what was opened, since a test has no terminal), and
the start screen (Pilot), where the leader names the file and presses Enter.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import re
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, example, given, settings

from flows import default_flow
from outputs.answers.file import check_answers_bytes
from tests.hostile.mutations import mutated
from tests.hostile.test_fuzz_headless import BASE, LOCATED
from wizard import cli, terminal
from wizard.app import WizardApp
from wizard.screens.prepare import PrepareScreen
from wizard.screens.start import StartScreen

FLOW = default_flow()
NOT_OPENED = "har fejl og er ikke åbnet (den er ikke ændret)"
# What must never reach the leader's terminal from a file: C0 controls but tab and newline, DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]

# Found by the headless fuzzer: a file cut off just after a "[" (a table header never begun).
CUT_AFTER_BRACKET = BASE[: BASE.index(b"\n[", BASE.index(b"[om-teknologien]")) + 2]


def expected_problems(content: bytes, path: Path) -> list[str] | None:
    """The located errors ``check`` finds in ``content``; None when the file has no error."""
    answers, problems = check_answers_bytes(content, FLOW, str(path))
    return None if answers is not None else [problem.render() for problem in problems if problem.is_error]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_from_command_line(path: Path) -> tuple[int, str, list[object]]:
    """``wizard FILE`` as in a terminal; returns the exit code, stderr, and what the screens were given."""
    opened: list[object] = []

    def screens_instead(app: WizardApp) -> None:
        opened.append(app.preparation)

    err = io.StringIO()
    with (
        mock.patch.object(cli, "_is_terminal", lambda: True),
        mock.patch.object(terminal, "refusal", lambda: None),
        mock.patch.object(WizardApp, "run", screens_instead),
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(err),
    ):
        code = cli.main([str(path)])
    return code, err.getvalue(), opened


@settings(max_examples=120, deadline=None, suppress_health_check=SLOW_IS_FINE)
@given(mutated(BASE))
@example(CUT_AFTER_BRACKET)
@example(BASE + b"\n[triage]\nglider-ind = " + b"[" * 5000 + b"]" * 5000)
@example(BASE.replace("Skærmbesøg".encode(), "Skærmbesøg".encode("latin-1")))
@example(BASE.replace(b'"ja"', b'"\\u001b]52;c;aGVq\\u0007"', 1))
def test_wizard_file_never_opens_a_broken_file(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.toml"
        path.write_bytes(content)
        before = digest(path)
        problems = expected_problems(content, path)
        code, err, opened = open_from_command_line(path)
        assert "Traceback" not in err
        assert not RAW_CONTROL.search(err), err[:500]
        if problems is None:
            assert len(opened) == 1, err[:500]  # a file without errors opens
        else:
            assert code == 1 and opened == []
            assert NOT_OPENED in err and LOCATED.search(err), err[:500]
            for problem in problems:
                assert problem in err  # every error, as ``check`` words it
        assert digest(path) == before
        assert sorted(p.name for p in Path(folder).iterdir()) == ["svar.toml"]  # no lock, no temporary file


def open_on_the_start_screen(path: Path) -> tuple[type, str]:
    """The leader presses Enter on the start screen with ``path`` filled in; the screen and its message."""

    async def scenario() -> tuple[type, str]:
        app = WizardApp(FLOW, default_path=path, text_save_delay=0.05)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            screen = type(app.screen)
            message = str(app.screen.query_one("#start-message").render()) if screen is StartScreen else ""
            await pilot.press("ctrl+q")
            await pilot.pause()
        return screen, message

    return asyncio.run(scenario())


@settings(max_examples=12, deadline=None, suppress_health_check=SLOW_IS_FINE)
@given(mutated(BASE))
@example(CUT_AFTER_BRACKET)
@example(b"\xff\xfe" + BASE)
@example(BASE.replace(b'"ja"', b'"\\u001b[2J\\u001b[H\\u009b31m"', 1))
def test_the_start_screen_never_opens_a_broken_file(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.toml"
        path.write_bytes(content)
        before = digest(path)
        problems = expected_problems(content, path)
        screen, message = open_on_the_start_screen(path)
        if problems is None:
            assert screen is PrepareScreen
        else:
            assert screen is StartScreen, "a file with errors was opened"
            assert NOT_OPENED in message and LOCATED.search(message), message[:500]
            assert problems[0] in message  # the first error, located, is on the screen
            assert "Traceback" not in message
        assert digest(path) == before
        assert sorted(p.name for p in Path(folder).iterdir()) == ["svar.toml"]
