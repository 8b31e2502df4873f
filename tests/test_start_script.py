"""``./start`` says its steps in Danish while it installs, names the parts pip fetches, and fails clearly.

The real installation (a venv, pip, the network) takes seconds to minutes; here ``python3`` on
PATH is a stand-in that makes a venv whose ``pip`` prints what pip prints and whose ``wizard``
says what it was given, so the script's own work is what is tested. The script is run from a
copy of the clone's ``start`` and ``pyproject.toml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FAKE_PYTHON = """#!/bin/sh
# python3 -m venv [--without-pip] DIR | python3 -m pip --python PY install ... | python3 -m pip --version
if [ "$1 $2" = "-m venv" ]; then
    shift 2
    [ "$1" = "--without-pip" ] && shift
    mkdir -p "$1/bin"
    cat > "$1/bin/pip" <<'PIP'
#!/bin/sh
echo "Collecting textual==8.2.8 (from kerneopgave-wizard==0.1.0)"
echo "Processing /opt/pypi/files/rich-15.0.0-py3-none-any.whl (from textual==8.2.8)"
echo "Installing collected packages: rich, textual"
[ -n "$FAIL_PIP" ] && { echo "ERROR: No matching distribution found for textual"; exit 1; }
here=$(dirname "$0")
printf '#!/bin/sh\\necho "guiden fik: $*"\\nexit 7\\n' > "$here/wizard"
chmod +x "$here/wizard"
PIP
    chmod +x "$1/bin/pip"
    exit 0
fi
if [ "$1 $2" = "-m pip" ]; then
    exit 0
fi
exit 1
"""


def run_start(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clone = tmp_path / "klon"
    if not clone.exists():  # (copied again, pyproject.toml would be newer than the installation)
        clone.mkdir()
        shutil.copy(ROOT / "start", clone / "start")
        shutil.copy(ROOT / "pyproject.toml", clone / "pyproject.toml")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "python3").write_text(FAKE_PYTHON)
    (bin_dir / "python3").chmod(0o755)
    path = f"{bin_dir}:/usr/bin:/bin"
    return subprocess.run(
        ["sh", str(clone / "start"), "svar.toml"],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path, **env},
        timeout=30,
    )


def test_the_first_start_says_each_step_and_names_the_parts_then_starts_the_guide(tmp_path: Path) -> None:
    result = run_start(tmp_path)
    assert result.returncode == 7, result.stderr  # the guide's own exit code
    assert result.stdout.strip() == "guiden fik: svar.toml"
    said = result.stderr.splitlines()
    assert said[0] == "Guiden gøres klar til første start (det sker kun én gang) ..."
    assert any(line.startswith("  1/3 Opretter et Python-miljø") for line in said)
    assert "  2/3 Henter installationsværktøjet pip" in said
    assert "  3/3 Henter og installerer guiden og de programdele, den bygger på:" in said
    assert "        textual" in said and "        rich" in said  # each part by its name, no version
    assert said[-1].startswith("Klar efter ") and said[-1].endswith(" sekunder. Guiden starter.")


def test_a_second_start_installs_nothing(tmp_path: Path) -> None:
    run_start(tmp_path)
    again = run_start(tmp_path)
    assert again.returncode == 7 and again.stderr == ""


def test_a_failed_installation_shows_pips_words_and_says_what_to_do(tmp_path: Path) -> None:
    result = run_start(tmp_path, FAIL_PIP="1")
    assert result.returncode == 1
    assert "ERROR: No matching distribution found for textual" in result.stderr
    assert result.stderr.rstrip().endswith(
        "Installationen mislykkedes; se beskederne ovenfor. Prøv igen med ./start, når fejlen er rettet."
    )
    assert not (tmp_path / "klon" / ".venv" / ".installed").exists()  # the next ./start tries again
