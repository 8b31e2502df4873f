"""The outline (Ctrl+O): the relevant sections with progress; Enter jumps there."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from wizard.pages import OutlineEntry, Page
from wizard.widgets.choices import ChoiceList


class OutlineScreen(ModalScreen[Page | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,ctrl+o", "close", "Luk", show=False)]

    def __init__(self, entries: list[OutlineEntry], highlight: int = 0) -> None:
        super().__init__()
        self.entries = entries
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        width = max(len(entry.title) for entry in self.entries) + 2
        choices = [
            (str(index), f"{entry.title.ljust(width)}{entry.detail}") for index, entry in enumerate(self.entries)
        ]
        with Vertical(classes="dialog wide"):
            yield Static("Oversigt", classes="dialog-title", markup=False)
            yield Static("Kun de afsnit, der er relevante efter dine svar, er med.", classes="hint", markup=False)
            yield ChoiceList(choices, actions=True, id="outline")
            yield Static("Enter springer dertil (til første ubesvarede spørgsmål) · Escape lukker", classes="hint")

    def on_mount(self) -> None:
        outline = self.query_one("#outline", ChoiceList)
        outline.highlighted = self.highlight
        outline.focus()

    @on(ChoiceList.Chosen, "#outline")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.dismiss(self.entries[int(event.single)].page)

    def action_close(self) -> None:
        self.dismiss(None)
