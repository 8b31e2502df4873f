"""What one save costs: the answers file edited in place (our scanner) against tomlkit, and a full rewrite.

    .venv/bin/python -m bench.save_cost [--rounds 200]

For each example file one answer is changed and the new text made three ways:
``dumps_answers`` alone (the old save: the leader's edits are lost), ``edited_answers_text``
(what ``save_answers`` does now: the old file scanned, only the changed answer spliced in),
and tomlkit (parse the old file into tomlkit's document, set the value, write it back),
when tomlkit is installed (it is not a dependency; ``pip install tomlkit`` to compare).
Each figure is the median time for one save's text, without the disk.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from flows import default_flow
from outputs.answers import dumps_answers, edited_answers_text, load_answers

ROOT = Path(__file__).resolve().parents[1]
CHANGED = ("om-teknologien", "navn", "Et nyt navn")


def median_ms(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    try:
        import tomlkit
    except ImportError:
        tomlkit = None
    flow = default_flow()
    table, key, value = CHANGED
    print(f"{'fil':45} {'kB':>5} {'dumps':>8} {'rettet':>8} {'tomlkit':>8}  (ms pr. gemning, median)")
    for example in sorted((ROOT / "examples").glob("*.toml")):
        old = example.read_text(encoding="utf-8")
        answers = load_answers(example, flow)
        changed = dataclasses.replace(answers, values={**answers.values, key: value})

        def dumps_only(changed=changed) -> str:
            return dumps_answers(flow, changed)

        def edited(old=old, changed=changed) -> str:
            return edited_answers_text(old, dumps_answers(flow, changed), flow)

        def with_tomlkit(old=old) -> str:
            document = tomlkit.parse(old)
            document[table][key] = value
            return tomlkit.dumps(document)

        figures = [median_ms(dumps_only, args.rounds), median_ms(edited, args.rounds)]
        figures.append(median_ms(with_tomlkit, args.rounds) if tomlkit else float("nan"))
        size = len(old.encode("utf-8")) / 1024
        print(f"{example.name:45} {size:5.1f} " + " ".join(f"{figure:8.2f}" for figure in figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
