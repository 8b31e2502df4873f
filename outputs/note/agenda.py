"""What the meeting should take up: one model for the note and the summary screen.

``meeting_agenda`` works out, from a flow and the leader's answers, the points for
"Til mødet" and the counts that go with them. The note (``outputs.note.markdown``) and
the summary screen (``wizard.widgets.summary_page``) both show this model, so they
list the same points in the same order and say the same numbers.

- ``marked``: the questions the leader marked for discussion (Ctrl+T), with their
  answers and notes;
- ``proposals``: the leader's answers to the questions asked for the meeting itself
  (``meeting = true`` in the flow) and every other note;
- ``open``: questions answered "ved ikke" that are not already above;
- ``hidden``: text the leader wrote for questions a later choice has hidden. It no
  longer counts, but it is the leader's own words, so it is never silently dropped.

Points are numbered once, across ``marked`` and ``proposals``, in the order of the
four basic questions and then the flow's order, so "punkt 7" means the same on the
screen, in the note and at the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows import UNKNOWN, Answers, AnswerValue, BasicQuestion, Evaluation, Flow, Kind, Question, evaluate, normalise
from flows.conditions import Condition

# The basic questions in the publication's order; points without one come last.
_GROUP_ORDER = {basic: index for index, basic in enumerate(BasicQuestion)}


@dataclass(frozen=True)
class AgendaItem:
    number: int  # 0 for an open question: those are listed, not numbered
    question: Question
    basic_question: BasicQuestion | None
    value: AnswerValue | None
    note: str
    marked: bool

    @property
    def unknown(self) -> bool:
        return is_unknown(self.value)


@dataclass(frozen=True)
class HiddenText:
    """Text the leader wrote for a question that is hidden now, and the condition that would show it."""

    question: Question
    answer: str
    note: str
    shown_when: Condition | None


@dataclass(frozen=True)
class Agenda:
    marked: tuple[AgendaItem, ...]
    proposals: tuple[AgendaItem, ...]
    open: tuple[AgendaItem, ...]
    hidden: tuple[HiddenText, ...]
    hidden_choices: int  # choices made for questions that are hidden now (kept in the file, not counted)
    answered: int
    relevant: int

    @property
    def points(self) -> tuple[AgendaItem, ...]:
        """The numbered points: marked first, then the meeting answers and notes."""
        return self.marked + self.proposals

    @property
    def complete(self) -> bool:
        return self.answered == self.relevant

    @property
    def unanswered(self) -> int:
        return self.relevant - self.answered

    def number_of(self, question_id: str) -> int | None:
        for item in self.points:
            if item.question.id == question_id:
                return item.number
        return None


def is_unknown(value: AnswerValue | None) -> bool:
    if isinstance(value, tuple):
        return UNKNOWN in value
    return value == UNKNOWN


def basic_question_of(flow: Flow, question: Question) -> BasicQuestion | None:
    return question.basic_question or flow.section_of(question.id).basic_question


def meeting_agenda(flow: Flow, answers: Answers, evaluation: Evaluation | None = None) -> Agenda:
    evaluation = evaluation or evaluate(flow, answers)
    marked: list[Question] = []
    proposals: list[Question] = []
    open_questions: list[Question] = []
    for question in evaluation.visible_questions:
        value = evaluation.visible_answers.get(question.id)
        if question.id in answers.discuss:
            marked.append(question)
        elif _note(answers, question) or (question.meeting and value is not None):
            proposals.append(question)
        elif is_unknown(value):
            open_questions.append(question)

    def items(questions: list[Question], first: int) -> tuple[AgendaItem, ...]:
        ordered = sorted(questions, key=lambda question: _group_rank(flow, question))  # stable: flow order within
        return tuple(
            AgendaItem(
                number=first + index if first else 0,
                question=question,
                basic_question=basic_question_of(flow, question),
                value=evaluation.visible_answers.get(question.id),
                note=_note(answers, question),
                marked=question.id in answers.discuss,
            )
            for index, question in enumerate(ordered)
        )

    hidden, hidden_choices = _hidden(flow, answers, evaluation)
    return Agenda(
        marked=items(marked, 1),
        proposals=items(proposals, 1 + len(marked)),
        open=items(open_questions, 0),
        hidden=hidden,
        hidden_choices=hidden_choices,
        answered=evaluation.answered,
        relevant=evaluation.visible,
    )


def _note(answers: Answers, question: Question) -> str:
    note = answers.notes.get(question.id, "")
    return note if note.strip() else ""


def _group_rank(flow: Flow, question: Question) -> int:
    basic = basic_question_of(flow, question)
    return _GROUP_ORDER[basic] if basic is not None else len(_GROUP_ORDER)


def _hidden(flow: Flow, answers: Answers, evaluation: Evaluation) -> tuple[tuple[HiddenText, ...], int]:
    """Text for hidden questions, in the flow's order, and how many hidden choices there are."""
    visible_sections = {section.id for section in evaluation.visible_sections}
    texts: list[HiddenText] = []
    choices = 0
    for question_id, question in flow.questions.items():
        if evaluation.is_visible(question_id):
            continue
        value = normalise(answers.values.get(question_id))
        note = _note(answers, question)
        answer = value if question.kind is Kind.TEXT and isinstance(value, str) else ""
        if value is not None and not answer:
            choices += 1
        if answer or note:
            section = flow.section_of(question_id)
            shown_when = question.condition if section.id in visible_sections else section.condition
            texts.append(HiddenText(question, answer, note, shown_when))
    return tuple(texts), choices
