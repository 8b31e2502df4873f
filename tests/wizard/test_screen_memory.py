"""Only what changed is written, and the terminal still shows exactly what Textual drew.

``ScreenMemory`` leaves out the cells the terminal already shows. These tests hold it to
the one thing that matters: after every write, a terminal fed the filtered bytes shows the
same cells (character and style) as one fed everything Textual wrote. First on random
drawing (hypothesis), then in a real terminal (tmux at 80x24) after a walk through the wizard,
against a full repaint of the same screen.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.screens import Scenario
from bench.wire import VirtualScreen
from flows import default_flow
from tests.wizard.test_tmux_e2e import WIZARD, Tmux
from wizard.screen_memory import ScreenMemory, join_same_styles

STYLES = ["", "\x1b[1;38;5;195;48;5;32m", "\x1b[38;5;253;48;5;233m", "\x1b[48;5;233m", "\x1b[3m"]
TEXTS = st.text(alphabet=" ab()•›æøå─界", min_size=1, max_size=12)
SEGMENTS = st.lists(st.tuples(st.sampled_from(STYLES), TEXTS), min_size=1, max_size=4)
PIECE = st.tuples(st.integers(1, 24), st.integers(1, 70), SEGMENTS)


def drawn(row: int, column: int, segments: list[tuple[str, str]]) -> str:
    """A piece as Textual writes it: a cursor move, then each run as style, text, reset."""
    return f"\x1b[{row};{column}H" + "".join(f"{style}{text}\x1b[0m" if style else text for style, text in segments)


WRITES = st.one_of(
    st.lists(PIECE, min_size=1, max_size=6).map(lambda pieces: "\r\n".join(drawn(*piece) for piece in pieces)),
    st.sampled_from(["\x1b[?2026h", "\x1b[?2026l", "\x1b[?25l", "\x1b[?1049h", "\x1b[1;1H", "\x1b]0;x\x07"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WRITES, min_size=1, max_size=12))
def test_the_filtered_bytes_leave_the_same_cells_as_all_of_them(writes: list[str]) -> None:
    memory, everything, filtered = ScreenMemory(), VirtualScreen(), VirtualScreen()
    for write in writes:
        everything.feed(write)
        filtered.feed(memory.filter(write))
        assert filtered.cells == everything.cells


def test_a_piece_the_terminal_already_shows_is_left_out_and_a_change_is_sent_alone() -> None:
    memory = ScreenMemory()
    line = drawn(5, 2, [("\x1b[48;5;233m", "  ( ) Borgerservice"), ("\x1b[48;5;233m", "      ")])
    assert memory.filter(line) == "\x1b[5;2H\x1b[48;5;233m  ( ) Borgerservice      \x1b[0m"  # one style, once
    assert memory.filter(line + "\x1b[1;2H") == "\x1b[1;2H"  # only where the cursor rests
    changed = drawn(5, 2, [("\x1b[48;5;233m", "› ( ) Borgerservice      ")])
    assert memory.filter(changed) == "\x1b[5;2H\x1b[48;5;233m›\x1b[0m"


def test_anything_but_drawing_makes_it_forget_what_the_terminal_shows() -> None:
    memory = ScreenMemory()
    line = drawn(3, 1, [("", "Hvilken fase?")])
    memory.filter(line)
    assert memory.filter("\x1b[?1049h") == "\x1b[?1049h"  # e.g. back from Ctrl+Z: another screen
    assert memory.filter(line) == line
    memory.forget_soon = True  # a resize, seen by Textual's input thread
    assert memory.filter(line) == line


def test_runs_of_one_style_are_joined() -> None:
    assert join_same_styles("\x1b[1mab\x1b[0m\x1b[1mcd\x1b[0m\x1b[2me\x1b[0m") == "\x1b[1mabcd\x1b[0m\x1b[2me\x1b[0m"


def test_after_a_walk_through_the_wizard_the_terminal_shows_what_a_full_repaint_shows(tmp_path: Path) -> None:
    """In tmux: keys that move, page, open and close; after each group a resize makes Textual draw it all again."""
    assert shutil.which("tmux"), "tmux is missing: run sh tests/setup-tools.sh"
    scenario = Scenario.build(default_flow())  # the benchmark's file: it opens on a choice question
    (tmp_path / "forberedelse.toml").write_text(scenario.answers_text, encoding="utf-8")
    tmux = Tmux(tmp_path)
    try:
        tmux.start(f"env TERM=xterm-256color {WIZARD} forberedelse.toml")
        tmux.wait_for(scenario.question_text)
        time.sleep(1.0)  # the first screen settles (Textual draws it a few times)
        for keys in (["Down"], ["Down", "Up"], ["Enter"], ["C-p"], ["C-o", "Down", "Escape"], ["C-f", "Escape"]):
            for key in keys:
                tmux.keys(key)
                time.sleep(0.3)
            walked = tmux.run("capture-pane", "-p", "-e", "-t", "w")
            tmux.run("resize-window", "-t", "w", "-x", "81", "-y", "24")
            time.sleep(0.4)
            tmux.run("resize-window", "-t", "w", "-x", "80", "-y", "24")
            time.sleep(0.6)
            repainted = tmux.run("capture-pane", "-p", "-e", "-t", "w")
            assert walked == repainted, f"after {keys} the screen differed from its full repaint"
    finally:
        tmux.kill_server()
    assert "?" in walked  # the walk ended on a question, not on an empty screen
