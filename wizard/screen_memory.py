"""Only what changed reaches the terminal: fewer bytes per key over a thin SSH link.

Textual repaints whole widgets: moving the highlight in a list of seven options
rewrites all seven lines, padded to the width of the screen, and Enter on a
question draws the new page twice (the second time identical). Each drawn piece
is a cursor move to a position followed by styled text, and Textual writes every
styled run as "style, text, reset" even when the next run has the same style.

``ScreenMemory`` sits between Textual and the terminal. It remembers what each
cell of the terminal shows (character and style) and, of each piece Textual
draws, sends only the runs of cells that differ, each style once per run. What
the leader sees is the same; only the bytes that would change nothing are left
out (in the benchmark: an option move from 1,003 to about 230 bytes, the next
question from 8,005 to about 1,300).

It is careful rather than clever: anything written that is not plain drawing
(cursor moves, colours and text) makes it forget what the terminal shows, and so
do a resize and the return from Ctrl+Z; then everything is sent again.
"""

from __future__ import annotations

import re
import signal
from types import FrameType
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

# One token of Textual's drawing: a cursor move, a line break, a colour/style (SGR), or text.
_TOKEN = re.compile(r"\x1b\[(\d+);(\d+)H|(\r?\n)|(\x1b\[[0-9;]*m)|([^\x1b\r\n]+)")
# A run that ends in a reset and is followed by the same style again: the reset and the repeat go.
_SAME_STYLE_AGAIN = re.compile(r"(\x1b\[([0-9;]+)m[^\x1b]*)\x1b\[0m\x1b\[\2m")
_RESET = "\x1b[0m"
_STYLE = re.compile(r"\x1b\[[0-9;]*m")
# Written around each drawing, or to hide and show the cursor: they change no cell.
_CHANGE_NO_CELL = frozenset({"\x1b[?2026h", "\x1b[?2026l", "\x1b[?25l", "\x1b[?25h", "\x07"})


def join_same_styles(text: str) -> str:
    """``text`` with each "reset, same style again" between two runs left out."""
    while True:
        joined = _SAME_STYLE_AGAIN.sub(r"\1", text)
        if joined == text:
            return text
        text = joined


Cell = tuple[str, str]  # (the style it is drawn in, as SGR sequences since the last reset; its character)
GAP = 12  # unchanged cells between two changes that are sent again rather than costing a new cursor move


class ScreenMemory:
    """What the terminal shows, cell by cell, as far as it can be known from what was written to it."""

    def __init__(self) -> None:
        self._rows: dict[int, list[Cell | None]] = {}  # row -> its cells by column (from 1); None: not known
        self.forget_soon = False  # set from Textual's input thread on a resize

    def forget(self) -> None:
        self._rows = {}

    def filter(self, data: str) -> str:
        """What of ``data`` must still be written for the terminal to show what ``data`` would make it show."""
        if self.forget_soon:
            self.forget_soon = False
            self.forget()
        if data in _CHANGE_NO_CELL:
            return data
        pieces = _pieces(data)
        if pieces is None:  # not plain drawing: pass it on, and trust nothing remembered
            self.forget()
            return data
        out: list[str] = []
        for index, (row, column, piece) in enumerate(pieces):
            if not piece:
                if index == len(pieces) - 1:  # where the cursor rests after the drawing
                    out.append(f"\x1b[{row};{column}H")
                continue
            out.extend(self._changes(row, column, piece))
        return "".join(out)

    def _changes(self, row: int, column: int, piece: str) -> list[str]:
        """The writes that bring ``row`` from what it shows to what ``piece`` at ``column`` draws."""
        line = self._rows.setdefault(row, [])
        cells = _cells(piece)
        if cells is None:  # a character that is not one cell wide: send it all, and know nothing of its cells
            width = sum(cell_len(text) for text in _texts(piece))
            _store(line, column, [None] * width)
            return [f"\x1b[{row};{column}H{join_same_styles(piece)}"]
        shown = line[column : column + len(cells)]
        shown += [None] * (len(cells) - len(shown))
        changed = [offset for offset, cell in enumerate(cells) if shown[offset] != cell]
        _store(line, column, cells)
        writes = []
        for first, last in _runs(changed):
            writes.append(f"\x1b[{row};{column + first}H{_drawn(cells[first : last + 1])}")
        return writes


def _pieces(data: str) -> list[tuple[int, int, str]] | None:
    """(row, column, styled text) for each cursor move in ``data``; None if ``data`` is not just drawing."""
    pieces: list[tuple[int, int, str]] = []
    position = 0
    for match in _TOKEN.finditer(data):
        if match.start() != position:
            return None  # something else in between (another escape sequence)
        position = match.end()
        if match.group(1):
            pieces.append((int(match.group(1)), int(match.group(2)), ""))
        elif match.group(3):
            continue  # a line break is always followed by a cursor move: not needed
        elif not pieces:
            return None  # text or style before any cursor move: its place is not known
        else:
            row, column, piece = pieces[-1]
            pieces[-1] = (row, column, piece + match.group(0))
    if position != len(data) or not pieces:
        return None
    if not all(_ends_plain(piece) for _, _, piece in pieces):
        return None  # a piece left out would leave its successor in another style
    return pieces


def _cells(piece: str) -> list[Cell] | None:
    cells: list[Cell] = []
    style = ""
    for match in _TOKEN.finditer(piece):
        if match.group(4):
            style = "" if match.group(4) in (_RESET, "\x1b[m") else style + match.group(4)
            continue
        for character in match.group(5) or "":
            if cell_len(character) != 1:
                return None
            cells.append((style, character))
    return cells


def _store(line: list[Cell | None], column: int, cells: list[Cell] | list[None]) -> None:
    if len(line) < column + len(cells):
        line.extend([None] * (column + len(cells) - len(line)))
    line[column : column + len(cells)] = cells


def _runs(changed: list[int]) -> list[tuple[int, int]]:
    """Runs (first, last) of changed offsets, joined across short unchanged gaps."""
    runs: list[tuple[int, int]] = []
    for offset in changed:
        if runs and offset - runs[-1][1] <= GAP:
            runs[-1] = (runs[-1][0], offset)
        else:
            runs.append((offset, offset))
    return runs


def _drawn(cells: list[Cell]) -> str:
    """The cells as styled text: each style once per run, reset at its end."""
    out: list[str] = []
    style = ""
    for cell_style, character in cells:
        if cell_style != style:
            if style:
                out.append(_RESET)
            out.append(cell_style)
            style = cell_style
        out.append(character)
    if style:
        out.append(_RESET)
    return "".join(out)


def _texts(piece: str) -> list[str]:
    return [match.group(5) for match in _TOKEN.finditer(piece) if match.group(5)]


def _ends_plain(piece: str) -> bool:
    """The piece leaves the terminal with no style set (so the next piece starts as it would have)."""
    styles = _STYLE.findall(piece)
    return not styles or styles[-1] == _RESET


class WizardDriver(LinuxDriver):
    """Textual's driver for Linux and macOS, writing through a ``ScreenMemory``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.screen_memory = ScreenMemory()

    def write(self, data: str) -> None:
        super().write(self.screen_memory.filter(data))

    def start_application_mode(self) -> None:
        self.screen_memory.forget()  # also the return from Ctrl+Z: the terminal showed something else
        super().start_application_mode()
        # A resize: the terminal may have reflowed or cleared its cells. Textual learns of it from
        # SIGWINCH (its handler posts straight to the app) or in-band from the terminal (below).
        textual_handler = signal.getsignal(signal.SIGWINCH)

        def on_resize(signum: int, frame: FrameType | None) -> None:
            self.screen_memory.forget_soon = True
            if callable(textual_handler):
                textual_handler(signum, frame)

        signal.signal(signal.SIGWINCH, on_resize)

    def process_message(self, message: Message) -> None:
        if isinstance(message, events.Resize):  # in-band resize, read by Textual's input thread
            self.screen_memory.forget_soon = True
        super().process_message(message)
