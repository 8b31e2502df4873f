"""A small Markdown writer that keeps a document wiki-ready by construction.

Blocks are separated by exactly one blank line, headings nest one level at a
time and never repeat among siblings (markdownlint MD001, MD022, MD024 with
``siblings_only``), and the text ends with exactly one newline. Callers hand
in Markdown fragments they have escaped with ``outputs.note.escape``; plain
texts for headings are escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from outputs.note.escape import inline, one_line, table_cell


class MarkdownDocument:
    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._level = 0
        # Heading texts already used under the current parent, per level.
        self._siblings: dict[int, set[str]] = {}

    def heading(self, level: int, text: str) -> None:
        """A heading from plain text; a repeated sibling title gets a number."""
        if level > self._level + 1:
            raise ValueError(f"overskrift på niveau {level} efter niveau {self._level}")
        for deeper in [key for key in self._siblings if key > level]:
            del self._siblings[deeper]
        used = self._siblings.setdefault(level, set())
        title = one_line(text) or "Uden titel"
        unique, number = title, 1
        while unique in used:
            number += 1
            unique = f"{title} ({number})"
        used.add(unique)
        self._level = level
        self._blocks.append(f"{'#' * level} {inline(unique, mid_line=True)}")

    def paragraph(self, *lines: str) -> None:
        """A paragraph of Markdown lines joined by hard line breaks."""
        self._blocks.append("\\\n".join(lines))

    def bullets(self, items: list[str]) -> None:
        """A bullet list; each item is one line of Markdown."""
        self._blocks.append("\n".join(f"- {item}" for item in items))

    def grouped_bullets(self, groups: list[tuple[str, list[str]]]) -> None:
        """A bullet list of groups, each with its items as a bullet sublist; all one line of Markdown each."""
        lines = []
        for group, items in groups:
            lines.append(f"- {group}")
            lines.extend(f"  - {item}" for item in items)
        self._blocks.append("\n".join(lines))

    def numbered(self, items: list[tuple[str, list[str]]]) -> None:
        """An ordered list; each item is one line of Markdown with an optional bullet sublist."""
        lines = []
        for number, (item, subitems) in enumerate(items, start=1):
            marker = f"{number}. "
            lines.append(marker + item)
            # A sublist belongs to the item when indented to the item's content.
            lines.extend(" " * len(marker) + f"- {subitem}" for subitem in subitems)
        self._blocks.append("\n".join(lines))

    def numbered_blocks(self, items: list[list[str]]) -> None:
        """An ordered list whose items hold one or more blocks (paragraphs), numbered from 1.

        Each block's lines after the first are indented to the item's content, so they
        stay inside the item on every wiki (not only by CommonMark's lazy continuation).
        """
        lines: list[str] = []
        for number, blocks in enumerate(items, start=1):
            marker = f"{number}. "
            indent = " " * len(marker)
            for index, block in enumerate(blocks):
                if index:
                    lines.append("")
                for line_number, line in enumerate(block.split("\n")):
                    lead = marker if index == 0 and line_number == 0 else indent
                    lines.append(lead + line)
        self._blocks.append("\n".join(lines))

    def table(self, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
        """A GFM table: ``header`` is plain text; ``rows`` hold Markdown made with ``table_cell``."""
        lines = [_row(table_cell(cell) for cell in header), _row("---" for _ in header)]
        lines.extend(_row(row) for row in rows)
        self._blocks.append("\n".join(lines))

    def text(self) -> str:
        return "\n\n".join(self._blocks) + "\n"


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"
