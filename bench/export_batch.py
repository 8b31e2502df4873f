"""Scale of the export: ``wizard export --out-dir`` over 1,000 answers files in one process.

Budget (issue 4): exporting 1,000 files in one process costs at most 10 times
one single export. Both are timed in the same run, as whole processes from
start to exit (``python -m wizard export ...``), so the figures include start-up
and the ratio holds on a noisy machine. Not a unit test: run it by hand.

    .venv/bin/python bench/export_batch.py [--files 1000] [--rounds 3]

The answers files are the examples in ``examples/``, copied round-robin with every
free text made different in each copy (name, descriptions, notes), so no note can
reuse work from an earlier one.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 10.0
ROOT = Path(__file__).resolve().parents[1]


def distinct(text: str, number: int) -> str:
    """The answers text with each free text marked with ``number`` (choices, which have no space, are left)."""
    text = re.sub(r'^([\w-]+ = ")([^"\n]* [^"\n]*)"$', rf'\1\2 (fil {number})"', text, flags=re.MULTILINE)
    return text.replace('= """\n', f'= """\nFil {number}: ')


def make_answers_files(folder: Path, count: int) -> list[Path]:
    examples = sorted((ROOT / "examples").glob("*.toml"))
    if not examples:
        raise SystemExit("Ingen eksempler i examples/*.toml at lave svarfiler af.")
    texts = [path.read_text(encoding="utf-8") for path in examples]
    paths = []
    for number in range(count):
        text = texts[number % len(texts)]
        text = distinct(text, number + 1)
        path = folder / f"svar-{number + 1:04d}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def timed_export(files: list[Path], out_dir: Path) -> float:
    """Seconds for one ``wizard export`` process, from start to exit."""
    command = [sys.executable, "-m", "wizard", "export", *map(str, files), "--out-dir", str(out_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"wizard export fejlede (kode {result.returncode}):\n{result.stderr[-2000:]}")
    written = len(list(out_dir.glob("*.md")))
    if written != len(files):
        raise SystemExit(f"wizard export skrev {written} noter, ikke {len(files)}.")
    return elapsed


def measure(files: int = 1000, rounds: int = 3) -> tuple[float, float]:
    """Median seconds for one export and for ``files`` exports in one process, alternated ``rounds`` times."""
    with tempfile.TemporaryDirectory(prefix="export-batch-") as temp:
        folder = Path(temp)
        (folder / "svar").mkdir()
        paths = make_answers_files(folder / "svar", files)
        singles, batches = [], []
        for round_number in range(rounds):
            singles.append(timed_export(paths[:1], folder / f"en-{round_number}"))
            batches.append(timed_export(paths, folder / f"alle-{round_number}"))
    return statistics.median(singles), statistics.median(batches)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="antal svarfiler i den store kørsel")
    parser.add_argument("--rounds", type=int, default=3, help="gentagelser; medianen tæller")
    args = parser.parse_args(argv)
    single, batch = measure(args.files, args.rounds)
    ratio = batch / single
    print(f"Én eksport (hele processen):       {single * 1000:8.0f} ms")
    per_file = batch / args.files * 1000
    print(f"{args.files} eksporter i én proces:    {batch * 1000:8.0f} ms  ({per_file:.1f} ms pr. fil)")
    verdict = "inden for budgettet" if ratio <= BUDGET else "OVER budgettet"
    print(f"Forhold: {ratio:.1f}× (budget {BUDGET:.0f}×): {verdict}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
