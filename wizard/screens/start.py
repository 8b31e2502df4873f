"""The first screen: the preparations in this folder (Enter opens one), a new one, or another file.

The folder is read in a thread (``outputs.note.preparations_here``): a folder with many files
must not hold up the first screen, and the leader can start typing a name meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from flows.length import length_text
from outputs.wording.words import display_path
from wizard.screens.hosting import host_of
from wizard.session import OpenError, SessionHost
from wizard.welcome_and_goodbye import folder_rows, free_name
from wizard.widgets.choices import ChoiceList
from wizard.widgets.key_footer import KeyFooter
from wizard.widgets.line_input import LineInput

if TYPE_CHECKING:
    from outputs.note import FolderEntry

NEW = "ny"
OTHER = "anden"
ACTIONS = ((NEW, "Start en ny forberedelse"), (OTHER, "Åbn en anden fil (skriv navnet nedenfor)"))

# Say what Enter in the name field will do, after the leader chose from the list.
FIELD_HINTS = {
    NEW: "Navnet på den nye fil (ret det, hvis du vil), og Enter:",
    OTHER: "Skriv navnet på filen (evt. med mappe), og tryk Enter:",
    None: "Svarfil (åbnes, hvis den findes, ellers startes en ny):",
}


class StartScreen(Screen):
    """Preparations found here, then "new" and "another file"; the name field below them."""

    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self.default_path = default_path
        self.entries: list[FolderEntry] = []
        self.field_mode: str | None = None  # NEW, OTHER or None (open or start, whichever fits)

    @property
    def wizard(self) -> SessionHost:
        return host_of(self)

    def compose(self) -> ComposeResult:
        flow = self.wizard.flow
        with VerticalScroll(id="start"):
            with Horizontal(id="start-top"):
                yield Static(self.app.title, id="start-title", markup=False)
                yield Static(flow.title, classes="heading", markup=False)
            yield Static(
                # Kept short: at 80x24 the whole screen, down to the hint about ^, must fit without scrolling.
                "Guiden giver et bud på, hvad slags teknologi det er, og laver en note til mødet. Svarene gemmes "
                f"med det samme, så du kan stoppe og fortsætte senere. {length_text(flow)}".strip(),
                classes="intro",
                markup=False,
            )
            yield Static("Leder efter forberedelser i mappen …", id="start-list-label", classes="label", markup=False)
            yield Static("", id="start-columns", classes="columns", markup=False)
            yield ChoiceList(ACTIONS, id="start-list", actions=True)
            yield Static(FIELD_HINTS[None], id="path-label", classes="label", markup=False)
            yield LineInput(display_path(self.default_path), id="path")
            yield Static("", id="start-message", markup=False)
            yield Static("^ betyder Ctrl-tasten: ^G (Ctrl+G) viser alle taster.", classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#start-columns").display = False
        self.query_one("#path", LineInput).focus()
        self.sub_title = ""
        self._read_folder()

    @work(thread=True, exclusive=True, group="start-folder")
    def _read_folder(self) -> None:
        from outputs.note import preparations_in

        entries = preparations_in(Path(), self.wizard.flow)
        self.app.call_from_thread(self._show_folder, entries)

    def _show_folder(self, entries: list[FolderEntry]) -> None:
        self.entries = entries
        choices = self.query_one("#start-list", ChoiceList)
        label = self.query_one("#start-list-label", Static)
        if not entries:
            label.update("Der er ingen forberedelser i denne mappe endnu.")
            return
        header, rows = folder_rows(entries, self.wizard.flow)
        columns = self.query_one("#start-columns", Static)
        columns.update(header)
        columns.display = True
        label.update("Dine forberedelser i denne mappe (Enter åbner den markerede):")
        files = [(str(index), row) for index, row in enumerate(rows)]
        choices.set_choices([*files, *ACTIONS], multiple=False, chosen=())
        field = self.query_one("#path", LineInput)
        if self.app.screen is self and self.focused is field and field.value == display_path(self.default_path):
            choices.focus()  # the leader has not started typing a name: the list is what they came for
        if any(entry.path.name == self.default_path.name for entry in entries):
            field.value = display_path(free_name(self.default_path, [entry.path.name for entry in entries]))

    def _path(self) -> Path | None:
        text = self.query_one("#path", LineInput).value.strip()
        if not text:
            self._show("Skriv navnet på svarfilen, fx ./forberedelse.toml.")
            return None
        return Path(text).expanduser()

    def _show(self, message: str) -> None:
        self.query_one("#start-message", Static).update(message)

    def _open(self, path: Path, new: bool | None) -> None:
        try:
            self.wizard.open(path, new=new)
        except OpenError as error:
            self._show(str(error))

    @on(Input.Submitted, "#path")
    def _path_submitted(self) -> None:
        path = self._path()
        if path is not None:
            self._open(path, {NEW: True, OTHER: False, None: None}[self.field_mode])

    @on(ChoiceList.Chosen, "#start-list")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        value = str(event.value)
        field = self.query_one("#path", LineInput)
        if value in (NEW, OTHER):
            self.field_mode = value
            self.query_one("#path-label", Static).update(FIELD_HINTS[value])
            if value == NEW:
                taken = [entry.path.name for entry in self.entries]
                field.value = display_path(free_name(self.default_path, taken))
            else:
                field.value = ""
            self._show("")
            field.focus()
            field.cursor_position = len(field.value)
            return
        entry = self.entries[int(value)]
        if entry.problem is not None:
            self._show(f"{display_path(entry.path)} kan ikke åbnes: {entry.problem}. Ret filen, og prøv igen.")
            return
        self._open(entry.path, False)
