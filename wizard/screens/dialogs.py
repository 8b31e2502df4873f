"""Small dialogs on top of the wizard: a question with choices, and "save somewhere else".

Escape closes a dialog without choosing (closing is safe; back/forward never
depend on Escape).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from outputs.wording.words import display_path, missing_folder, shorten
from wizard.screens.hosting import host_of
from wizard.widgets.choices import ChoiceList
from wizard.widgets.line_input import LineInput

# Under a pinned text the body shows this many lines and scrolls the rest: the whole dialog fits at 80x24.
PINNED_BODY_LINES = 7


class ChoiceDialog(ModalScreen[str | None]):
    """A title, an explanation and a few choices; dismisses with the chosen id (None on Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Luk", show=False)]

    def __init__(self, title: str, body: str, choices: Sequence[tuple[str, str]], *, pinned: str = "") -> None:
        super().__init__()
        self.heading = title
        self.body = body
        self.pinned = pinned  # said above the body and never scrolled away (the body may be long)
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            if self.pinned:
                yield Static(self.pinned, id="dialog-pinned", markup=False)
            with VerticalScroll(classes="dialog-body under-pinned" if self.pinned else "dialog-body", id="dialog-body"):
                yield Static(self.body, markup=False)
            yield ChoiceList(self.choices, actions=True, id="dialog-choices")
            if self.pinned and len(self.body.splitlines()) > PINNED_BODY_LINES:
                yield Static("Tab går til listen ovenfor; pil op/ned ruller i den.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#dialog-choices", ChoiceList).focus()

    @on(ChoiceList.Chosen, "#dialog-choices")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.dismiss(event.single)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def hiding_reassurance(count: int, file: str) -> str:
    """What the leader reads first before answers are hidden: nothing is lost, and where the answers stay."""
    questions = "1 spørgsmål" if count == 1 else f"{count} spørgsmål"
    return (
        f"Ændrer du svaret, er {questions}, du har besvaret, ikke længere relevante. Intet bliver slettet: "
        f"svarene bliver i filen {file}, og det, du har skrevet, står i noten under »Tekst, der ikke længere "
        "tæller«. Svarene tæller igen, hvis du ændrer svaret tilbage."
    )


class HideAnswersDialog(ChoiceDialog):
    """Asked before a changed answer hides answered questions. The reassurance stays in view, and the
    questions it hides scroll under it (Pil op/ned), however many they are."""

    def __init__(self, question_texts: Sequence[str], file: str) -> None:
        names = "\n".join(f"• {shorten(text, 64)}" for text in question_texts)
        super().__init__(
            "Skjuler besvarede spørgsmål",
            f"Det gælder:\n{names}",
            [("skift", "Ja, skift svaret"), ("behold", "Nej, behold det gamle svar")],
            pinned=hiding_reassurance(len(question_texts), file),
        )


class SaveAsDialog(ModalScreen[Path | None]):
    """Ask for a new file name and continue saving there."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Luk", show=False)]

    def __init__(self, current: Path) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        suggestion = self.current.with_name(f"{self.current.stem}-kopi{self.current.suffix or '.toml'}")
        with Vertical(classes="dialog"):
            yield Static("Gem et andet sted", classes="dialog-title", markup=False)
            yield Static(
                f"Svarene gemmes nu i {display_path(self.current)}. Skriv et nyt filnavn (evt. med mappe), og tryk "
                "Enter. Guiden gemmer alle svar dér og fortsætter i den nye fil. Escape fortryder.",
                markup=False,
            )
            yield LineInput(display_path(suggestion), id="save-as-path")
            yield Static("", id="save-as-message", markup=False)

    def on_mount(self) -> None:
        self.query_one("#save-as-path", LineInput).focus()

    @on(Input.Submitted, "#save-as-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.query_one("#save-as-message", Static).update("Skriv et filnavn, fx ./forberedelse.toml.")
            return
        path = Path(text).expanduser()
        message = missing_folder(path) or host_of(self).save_as(path)
        if message:
            self.query_one("#save-as-message", Static).update(message)
            return
        self.app.notify(f"Svarene gemmes nu i {display_path(path)}.", title="Gemt", markup=False)  # a name, not markup
        self.dismiss(path)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class ExplanationScreen(ModalScreen[None]):
    """The help text and source of a question (Ctrl+F or F1); the question stays named at the top."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q,ctrl+f,f1", "close", "Luk", show=False)]

    def __init__(self, heading: str, text: str) -> None:
        super().__init__()
        self.heading = heading
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Forklaring", classes="dialog-title", markup=False)
            yield Static(self.heading, classes="question", markup=False)
            with VerticalScroll(classes="dialog-body", id="explanation-body"):
                yield Static(self.text, markup=False)
            yield Static("Pil op/ned ruller · Escape eller Enter lukker", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#explanation-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
