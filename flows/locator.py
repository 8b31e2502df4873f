"""Finding the line of a place in a flow's TOML text, for messages that name it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from flows.problems import Loc


class Locator:
    """Finds the line of a place in the flow text by following the TOML headers.

    ``("sections", 2, "questions", 4, "kind")`` is the ``kind =`` line after the
    fifth ``[[sections.questions]]`` header after the third ``[[sections]]``.
    Items of inline arrays (options) are found by their ``id = "..."`` instead.
    """

    def __init__(self, text: str, data: dict) -> None:
        self.lines = text.splitlines()
        self.data = data

    def describe(self, loc: Loc) -> str:
        names = {
            "sections": "afsnit",
            "questions": "spørgsmål",
            "options": "svarmulighed",
            "criteria": "kriterium",
            "traits": "træk",
            "sources": "kilde",
            "migrations": "migrering",
        }
        parts: list[str] = []
        for index, key, node in self._walk(loc):
            if isinstance(key, str) and key in names and index + 1 < len(loc) and isinstance(loc[index + 1], int):
                continue
            if isinstance(key, int) and index > 0 and str(loc[index - 1]) in names:
                ident = node.get("id") if isinstance(node, dict) else None
                label = names[str(loc[index - 1])]
                parts.append(f"{label} {ident!r}" if isinstance(ident, str) else f"{label} nr. {key + 1}")
                continue
            parts.append(f"felt {key!r}")
        return ", ".join(parts) or "filen"

    def line_of(self, loc: Loc) -> int:
        start = 0
        prefix: list[str] = []
        for index, key, node in self._walk(loc):
            if isinstance(key, int):
                header = rf"^\s*\[\[\s*{re.escape('.'.join(prefix))}\s*\]\]"
                found = self._nth(header, start, key)
                if found is None and isinstance(node, dict) and isinstance(node.get("id"), str):
                    found = self._find(rf'\bid\s*=\s*["\']{re.escape(node["id"])}["\']', start)
                if found is not None:
                    start = found
                continue
            prefix.append(key)
            is_last = index == len(loc) - 1
            header = rf"^\s*\[\s*{re.escape('.'.join(prefix))}\s*\]"
            found = self._find(header, start) if isinstance(node, dict) and not is_last else None
            if found is None:
                # A key may be quoted ("glider-ind" = ...), as keys in [migrations.options] are.
                key_pattern = rf"^\s*([\"']?){re.escape(key)}\1\s*="
                found = self._find(key_pattern, start, stop=self._table_end(start))
            if found is not None:
                start = found
        return start + 1

    def _walk(self, loc: Loc) -> Iterator[tuple[int, str | int, object]]:
        """Each step of ``loc`` with the data it reaches (None past what the file holds)."""
        node: object = self.data
        for index, key in enumerate(loc):
            try:
                node = node[key]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                node = None
            yield index, key, node

    def _table_end(self, start: int) -> int:
        """The line after the table that ``start`` is in: a key is never looked for in the next table."""
        header = re.compile(r"^\s*\[")
        for number in range(start + 1, len(self.lines)):
            if header.match(self.lines[number]):
                return number
        return len(self.lines)

    def _nth(self, pattern: str, start: int, index: int, stop: int | None = None) -> int | None:
        regex = re.compile(pattern)
        seen = -1
        for number in range(start, len(self.lines) if stop is None else stop):
            if regex.search(self.lines[number]):
                seen += 1
                if seen == index:
                    return number
        return None

    def _find(self, pattern: str, start: int, stop: int | None = None) -> int | None:
        return self._nth(pattern, start, 0, stop)
