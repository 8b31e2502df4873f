"""A one-line field that looks like the rest of the wizard (see ``text_answer`` for the cursor)."""

from __future__ import annotations

from textual.widgets import Input


class LineInput(Input):
    """A one-line input without a blinking cursor and without a border (it is marked by a label)."""

    def __init__(self, value: str = "", *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(value, id=id, placeholder=placeholder, compact=True)
        self.cursor_blink = False
