"""The plain mode: the same guide as the screens, line by line, for screen readers and poor terminals.

``wizard --plain FIL`` (or ``ACCESSIBLE=1``, or ``TERM=dumb``) asks one question at a time as
plain lines and reads the answer as a plain line from standard input. Nothing is redrawn and
nothing moves the cursor: no escape sequence, no colour, no bell, lines of at most 80 columns.
A screen reader or a Braille display reads it from top to bottom, as it is written.

It works on the same session as the screens (``wizard.session``): the same lock, the same
save after every answer, the same answers file, and it starts at the first unanswered question.
The order of the pages and the words are the screens' too (``wizard.pages``,
``outputs.wording.page_texts``, ``outputs.wording.verdict_text``). No Textual is imported; neither is
``readline``, whose line editing would write escape sequences.
"""

from __future__ import annotations

import io
import re
import signal
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from flows import UNKNOWN, Answers, Evaluation, Flow, Kind, Question, Verdict, evaluate
from flows.fingerprint import confirmed
from flows.schema import UNKNOWN_LABEL
from outputs.note import meeting_agenda
from outputs.reporting import danish_reason, printable
from outputs.storage import SaveError, real_path
from outputs.wording import verdict_text
from outputs.wording.page_texts import (
    AGREE,
    chosen_judgement,
    explanation,
    judgement_choices,
    traits_explanation,
    traits_label,
)
from outputs.wording.words import answer_text, display_path, progress_text
from wizard.pages import JUDGEMENT, RESUMED_ON_TEXT, SUMMARY, Page, neighbour, outline, resume_point
from wizard.session import (
    DEFAULT_FILE,
    Clock,
    OpenError,
    Preparation,
    hidden_by,
    marked_text,
    open_preparation,
    with_value,
)
from wizard.welcome_and_goodbye import command_name, goodbye_lines

WIDTH = 80
INTERRUPTED = 130

# One letter each, typed alone on a line. A free-text answer of just one of these letters is read as the key.
HELP, UNKNOWN_KEY, BACK, OUTLINE, NOTE, DISCUSS, QUIT, CLEAR, REASONS = "?", "v", "t", "o", "n", "d", "q", "x", "b"
END_OF_TEXT = "."  # a line with only a full stop ends a text of several lines (so a text may hold empty lines)

QUESTION_KEYS = "t tilbage, o oversigt, n note, d drøftelse, q stop"  # x (slet svaret): said by ?
MORE_KEYS = "Flere taster: x sletter dit svar, b giver hele begrundelsen for buddet, q gemmer og stopper."
PAGE_KEYS = "b begrundelse, t tilbage, o oversigt, q gem og stop"


class _Stop(Exception):
    """The leader asked to stop (q), typed Ctrl+D, or the terminal went away."""


class _HungUp(_Stop):
    pass


@dataclass(frozen=True)
class _Key:
    """A one-letter key typed alone on a line."""

    letter: str


Reply = _Key | str  # a key, or text (possibly empty: Enter alone)


class PlainDialogue:
    """One leader, one answers file, one line at a time."""

    def __init__(self, preparation: Preparation, read: TextIO, write: TextIO, clock: Clock = datetime.now) -> None:
        self.preparation = preparation
        self.flow: Flow = preparation.flow
        self.read = read
        self.write = write
        self.clock = clock
        self.section_shown: str | None = None
        self.exported: set[Path] = set()

    # -- output ----------------------------------------------------------------------------------------

    def say(self, text: str = "", indent: str = "", hanging: str = "") -> None:
        """Write ``text`` wrapped at 80 columns; control characters from a file are shown, never obeyed."""
        for paragraph in printable(text, keep_newlines=True).split("\n"):
            lines = textwrap.wrap(
                paragraph,
                WIDTH,
                initial_indent=indent,
                subsequent_indent=indent + hanging,
                break_on_hyphens=False,
            )
            self.write.write("\n".join(lines) + "\n" if lines else "\n")
        self.write.flush()

    def ask(self, prompt: str = "> ") -> str:
        """One line from the leader, without its line break; _Stop at the end of input (Ctrl+D)."""
        self.write.write(prompt)
        self.write.flush()
        line = self.read.readline()
        if not line:
            self.write.write("\n")
            raise _Stop
        return line.rstrip("\r\n")

    def reply(self, prompt: str = "> ") -> Reply:
        line = self.ask(prompt)
        word = line.strip()
        if len(word) == 1 and word.lower() in (HELP, UNKNOWN_KEY, BACK, OUTLINE, NOTE, DISCUSS, QUIT, CLEAR, REASONS):
            return _Key(word.lower())
        return line

    def text_after(self, first: str) -> str:
        """The rest of a text whose first line is ``first``: more lines until an empty line or a "."."""
        lines = [first]
        while True:
            line = self.ask("… ")
            if line.strip() in ("", END_OF_TEXT):
                return "\n".join(lines).strip()
            lines.append(line)

    # -- the session -----------------------------------------------------------------------------------

    @property
    def answers(self) -> Answers:
        return self.preparation.answers

    @property
    def evaluation(self) -> Evaluation:
        return self.preparation.evaluation

    def take(self, answers: Answers) -> None:
        """Take and save new answers; say what is hidden, what changed in the verdict, and a failed save."""
        before = self.evaluation
        after = evaluate(self.flow, answers)
        lost = hidden_by(before, after)
        self.preparation.change(answers, after)
        if lost:
            if len(lost) == 1:
                said = "1 besvaret spørgsmål tæller ikke længere efter dette svar. Svaret bliver i filen"
            else:
                said = f"{len(lost)} besvarede spørgsmål tæller ikke længere efter dette svar. Svarene bliver i filen"
            self.say(f"{said} og tæller igen, hvis du ændrer svaret tilbage.")
        if not self.preparation.save_if_needed():
            self.say(f"IKKE GEMT: {self.preparation.error} Dine svar er ikke tabt; de gemmes igen ved næste svar.")
        self.tell_changes(before, after)

    def tell_changes(self, before: Evaluation, after: Evaluation) -> None:
        """The verdict, its reasons and the complexity in sentences, when they changed."""
        flow = self.flow
        if before.verdict is not after.verdict:
            self.say(f"Værktøjets bud er nu: {verdict_text.headline(flow, after)}.")
            for sentence in verdict_text.explanation(flow, after):
                if sentence:
                    self.say(sentence)
        old, new = set(before.reasons), set(after.reasons)
        for reason in after.reasons:
            if reason not in old:
                self.say(f"Tæller nu med i buddet: {verdict_text.reason_line(reason)}.")
        for reason in before.reasons:
            if reason not in new:
                self.say(f"Tæller ikke længere med: {verdict_text.reason_line(reason)}.")
        if (old != new) and before.verdict is after.verdict:
            self.say(verdict_text.points_sum(flow, after))
        if before.complexity.level != after.complexity.level:
            self.say(verdict_text.complexity_lines(flow, after)[0])

    def tell_reasoning(self) -> None:
        """The whole reasoning behind the verdict (b), in the words of the screens' Ctrl+R and the note."""
        flow, evaluation = self.flow, self.evaluation
        self.say()
        self.say(f"Værktøjets bud: {verdict_text.headline(flow, evaluation)}.")
        for sentence in verdict_text.explanation(flow, evaluation):
            if sentence:
                self.say(sentence)
        self.say("Det, der tæller (alle opfyldte kriterier, begge veje):")
        for reason in evaluation.reasons:
            self.say(f"- {verdict_text.reason_line(reason)}: {reason.explanation}", indent="  ", hanging="  ")
        if not evaluation.reasons:
            self.say("- Ingen kriterier er opfyldt endnu.", indent="  ")
        self.say(verdict_text.points_sum(flow, evaluation))
        lead = verdict_text.decisive_lead(flow, evaluation)
        if lead:
            self.say(lead)
            for alternative in evaluation.decisive:
                changes = [verdict_text.change_text(flow, change).sentence() for change in alternative]
                self.say(f"- {' og '.join(changes)}", indent="  ", hanging="  ")
        for line in verdict_text.complexity_lines(flow, evaluation):
            self.say(line)
        for reason in evaluation.complexity.reasons:
            self.say(f"- {verdict_text.reason_line(reason)}: {reason.explanation}", indent="  ", hanging="  ")
        self.say("Buddet er en hjælp, ikke en afgørelse: du kan altid være uenig og skrive hvorfor.")

    # -- the walk --------------------------------------------------------------------------------------

    def run(self) -> None:
        where = display_path(self.preparation.path)
        self.say(f"Kerneopgave-guiden, linje for linje. Svarene gemmes i {where} efter hvert svar.")
        self.say(
            "Skriv dit svar, og tryk Enter. Et bogstav alene på en linje er en tast: ? forklarer, q gemmer og stopper."
        )
        resumed, maybe_cut_off = resume_point(self.evaluation)
        page: Page | None = resumed
        if page != Page("spørgsmål", self.flow.sections[0].questions[0].id):
            self.say(f"Du fortsætter, hvor du slap: {progress_text(self.evaluation, None)}.")
        if maybe_cut_off:  # the same judgement as the screens (wizard.pages.resume_point)
            self.say(RESUMED_ON_TEXT)
        while page is not None:
            if page.kind == "spørgsmål":
                page = self.question_page(page)
            elif page == JUDGEMENT:
                page = self.judgement_page()
            else:
                page = self.summary_page()

    def announce(self, title: str, intro: str = "") -> None:
        if title != self.section_shown:
            self.section_shown = title
            self.say()
            self.say(f"== {title} ==")
            if intro:
                self.say(intro)

    def move(self, page: Page, step: int) -> Page:
        target = neighbour(self.flow, self.evaluation, page, step)
        if target is None:
            self.say("Du er ved det første spørgsmål." if step < 0 else "Du er ved sidste side.")
            return page
        return target

    def choose_in_outline(self, here: Page) -> Page:
        entries = outline(self.flow, self.evaluation)
        self.say()
        self.say("Oversigt. Kun de afsnit, der er relevante efter dine svar, er med:")
        for number, entry in enumerate(entries, 1):
            detail = f" – {entry.detail}" if entry.detail else ""
            self.say(f"{number}. {entry.title}{detail}", indent="  ", hanging="    ")
        self.say("Skriv nummeret på det sted, du vil hen (til første ubesvarede spørgsmål). Enter alene: bliv her.")
        while True:
            line = self.ask().strip()
            if not line:
                return here
            if line.isdigit() and 1 <= int(line) <= len(entries):
                self.section_shown = None  # say where we are, also when it is the same section
                return entries[int(line) - 1].page
            self.say(f"Skriv et tal fra 1 til {len(entries)}, eller tryk Enter for at blive her.")

    # -- a question ------------------------------------------------------------------------------------

    def question_page(self, page: Page) -> Page | None:
        question = self.flow.questions[page.asked]
        section = self.flow.section_of(question.id)
        self.announce(section.title, section.intro)
        self.show_question(question)
        while True:
            answer = self.reply()
            if isinstance(answer, str):
                if self.take_answer(question, answer):
                    return self.move(page, 1)
                continue
            letter = answer.letter
            if letter == QUIT:
                raise _Stop
            if letter == BACK:
                target = self.move(page, -1)
                if target != page:
                    return target
            elif letter == OUTLINE:
                return self.choose_in_outline(page)
            elif letter == HELP:
                self.say()
                self.say(explanation(self.flow, question))
                self.say()
                self.say(MORE_KEYS)
            elif letter == UNKNOWN_KEY:
                if question.allow_unknown and question.is_choice:
                    value = (UNKNOWN,) if question.kind is Kind.MULTI else UNKNOWN
                    self.take(with_value(self.answers, question.id, value))
                    return self.move(page, 1)
                self.say(f"»{UNKNOWN_LABEL}« kan ikke vælges ved dette spørgsmål.")
            elif letter == NOTE:
                self.write_note(question)
            elif letter == DISCUSS:
                self.toggle_discuss(question)
            elif letter == REASONS:
                self.tell_reasoning()
            elif letter == CLEAR:
                self.take(with_value(self.answers, question.id, None))
                self.say("Svaret er slettet.")
            self.say(self.legend(question))

    def show_question(self, question: Question) -> None:
        self.say()
        self.say(progress_text(self.evaluation, question.id))
        self.say(marked_text(question, self.answers))
        for number, option in enumerate(question.choices, 1):
            self.say(f"{number}. {option.label}", indent="  ", hanging="   ")
        value = self.answers.values.get(question.id)
        if value is not None:
            self.say(f"Dit svar nu: {answer_text(question, value)}")
        if question.id in self.answers.discuss:
            self.say("Markeret til drøftelse på mødet.")
        note = self.answers.notes.get(question.id)
        if note:
            self.say(f"Din note: {note}")
        self.say(self.legend(question))

    def legend(self, question: Question) -> str:
        """What to type, in two lines at most: a screen reader reads it after every question."""
        if question.kind is Kind.MULTI:
            how = "Svar med et eller flere tal, fx 1 3."
        elif question.is_choice:
            how = "Svar med et tal."
        else:
            how = "Skriv dit svar; en tom linje afslutter det."
        unknown = " v ved ikke," if question.allow_unknown and question.is_choice else ""
        return f"{how} Enter alene: videre.\n? forklaring,{unknown} {QUESTION_KEYS}"

    def take_answer(self, question: Question, line: str) -> bool:
        """Save the answer ``line`` gives; False (having said why) when it is no answer to this question."""
        if not line.strip():  # Enter alone: on, the answer as it is (kept, when its question was reworded)
            kept = confirmed(self.flow, self.answers, question.id)
            if kept is not self.answers:
                self.take(kept)
            return True
        if not question.is_choice:
            self.take(with_value(self.answers, question.id, self.text_after(line.strip())))
            return True
        numbers = [word for word in re.split(r"[\s,;]+", line.strip()) if word]
        count = len(question.choices)
        if not all(word.isdigit() and 1 <= int(word) <= count for word in numbers):
            self.say(f"Skriv et tal fra 1 til {count}.")
            return False
        picked = [question.choices[int(word) - 1].id for word in numbers]
        if question.kind is not Kind.MULTI:
            if len(set(picked)) > 1:
                self.say("Vælg ét svar her: skriv ét tal.")
                return False
            self.take(with_value(self.answers, question.id, picked[0]))
            return True
        alone = [option_id for option_id in dict.fromkeys(picked) if option_id in question.exclusive_ids]
        if alone and len(set(picked)) > 1:
            self.say(f"»{question.label_of(alone[0])}« kan kun vælges alene.")
            return False
        value = tuple(option_id for option_id in question.choice_ids if option_id in picked)
        self.take(with_value(self.answers, question.id, value))
        return True

    def write_note(self, question: Question) -> None:
        self.say("Skriv en note til mødet på én linje. Enter alene: som før. x alene: slet noten.")
        line = self.ask("Note: ").strip()
        if not line:
            return
        notes = dict(self.answers.notes)
        if line.lower() == CLEAR:
            notes.pop(question.id, None)
            said = "Noten er slettet."
        else:
            notes[question.id] = line
            said = "Noten er gemt."
        self.take(replace(self.answers, notes=notes))
        self.say(said)

    def toggle_discuss(self, question: Question) -> None:
        marked = question.id in self.answers.discuss
        discuss = self.answers.discuss - {question.id} if marked else self.answers.discuss | {question.id}
        self.take(replace(self.answers, discuss=frozenset(discuss)))
        self.say("Ikke længere markeret til drøftelse." if marked else "Markeret til drøftelse på mødet.")

    # -- the judgement ---------------------------------------------------------------------------------

    def judgement_page(self) -> Page | None:
        self.announce("Din vurdering og trækkene")
        evaluation = self.evaluation
        self.say()
        self.say(f"Værktøjets bud: {verdict_text.headline(self.flow, evaluation)}.")
        for sentence in verdict_text.explanation(self.flow, evaluation):
            if sentence:
                self.say(sentence)
        self.say("Buddet er en hjælp; det er din vurdering, der tæller. Er du enig?")
        choices = judgement_choices(self.flow, evaluation)
        for number, (_, label) in enumerate(choices, 1):
            self.say(f"{number}. {label}", indent="  ", hanging="   ")
        chosen = chosen_judgement(evaluation)
        if chosen:
            self.say(f"Dit valg nu: {dict(choices)[chosen[0]]}")
        self.say(f"Skriv nummeret på dit valg. Enter alene: videre uden at ændre. Taster: ? forklaring, {PAGE_KEYS}.")
        while True:
            answer = self.reply()
            if isinstance(answer, _Key):
                target = self.page_key(answer, JUDGEMENT, traits_explanation(self.flow))
                if target is not None:
                    return target
                continue
            word = answer.strip()
            if not word:
                break
            if word.isdigit() and 1 <= int(word) <= len(choices):
                value = choices[int(word) - 1][0]
                judgement = evaluation.verdict if value == AGREE else Verdict(value)
                self.take(replace(self.answers, judgement=judgement))
                break
            self.say(f"Skriv et tal fra 1 til {len(choices)}.")
        self.ask_reason()
        self.ask_traits()
        return self.move(JUDGEMENT, 1)

    def page_key(self, key: _Key, page: Page, help_text: str) -> Page | None:
        """A key on the judgement or summary page: where to go, or None to stay."""
        if key.letter == QUIT:
            raise _Stop
        if key.letter == BACK:
            target = self.move(page, -1)
            return target if target != page else None
        if key.letter == OUTLINE:
            target = self.choose_in_outline(page)
            return target if target != page else None
        if key.letter == HELP:
            self.say()
            self.say(help_text)
        elif key.letter == REASONS:
            self.tell_reasoning()
        else:
            self.say(f"Den tast bruges ikke her. Taster: {PAGE_KEYS}.")
        return None

    def ask_reason(self) -> None:
        self.say()
        self.say("Begrundelse – skriv kort hvorfor, især hvis du er uenig.")
        if self.answers.judgement_reason:
            self.say(f"Din begrundelse nu: {self.answers.judgement_reason}")
        self.say("Flere linjer: slut med en tom linje eller et punktum alene. Enter alene: som før. x alene: slet.")
        line = self.ask().strip()
        if not line:
            return
        reason = "" if line.lower() == CLEAR else self.text_after(line)
        self.take(replace(self.answers, judgement_reason=reason))

    def ask_traits(self) -> None:
        evaluation = self.evaluation
        suggested = set(evaluation.suggested_traits)
        self.say()
        self.say(traits_label(evaluation, self.answers.traits))
        for number, trait in enumerate(self.flow.traits, 1):
            marks = ["foreslået ud fra dine svar"] if trait.id in suggested else []
            if trait.id in evaluation.traits:
                marks.append("valgt")
            detail = f" – {', '.join(marks)}" if marks else ""
            self.say(f"{number}. {trait.title}{detail}", indent="  ", hanging="   ")
        self.say(
            "Skriv numrene på de træk, du vælger, adskilt af mellemrum eller komma. "
            "Enter alene: som nu. x alene: ingen træk."
        )
        count = len(self.flow.traits)
        while True:
            line = self.ask().strip()
            if not line:
                return
            if line.lower() == CLEAR:
                self.take(replace(self.answers, traits=()))
                return
            words = [word for word in re.split(r"[\s,;]+", line) if word]
            if all(word.isdigit() and 1 <= int(word) <= count for word in words):
                picked = {self.flow.traits[int(word) - 1].id for word in words}
                self.take(replace(self.answers, traits=tuple(t.id for t in self.flow.traits if t.id in picked)))
                return
            self.say(f"Skriv tal fra 1 til {count}, adskilt af mellemrum.")

    # -- the summary and the note ----------------------------------------------------------------------

    def summary_page(self) -> Page | None:
        self.announce("Sammenfatning og eksport")
        self.tell_summary()
        default = self.preparation.path.with_suffix(".md")
        self.say(
            f"Gem noten til mødet som Markdown: skriv et filnavn, eller tryk Enter for {display_path(default)}. "
            f"Taster: {PAGE_KEYS}."
        )
        while True:
            answer = self.reply("Fil: ")
            if isinstance(answer, _Key):
                target = self.page_key(
                    answer,
                    SUMMARY,
                    "Noten er en Markdown-fil til projektets wiki eller til "
                    "mødets deltagere. Kun svar på relevante spørgsmål kommer med.",
                )
                if target is not None:
                    return target
                continue
            name = answer.strip()
            if self.export(Path(name).expanduser() if name else default):
                self.say("Skriv q for at stoppe (svarene er gemt), t for at gå tilbage eller et andet filnavn.")

    def tell_summary(self) -> None:
        flow, answers, evaluation = self.flow, self.answers, self.evaluation
        agenda = meeting_agenda(flow, answers, evaluation)
        self.say()
        self.say(f"Værktøjets bud: {verdict_text.headline(flow, evaluation)}.")
        if evaluation.judgement is None:
            self.say("Din vurdering: ikke valgt endnu (o fører dig til »Din vurdering og trækkene«).")
        else:
            agreement = "uenig i buddet" if evaluation.disagrees else "enig i buddet"
            self.say(f"Din vurdering: {verdict_text.label(flow, evaluation.judgement)} ({agreement}).")
        if evaluation.judgement_reason:
            self.say(f"Begrundelse: {evaluation.judgement_reason}")
        traits = ", ".join(flow.trait(trait).title for trait in evaluation.traits) or "ingen valgt"
        self.say(f"Træk: {traits}.")
        state = "færdig" if agenda.complete else "kladde"
        progress = f"Besvaret: {agenda.answered} af {agenda.relevant} relevante spørgsmål ({state})"
        if agenda.unanswered:
            progress += f"; {agenda.unanswered} mangler (o viser hvor)"
        self.say(progress + ".")
        points = len(agenda.points)
        self.say(
            f"Til mødet: {points} {'punkt' if points == 1 else 'punkter'} "
            "(markeret til drøftelse, svar til mødet og noter)."
        )
        if agenda.open:
            self.say(f"Åbne spørgsmål (ved ikke): {len(agenda.open)}.")
        hidden = []
        if agenda.hidden:
            hidden.append(f"{len(agenda.hidden)} {'tekst' if len(agenda.hidden) == 1 else 'tekster'}")
        if agenda.hidden_choices:
            hidden.append(f"{agenda.hidden_choices} valg")
        if hidden:
            self.say(f"Skjult: {' og '.join(hidden)} til skjulte spørgsmål tæller ikke med, men er gemt i filen.")

    def export(self, path: Path) -> bool:
        from outputs.note import (
            file_facts,
            write_markdown,  # the Markdown renderer: loaded when the note is written
        )

        if real_path(path) == real_path(self.preparation.path):
            self.say("Det er svarfilen. Vælg et andet navn til noten, fx med .md til sidst.")
            return False
        if path.exists() and real_path(path) not in self.exported:
            self.say(f"Der findes allerede en fil med navnet {display_path(path)}. Vil du erstatte den med noten?")
            if self.ask("Skriv j for ja, eller tryk Enter for nej: ").strip().lower() not in ("j", "ja"):
                self.say("Noten er ikke gemt. Skriv et andet filnavn, eller q for at stoppe.")
                return False
        self.preparation.save_if_needed()
        try:
            write_markdown(path, self.flow, self.answers, file_facts(self.preparation.path))
        except (SaveError, OSError) as error:
            message = getattr(error, "message", None) or (
                danish_reason(error) if isinstance(error, OSError) else str(error)
            )
            self.say(f"Noten blev ikke gemt: {message}")
            return False
        self.exported.add(real_path(path))
        self.say(f"Noten er gemt {self.clock():%H:%M:%S} i {display_path(path)}.")
        return True

    # -- stopping --------------------------------------------------------------------------------------

    def finish(self) -> bool:
        """Save what is not yet written; offer another file when that fails. True when all is on disk."""
        preparation = self.preparation
        while not preparation.save_if_needed():
            self.say(f"Dine svar er ikke gemt: {preparation.error}")
            try:
                name = self.ask("Skriv et andet filnavn at gemme i, eller tryk Enter for at stoppe uden at gemme: ")
            except _Stop:
                return False
            if not name.strip():
                return False
            message = preparation.move_to(Path(name.strip()).expanduser())
            if message:
                self.say(message)
        where = self.section_shown or ""
        command = command_name(sys.argv[0])
        for line in goodbye_lines(
            preparation.evaluation, self.flow, preparation.path, saved=True, where=where, command=command, plain=True
        ):
            self.say(line)
        return True


def _hang_up(number: int, frame: object) -> None:
    raise _HungUp


def _ask_for_file(read: TextIO, write: TextIO) -> Path | None:
    write.write(f"Hvilken svarfil vil du arbejde i? Enter alene: {display_path(DEFAULT_FILE)}\nFil: ")
    write.flush()
    line = read.readline()
    if not line:
        return None
    name = line.strip()
    return Path(name).expanduser() if name else DEFAULT_FILE


def run_plain(
    path: Path | None,
    flow: Flow,
    *,
    read: TextIO | None = None,
    write: TextIO | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> int:
    """Run the plain dialogue on ``path`` (asked for when None); the exit code for the command line."""
    if read is None:
        read = _replacing(sys.stdin)  # a terminal set to another encoding: a "?" in the answer, no crash
    if write is None:
        write = _replacing(sys.stdout)
    if path is None:
        path = _ask_for_file(read, write)
        if path is None:
            return 0
    try:
        preparation = open_preparation(path, flow, clock)
    except OpenError as error:
        print(printable(str(error), keep_newlines=True), file=sys.stderr)
        return 1
    dialogue = PlainDialogue(preparation, read, write, clock)
    try:
        return _converse(dialogue)
    finally:
        preparation.close()  # whichever way it ends, let go of the file


def _converse(dialogue: PlainDialogue) -> int:
    preparation = dialogue.preparation
    previous = {number: signal.signal(number, _hang_up) for number in (signal.SIGHUP, signal.SIGTERM)}
    code = 0
    try:
        _tell_what_changed_in_the_flow(dialogue)
        dialogue.run()
    except _HungUp:  # nobody is there to answer: save and go
        return 0 if preparation.save_if_needed() else 1
    except _Stop:
        pass
    except KeyboardInterrupt:
        dialogue.say()
        dialogue.say("Afbrudt.")
        code = INTERRUPTED
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    try:
        saved = dialogue.finish() if code != INTERRUPTED else preparation.save_if_needed()
    except (_Stop, KeyboardInterrupt):
        saved = preparation.save_if_needed()
    return code if saved else max(code, 1)


def _tell_what_changed_in_the_flow(dialogue: PlainDialogue) -> None:
    """A file written under an older version of the flow: say what changed (as the screens do)."""
    from outputs.answers import check_answers_file, upgrade_notice

    path = dialogue.preparation.path
    try:
        notice = upgrade_notice(check_answers_file(path, dialogue.flow)[1]) if path.exists() else None
    except OSError:
        return
    if notice:
        dialogue.say(f"Forløbet er ændret: {notice}")


def _replacing(stream: TextIO) -> TextIO:
    """The terminal's stream, set to replace what its encoding cannot carry instead of failing."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream
