"""A problem found in a file, located and explained compiler-style.

``FILE:LINE:COL: fejl: what is wrong — what to do``: editors and CI systems can
jump to the place, and a leader reads a sentence, not a code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from outputs.reporting.terminal_safe import printable

Severity = Literal["fejl", "advarsel"]
ERROR: Severity = "fejl"
WARNING: Severity = "advarsel"
SEVERITY_CODES = {ERROR: "error", WARNING: "warning"}  # for scripts, beside the Danish word


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based
    column: int  # 1-based, in characters
    severity: Severity
    message: str
    hint: str = ""
    # True when the file as a whole cannot be read (encoding, syntax, size, another
    # format or flow). Such a file is never overwritten (see outputs.storage.saving).
    unreadable: bool = False
    # A file with a huge number of problems gets the first ones and one problem saying how
    # many more there are of that severity: this one then stands for ``1 + more``.
    more: int = 0
    # A stable English name for the kind of problem ("unknown-key", "syntax", …), for scripts:
    # the message is Danish and may be reworded, the code is not (docs/answers-format.md lists them).
    code: str = "other"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def render(self) -> str:
        text = f"{printable(self.file)}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        """The problem for ``--json`` output: stable English ``code`` and ``severity`` beside the Danish text."""
        return {
            "code": self.code or "other",
            "severity": SEVERITY_CODES[self.severity],
            "severity_text": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
            "text": self.render(),
            **({"not_shown": self.more} if self.more else {}),
        }


def counts(problems: list[Problem]) -> tuple[int, int]:
    """How many errors and warnings, counting those not shown one by one."""
    errors = sum(1 + problem.more for problem in problems if problem.is_error)
    warnings = sum(1 + problem.more for problem in problems if not problem.is_error)
    return errors, warnings


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.is_error for problem in problems)


def in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: (problem.line, problem.column))
