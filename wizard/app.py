"""The Textual wizard: a leader prepares the meeting alone, keyboard first, over SSH.

``run_app`` is the entry the command line calls. ``Preparation`` (from
``wizard.session``, which has no Textual) is one answers file being filled in;
``WizardApp`` shows it. Every change is saved through
``outputs.storage.saving`` the moment it is on the screen (text after a short pause in typing).
"""

from __future__ import annotations

import contextlib
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TextIO

from textual.app import App
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.filter import LineFilter
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer

from flows import Answers, Evaluation, Flow
from outputs.reporting import printable
from wizard import terminal
from wizard.collector import resume_collector
from wizard.inert import INERT_CONTROLS
from wizard.session import DEFAULT_FILE, Clock, OpenError, Preparation, SessionHost, open_preparation

__all__ = ["DEFAULT_FILE", "TEXT_SAVE_DELAY", "OpenError", "Preparation", "WizardApp", "open_preparation", "run_app"]

TEXT_SAVE_DELAY = 0.5  # seconds of no typing before a text answer is written


class WizardApp(App[int]):
    """The wizard. Without a preparation it starts on the start screen."""

    CSS_PATH = "app.tcss"
    TITLE = "Kerneopgave-guiden"
    ENABLE_COMMAND_PALETTE = False  # its key, Ctrl+P, means "previous" here
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit_saving", "Afslut", key_display="^Q", priority=True),
        Binding("ctrl+g,f2", "show_keys", "Genveje", key_display="^G", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    save_status: reactive[str] = reactive("")

    def __init__(
        self,
        flow: Flow,
        *,
        flow_name: str | None = None,
        preparation: Preparation | None = None,
        default_path: Path = DEFAULT_FILE,
        clock: Clock = datetime.now,
        handle_signals: bool = False,
        text_save_delay: float = TEXT_SAVE_DELAY,
    ) -> None:
        super().__init__()
        self.flow = flow
        self.flow_name = flow_name
        self.preparation = preparation
        self.default_path = default_path
        self.clock = clock
        self.handle_signals = handle_signals
        self.text_save_delay = text_save_delay
        self.animation_level = "none"  # no sliding over a slow SSH line
        self._save_timer: Timer | None = None
        self.hung_up = False
        self.where = ""  # the page the leader is on, for the goodbye (set by the main screen)

    def get_driver_class(self) -> type[Driver]:
        """Textual's terminal driver, writing only what changes on the screen (``wizard.screen_memory``)."""
        from wizard.screen_memory import WizardDriver

        return WizardDriver

    def get_line_filters(self) -> list[LineFilter]:
        """Textual's filters, then ours: no control character from a file or a paste reaches the terminal."""
        return [*super().get_line_filters(), INERT_CONTROLS]

    def get_default_screen(self) -> Screen:
        """The first screen, as Textual's default screen: pushed in ``on_mount`` it would be drawn a frame later.

        Each screen is imported when it is first shown: the first screen appears sooner.
        """
        if self.preparation is None:
            from wizard.screens.start import StartScreen

            return StartScreen(self.default_path)
        from wizard.screens.prepare import PrepareScreen

        self.set_reactive(WizardApp.save_status, self.preparation.status_text())
        return PrepareScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(resume_collector)  # paused by wizard.startup until the first screen is drawn
        if self.preparation is not None:  # opened from the command line
            self.call_after_refresh(self._tell_what_changed_in_the_flow, self.preparation.path)
        if self.handle_signals:
            terminal.on_hangup(self.hang_up)

    def on_unmount(self) -> None:
        if self.handle_signals:
            terminal.forget_hangup()
        if self.preparation is not None:  # whichever way the app ends, let go of the file
            self.save_now()
            self.preparation.close()

    # -- opening ---------------------------------------------------------------------------------------

    def open(self, path: Path, *, new: bool | None) -> None:
        """Open or start ``path`` and continue there; raises OpenError for the start screen to show."""
        from wizard.screens.prepare import PrepareScreen

        self.preparation = open_preparation(path, self.flow, self.clock, new=new)
        self.save_status = self.preparation.status_text()
        self._tell_what_changed_in_the_flow(path)
        # Pushed over the start screen (Textual cannot switch away from the default screen); nothing pops it.
        self.push_screen(PrepareScreen())

    def _tell_what_changed_in_the_flow(self, path: Path) -> None:
        """A file written under an older version of the flow: say what changed (as ``wizard check`` does)."""
        from outputs.answers import check_answers_file, upgrade_notice

        try:
            notice = upgrade_notice(check_answers_file(path, self.flow)[1]) if path.exists() else None
        except OSError:
            return
        if notice:
            self.notify(notice, title="Forløbet er ændret", timeout=15, markup=False)

    # -- saving ----------------------------------------------------------------------------------------

    def change_answers(self, answers: Answers, *, typing: bool = False, evaluation: Evaluation | None = None) -> None:
        """Take new answers; save as soon as the screen shows them, or shortly after the last key press while typing."""
        preparation = self.preparation
        assert preparation is not None
        changed = answers != preparation.answers
        preparation.change(answers, evaluation)
        if typing:
            if changed:  # (a field that only shows its own value again changes nothing, and postpones nothing)
                self._stop_save_timer()
                self._save_timer = self.set_timer(self.text_save_delay, self.save_now)
            return
        self.save_soon()

    def save_soon(self) -> None:
        """Save what is not yet written (a pending text answer too) right after the screen is next drawn:
        the leader sees the answer or the next page first, and a slow disk does not hold up the keys."""
        preparation = self.preparation
        if preparation is None or not (preparation.unsaved or preparation.error or self._save_timer):
            return
        self._stop_save_timer()
        self.call_after_refresh(self._save_unless_typing)

    def _save_unless_typing(self) -> None:
        if self._save_timer is None:  # else the leader has started typing since: the pause in typing saves
            self.save_now()

    def _stop_save_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def save_now(self) -> bool:
        """Write what is not yet written (a pending text answer too); True when all is on disk."""
        self._stop_save_timer()
        preparation = self.preparation
        if preparation is None:
            return True
        had_error = preparation.error
        saved = preparation.save_if_needed()
        self.save_status = preparation.status_text()
        if not saved and preparation.error != had_error:
            self.notify(
                f"{preparation.error}\nDine svar er ikke tabt, men de er ikke gemt. "
                "Tryk ^S for at gemme et andet sted.",
                title="Kunne ikke gemme",
                severity="error",
                timeout=10,
                markup=False,  # the message names files: "[...]" in a name is text, not Textual markup
            )
        return saved

    def save_as(self, path: Path) -> str | None:
        assert self.preparation is not None
        message = self.preparation.move_to(path)
        self.save_status = self.preparation.status_text()
        return message

    # -- leaving ---------------------------------------------------------------------------------------

    def action_quit_saving(self) -> None:
        if self.save_now():
            self.exit(0)
            return
        from wizard.screens.dialogs import ChoiceDialog

        def chosen(choice: str | None) -> None:
            if choice == "gem-som":
                self.action_save_as()
            elif choice == "afslut":
                self.exit(1)

        self.push_screen(
            ChoiceDialog(
                "Dine svar er ikke gemt",
                f"{self.preparation.error if self.preparation else ''}\n\n"
                "Afslutter du nu, mister du de svar, der ikke er gemt.",
                [("gem-som", "Gem et andet sted"), ("bliv", "Bliv i guiden"), ("afslut", "Afslut uden at gemme")],
            ),
            chosen,
        )

    def action_save_as(self) -> None:
        from wizard.screens.dialogs import SaveAsDialog

        if self.preparation is not None and not isinstance(self.screen, SaveAsDialog):
            self.push_screen(SaveAsDialog(self.preparation.path))

    def action_show_keys(self) -> None:
        from wizard.screens.keys import KeysScreen

        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss(None)  # the same key closes the list again
        else:
            self.push_screen(KeysScreen())

    def action_help_quit(self) -> None:
        self.notify("Tryk Ctrl+Q for at afslutte. Dine svar bliver gemt først.", title="Vil du afslutte?")

    def hang_up(self) -> None:
        """The terminal is gone (SIGHUP, or POLLHUP on the terminal, or SIGTERM): save, let go of the file, leave."""
        self.hung_up = True
        saved = True
        if self.preparation is not None:
            saved = self.preparation.save_if_needed()
            self.preparation.close()
        terminal.leave_soon()  # the screen cannot be restored on a dead terminal: do not wait for it
        self.exit(0 if saved else 1)


def run_app(path: Path | None, flow: Flow, flow_name: str | None) -> int:
    """Run the wizard in this terminal; the exit code for the command line."""
    refusal = terminal.refusal()
    if refusal:
        print(refusal, file=sys.stderr)
        return 2
    preparation = None
    if path is not None:
        try:
            preparation = open_preparation(path, flow)
        except OpenError as error:
            print_wrapped(printable(str(error), keep_newlines=True), sys.stderr)  # the name may hold escapes
            return 1
    app = WizardApp(flow, flow_name=flow_name, preparation=preparation, handle_signals=True)
    try:
        app.run()
    finally:
        if app.preparation is not None:
            app.preparation.close()
    if app.preparation is not None and not app.hung_up:  # a dropped line has no terminal to read it
        say_goodbye(app.preparation, app.where)
    if app.return_code is None:
        return 1
    return app.return_code


def say_goodbye(preparation: Preparation, where: str) -> None:
    """After Textual has given the terminal back: where the answers are, how far, and how to go on."""
    from wizard.welcome_and_goodbye import command_name, goodbye_lines

    saved = not (preparation.unsaved or preparation.error)
    lines = goodbye_lines(
        preparation.evaluation,
        preparation.flow,
        preparation.path,
        saved=saved,
        where=where,
        command=command_name(sys.argv[0]),
    )
    sentences = [line for line in lines if not line.startswith(("Fortsæt:", "Lav noten:"))]
    commands = [line for line in lines if line not in sentences]
    with contextlib.suppress(OSError):  # the terminal went away as the guide closed
        print_wrapped(printable("\n".join(sentences), keep_newlines=True), sys.stdout)  # a name may hold escapes
        # A command is never broken in two: copied from the terminal, it must still run.
        sys.stdout.write("".join(f"{printable(command)}\n" for command in commands))
        sys.stdout.flush()


def print_wrapped(text: str, stream: TextIO) -> None:
    """``text`` broken between words at the terminal's width: the terminal itself would cut a word in two
    ("proces 2749 / 7"). A word longer than a line (a long path) is left whole. Not a terminal (a script,
    a log): the lines as they are, for the script to read."""
    import shutil
    import textwrap

    lines = text.splitlines()
    if stream.isatty():
        width = max(shutil.get_terminal_size((80, 24)).columns - 1, 40)
        lines = [
            textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if len(line) > width else line
            for line in lines
        ]
    stream.write("\n".join(lines) + "\n")
    stream.flush()


if TYPE_CHECKING:

    def _is_a_session_host(app: WizardApp) -> SessionHost:
        return app  # mypy: the app offers everything the screens ask of it (wizard.session.SessionHost)
