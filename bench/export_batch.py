"""Scale of the export: ``wizard export --out-dir`` over 1,000 answers files in one process.

Budget (issue 20): the cost per file is at most 1.6 times the floor: reading the same
files with ``tomllib`` and writing the same number of bytes per file, in one process,
in the same run. Both are whole processes (``python -m wizard export ...`` and a small
script); the cost per file is what the 1,000-file run costs beyond a 1-file run, divided
by 999, so neither start-up counts. Not a unit test: run it by hand, or ``python -m bench``.

    .venv/bin/python -m bench.export_batch [--files 1000] [--rounds 3]

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

BUDGET = 1.6

# The floor: read each answers file with tomllib, write as many bytes as its note has.
FLOOR = """
import sys, tomllib
from pathlib import Path
pairs = sys.argv[1:]
for source, size, target in zip(pairs[0::3], pairs[1::3], pairs[2::3]):
    with open(source, "rb") as file:
        tomllib.load(file)
    Path(target).write_bytes(b"x" * int(size))
"""
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


def timed_floor(files: list[Path], sizes: dict[str, int], out_dir: Path) -> float:
    """Seconds for one process that reads ``files`` with tomllib and writes the notes' sizes."""
    out_dir.mkdir()
    arguments = []
    for path in files:
        arguments += [str(path), str(sizes[path.stem]), str(out_dir / f"{path.stem}.md")]
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, *arguments], check=True, cwd=ROOT)
    return time.perf_counter() - start


def measure(files: int = 1000, rounds: int = 3) -> tuple[float, float]:
    """Median seconds per file beyond start-up: the export's and the floor's, alternated ``rounds`` times."""
    with tempfile.TemporaryDirectory(prefix="export-batch-") as temp:
        folder = Path(temp)
        (folder / "svar").mkdir()
        paths = make_answers_files(folder / "svar", files)
        timed_export(paths, folder / "opvarmning")  # caches, bytecode; and the notes' sizes for the floor
        sizes = {note.stem: note.stat().st_size for note in (folder / "opvarmning").glob("*.md")}
        exports, floors = [], []
        for number in range(rounds):
            one = timed_export(paths[:1], folder / f"en-{number}")
            everything = timed_export(paths, folder / f"alle-{number}")
            exports.append((everything - one) / (files - 1))
            one = timed_floor(paths[:1], sizes, folder / f"gulv-en-{number}")
            everything = timed_floor(paths, sizes, folder / f"gulv-alle-{number}")
            floors.append((everything - one) / (files - 1))
    return statistics.median(exports), statistics.median(floors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="antal svarfiler i den store kørsel")
    parser.add_argument("--rounds", type=int, default=3, help="gentagelser; medianen tæller")
    args = parser.parse_args(argv)
    export, floor = measure(args.files, args.rounds)
    ratio = export / floor
    print(f"Eksport, pr. fil i en kørsel med {args.files}:     {export * 1000:6.2f} ms")
    print(f"Gulv (tomllib + samme antal bytes), pr. fil: {floor * 1000:6.2f} ms")
    verdict = "inden for budgettet" if ratio <= BUDGET else "OVER budgettet"
    print(f"Forhold: {ratio:.2f}× (budget {BUDGET:g}×): {verdict}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
