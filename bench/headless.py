"""The headless figures: ``wizard export`` as a whole process against importing pydantic, and
which headless commands load Textual (none may)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
WIZARD = str(Path(sys.executable).with_name("wizard"))
EXAMPLE = ROOT / "examples" / "skaermbesoeg-i-hjemmeplejen.toml"
PYDANTIC = [PYTHON, "-c", "from pydantic import BaseModel"]
FLOW_ONLY = [PYTHON, "-c", "import flows; flows.default_flow()"]

# Runs one command line in a fresh interpreter and writes which Textual modules it loaded.
PROBE = """
import json, os, sys
from wizard.cli import main
code = main(sys.argv[1:])
loaded = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
with open(os.environ["BENCH_PROBE_OUT"], "w") as out:
    json.dump({"code": code, "textual": loaded}, out)
"""


def timed(command: list[str]) -> float:
    """Seconds from start to exit of one process."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        text = result.stderr.decode(errors="replace")
        raise RuntimeError(f"{' '.join(command)} sluttede med kode {result.returncode}:\n{text[-2000:]}")
    return elapsed


def export_against_pydantic(rounds: int) -> dict[str, float]:
    """Median seconds of alternated runs: the export, the pydantic import, and (for orientation)
    the flow alone and an empty interpreter."""
    runs: dict[str, list[float]] = {"export": [], "pydantic": [], "flow": [], "python": []}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as temp:
        export = [WIZARD, "export", str(EXAMPLE), "-o", str(Path(temp) / "note.md")]
        commands = {"export": export, "pydantic": PYDANTIC, "flow": FLOW_ONLY, "python": [PYTHON, "-c", "pass"]}
        for command in commands.values():  # warm-up: caches, bytecode
            timed(command)
        for number in range(rounds):
            order = list(commands.items())
            for name, command in order if number % 2 == 0 else reversed(order):
                runs[name].append(timed(command))
    return {name: statistics.median(values) for name, values in runs.items()}


def peak_megabytes(code: str) -> float:
    """VmHWM of a fresh interpreter after running ``code``: read by the process itself from /proc,
    because a child's ru_maxrss also counts the parent it was forked from."""
    probe = f"{code}\nimport re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
    result = subprocess.run([PYTHON, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(result.stdout.split()[-1]) / 1024


def textual_loaded_by_headless_commands() -> dict[str, list[str]]:
    """For each headless command line: the Textual modules it loaded (should be none)."""
    example = str(EXAMPLE)
    with tempfile.TemporaryDirectory(prefix="bench-probe-") as temp:
        out = Path(temp)
        commands = {
            "check": ["check", example],
            "status": ["status", example],
            "status --json": ["status", "--json", example],
            "template": ["template", "-o", str(out / "skabelon.toml")],
            "export": ["export", example, "-o", str(out / "note.md")],
            "export --out-dir": ["export", example, "--out-dir", str(out / "noter")],
            "flows": ["flows"],
            "flows --catalogue": ["flows", "--catalogue"],
        }
        loaded: dict[str, list[str]] = {}
        for name, arguments in commands.items():
            result_file = out / "probe.json"
            env = {**os.environ, "BENCH_PROBE_OUT": str(result_file)}
            subprocess.run(
                [PYTHON, "-c", PROBE, *arguments],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
            result = json.loads(result_file.read_text())
            if result["code"] != 0:
                raise RuntimeError(f"wizard {name} sluttede med kode {result['code']}")
            loaded[name] = result["textual"]
    return loaded
