"""Where the answers file's checks say what they found: one signature for every reporter.

The full checker (``outputs.answers.check``) locates and keeps every problem; the save-time
reader (``outputs.answers.edit``) keeps only the first reason the file may not be replaced. The
value checks (``outputs.answers.values``) and the [svarfil] checks (``outputs.answers.version``)
report through either.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from flows import Flow
from outputs.reporting import Severity
from outputs.toml import KeyPath


class Reporter(ABC):
    flow: Flow

    @abstractmethod
    def report(
        self,
        severity: Severity,
        path: KeyPath,
        message: str,
        hint: str = "",
        *,
        part: str = "key",
        item: int | None = None,
        unreadable: bool = False,
        code: str = "",
    ) -> None:
        """One problem at ``path`` (``part``: the key or its value; ``item``: a list's element)."""

    @abstractmethod
    def unknown_key(self, path: KeyPath, key: str, candidates: list[str] | tuple[str, ...], table: str) -> None:
        """A key the flow does not know, with the nearest it does know as a hint."""
