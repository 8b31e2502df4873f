"""The first screen: start a new preparation or open one, in a file the leader names."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from flows.length import length_text
from outputs.wording.words import display_path
from wizard.session import OpenError
from wizard.widgets.choices import ChoiceList
from wizard.widgets.key_footer import KeyFooter
from wizard.widgets.line_input import LineInput

ACTIONS = (
    ("fortsaet", "Fortsæt: åbn filen, hvis den findes, ellers start en ny"),
    ("ny", "Start en ny forberedelse i filen"),
    ("aabn", "Åbn en forberedelse, du er i gang med"),
)


class StartScreen(Screen):
    """Name the answers file, then Enter: it is opened if it exists, otherwise started."""

    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        flow = self.app.flow
        with VerticalScroll(id="start"):
            yield Static(self.app.title, id="start-title", markup=False)
            yield Static(flow.title, classes="heading", markup=False)
            if flow.description:
                yield Static(flow.description, classes="intro", markup=False)
            yield Static(
                # Kept short: at 80x24 the whole screen, down to the hint about ^, must fit without scrolling.
                "Guiden giver et bud på, hvad slags teknologi det er, og laver en note til mødet. Svarene gemmes "
                f"med det samme, så du kan stoppe og fortsætte senere. {length_text(flow)}".strip(),
                classes="intro",
                markup=False,
            )
            yield Static("Svarfil (skriv et andet navn, hvis du vil):", classes="label", markup=False)
            yield LineInput(display_path(self.default_path), id="path")
            yield Static("Tryk Enter for at fortsætte, eller Tab og vælg med pilene:", classes="label", markup=False)
            yield ChoiceList(ACTIONS, id="actions", actions=True)
            yield Static("", id="start-message", markup=False)
            yield Static(
                "^ betyder Ctrl-tasten: ^G (Ctrl+G) viser alle taster.",
                classes="hint",
                markup=False,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#path", LineInput).focus()
        self.sub_title = ""

    def _path(self) -> Path | None:
        text = self.query_one("#path", LineInput).value.strip()
        if not text:
            self._show("Skriv navnet på svarfilen, fx ./forberedelse.toml.")
            return None
        return Path(text).expanduser()

    def _show(self, message: str) -> None:
        self.query_one("#start-message", Static).update(message)

    def _open(self, new: bool | None) -> None:
        path = self._path()
        if path is None:
            return
        try:
            self.app.open(path, new=new)
        except OpenError as error:
            self._show(str(error))

    @on(Input.Submitted, "#path")
    def _path_submitted(self) -> None:
        self._open(None)

    @on(ChoiceList.Chosen, "#actions")
    def _action_chosen(self, event: ChoiceList.Chosen) -> None:
        self._open({"fortsaet": None, "ny": True, "aabn": False}[event.value])
