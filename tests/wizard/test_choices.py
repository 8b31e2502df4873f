"""The option list alone: "Ingen af dem" and "Ved ikke" in a several-choice list stand alone."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from wizard.widgets.choices import ChoiceList

CHOICES = [("kolleger", "Kolleger"), ("ledelse", "Ledelse"), ("ingen", "Ingen af dem"), ("ved-ikke", "Ved ikke")]


class OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield ChoiceList(CHOICES, multiple=True, exclusive=frozenset({"ingen", "ved-ikke"}), id="answer")


def picks_after(*keys: str) -> list[tuple[str, ...]]:
    """The list's value after each Space in ``keys`` (other keys move the cursor)."""

    async def scenario():
        app = OneList()
        seen: list[tuple[str, ...]] = []
        async with app.run_test() as pilot:
            choice_list = app.query_one(ChoiceList)
            choice_list.focus()
            for key in keys:
                await pilot.press(key)
                if key == "space":
                    seen.append(choice_list.value)
        return seen

    return asyncio.run(scenario())


def test_ordinary_options_add_up():
    assert picks_after("space", "down", "space") == [("kolleger",), ("kolleger", "ledelse")]


def test_picking_an_option_that_stands_alone_clears_the_others():
    assert picks_after("space", "down", "space", "down", "space")[-1] == ("ingen",)


def test_picking_another_option_clears_the_one_that_stands_alone():
    assert picks_after("down", "down", "space", "up", "space") == [("ingen",), ("ledelse",)]


def test_two_options_that_stand_alone_replace_each_other():
    assert picks_after("down", "down", "space", "down", "space") == [("ingen",), ("ved-ikke",)]


def test_an_option_that_stands_alone_can_be_taken_back():
    assert picks_after("down", "down", "space", "space") == [("ingen",), ()]
