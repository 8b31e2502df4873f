"""A list of answer options that shows its state in characters, not only in colour.

"(•)" / "( )" for one choice, "[x]" / "[ ]" for several, and "›" before the
highlighted option while the list has focus: a leader with NO_COLOR=1 or a
16-colour terminal still sees what is chosen and where the cursor is. The first
nine options are numbered, because the keys 1–9 pick them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

# After Enter has asked the screen to turn the page, a key that chooses waits (at most this long)
# until the page has turned. The list handles its keys in its own queue and the screen turns the
# page in another, so without the wait a leader who presses Enter three times quickly would answer
# one question and skip two (issue 19, seen in tmux).
TURN_WAIT = 0.5
TURN_POLL = 0.02


class ChoiceList(OptionList, inherit_bindings=False):
    """Options to pick with the arrows; Enter picks and moves on, Space picks and stays.

    Page keys are left to the screen (they mean "next/previous question" there).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("enter", "choose(True)", show=False),
        Binding("space", "choose(False)", show=False),
    ]

    class Chosen(Message):
        """The leader picked (or, for several-choice, toggled) an option."""

        def __init__(self, choice_list: ChoiceList, value: str | tuple[str, ...] | None, advance: bool) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.value = value
            self.advance = advance

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

        @property
        def single(self) -> str:
            """The option picked in a list of single choices."""
            assert isinstance(self.value, str), "a single choice was expected"
            return self.value

        @property
        def several(self) -> tuple[str, ...]:
            """The options ticked in a list of several choices (none is an answer too)."""
            assert not isinstance(self.value, str), "several choices were expected"
            return self.value or ()

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        *,
        multiple: bool = False,
        chosen: Sequence[str] = (),
        exclusive: frozenset[str] = frozenset(),
        actions: bool = False,
        pick_on_enter: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.choices = tuple(choices)
        # Several-choice: Enter with nothing ticked ticks the highlighted option, as Enter on a
        # one-choice list picks it (an answer's list; for the traits "none" is an answer of its own).
        self.pick_on_enter = pick_on_enter
        self._turning_until = 0.0  # set by Enter, cleared when the page shows other options
        self.multiple = multiple
        self.exclusive = exclusive  # several-choice options picked alone ("Ingen af dem", "Ved ikke")
        self.actions = actions  # a menu: no boxes, and Space acts like Enter
        self.chosen: list[str] = [choice_id for choice_id, _ in self.choices if choice_id in chosen]
        super().__init__(*self._options_for(None), id=id, classes=classes, markup=False, compact=True)
        if self.chosen:
            self.highlighted = self._index(self.chosen[0])

    def _index(self, choice_id: str) -> int:
        return next(index for index, (option_id, _) in enumerate(self.choices) if option_id == choice_id)

    def _prompt(self, index: int, cursor: bool) -> str:
        choice_id, label = self.choices[index]
        picked = choice_id in self.chosen
        mark = f"{'›' if cursor else ' '} {str(index + 1) + '.' if index < 9 else '  '}"  # the digit that picks it
        if self.actions:
            return f"{mark} {label}"
        boxes = ("[x]", "[ ]") if self.multiple else ("(•)", "( )")
        box = boxes[0] if picked else boxes[1]
        return f"{mark} {box} {label}"

    def _options_for(self, cursor: int | None) -> list[Option]:
        return [
            Option(self._prompt(index, index == cursor), id=choice_id)
            for index, (choice_id, _) in enumerate(self.choices)
        ]

    def _redraw(self, focused: bool | None = None) -> None:
        # Focus events reach this class before Widget has updated has_focus, hence ``focused``.
        focused = self.has_focus if focused is None else focused
        cursor = self.highlighted if focused else None
        for index in range(self.option_count):  # none while set_choices swaps the options
            self.replace_option_prompt_at_index(index, self._prompt(index, index == cursor))

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.is_mounted:
            self._redraw()

    def _on_focus(self, event: events.Focus) -> None:
        self._redraw(focused=True)

    def _on_blur(self, event: events.Blur) -> None:
        self._turning_until = 0.0  # the focus moved on (the judgement's reason, a dialog): nothing to wait for
        self._redraw(focused=False)

    @property
    def value(self) -> str | tuple[str, ...] | None:
        if self.multiple:
            return tuple(self.chosen)
        return self.chosen[0] if self.chosen else None

    def set_chosen(self, chosen: Sequence[str]) -> None:
        """Show ``chosen`` as picked (used when the leader cancels a change)."""
        self.chosen = [choice_id for choice_id, _ in self.choices if choice_id in chosen]
        self._redraw()

    def set_choices(
        self,
        choices: Sequence[tuple[str, str]],
        *,
        multiple: bool,
        chosen: Sequence[str],
        exclusive: frozenset[str] = frozenset(),
    ) -> None:
        """Show other options, as a new list with these arguments would (the page reuses the list)."""
        self.clear_options()
        self.choices = tuple(choices)
        self.multiple = multiple
        self.exclusive = exclusive
        self.chosen = [choice_id for choice_id, _ in self.choices if choice_id in chosen]
        self.add_options(self._options_for(None))
        self.highlighted = self._index(self.chosen[0]) if self.chosen else 0
        self._turning_until = 0.0  # the page has turned: keys that waited may choose now

    def show_pick(self) -> None:
        """Draw the pick Enter left undrawn, for a screen that stays (see ``action_choose``)."""
        self._redraw()

    def action_choose(self, advance: bool) -> None:
        if time.monotonic() < self._turning_until:  # meant for the next page, not this one
            self.set_timer(TURN_POLL, partial(self.action_choose, advance))
            return
        index = self.highlighted
        if index is None:
            return
        choice_id = self.choices[index][0]
        if self.actions:
            self.post_message(self.Chosen(self, choice_id, True))
            return
        if advance:
            self._turning_until = time.monotonic() + TURN_WAIT
        if self.multiple:
            if advance and self.pick_on_enter and not self.chosen:
                self.chosen = [choice_id]  # nothing ticked: Enter picks the highlighted option, as on one-choice lists
                self._redraw()
            elif not advance:  # Space toggles; Enter only moves on
                picked = set(self.chosen) ^ {choice_id}
                if choice_id in picked:  # an option that stands alone clears the others, and the other way round
                    picked = {choice_id} if choice_id in self.exclusive else picked - self.exclusive
                self.chosen = [option_id for option_id, _ in self.choices if option_id in picked]
                self._redraw()
        else:
            self.chosen = [choice_id]
            if not advance:
                self._redraw()
            # With Enter the screen moves on at once (on the judgement page it moves the focus, which
            # redraws the list; before a question it calls show_pick): drawing the pick here would cost
            # a frame, and Textual then holds the next page back until its next frame is due (1/60 s).
        self.post_message(self.Chosen(self, self.value, advance))

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.highlighted = clicked
            self.action_choose(False)

    def on_key(self, event: events.Key) -> None:
        """Digits pick the option with that number: quick for a leader who reads the list."""
        if event.character and event.character.isdigit() and event.character != "0":
            index = int(event.character) - 1
            if index < len(self.choices):
                event.stop()
                self.highlighted = index
                self.action_choose(False)
