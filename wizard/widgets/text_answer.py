"""The free-text answer: a text area that behaves like the option lists (Enter moves on).

A free-text answer may hold several lines; Ctrl+J (the terminal's own
line-feed key, which survives SSH and tmux) starts a new line. Cursors do not
blink: blinking redraws the screen twice a second over SSH for nothing.

Imported only where a text area is shown: Textual's TextArea takes a few ms to
load, and the first screen is often a choice.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea


class AnswerText(TextArea):
    """A wrapping, multi-line text answer. Enter posts ``Submitted``; Ctrl+J inserts a line break."""

    class Submitted(Message):
        def __init__(self, text_area: AnswerText) -> None:
            super().__init__()
            self.text_area = text_area

        @property
        def control(self) -> AnswerText:
            return self.text_area

    def __init__(self, text: str = "", *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(
            text,
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            compact=True,
            placeholder=placeholder,
        )
        self.cursor_blink = False

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
            return
        if event.key == "ctrl+j":
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self._replace_via_keyboard("\n", start, end)
            return
        await super()._on_key(event)
