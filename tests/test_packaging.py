"""The wheel carries the flow data and the style sheet, and installs the ``wizard`` command."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_ships_the_flow_and_the_style_sheet(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(name for name in names if name.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert {"flows/kerneopgave.toml", "wizard/app.tcss", "flows/engine.py", "outputs/markdown.py"} <= names
    assert {"kerneopgave_docs/answers-format.md", "kerneopgave_docs/flow-format.md"} <= names  # wizard help
    assert "wizard = wizard.startup:main" in scripts
    assert not any(name.startswith("tests/") for name in names)


def test_python_dash_m_wizard_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "flows"], capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr
    assert "kerneopgave" in result.stdout
