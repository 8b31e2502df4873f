"""The session model (one answers file being filled in) works without Textual: the plain mode needs it."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> str:
    probe = f"import sys; {statement}; print(sorted({{m.split('.')[0] for m in sys.modules}} & {{'textual', 'rich'}}))"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()


def test_importing_the_session_loads_no_textual():
    assert _modules_after("import wizard.session") == "[]"


def test_the_probe_sees_textual_when_it_is_loaded():
    assert "textual" in _modules_after("import wizard.app")


def test_the_names_the_screens_used_to_give_are_still_there():
    from wizard import app, session

    assert app.Preparation is session.Preparation
    assert app.OpenError is session.OpenError
    assert app.open_preparation is session.open_preparation
