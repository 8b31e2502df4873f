"""The baseline for the screen figures: the smallest Textual app with the same parts as a wizard page
(a header, a label, a radio set, a footer), started the same way as ``wizard`` (a Python script in the
project's venv). ``bench/tui.py`` times it beside the wizard in the same tmux server."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, Label, RadioButton, RadioSet

TITLE = "Minimal app"
QUESTION = "Hvilket fagområde hører den til?"
OPTIONS = ("Dagtilbud og skole", "Social og sundhed", "Beskæftigelse", "Borgerservice")


DIALOG_TEXT = "Et lille vindue"


class Dialog(ModalScreen[None]):
    """The smallest new screen: what a screen change costs in bare Textual (not shown in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", show=False)]

    def compose(self) -> ComposeResult:
        yield Label(DIALOG_TEXT)


class MinimalApp(App[None]):
    TITLE = TITLE
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f2", "dialog", show=False)]

    def action_dialog(self) -> None:
        self.push_screen(Dialog())

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(QUESTION)
        with RadioSet():
            for label in OPTIONS:
                yield RadioButton(label)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()


if __name__ == "__main__":
    MinimalApp().run()
