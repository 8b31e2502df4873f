"""The ``wizard`` command pauses Python's garbage collector for start-up only (see wizard.startup)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ny-ovn-i-institutionskoekkenet.toml"


def test_a_headless_command_runs_with_the_collector_on():
    probe = (
        "import gc, sys, wizard.cli, wizard.startup\n"
        "seen = []\n"
        "real_check = wizard.cli._cmd_check\n"
        "wizard.cli._cmd_check = lambda *a: seen.append(gc.isenabled()) or real_check(*a)\n"
        f"sys.argv = ['wizard', 'check', {str(EXAMPLE)!r}]\n"
        "code = wizard.startup.main()\n"
        "print(code, seen)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines()[-1] == "0 [True]"


def test_the_screens_turn_the_collector_back_on_once_the_first_screen_is_drawn(tmp_path):
    import asyncio
    import gc

    from tests.wizard.test_app import SIZE, new_app
    from wizard import collector

    async def scenario():
        app = new_app(tmp_path / "svar.toml")
        collector.pause_collector()
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                return gc.isenabled()
        finally:
            collector.resume_collector()  # whatever happened, the test process gets its collector back
            gc.unfreeze()  # and nothing of it stays frozen for the tests after this one

    assert asyncio.run(scenario()) is True


def test_the_screens_load_textuals_text_area_only_when_a_text_field_is_shown():
    probe = (
        "import sys, wizard.app, wizard.screens.prepare, wizard.screens.start\n"
        "print(any(name.startswith('textual.widgets._text_area') for name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
