"""The benchmark's parts work (no timings are asserted: the benchmark is run by hand, `python -m bench`).

The budget arithmetic and its verdicts, the screen predicates, the wizard scenario against the
current flow, the minimal app, and the private tmux server that must leave nothing behind.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time

import pytest
from textual.widgets import Footer, Header, Label, RadioSet

from bench import minimal_app
from bench.budget import OK, OVER, Check, Figure, all_within, table
from bench.screens import Scenario, drawn, highlighted, marker_on
from bench.tmux import Tmux
from flows import default_flow, evaluate
from outputs.answers.file import check_answers_text


def test_a_ratio_figure_is_within_up_to_its_budget_and_over_beyond():
    assert Figure("x", 11.0, "ms", 1.2, baseline=10.0).ratio == pytest.approx(1.1)
    assert Figure("x", 12.0, "ms", 1.2, baseline=10.0).verdict == OK  # the budget itself still holds
    assert Figure("x", 12.1, "ms", 1.2, baseline=10.0).verdict == OVER
    assert Figure("x", 1.0, "ms", 3.0, baseline=0.0).verdict == OVER  # no baseline to compare with


def test_a_figure_without_baseline_is_held_to_its_limit():
    assert Figure("idle", 0.4, "%", 1.0).ratio is None
    assert Figure("idle", 0.4, "%", 1.0).verdict == OK
    assert Figure("idle", 1.5, "%", 1.0).verdict == OVER


def test_the_table_shows_figure_baseline_ratio_budget_and_verdict():
    rows = [
        Figure("første skærm", 230.0, "ms", 1.15, baseline=200.0),
        Figure("hukommelse", 52.0, "MB", 1.3, baseline=34.0),
        Figure("tomgang", 0.2, "%", 1.0),
        Check("ingen Textual", False, "indlæst af: export"),
    ]
    lines = table(rows).splitlines()
    assert lines[0].split() == ["måling", "guiden", "basislinje", "forhold", "budget"]
    assert "230 ms" in lines[1] and "1.15×" in lines[1] and lines[1].endswith("OK")
    assert "52.0 MB" in lines[2] and "34.0 MB" in lines[2] and "1.53×" in lines[2] and lines[2].endswith("OVER")
    assert "0.20 %" in lines[3] and "≤ 1.00 %" in lines[3] and lines[3].endswith("OK")
    assert "indlæst af: export" in lines[4] and lines[4].endswith("OVER")
    assert not all_within(rows)
    assert all_within(rows[:1] + rows[2:3])


def test_the_screen_predicates_read_what_the_programs_draw():
    wizard_screen = " Hvilket fagområde?\n   ( ) Dagtilbud og skole\n › (•) Social og sundhed\n"
    assert marker_on("Social og sundhed")(wizard_screen)
    assert not marker_on("Dagtilbud og skole")(wizard_screen)
    assert drawn("Hvilket fagområde?", "Dagtilbud")(wizard_screen)
    assert not drawn("Hvilket fagområde?", "Borgerservice")(wizard_screen)
    radio_screen = "▊ ▐●▌ Dagtilbud og skole \x1b[39m\n▊ ▐●▌\x1b[1m\x1b[38;5;195m Social og sundhed \x1b[0m\n"
    assert highlighted("Social og sundhed")(radio_screen)
    assert not highlighted("Dagtilbud og skole")(radio_screen)


def test_the_scenario_fits_the_current_flow():
    """The wizard must open on the choice question, and its answers file must be valid."""
    flow = default_flow()
    scenario = Scenario.build(flow)
    answers, problems = check_answers_text(scenario.answers_text, flow, "svar.toml")
    assert answers is not None and not problems
    assert evaluate(flow, answers).first_unanswered().text == scenario.question_text
    assert scenario.next_text != scenario.question_text
    assert scenario.options[0][1] != scenario.options[1][1]


def test_the_minimal_app_has_its_four_parts_and_moves_between_options():
    async def scenario() -> tuple[int | None, int | None]:
        app = minimal_app.MinimalApp()
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.query_one(Header) and app.query_one(Footer)
            assert str(app.query_one(Label).render()) == minimal_app.QUESTION
            radio_set = app.query_one(RadioSet)
            assert app.focused is radio_set
            before = radio_set._selected
            await pilot.press("down")
            return before, radio_set._selected

    before, after = asyncio.run(scenario())
    assert (before, after) == (0, 1)


def test_the_private_tmux_server_shows_a_program_and_leaves_nothing_behind(tmp_path):
    assert shutil.which("tmux"), "tmux is missing: run sh tests/setup-tools.sh"
    tmux = Tmux(tmp_path)
    try:
        tmux.start(["sh", "-c", "echo klar; exec sleep 60"])
        tmux.wait(drawn("klar"), "klar")
        pid = tmux.pid()
        assert not tmux.dead()
    finally:
        tmux.close()
    tmux.close()  # a second close does no harm
    listed = subprocess.run(["tmux", "-L", tmux.socket, "list-sessions"], capture_output=True)
    assert listed.returncode != 0  # the server is gone
    assert gone(pid)  # and so is the program that ran in it


def gone(pid: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_the_finished_preparation_is_the_richest_example_and_opens_on_its_summary():
    from bench.screens import Finished

    finished = Finished.build(default_flow())
    assert finished.path.suffix == ".toml" and finished.path.parent.name == "examples"
    assert finished.last_question and finished.first_question.startswith("Hvad hedder")


def test_the_virtual_screen_keeps_what_the_bytes_draw_and_skips_other_sequences():
    from bench.wire import VirtualScreen

    screen = VirtualScreen(rows=3, columns=10)
    screen.feed("\x1b[?1049h\x1b]0;titel\x07\x1b[2;3H\x1b[1mHej\x1b[0m")
    screen.feed("\x1b[3;1Hda\x1b[")  # an escape sequence split between two reads
    screen.feed("48;5;1mx\x1b[0m")
    assert screen.text() == "\n  Hej\ndax"
    assert screen.cells[1][2] == ("\x1b[1m", "H") and screen.cells[2][2] == ("\x1b[48;5;1m", "x")


def test_the_95th_percentile_of_twenty_is_near_the_top():
    from bench.crowd import p95

    assert p95([float(value) for value in range(1, 21)]) == pytest.approx(19.05)


def test_the_minimal_app_opens_its_small_window_with_f2_and_closes_it_with_escape():
    async def scenario() -> tuple[str, str]:
        app = minimal_app.MinimalApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f2")
            opened = type(app.screen).__name__
            await pilot.press("escape")
            return opened, type(app.screen).__name__

    assert asyncio.run(scenario()) == ("Dialog", "Screen")
