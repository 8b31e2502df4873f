"""Every key the wizard knows, in one list (Ctrl+G or F2)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("Ctrl+N / Page Down", "Næste side"),
    ("Ctrl+P / Page Up", "Forrige side"),
    ("Enter", "Vælg svaret og gå videre (flere valg: gå videre)"),
    ("Mellemrum", "Vælg uden at gå videre (flere valg: til/fra)"),
    ("Pil op / Pil ned", "Flyt mellem svarmulighederne"),
    ("1 – 9", "Vælg svarmulighed nummer 1 – 9"),
    ("Tab / Shift+Tab", "Næste / forrige felt: svar, drøftelse, note"),
    ("Ctrl+J", "Ny linje i et tekstsvar eller en note"),
    ("Ctrl+F / F1", "Forklaring og kilde til spørgsmålet"),
    ("Ctrl+T", "Markér til drøftelse på mødet (eller fjern)"),
    ("Ctrl+O", "Oversigt: spring til et afsnit eller til slut"),
    ("Ctrl+R", "Hele begrundelsen for værktøjets bud"),
    ("Ctrl+S", "Gem i en anden fil, og fortsæt dér"),
    ("Ctrl+L", "Læg noten i wikien (i sammenfatningen)"),
    ("Ctrl+G / F2", "Denne liste over taster"),
    ("Ctrl+Q", "Gem og afslut"),
    ("Escape", "Luk et vindue som dette"),
)


class KeysScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q,ctrl+g,f2", "close", "Luk", show=False),
    ]

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in KEYS) + 2
        lines = [f"{key.ljust(width)}{meaning}" for key, meaning in KEYS]
        with Vertical(classes="dialog wide"):
            yield Static("Taster", classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", id="keys-body"):
                yield Static("\n".join(lines), markup=False)
                yield Static(
                    "^ i bunden af skærmen betyder Ctrl-tasten. Alle taster virker over SSH og i tmux. "
                    "Musen virker også, men du behøver den ikke. Alt, du svarer, gemmes med det samme.",
                    classes="hint",
                    markup=False,
                )
            yield Static("Tryk Escape eller Enter for at lukke.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#keys-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
