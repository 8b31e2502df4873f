"""The shared-server benchmarks run (no timings asserted; they are run by hand: python -m bench.big_file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import big_file, save_cost


def test_the_big_file_has_the_size_the_budget_is_about(tmp_path: Path) -> None:
    path = big_file.big_file(tmp_path, 200_000)
    assert 2_300_000 < path.stat().st_size < 2_500_000


def test_the_save_cost_comparison_runs_and_prints_a_row_per_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert save_cost.main(["--rounds", "1"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 1 + len(list((Path(save_cost.ROOT) / "examples").glob("*.toml")))
