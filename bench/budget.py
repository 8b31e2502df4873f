"""The budget table: each figure beside its baseline from the same run, the ratio, the budget, OK or OVER.

Pure: no measuring here, so the arithmetic and the verdicts are tested without a stopwatch
(tests/bench/test_budget.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

OK, OVER = "OK", "OVER"


@dataclass(frozen=True)
class Figure:
    """One measured figure. With a baseline the budget is a ratio (figure / baseline at most
    ``budget``); without one it is a limit on the figure itself (at most ``budget``, in ``unit``)."""

    name: str
    value: float
    unit: str
    budget: float
    baseline: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None:
            return None
        return self.value / self.baseline if self.baseline > 0 else float("inf")

    @property
    def within(self) -> bool:
        measured = self.value if self.ratio is None else self.ratio
        return measured <= self.budget

    @property
    def verdict(self) -> str:
        return OK if self.within else OVER


@dataclass(frozen=True)
class Check:
    """A yes/no condition of the budget, e.g. "no Textual module loaded"."""

    name: str
    holds: bool
    detail: str = ""

    @property
    def verdict(self) -> str:
        return OK if self.holds else OVER


def amount(value: float, unit: str) -> str:
    if unit == "ms":
        if value < 1:
            return f"{value:.3f} ms"
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "%":
        return f"{value:.2f} %"
    return f"{value:g} {unit}"


def table(rows: Sequence[Figure | Check]) -> str:
    """The table as printed: a header, then one line per figure or check."""
    header = ("måling", "guiden", "basislinje", "forhold", "budget", "")
    lines: list[tuple[str, ...]] = [header]
    for row in rows:
        if isinstance(row, Check):
            lines.append((row.name, row.detail, "", "", "", row.verdict))
            continue
        if row.ratio is None:
            budget = f"≤ {amount(row.budget, row.unit)}"
            lines.append((row.name, amount(row.value, row.unit), "", "", budget, row.verdict))
        else:
            baseline = amount(row.baseline or 0.0, row.unit)
            budget = f"≤ {row.budget:g}×"
            lines.append((row.name, amount(row.value, row.unit), baseline, f"{row.ratio:.2f}×", budget, row.verdict))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    text = []
    for line in lines:
        cells = [line[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
        text.append("  ".join(cells).rstrip())
    return "\n".join(text)


def all_within(rows: Sequence[Figure | Check]) -> bool:
    return all(row.verdict == OK for row in rows)
