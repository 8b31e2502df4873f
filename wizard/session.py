"""One answers file being filled in, without any screen: shared by the screens and the plain mode.

``open_preparation`` locks and reads the file (or starts a new one); ``Preparation`` holds
the answers in memory, where they are saved and whether the last save worked. Only this
module writes the answers file. It imports no Textual, so the line-by-line dialogue
(``wizard.plain``) can use it on a terminal where Textual cannot run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from flows import Answers, AnswerValue, Evaluation, Flow, Question, evaluate
from flows.fingerprint import is_changed, refreshed
from outputs.answers import AnswersFileError, load_answers
from outputs.reporting import danish_reason
from outputs.storage import (
    AnswersLock,
    LockedError,
    SaveError,
    remove_stray_temporaries,
    save_answers,
    saving_refusal,
)
from outputs.wording.words import display_path

DEFAULT_FILE = Path("forberedelse.toml")

Clock = Callable[[], datetime]


def _message_of(error: BaseException) -> str:
    return getattr(error, "message", None) or str(error)


@dataclass
class OpenError(Exception):
    """The answers file could not be opened; ``details`` are located problems, one per line."""

    message: str
    details: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join([self.message, *self.details])


class Preparation:
    """One answers file being filled in. Only this class writes the file."""

    def __init__(self, flow: Flow, path: Path, answers: Answers, lock: AnswersLock, clock: Clock = datetime.now):
        self.flow = flow
        self.path = path
        self.lock = lock
        self.clock = clock
        self._answers = answers
        self._evaluation = evaluate(flow, answers)
        self.saved_at: datetime | None = None
        self.error: str | None = None
        self.unsaved = False
        self.closed = False

    @property
    def answers(self) -> Answers:
        return self._answers

    @property
    def evaluation(self) -> Evaluation:
        return self._evaluation

    def change(self, answers: Answers, evaluation: Evaluation | None = None) -> None:
        """Take new answers (and their evaluation, when the caller has it) into memory; saving is separate."""
        answers = refreshed(self.flow, self._answers, answers)  # a new answer records what its question asked
        if answers != self._answers or answers.fingerprints != self._answers.fingerprints:
            self._answers = answers
            self._evaluation = evaluation or evaluate(self.flow, answers)
            self.unsaved = True

    def save(self) -> bool:
        """Write the answers now; on failure keep them in memory and remember why."""
        if self.closed:
            return False
        try:
            save_answers(self.path, self.flow, self._answers)
        except SaveError as error:
            self.error = _message_of(error)
            return False
        self.saved_at = self.clock()
        self.error = None
        self.unsaved = False
        return True

    def save_if_needed(self) -> bool:
        return self.save() if self.unsaved or self.error else True

    def move_to(self, path: Path) -> str | None:
        """Save under a new name and continue there; a Danish message if that did not work."""
        if path.exists():
            return f"Der findes allerede en fil med navnet {display_path(path)}. Vælg et andet navn."
        lock = AnswersLock(path)
        try:
            lock.acquire()
        except (LockedError, SaveError, OSError) as error:
            return _message_of(error)
        old_path, old_lock = self.path, self.lock
        self.path, self.lock = path, lock
        if self.save():
            old_lock.release()
            return None
        message = self.error
        self.path, self.lock = old_path, old_lock
        lock.release()
        return message

    def close(self) -> None:
        """Release the lock; nothing is written after this."""
        if not self.closed:
            self.closed = True
            self.lock.release()

    def status_text(self) -> str:
        where = display_path(self.path)
        if self.error:
            return f"IKKE GEMT: {self.error} Tryk ^S for at gemme et andet sted."
        if self.saved_at is None:
            return f"Svarene gemmes i {where}"
        return f"Gemt {self.saved_at:%H:%M:%S} i {where}"


def open_preparation(path: Path, flow: Flow, clock: Clock = datetime.now, *, new: bool | None = None) -> Preparation:
    """Lock and read ``path`` (or start a new file there). ``new``: True/False demands that the file
    is absent/present; None takes whichever it is. Raises OpenError with a Danish message."""
    exists = path.exists()
    if new is True and exists:
        raise OpenError(
            f"Der findes allerede en fil med navnet {display_path(path)}. Vælg Åbn, eller skriv et andet navn."
        )
    if new is False and not exists:
        raise OpenError(f"Der findes ingen fil med navnet {display_path(path)}. Tjek navnet, eller start en ny.")
    if path.is_dir():
        raise OpenError(f"{display_path(path)} er en mappe. Skriv navnet på en fil, fx {display_path(DEFAULT_FILE)}.")
    if not exists and not path.parent.is_dir():
        raise OpenError(f"Mappen {display_path(path.parent)} findes ikke. Opret den først, eller vælg en anden mappe.")
    try:
        saving_refusal(path)  # a FIFO, a file with hard links, another user's file: said now, not at the first save
    except SaveError as error:
        raise OpenError(_message_of(error)) from None
    lock = AnswersLock(path)
    try:
        lock.acquire()
    except (LockedError, SaveError) as error:
        raise OpenError(_message_of(error)) from None
    except OSError as error:
        raise OpenError(f"Kan ikke bruge {display_path(path)}: {danish_reason(error)}.") from None
    remove_stray_temporaries(path)  # left by a crash mid-save; with the lock held, none is being written
    try:
        answers = load_answers(path, flow) if exists else Answers()
    except AnswersFileError as error:
        lock.release()
        problems = [problem.render() for problem in error.problems]
        raise OpenError(
            f"Svarfilen {display_path(path)} har fejl og er ikke åbnet (den er ikke ændret). "
            "Ret fejlene, og prøv igen:",
            problems,
        ) from None
    except OSError as error:
        lock.release()
        raise OpenError(f"Svarfilen {display_path(path)} kan ikke læses: {danish_reason(error)}.") from None
    return Preparation(flow, path, answers, lock, clock)


# The mark under a question whose wording changed since it was answered (flows.fingerprint).
CHANGED_MARK = "(!) Spørgsmålet er ændret, siden du svarede · Enter beholder svaret"


def marked_text(question: Question, answers: Answers) -> str:
    """A question's text as the page shows it: with the mark when it changed since it was answered."""
    return f"{question.text}\n{CHANGED_MARK}" if is_changed(question, answers) else question.text


def with_value(answers: Answers, question_id: str, value: AnswerValue | None) -> Answers:
    """Answers with one value set; an empty value removes the answer."""
    values = dict(answers.values)
    if value in (None, "", ()):
        values.pop(question_id, None)
    else:
        values[question_id] = value
    return replace(answers, values=values)


def hidden_by(before: Evaluation, after: Evaluation) -> list[str]:
    """Questions answered and visible ``before`` that are hidden ``after``."""
    return [question_id for question_id in before.visible_answers if not after.is_visible(question_id)]


class SessionHost(Protocol):
    """What a screen may ask of the app that holds the session (``wizard.app.WizardApp``).

    The screens reach the session through this, typed, instead of through an untyped ``self.app``,
    and without importing the app (which imports them): ``wizard.screens.hosting.host_of``.
    """

    flow: Flow
    preparation: Preparation | None
    clock: Clock
    where: str  # the page the leader is on, for the goodbye

    def open(self, path: Path, *, new: bool | None) -> None: ...

    def change_answers(
        self, answers: Answers, *, typing: bool = False, evaluation: Evaluation | None = None
    ) -> None: ...

    def save_soon(self) -> None: ...

    def save_now(self) -> bool: ...

    def save_as(self, path: Path) -> str | None: ...
