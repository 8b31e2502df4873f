"""One question on the screen: its text, the answer, the explanation on demand, a mark and a note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from flows import Answers, Flow, Kind, Question
from outputs.wording.page_texts import explanation, source_line
from wizard.session import marked_text
from wizard.widgets.choices import ChoiceList
from wizard.widgets.mark import MarkToggle

# The explanation's words live in page_texts (no Textual); still importable from here.
__all__ = ["DISCUSS_LABEL", "QuestionPage", "explanation", "hint", "source_line"]

DISCUSS_LABEL = "Til drøftelse på mødet (Ctrl+T)"
NOTE_LABEL = "Note til mødet (valgfri; Tab hertil, Enter går videre, Ctrl+J ny linje):"


def hint(question: Question) -> str:
    if question.kind is Kind.MULTI:
        return "Mellemrum vælger flere · Enter går videre (uden valg: vælger det markerede)"
    if question.is_choice:
        return "Enter vælger og går videre · Mellemrum eller tallet vælger"
    return "Enter går videre · Ctrl+J ny linje · Ctrl+F forklaring"


class QuestionPage(Vertical):
    """Posts nothing itself: the screen listens to the answer widget, the mark and the note.

    ``show`` turns to another question in the same page: the widgets stay and show the new
    question; only a text field and a list of options replace each other. Mounting a whole
    page (about ten widgets) was most of the time from Enter to the next question on the screen.
    """

    def __init__(self, flow: Flow, question: Question, answers: Answers) -> None:
        super().__init__(classes="page")
        self.flow = flow
        self.question = question
        self.answers = answers

    def _intro(self) -> str:
        """The section's introduction, above its first question only."""
        section = self.flow.section_of(self.question.id)
        return section.intro if section.questions[0].id == self.question.id else ""

    def _choices(self) -> tuple[list[tuple[str, str]], bool, tuple[str, ...]]:
        """The options of a choice question, whether several may be chosen, and those chosen now."""
        question = self.question
        value = self.answers.values.get(question.id)
        chosen = value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
        return [(option.id, option.label) for option in question.choices], question.kind is Kind.MULTI, chosen

    def _answer_field(self) -> Widget:
        if self.question.is_choice:
            choices, multiple, chosen = self._choices()
            exclusive = self.question.exclusive_ids
            return ChoiceList(
                choices, multiple=multiple, chosen=chosen, exclusive=exclusive, pick_on_enter=True, id="answer"
            )
        from wizard.widgets.text_answer import AnswerText  # loaded when a question page is first shown

        value = self.answers.values.get(self.question.id)
        return AnswerText(value if isinstance(value, str) else "", id="answer", placeholder="Skriv dit svar her")

    def compose(self) -> ComposeResult:
        question, answers = self.question, self.answers
        intro = Static(self._intro(), classes="intro", markup=False)
        intro.display = bool(self._intro())
        yield intro
        yield Static(marked_text(question, answers), classes="question", markup=False)
        yield self._answer_field()
        yield Static(hint(question), classes="hint", markup=False)
        yield MarkToggle(DISCUSS_LABEL, question.id in answers.discuss, id="discuss")
        from wizard.widgets.text_answer import AnswerText

        # Several lines, wrapped, with a border that turns heavy when it has focus: a note is often a sentence or two.
        yield Static(NOTE_LABEL, classes="question-note-label", markup=False)
        yield AnswerText(answers.notes.get(question.id, ""), id="note", placeholder="en bemærkning til mødet")

    async def show(self, question: Question, answers: Answers) -> None:
        """Show ``question`` instead, as ``compose`` would have built it."""
        self.question, self.answers = question, answers
        intro = self.query_one(".intro", Static)
        intro.update(self._intro())
        intro.display = bool(self._intro())
        self.query_one(".question", Static).update(marked_text(question, answers))
        field = self.query_one("#answer")
        if isinstance(field, ChoiceList) and question.is_choice:  # from options to options: the same list
            choices, multiple, chosen = self._choices()
            field.set_choices(choices, multiple=multiple, chosen=chosen, exclusive=self.question.exclusive_ids)
        else:
            self.screen.set_focus(None)  # else Textual first moves the focus to the next field, then we move it
            await field.remove()
            await self.mount(self._answer_field(), after=".question")
        self.query_one(".hint", Static).update(hint(question))
        self.query_one("#discuss", MarkToggle).checked = question.id in answers.discuss
        from wizard.widgets.text_answer import AnswerText

        note = self.query_one("#note", AnswerText)
        note.load_text(answers.notes.get(question.id, ""))
        note.move_cursor(note.document.end)  # where a new field has its cursor
