"""Where things are in a TOML text: the line and column of tables, keys and values.

``tomllib`` gives the data but no positions, and a message a leader can act on
must point at a line. This scanner walks the text once, skipping over values
(strings, multi-line strings, arrays, inline tables) without interpreting them,
and records where each table header and each ``key = value`` starts.

It is written for text that ``tomllib`` has accepted, but never raises: on text
it cannot follow (e.g. a string that is never closed) it stops and records where
(``broken_at``), which is exactly what a syntax message needs when ``tomllib``
only says "at end of document". Long values are skipped with ``str.find``, so a
10 MB string costs one search, not a Python loop per character.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

KeyPath = tuple[str, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# Numbers, booleans, dates and times; a date and a time may be separated by one space.
_SCALAR = re.compile(r"[A-Za-z0-9_:.+-]+(?: [0-9]{2}:[0-9:.+Z-]+)?")
_MAX_DEPTH = 100


@dataclass(frozen=True)
class Entry:
    """One ``key = value``: the full key path (table path plus dotted key)."""

    path: KeyPath
    key_offset: int
    value_offset: int
    items: tuple[int, ...] = ()  # offsets of the elements when the value is an array
    value_end: int = -1  # just after the value
    key_parts: int = 1  # 2 for a dotted key such as a.b


@dataclass(frozen=True)
class Header:
    path: KeyPath
    offset: int


@dataclass
class Layout:
    text: str
    headers: list[Header] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    broken_at: int | None = None  # where scanning had to stop, if it did
    _line_starts: list[int] = field(default_factory=list)
    _entries: dict[KeyPath, Entry] = field(default_factory=dict)
    _headers: dict[KeyPath, int] = field(default_factory=dict)
    _implied: dict[KeyPath, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def entry(self, path: KeyPath) -> Entry | None:
        return self._entries.get(path)

    def table_offset(self, path: KeyPath) -> int | None:
        """Where a table is declared: its header, or the first key that implies it."""
        return self._headers.get(path, self._implied.get(path))

    def knows(self, path: KeyPath) -> bool:
        """Whether ``path`` is a key or a table seen so far."""
        return path in self._entries or path in self._headers or path in self._implied

    # Each key's first entry, each table's first header and first implying key, kept as the
    # scan goes: locating each of many problems must not walk every entry each time.

    def add_header(self, header: Header) -> None:
        self.headers.append(header)
        self._headers.setdefault(header.path, header.offset)

    def add_entry(self, entry: Entry) -> None:
        self.entries.append(entry)
        self._entries.setdefault(entry.path, entry)
        for length in range(1, len(entry.path)):
            self._implied.setdefault(entry.path[:length], entry.key_offset)

    def locate(self, path: KeyPath, part: str = "key", item: int | None = None) -> tuple[int, int]:
        """Line and column of a key (``part="key"``), its value, or one array element."""
        entry = self.entry(path)
        if entry is not None:
            if item is not None and item < len(entry.items):
                return self.position(entry.items[item])
            return self.position(entry.value_offset if part == "value" else entry.key_offset)
        for length in range(len(path), 0, -1):
            offset = self.table_offset(path[:length])
            if offset is not None:
                return self.position(offset)
            shorter = self.entry(path[:length])
            if shorter is not None:
                return self.position(shorter.key_offset)
        return 1, 1

    def first_duplicate(self) -> Entry | None:
        """The second occurrence of the first key given twice."""
        seen: set[KeyPath] = set()
        for entry in self.entries:
            if entry.path in seen:
                return entry
            seen.add(entry.path)
        return None


class LazyLayout:
    """A layout scanned only as far as asked: a clean file (the common case in a batch
    export) never needs positions, so it is never scanned, and locating the first problems
    of a 2 MB file scans only up to them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._layout: Layout | None = None
        self._steps: Iterator[None] = iter(())

    def _started(self) -> Layout:
        if self._layout is None:
            self._layout = Layout(self._text)
            self._steps = _statements(_Scanner(self._text, self._layout), self._layout)
        return self._layout

    def locate(self, path: KeyPath, part: str = "key", item: int | None = None) -> tuple[int, int]:
        layout = self._started()
        while not layout.knows(path) and next(self._steps, StopIteration) is not StopIteration:
            pass
        return layout.locate(path, part, item)

    def __getattr__(self, name: str) -> Any:
        layout = self._started()
        for _ in self._steps:  # anything else needs the whole text scanned
            pass
        return getattr(layout, name)


class _Broken(Exception):
    def __init__(self, offset: int) -> None:
        self.offset = offset


def scan(text: str) -> Layout:
    """The layout of ``text``; never raises."""
    layout = Layout(text)
    for _ in _statements(_Scanner(text, layout), layout):
        pass
    return layout


def _statements(scanner: _Scanner, layout: Layout) -> Iterator[None]:
    """Scan one statement (a header or a key) per step; where scanning had to stop is recorded."""
    try:
        yield from scanner.document()
    except _Broken as broken:
        layout.broken_at = broken.offset
    except RecursionError:
        layout.broken_at = scanner.pos


class _Scanner:
    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.n = len(text)
        self.pos = 0
        self.layout = layout

    def document(self) -> Iterator[None]:
        table: KeyPath = ()
        while True:
            self.skip_blank()
            if self.pos >= self.n:
                return
            if self.text[self.pos] == "[":
                start = self.pos
                double = self.text.startswith("[[", self.pos)
                self.pos += 2 if double else 1
                table = tuple(name for name, _ in self.key())
                self.expect("]]" if double else "]")
                self.layout.add_header(Header(table, start))
            else:
                parts = self.key()
                self.expect("=")
                self.skip_spaces()
                value_offset = self.pos
                items = self.value(0)
                path = table + tuple(name for name, _ in parts)
                entry = Entry(path, parts[0][1], value_offset, items, self.pos, len(parts))
                self.layout.add_entry(entry)
            self.end_of_line()
            yield

    # -- whitespace and comments -------------------------------------------------

    def skip_spaces(self) -> None:
        while self.pos < self.n and self.text[self.pos] in " \t":
            self.pos += 1

    def skip_comment(self) -> None:
        if self.pos < self.n and self.text[self.pos] == "#":
            end = self.text.find("\n", self.pos)
            self.pos = self.n if end < 0 else end

    def skip_blank(self) -> None:
        """Spaces, newlines and comments."""
        while self.pos < self.n:
            char = self.text[self.pos]
            if char in " \t\r\n":
                self.pos += 1
            elif char == "#":
                self.skip_comment()
            else:
                return

    def end_of_line(self) -> None:
        self.skip_spaces()
        self.skip_comment()
        if self.pos < self.n and self.text[self.pos] not in "\r\n":
            raise _Broken(self.pos)

    def expect(self, token: str) -> None:
        self.skip_spaces()
        if not self.text.startswith(token, self.pos):
            raise _Broken(self.pos)
        self.pos += len(token)

    # -- keys ----------------------------------------------------------------------

    def key(self) -> list[tuple[str, int]]:
        """A dotted key: each part's name and offset."""
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_spaces()
            start = self.pos
            char = self.text[start] if start < self.n else ""
            if char and char in "\"'":  # ("" is in every string: the end of the text is no quote)
                end = self.string_end(start)
                try:
                    name = tomllib.loads(f"k = {self.text[start:end]}")["k"]
                except tomllib.TOMLDecodeError:
                    raise _Broken(start) from None
            else:
                match = _BARE_KEY.match(self.text, start)
                if match is None:
                    raise _Broken(start)
                name, end = match.group(), match.end()
            parts.append((name, start))
            self.pos = end
            self.skip_spaces()
            if self.pos < self.n and self.text[self.pos] == ".":
                self.pos += 1
                continue
            return parts

    # -- values --------------------------------------------------------------------

    def value(self, depth: int) -> tuple[int, ...]:
        """Skip one value; for an array, return the offsets of its elements."""
        if depth > _MAX_DEPTH or self.pos >= self.n:
            raise _Broken(self.pos)
        char = self.text[self.pos]
        if char in "\"'":
            self.pos = self.string_end(self.pos)
            return ()
        if char == "[":
            return self.array(depth)
        if char == "{":
            self.inline_table(depth)
            return ()
        match = _SCALAR.match(self.text, self.pos)
        if match is None:
            raise _Broken(self.pos)
        self.pos = match.end()
        return ()

    def array(self, depth: int) -> tuple[int, ...]:
        self.pos += 1
        items: list[int] = []
        while True:
            self.skip_blank()
            if self.pos >= self.n:
                raise _Broken(self.pos)
            if self.text[self.pos] == "]":
                self.pos += 1
                return tuple(items)
            items.append(self.pos)
            self.value(depth + 1)
            self.skip_blank()
            if self.pos < self.n and self.text[self.pos] == ",":
                self.pos += 1
            elif not (self.pos < self.n and self.text[self.pos] == "]"):
                raise _Broken(self.pos)

    def inline_table(self, depth: int) -> None:
        self.pos += 1
        while True:
            self.skip_spaces()
            if self.pos < self.n and self.text[self.pos] == "}":
                self.pos += 1
                return
            self.key()
            self.expect("=")
            self.skip_spaces()
            self.value(depth + 1)
            self.skip_spaces()
            if self.pos < self.n and self.text[self.pos] == ",":
                self.pos += 1
            elif not (self.pos < self.n and self.text[self.pos] == "}"):
                raise _Broken(self.pos)

    def string_end(self, start: int) -> int:
        """The offset just after the string starting at ``start``."""
        text = self.text
        quote = text[start]
        if text.startswith(quote * 3, start):
            return self._multiline_end(start, quote)
        if quote == "'":
            end = text.find("'", start + 1)
            if end < 0 or text.find("\n", start, end) >= 0:
                raise _Broken(start)
            return end + 1
        search = start + 1
        while True:
            end = text.find('"', search)
            if end < 0 or text.find("\n", search, end) >= 0:
                raise _Broken(start)
            if _escaped(text, end):
                search = end + 1
                continue
            return end + 1

    def _multiline_end(self, start: int, quote: str) -> int:
        text = self.text
        search = start + 3
        while True:
            end = text.find(quote * 3, search)
            if end < 0:
                raise _Broken(start)
            if quote == '"' and _escaped(text, end):
                search = end + 1
                continue
            # Up to two quotes right before the closing three belong to the content.
            run = 3
            while end + run < len(text) and text[end + run] == quote and run < 5:
                run += 1
            return end + run


def _escaped(text: str, offset: int) -> bool:
    """Whether the character at ``offset`` is preceded by an odd number of backslashes."""
    count = 0
    index = offset - 1
    while index >= 0 and text[index] == "\\":
        count += 1
        index -= 1
    return count % 2 == 1
