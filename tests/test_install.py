"""Installed for everyone, as the README tells IT to (a venv, the command in a bin folder), and run
by another, unprivileged user; then the organisation's own flow through the small wrapper script.

The README's own blocks are run, with only the folders moved into a temporary one. The second
user is made with useradd, so this needs root (as in CI); as anyone else it is skipped and says why.
The system's Python is used (/usr/bin/python3), as on a server: another user cannot run a Python
that lives under /root.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = Path("/usr/bin/python3")


def readme_block(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split(f"<!-- {marker}: start -->", 1)[1].split(f"<!-- {marker}: slut -->", 1)[0]
    fenced = block.split("```", 2)[1]  # "sh\n...": the language, then the block
    return fenced.split("\n", 1)[1]


def moved(script: str, **folders: str) -> str:
    """The script with its folder variables (KILDE=..., GUIDE=..., BIN=...) set to ``folders``."""
    for name, value in folders.items():
        script, count = re.subn(rf"^{name}=\S+", f"{name}={value}", script, flags=re.MULTILINE)
        assert count == 1, f"{name}= is not in the README's script"
    return script


@pytest.fixture
def leader() -> Iterator[pwd.struct_passwd]:
    if os.geteuid() != 0:
        pytest.skip("kræver root for at installere for alle og oprette en anden bruger (testene kører som root i CI)")
    if shutil.which("useradd") is None:
        pytest.skip("useradd findes ikke på denne maskine")
    if not SYSTEM_PYTHON.exists() or subprocess.run([SYSTEM_PYTHON, "-c", "import venv, ensurepip"]).returncode:
        pytest.skip("serverens egen python3 med venv findes ikke (/usr/bin/python3)")
    version = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys; print(sys.version_info >= (3, 11))"], text=True, capture_output=True
    ).stdout.strip()
    if version != "True":
        pytest.skip("serverens python3 er ældre end 3.11")
    name = f"leder{os.getpid() % 100000}"
    subprocess.run(["useradd", "-M", "-N", "-g", "users", "-s", "/bin/sh", name], check=True)
    try:
        yield pwd.getpwnam(name)
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)


@pytest.fixture
def server() -> Iterator[Path]:
    """A folder other users can enter (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="kerneopgave-install-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_leader(leader: pwd.struct_passwd, home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "USER": leader.pw_name}
    return subprocess.run(
        list(argv),
        user=leader.pw_uid,
        group=leader.pw_gid,
        extra_groups=[],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_installed_for_everyone_and_run_by_another_user(leader: pwd.struct_passwd, server: Path) -> None:
    guide, bin_folder, home = server / "opt" / "kerneopgave-guiden", server / "bin", server / "home"
    bin_folder.mkdir()
    home.mkdir()
    os.chown(home, leader.pw_uid, leader.pw_gid)
    script = moved(readme_block("install"), KILDE=str(ROOT), GUIDE=str(guide), BIN=str(bin_folder))
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    installed = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=900, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    wizard = bin_folder / "wizard"
    assert wizard.is_symlink()

    version = as_leader(leader, home, str(wizard), "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("wizard 0.") and "forløb: kerneopgave version" in version.stdout
    assert "(indbygget)" in version.stdout

    made = as_leader(leader, home, str(wizard), "template", "-o", "svar.toml", "--data", "navn=Robot")
    assert made.returncode == 0, made.stderr
    assert (home / "svar.toml").stat().st_uid == leader.pw_uid
    checked = as_leader(leader, home, str(wizard), "check", "svar.toml")
    assert checked.returncode == 0 and "i orden" in checked.stdout, checked.stdout + checked.stderr

    # An upgrade in place: the answers file still works.
    script = moved(readme_block("opgradering"), KILDE=str(ROOT), GUIDE=str(guide))
    upgraded = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=900, env=env)
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    checked = as_leader(leader, home, str(wizard), "check", "svar.toml")
    assert checked.returncode == 0 and "i orden" in checked.stdout, checked.stdout + checked.stderr

    # The organisation's own flow, for every leader, through the wrapper script.
    own_flow = server / "etc" / "forloeb.toml"
    own_flow.parent.mkdir()
    shutil.copy(ROOT / "flows" / "kerneopgave.toml", own_flow)
    script = moved(readme_block("eget forløb"), GUIDE=str(guide), BIN=str(bin_folder), FORLOEB=str(own_flow))
    wrapped = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert wrapped.returncode == 0, wrapped.stderr
    assert not wizard.is_symlink()

    version = as_leader(leader, home, str(wizard), "--version")
    assert version.returncode == 0, version.stderr
    assert f"(fra {own_flow})" in version.stdout
    template = as_leader(leader, home, str(wizard), "template")
    assert template.returncode == 0 and template.stdout.startswith("# "), template.stderr
