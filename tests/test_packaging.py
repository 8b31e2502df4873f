"""The wheel carries the flow data and the style sheet, and installs the ``wizard`` command."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# What a copy of the source needs to build; the copy keeps setuptools' build/ and egg-info out of the checkout.
_NOT_SOURCE = shutil.ignore_patterns(".*", "node_modules", "build", "*.egg-info", "__pycache__", "tests", "bench")


def _python_packages(top: str) -> set[str]:
    return {init.parent.relative_to(ROOT).as_posix() for init in (ROOT / top).rglob("__init__.py")}


def test_the_wheel_ships_the_flow_and_the_style_sheet(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(source)],
        check=True,
        capture_output=True,
    )
    [wheel] = wheels.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(name for name in names if name.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert {"flows/kerneopgave.toml", "wizard/app.tcss", "flows/engine.py", "outputs/note/markdown.py"} <= names
    assert {"kerneopgave_docs/answers-format.md", "kerneopgave_docs/flow-format.md"} <= names  # wizard help
    assert "wizard = wizard.startup:main" in scripts
    assert not any(name.startswith("tests/") for name in names)
    # Every package of the three layers is shipped (a new sub-package is easy to forget in pyproject.toml) ...
    shipped = {name.rsplit("/", 1)[0] for name in names if name.endswith("/__init__.py")}
    assert _python_packages("flows") | _python_packages("outputs") | _python_packages("wizard") <= shipped
    # ... and the repository's own generators of docs/ and examples/ are not.
    assert not any(name.startswith("tools/") for name in names)


def test_python_dash_m_wizard_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "flows"], capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr
    assert "kerneopgave" in result.stdout
