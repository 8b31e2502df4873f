"""The footer: the screen's keys on one line, each action once, and a click on a key presses it."""

from __future__ import annotations

import asyncio

from tests.wizard.test_app import SIZE, new_app
from wizard.screens.outline import OutlineScreen
from wizard.widgets.key_footer import KeyFooter

QUESTION_KEYS = "^N Næste ^P Forrige ^O Oversigt ^F Forklaring ^T Drøftelse ^Q Afslut ^G Genveje"


def on_first_question(tmp_path, steps):
    """Open a new answers file on its first question, run ``steps(pilot, app)`` and return what it returns."""

    async def scenario():
        app = new_app(tmp_path / "svar.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            return await steps(pilot, app)

    return asyncio.run(scenario())


def test_a_question_page_lists_each_key_once(tmp_path):
    async def footer_line(pilot, app):
        return app.screen.query_one(KeyFooter).render().plain

    # Ctrl+F and F1 are one action: shown once, as on Textual's own footer.
    assert on_first_question(tmp_path, footer_line) == QUESTION_KEYS


def test_clicking_a_key_in_the_footer_presses_it(tmp_path):
    async def click_outline(pilot, app):
        await pilot.click(KeyFooter, offset=(QUESTION_KEYS.index("Oversigt"), 0))
        await pilot.pause()
        return app.screen

    assert isinstance(on_first_question(tmp_path, click_outline), OutlineScreen)


def test_each_click_presses_the_key_under_it_and_a_space_between_keys_presses_none(tmp_path):
    async def click_everywhere(pilot, app):
        pressed: list[tuple[int, str]] = []
        app.simulate_key = lambda key: pressed.append((column, key))  # record, do not act
        for column in range(len(QUESTION_KEYS)):
            await pilot.click(KeyFooter, offset=(column, 0))
        return pressed

    pressed = on_first_question(tmp_path, click_everywhere)
    expected = []
    for start, part in _parts(QUESTION_KEYS):
        key = "ctrl+" + part[1].lower()  # "^N Næste" is Ctrl+N
        expected += [(column, key) for column in range(start, start + len(part))]
    assert pressed == expected


def _parts(line: str) -> list[tuple[int, str]]:
    """("^N Næste", 0), ("^P Forrige", 9), ...: each key with its description and where it starts."""
    parts, start = [], 0
    for index in range(1, len(line) + 1):
        if index == len(line) or line[index : index + 2] in ("^N", "^P", "^O", "^F", "^T", "^Q", "^G"):
            parts.append((start, line[start:index].rstrip()))
            start = index
    return parts
