"""A checkbox drawn as "[x]" / "[ ]", so its state reads without colour."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class MarkToggle(Static, can_focus=True):
    """Space toggles (Enter is left to the screen: it moves on); posts ``Toggled`` with the new state."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "toggle_mark", show=False)]

    checked: reactive[bool] = reactive(False)

    class Toggled(Message):
        def __init__(self, mark: MarkToggle, checked: bool) -> None:
            super().__init__()
            self.mark = mark
            self.checked = checked

        @property
        def control(self) -> MarkToggle:
            return self.mark

    def __init__(self, label: str, checked: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.label = label
        self.set_reactive(MarkToggle.checked, checked)

    def render(self) -> str:
        cursor = "›" if self.has_focus else " "  # refreshed after focus changes (see _on_focus)
        return f"{cursor} {'[x]' if self.checked else '[ ]'} {self.label}"

    def watch_checked(self, checked: bool) -> None:
        self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        self.call_after_refresh(self.refresh)

    def _on_blur(self, event: events.Blur) -> None:
        self.call_after_refresh(self.refresh)

    def action_toggle_mark(self) -> None:
        self.checked = not self.checked
        self.post_message(self.Toggled(self, self.checked))

    async def _on_click(self, event: events.Click) -> None:
        self.action_toggle_mark()
