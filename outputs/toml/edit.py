"""Saving into a TOML text a person may have edited: change only what changed, keep every other byte.

The program knows what the file should say (``wanted``: the text ``dumps_answers``
writes) and what it says now (``old``: perhaps with the leader's comments, blank
lines, own key order, literal strings, a ``#:schema`` line). ``edit_toml`` turns
``old`` into a text that says what ``wanted`` says, key by key:

- a key whose value is the same (as data) is left alone, byte for byte, however
  it is written;
- a changed value is replaced where it stands; a comment after it that the program
  wrote (the label of a choice) is replaced too, a comment the leader wrote stays;
- a new key is placed in its table after the key that comes before it in the
  program's order (or before the one after it), with the program's comment line;
- a key the answers no longer have is removed with the comment line the program
  wrote above it;
- a new table goes in before the next table that is already there, or at the end;
- keys the program does not own (unknown to it) are never touched.

Why our own scanner and not tomlkit: ``outputs.toml.layout`` already knows where
every key and value starts and ends, values are written by ``toml_write`` exactly as
in a new file (multi-line blocks a leader can edit, the label comments), and an
edit is a few string splices checked by parsing the result. tomlkit would parse the
whole file into its own document tree, write values in its own style, and be a new
dependency; on the examples it was 1.3-2 times slower per save (``bench/save_cost.py``).

When the text is written in a way this does not edit (an owned key inside an inline
table or as a dotted key, a table given twice), or the result would not read back
as ``wanted`` says, ``edit_toml`` returns None and the caller writes ``wanted``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from outputs.toml.layout import Entry, Layout, scan


class Style(Protocol):
    """What the program owns in the file, and the comments it writes."""

    order: Sequence[str]  # the tables, in the order the program writes them

    def owned(self, table: str, key: str) -> bool: ...

    def label(self, table: str, key: str, value: object) -> str | None:
        """The comment the program writes after this value (without "# "), if any."""
        ...

    def heading(self, table: str, key: str) -> str | None:
        """The comment line the program writes above this key (with "# "), if any."""
        ...


@dataclass
class _Table:
    header_start: int
    header_end: int  # after the header line
    entries: dict[str, Entry] = field(default_factory=dict)


class _NotEditable(Exception):
    pass


def edit_toml(old: str, wanted: str, style: Style, old_data: dict[str, Any] | None = None) -> str | None:
    """``old`` changed to say what ``wanted`` says, or None (see the module docstring). ``old_data``:
    ``old`` parsed, when the caller has it already."""
    try:
        old_data = tomllib.loads(old) if old_data is None else old_data
        wanted_data = tomllib.loads(wanted)
        old_layout, wanted_layout = scan(old), scan(wanted)
        names = [*style.order, *(name for name in wanted_data if name not in style.order)]
        old_tables = _tables(old_layout, names)
        wanted_tables = _tables(wanted_layout, names)
    except (tomllib.TOMLDecodeError, _NotEditable):
        return None
    edits: list[tuple[int, int, str]] = []
    for index, name in enumerate(names):
        want = wanted_data.get(name, {})
        if not isinstance(want, dict):
            return None
        if name in old_tables:
            have = old_data.get(name, {})
            if not isinstance(have, dict):
                return None  # [[name]]: an array of tables, not a table this edits
            wanted_table = wanted_tables.get(name, _Table(0, 0))
            edits += _edit_table(old, old_tables[name], have, wanted, wanted_table, want, name, style)
        elif want:
            later = [old_tables[n] for n in names[index + 1 :] if n in old_tables]
            edits.append(_new_table(old, wanted, wanted_tables[name], later[0] if later else None))
    if not edits:
        return old
    result = _apply(old, edits)
    return result if result is not None and _says_what_is_wanted(result, wanted_data, names, style) else None


def _tables(layout: Layout, names: Sequence[str]) -> dict[str, _Table]:
    """The tables named ``names`` that ``layout`` declares with a header, and their plain keys."""
    if layout.broken_at is not None:
        raise _NotEditable
    tables: dict[str, _Table] = {}
    text = layout.text
    for header in layout.headers:
        if header.path and header.path[0] in names:
            if len(header.path) != 1 or header.path[0] in tables:
                raise _NotEditable  # [om.x], [[om]] or [om] twice: not a table this edits
            tables[header.path[0]] = _Table(header.offset, _line_end(text, header.offset))
    for entry in layout.entries:
        if entry.path[0] not in names:
            continue
        table = tables.get(entry.path[0])
        if table is None or len(entry.path) != 2 or entry.key_parts != 1 or entry.key_offset < table.header_start:
            raise _NotEditable  # a dotted key reaching into an owned table
        table.entries[entry.path[1]] = entry
    return tables


def _edit_table(
    old: str,
    table: _Table,
    have: dict[str, Any],
    wanted: str,
    wanted_table: _Table,
    want: dict[str, Any],
    name: str,
    style: Style,
) -> list[tuple[int, int, str]]:
    edits = []
    for key, entry in table.entries.items():
        if key not in want and style.owned(name, key):
            edits.append(_removal(old, entry, style.heading(name, key)))
    order = list(want)
    for position, key in enumerate(order):
        new = wanted_table.entries[key]
        existing = table.entries.get(key)
        if existing is None:
            edits.append(_insertion(old, table, order[:position], order[position + 1 :], wanted, new))
        elif not _same(have.get(key), want[key]):
            edits.append(_replacement(old, existing, wanted, new, style.label(name, key, have.get(key))))
    return edits


def _replacement(old: str, entry: Entry, wanted: str, new: Entry, old_label: str | None) -> tuple[int, int, str]:
    """The new value where the old one stands; the program's comment after it follows the value."""
    value = wanted[new.value_offset : new.value_end]
    old_rest_end = _line_end(old, entry.value_end, keep_newline=False)
    rest = old[entry.value_end : old_rest_end].strip()
    if not rest or (old_label is not None and rest == f"# {old_label}"):
        new_rest = wanted[new.value_end : _line_end(wanted, new.value_end, keep_newline=False)]
        return entry.value_offset, old_rest_end, value + new_rest
    return entry.value_offset, entry.value_end, value


def _removal(old: str, entry: Entry, heading: str | None) -> tuple[int, int, str]:
    start = _line_start(old, entry.key_offset)
    end = _line_end(old, entry.value_end)
    if heading is not None and start > 0:
        above = _line_start(old, start - 1)
        if old[above : start - 1].strip() == heading:
            start = above
    return start, end, ""


def _insertion(
    old: str, table: _Table, before: list[str], after: list[str], wanted: str, new: Entry
) -> tuple[int, int, str]:
    """The new key with its comment line, in its place among the keys already there."""
    block = wanted[_comments_above(wanted, _line_start(wanted, new.key_offset)) : _line_end(wanted, new.value_end)]
    earlier = [table.entries[key] for key in before if key in table.entries]
    later = [table.entries[key] for key in after if key in table.entries]
    if earlier:
        position = _line_end(old, earlier[-1].value_end)
    elif later:
        position = _comments_above(old, _line_start(old, later[0].key_offset))
    elif table.entries:
        position = _line_end(old, max(entry.value_end for entry in table.entries.values()))
    else:
        position = table.header_end
    return position, position, _after_newline(old, position, block)


def _new_table(old: str, wanted: str, table: _Table, following: _Table | None) -> tuple[int, int, str]:
    """A whole table from ``wanted``, before the next table there is (and its comments), or at the end."""
    start = _comments_above(wanted, table.header_start)
    ends = [table.header_end, *(_line_end(wanted, entry.value_end) for entry in table.entries.values())]
    block = wanted[start : max(ends)]
    if following is not None:
        position = _comments_above(old, following.header_start)
        return position, position, block + "\n"
    return len(old), len(old), _after_newline(old, len(old), "\n" + block)


def _apply(old: str, edits: list[tuple[int, int, str]]) -> str | None:
    parts = []
    done = 0
    for start, end, text in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        if start < done:
            return None  # two edits of one place: not something to guess about
        parts += [old[done:start], text]
        done = end
    parts.append(old[done:])
    return "".join(parts)


def _says_what_is_wanted(result: str, wanted: dict[str, Any], names: Sequence[str], style: Style) -> bool:
    """Every owned key reads back as ``wanted`` has it (and no owned key is left that it lacks)."""
    try:
        data = tomllib.loads(result)
    except tomllib.TOMLDecodeError:
        return False
    for name in names:
        want = wanted.get(name, {})
        got = data.get(name, {})
        if not isinstance(got, dict) or not isinstance(want, dict):
            return False
        owned = {key: value for key, value in got.items() if key in want or style.owned(name, key)}
        if owned.keys() != want.keys() or not all(_same(owned[key], want[key]) for key in want):
            return False
    return True


def _same(a: object, b: object) -> bool:
    """Equal as TOML data: 1 and true, 1 and 1.0 are different values."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    return a == b


# -- lines ---------------------------------------------------------------------------------


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int, *, keep_newline: bool = True) -> int:
    end = text.find("\n", offset)
    if end < 0:
        return len(text)
    return end + 1 if keep_newline else end


def _comments_above(text: str, line_start: int) -> int:
    """Where the comment lines directly above a line begin (the line itself if there are none)."""
    start = line_start
    while start > 0:
        above = _line_start(text, start - 1)
        if not text[above : start - 1].lstrip().startswith("#"):
            break
        start = above
    return start


def _after_newline(old: str, position: int, block: str) -> str:
    """``block``, after a line break when it goes at the end of a last line that has none."""
    return "\n" + block if position == len(old) and old and not old.endswith("\n") else block
