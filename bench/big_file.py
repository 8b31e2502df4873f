"""check, status and export of a 2.4 MB answers file with 200,000 unknown keys: within 5 s each.

    .venv/bin/python -m bench.big_file [--keys 200000] [--budget 5]

Such a file (a pasted export, a generated file) used to cost time that grew with the square
of its keys (5,000 keys 3.8 s, 200,000 over 11 minutes). Each command is run as a whole
process; the exit code is 0 when all three are within the budget, 1 otherwise.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WIZARD = str(Path(sys.executable).with_name("wizard"))
HEAD = '[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "1.0"\n\n[om-teknologien]\nnavn = "x"\n'


def big_file(folder: Path, keys: int) -> Path:
    path = folder / "stor.toml"
    path.write_text(HEAD + "".join(f"k{index:06d} = 1\n" for index in range(keys)), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200_000)
    parser.add_argument("--budget", type=float, default=5.0, help="sekunder pr. kommando")
    args = parser.parse_args(argv)
    within = True
    with tempfile.TemporaryDirectory() as folder:
        path = big_file(Path(folder), args.keys)
        print(f"{path.stat().st_size / 1e6:.1f} MB, {args.keys} ukendte nøgler")
        for command in ("check", "status", "export"):
            start = time.perf_counter()
            result = subprocess.run([WIZARD, command, str(path)], capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            last = (result.stdout + result.stderr).strip().splitlines()[-1]
            verdict = "OK" if seconds <= args.budget else "OVER"
            within &= seconds <= args.budget
            print(f"{command:7} {seconds:5.2f} s  {verdict}  (kode {result.returncode}; {last[:70]})")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
