"""docs/reliability.md lists no promise without a test behind it, and names only tests that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "reliability.md"
REFERENCE = re.compile(r"`((?:tests/[\w/]+\.py)?)(?:::(\w+))?`")


def promise_rows() -> list[str]:
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    return [row for row in rows if not row.startswith("| trussel") and not row.startswith("| ---")]


def test_every_promise_names_a_test():
    rows = promise_rows()
    assert len(rows) >= 15
    for row in rows:
        test_cell = row.rstrip(" |").rsplit(" | ", 1)[1]
        assert "tests/" in test_cell, f"a promise without a test: {row}"


def test_every_named_test_exists():
    for row in promise_rows():
        current: Path | None = None
        for path, name in REFERENCE.findall(row):
            if path:
                current = ROOT / path
                assert current.is_file(), path
            if name:
                assert current is not None, row
                assert re.search(rf"^(async )?def {name}\(", current.read_text(encoding="utf-8"), re.MULTILINE), (
                    f"{current.relative_to(ROOT)}::{name} does not exist"
                )
