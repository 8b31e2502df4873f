"""Terminal injection: escape sequences in answers, notes, the technology's name and the leader's
reason stay inert text, in the screens and in ``wizard status`` (issue 6).

A file can be written by anyone, and text can be pasted from anywhere. An answer holding a
colour code, a screen clear, a cursor move, an OSC 52 clipboard write, a bell or a C1 CSI
(0x9B) would steer the leader's terminal if it were written out raw. The screens are checked
where it counts: the wizard runs in a real pseudo-terminal, and the bytes it writes are read.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from unittest import mock

from rich.segment import Segment
from textual.color import Color

from bench.wire import Terminal as PseudoTerminal
from flows import default_flow
from outputs.answers.file import load_answers
from wizard import cli, terminal
from wizard.app import WizardApp, open_preparation
from wizard.cli import main
from wizard.inert import INERT_CONTROLS

HEAD = '[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "2.0"\n'
NAME = "Skærm\x1b[31mRØD\x1b[2J\x1b[H\x1b]52;c;aGVq\x07bip\x9bX"
NOTE = "Spørg\x1b[2J\x07MED\x9b31m"
REASON = "Fordi\x1b]52;c;aGVq\x07 slut\x1b[1A"
# Pasted text carries no ESC: Textual's input reader takes an ESC inside a paste as the start of a key sequence,
# so it never arrives as text. C1 controls, BEL and DEL do arrive.
PASTED_ANSWER = "Beskr\x9b31mRØD\x07ivelse\x7fslut"
PASTED_NOTE = "Sagt\x9b2Jhøjt\x07"
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
OWN_POINTER_SHAPE = re.compile(rb"\x1b\]22;[a-z-]*\x07")  # Textual's own OSC 22, the only BEL it writes


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, control characters as \\u escapes (valid TOML)."""
    return '"' + "".join(f"\\u{ord(char):04x}" if CONTROL.match(char) else char for char in text) + '"'


def injected_file(path: Path) -> None:
    path.write_text(
        HEAD
        + f"\n[om-teknologien]\nnavn = {toml_string(NAME)}\n"
        + f'\n[vurdering]\negen-vurdering = "simpelt-redskab"\nbegrundelse = {toml_string(REASON)}\n'
        + f"\n[noter]\nnavn = {toml_string(NOTE)}\n\n[til-droeftelse]\nnavn = true\n",
        encoding="utf-8",
    )


def inert(text: str) -> bytes:
    """What the terminal should get for ``text``: the text without its control characters."""
    return CONTROL.sub("", text).encode()


def raw_fragments(text: str) -> list[bytes]:
    """Each control character in ``text`` with up to three characters on either side, as they
    would be written if the text reached the terminal raw."""
    return [text[max(0, match.start() - 3) : match.end() + 3].encode() for match in CONTROL.finditer(text)]


# -- the screens, in a real pseudo-terminal -------------------------------------------------------


class Terminal(PseudoTerminal):
    """The wizard in a pseudo-terminal of 80x24 (the benchmark's, ``bench.wire``): every byte it
    writes is kept, and ``screen`` is what the terminal shows. The wizard sends only the cells
    that change (wizard.screen_memory), so a text it shows need not be in the bytes in one piece."""

    def __init__(self, folder: Path, *args: str) -> None:
        super().__init__([sys.executable, "-m", "wizard", *args], folder)

    @property
    def seen(self) -> bytes:
        with self._lock:
            return bytes(self.output)

    def send(self, keys: bytes, *then_shows: bytes) -> None:
        """Type ``keys`` and wait until the screen newly shows each of ``then_shows``."""
        start = len(self.seen)
        os.write(self.master, keys)
        deadline = time.monotonic() + 20
        for text in then_shows:
            while len(self.seen) == start or text.decode() not in self._shown():
                assert time.monotonic() < deadline, f"{text!r} never appeared after {keys!r}:\n{self._shown()}"
                assert self.process.poll() is None, "the wizard stopped early"
                time.sleep(0.05)

    def _shown(self) -> str:
        with self._lock:
            return self.screen.text()

    def wait_to_end(self) -> int:
        return self.process.wait(timeout=20)

    def stop(self) -> None:
        """End the wizard if it still runs (a failed test), and let go of the terminal."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._stop.set()
        self._reader.join(timeout=5)
        os.close(self.master)


def paste(text: str) -> bytes:
    """A bracketed paste, as a terminal sends it when the leader pastes ``text``."""
    return b"\x1b[200~" + text.encode() + b"\x1b[201~"


def test_escape_sequences_from_the_file_and_from_a_paste_never_reach_the_terminal(tmp_path: Path) -> None:
    injected_file(tmp_path / "svar.toml")
    flow = default_flow()
    wizard = Terminal(tmp_path, "svar.toml")
    try:
        wizard.send(b"", flow.questions["beskrivelse"].text[:30].encode())  # resumes at the first unanswered
        wizard.send(paste(PASTED_ANSWER), inert(PASTED_ANSWER))
        wizard.send(b"\t", "› [ ] Til drøftelse".encode())  # Tab: on the mark
        wizard.send(b"\t", "  [ ] Til drøftelse".encode())  # Tab: the mark, redrawn without focus; on the note
        wizard.send(paste(PASTED_NOTE), inert(PASTED_NOTE))
        wizard.send(b"\x10", inert(NAME), inert(NOTE))  # Ctrl+P: the name and its note, from the file
        wizard.send(b"\x0f", b"Oversigt")  # Ctrl+O, End, Enter: the summary
        wizard.send(b"\x1b[F\r", inert(REASON))
        wizard.send(b"\x12", b"Begrundelse for buddet")  # Ctrl+R; the leader's reason is at its end:
        wizard.send(b"\x1b[F", inert(REASON))  # End scrolls there
        wizard.send(b"\x1b", b"Sammenfatning")
        os.write(wizard.master, b"\x11")  # Ctrl+Q
        assert wizard.wait_to_end() == 0
    finally:
        wizard.stop()
    out = bytes(wizard.seen)
    for text in (NAME, NOTE, REASON, PASTED_ANSWER, PASTED_NOTE):
        for fragment in raw_fragments(text):
            assert fragment not in out, f"{fragment!r} reached the terminal raw"
    assert b"\x1b]52" not in out  # no clipboard write at all
    assert not re.search(rb"\xc2[\x80-\x9f]", out)  # no C1 control (UTF-8 encoded) at all
    assert b"\x07" not in OWN_POINTER_SHAPE.sub(b"", out)  # no bell but Textual's own sequence end
    answers = load_answers(tmp_path / "svar.toml", flow)  # the leader's words are kept as they are
    assert answers.values["beskrivelse"] == PASTED_ANSWER
    assert answers.notes["beskrivelse"] == PASTED_NOTE
    assert (answers.values["navn"], answers.notes["navn"], answers.judgement_reason) == (NAME, NOTE, REASON)


def test_the_filter_drops_control_characters_and_keeps_the_width() -> None:
    line = [Segment("› "), Segment(NAME), Segment("\x1b"), Segment("\x1b[2J", control=((1,),))]
    cleaned = INERT_CONTROLS.apply(line, Color(0, 0, 0))
    assert [segment.text for segment in cleaned] == ["› ", inert(NAME).decode(), "\x1b[2J"]
    assert cleaned[2].control  # Textual's own control segments pass untouched
    assert Segment.get_line_length(cleaned[:2]) == Segment.get_line_length(line[:3])  # control chars are 0 wide
    plain = [Segment("Hvad hedder teknologien?")]
    assert INERT_CONTROLS.apply(plain, Color(0, 0, 0)) is plain


def test_the_screens_draw_every_line_through_the_filter() -> None:
    app = WizardApp(default_flow())
    assert INERT_CONTROLS in app.get_line_filters()


def test_a_file_name_with_escape_sequences_is_shown_inert_when_it_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "svar\x1b]52;c;aGVq\x07.toml"
    path.write_text(HEAD.replace("format = 1", "format = 2"), encoding="utf-8")
    err = io.StringIO()
    with (
        mock.patch.object(cli, "_is_terminal", lambda: True),
        mock.patch.object(terminal, "refusal", lambda: None),
        contextlib.redirect_stderr(err),
    ):
        code = main([str(path)])
    assert code == 1
    assert "har fejl og er ikke åbnet" in err.getvalue()
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", err.getvalue()), err.getvalue()
    assert "svar\\x1b]52;c;aGVq\\x07.toml" in err.getvalue()


# -- wizard status ------------------------------------------------------------------------------------
# tests/wizard/test_cli.py checks ESC and BEL in the name and a note; here: the reason, OSC 52 and C1.


def test_status_shows_the_reason_osc52_and_c1_inert(tmp_path: Path, capsys) -> None:
    path = tmp_path / "svar.toml"
    injected_file(path)
    assert main(["status", str(path)]) == 0
    out = capsys.readouterr().out
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out), out
    assert "Begrundelse: Fordi\\x1b]52;c;aGVq\\x07 slut\\x1b[1A" in out
    assert "Skærm\\x1b[31mRØD\\x1b[2J\\x1b[H\\x1b]52;c;aGVq\\x07bip\\x9bX" in out


def test_status_json_escapes_every_control_character_and_keeps_the_text(tmp_path: Path, capsys) -> None:
    path = tmp_path / "svar.toml"
    injected_file(path)
    assert main(["status", "--json", str(path)]) == 0
    out = capsys.readouterr().out
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out), out
    data = json.loads(out)  # a script gets the text exactly as it is in the file
    assert data["judgement"]["reason"] == REASON
    assert data["discuss"][0]["note"] == NOTE


# -- Textual markup in names ------------------------------------------------------------------------


def test_square_brackets_in_a_folder_name_are_shown_as_they_are_in_a_notification(tmp_path: Path, monkeypatch) -> None:
    """Textual reads "[...]" in a notification as markup: a folder named like this would be shown
    garbled ("mappe kursivklik"), with a click on it quitting the app. A name is shown as it is."""
    folder = tmp_path / "mappe [i]kursiv[@click=app.quit]klik"
    folder.mkdir()
    flow = default_flow()

    async def scenario() -> list[str]:
        app = WizardApp(flow, preparation=open_preparation(folder / "svar.toml", flow), text_save_delay=0.05)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            shutil.rmtree(folder)  # the next save fails, and a notification names the folder
            await pilot.press("a", "enter")
            await pilot.pause(0.2)
            shown = [toast.render().plain for toast in app.screen.query("Toast")]
            await pilot.press("ctrl+s", "ctrl+u", *"ny [b].toml", "enter")  # "Gemt" names the new file
            await pilot.pause(0.2)
            shown += [toast.render().plain for toast in app.screen.query("Toast")]
            await pilot.press("ctrl+q")
            await pilot.pause()
        return shown

    monkeypatch.chdir(tmp_path)
    shown = "\n".join(asyncio.run(scenario()))
    assert "mappe [i]kursiv[@click=app.quit]klik findes ikke" in shown, shown
    assert "Svarene gemmes nu i ./ny [b].toml" in shown, shown
