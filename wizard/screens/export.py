"""The summary's export, part of the main screen: Enter in the export field writes the note,
Ctrl+L puts it into the wiki (``outputs.note.wiki``, as ``wizard export --wiki``).

The note's renderer and the wiki are imported when a note is written, not with the screen.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import on
from textual.screen import Screen
from textual.widgets import Input, Static

from flows import Answers, Flow
from outputs.reporting import danish_reason
from outputs.storage import SaveError, real_path
from outputs.wording.words import display_path, missing_folder
from wizard.pages import SUMMARY, Page
from wizard.screens.dialogs import ChoiceDialog
from wizard.screens.hosting import host_of, preparation_of
from wizard.session import Preparation, SessionHost


class NoteExport(Screen[None]):
    """What the main screen does on its summary page to get the note out."""

    page: Page  # the page shown (the main screen sets it)

    def __init__(self) -> None:
        super().__init__()
        self.exported: set[Path] = set()  # notes written from here: Enter may replace them without asking
        self.publishing = False  # Ctrl+L's git is running

    @property
    def host(self) -> SessionHost:
        return host_of(self)

    @property
    def preparation(self) -> Preparation:
        return preparation_of(self)

    @property
    def flow(self) -> Flow:
        return self.host.flow

    @on(Input.Submitted, "#export-path")
    def _export_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self._export_message("Skriv et filnavn til noten, fx ./forberedelse.md.")
            return
        path = Path(text).expanduser()
        problem = missing_folder(path)
        if problem:
            self._export_message(problem)
            return
        if real_path(path) == real_path(self.preparation.path):
            self._export_message("Det er svarfilen. Vælg et andet navn til noten, fx med .md til sidst.")
            return
        if path.exists() and real_path(path) not in self.exported:

            def confirmed(choice: str | None) -> None:
                if choice == "overskriv":
                    self.export(path)

            self.app.push_screen(
                ChoiceDialog(
                    "Filen findes allerede",
                    f"Der findes allerede en fil med navnet {display_path(path)}. Vil du erstatte den med noten?",
                    [("overskriv", "Ja, erstat filen"), ("fortryd", "Nej, jeg vælger et andet navn")],
                ),
                confirmed,
            )
            return
        self.export(path)

    def export(self, path: Path) -> None:
        from outputs.note import file_facts, write_markdown

        self.host.save_now()
        try:
            write_markdown(path, self.flow, self.preparation.answers, file_facts(self.preparation.path))
        except (SaveError, OSError) as error:
            message = getattr(error, "message", None) or (
                danish_reason(error) if isinstance(error, OSError) else str(error)
            )
            self._export_message(f"Noten blev ikke gemt: {message}")
            return
        self.exported.add(real_path(path))
        now: datetime = self.host.clock()
        self._export_message(f"Noten er gemt {now:%H:%M:%S} i {display_path(path)}.")

    def action_wiki(self) -> None:
        """Ctrl+L on the summary: the note into the wiki (``outputs.note.wiki``, as ``wizard export --wiki``).
        Git may wait for the network, so it runs in a thread; the answer comes under the export field."""
        from outputs.note import WIKI_VARIABLE, wiki_folder_from_environment

        if self.page != SUMMARY or self.publishing:  # one git run at a time in the wiki's folder
            return
        folder = wiki_folder_from_environment()
        if folder is None:
            self._export_message(
                f"Guiden ved ikke, hvor din kopi af wikien ligger: bed IT om at sætte {WIKI_VARIABLE} (se README). "
                "Du kan stadig gemme noten som fil med Enter."
            )
            return
        self.host.save_now()
        self._export_message(f"Lægger noten i wikien {display_path(folder)} …")
        answers, path = self.preparation.answers, self.preparation.path
        self.publishing = True
        self.run_worker(lambda: self._publish(folder, answers, path), thread=True, group="wiki")

    def _publish(self, folder: Path, answers: Answers, path: Path) -> None:
        from outputs.note import WikiError, WikiNote, file_facts, publish

        try:
            published = publish(folder, self.flow, [WikiNote(path, answers, file_facts(path))])
        except WikiError as error:
            message = f"Noten kom ikke i wikien: {error.message}"
            if not error.in_wiki:
                message += " " + self._note_beside(path, answers)
            else:
                message += f" Noten er gemt i {display_path(folder)}."
            self.app.call_from_thread(self._published, message)
            return
        now: datetime = self.host.clock()
        self.app.call_from_thread(self._published, f"{now:%H:%M:%S}: {published.summary()}")

    def _published(self, message: str) -> None:
        self.publishing = False
        self._export_message(message)

    def _note_beside(self, path: Path, answers: Answers) -> str:
        """The note saved as NAVN.md beside the answers file, unless that would replace a file
        the leader has not exported from here (Enter in the export field asks first)."""
        from outputs.note import file_facts, write_markdown
        from wizard.widgets.summary_page import export_path_for

        target = export_path_for(path)
        if target.exists() and real_path(target) not in self.exported:
            return "Tryk Enter i feltet for at gemme noten som fil i stedet."
        try:
            write_markdown(target, self.flow, answers, file_facts(path))
        except SaveError as error:
            return f"Noten kunne heller ikke gemmes som fil: {error.message}"
        self.exported.add(real_path(target))
        return f"Noten er gemt i {display_path(target)} i stedet."

    def _export_message(self, message: str) -> None:
        """The answer to Enter in the export field, right under it and scrolled into view."""
        line = self.query_one("#export-message", Static)
        line.update(message)
        self.call_after_refresh(line.scroll_visible, animate=False)
