"""One question on the screen: its text, the answer, the explanation on demand, a mark and a note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from flows import Answers, Flow, Kind, Question
from wizard.widgets.choices import ChoiceList
from wizard.widgets.mark import MarkToggle
from wizard.widgets.text_answer import AnswerText, LineInput

DISCUSS_LABEL = "Til drøftelse på mødet (Ctrl+T)"


def source_line(flow: Flow, source_id: str, section: str) -> str:
    source = flow.source(source_id)
    published = ", ".join(str(part) for part in (source.publisher, source.year) if part)
    line = f"Kilde: »{source.title}«, {published}. Afsnit: {section}."
    return f"{line} {source.url}" if source.url else line


def explanation(flow: Flow, question: Question) -> str:
    """The help text, the source, whom to involve and what the section is about: what Ctrl+F shows."""
    parts = [question.help, "", source_line(flow, question.source.source, question.source.section)]
    if question.involve:
        parts += ["", f"Inddrag: {question.involve}"]
    section = flow.section_of(question.id)
    if section.intro:
        parts += ["", f"Om afsnittet »{section.title}«: {section.intro}"]
    return "\n".join(parts)


def hint(question: Question) -> str:
    if question.kind is Kind.MULTI:
        return "Mellemrum vælger og fravælger · Enter går videre · Ctrl+F forklaring"
    if question.is_choice:
        return "Enter vælger og går videre · Mellemrum vælger · Ctrl+F forklaring"
    return "Enter går videre · Ctrl+J ny linje · Ctrl+F forklaring"


class QuestionPage(Vertical):
    """Posts nothing itself: the screen listens to the answer widget, the mark and the note."""

    def __init__(self, flow: Flow, question: Question, answers: Answers) -> None:
        super().__init__(classes="page")
        self.flow = flow
        self.question = question
        self.answers = answers
        section = flow.section_of(question.id)
        self.first_in_section = section.questions[0].id == question.id

    def compose(self) -> ComposeResult:
        flow, question, answers = self.flow, self.question, self.answers
        section = flow.section_of(question.id)
        value = answers.values.get(question.id)
        if self.first_in_section and section.intro:
            yield Static(section.intro, classes="intro", markup=False)
        yield Static(question.text, classes="question", markup=False)
        if question.is_choice:
            chosen = value if isinstance(value, tuple) else (value,) if value else ()
            yield ChoiceList(
                [(option.id, option.label) for option in question.choices],
                multiple=question.kind is Kind.MULTI,
                chosen=chosen,
                id="answer",
            )
        else:
            yield AnswerText(value if isinstance(value, str) else "", id="answer", placeholder="Skriv dit svar her")
        yield Static(hint(question), classes="hint", markup=False)
        yield MarkToggle(DISCUSS_LABEL, question.id in answers.discuss, id="discuss")
        with Horizontal(classes="note-row"):
            yield Static("  Note:", classes="note-label", markup=False)
            yield LineInput(
                answers.notes.get(question.id, ""), id="note", placeholder="en bemærkning til mødet (valgfri)"
            )
