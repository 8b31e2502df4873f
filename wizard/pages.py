"""The order of the pages a leader walks through, derived from the flow and the engine.

A page is one question, the leader's own judgement (right after the triage), or
the summary (last). Pure: no Textual, so the order is tested without a screen.
Pages of hidden questions are skipped, but every page keeps its place in the
flow's order, so "next" and "previous" still work from a page that a changed
answer has just hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flows import Answers, Evaluation, Flow, Kind
from flows.fingerprint import changed_questions

PageKind = Literal["spørgsmål", "vurdering", "sammenfatning"]


@dataclass(frozen=True)
class Page:
    kind: PageKind
    question_id: str | None = None

    @property
    def asked(self) -> str:
        """The id of the question on a question page (the judgement and the summary ask none)."""
        assert self.question_id is not None, f"the {self.kind} page asks no question"
        return self.question_id


JUDGEMENT = Page("vurdering")
SUMMARY = Page("sammenfatning")


def all_pages(flow: Flow) -> list[Page]:
    """Every page the flow can have, in order, visible or not."""
    pages: list[Page] = []
    for section in flow.sections:
        pages.extend(Page("spørgsmål", question.id) for question in section.questions)
        if section.id == flow.triage.section:
            pages.append(JUDGEMENT)
    pages.append(SUMMARY)
    return pages


def visible_pages(flow: Flow, evaluation: Evaluation) -> list[Page]:
    shown = {question.id for question in evaluation.visible_questions}
    return [page for page in all_pages(flow) if page.question_id is None or page.question_id in shown]


def neighbour(flow: Flow, evaluation: Evaluation, current: Page, step: int) -> Page | None:
    """The visible page after (step=1) or before (step=-1) ``current``; None at either end."""
    order = {page: index for index, page in enumerate(all_pages(flow))}
    here = order[current]
    candidates = [page for page in visible_pages(flow, evaluation) if (order[page] - here) * step > 0]
    if not candidates:
        return None
    return candidates[0] if step > 0 else candidates[-1]


def resume_page(evaluation: Evaluation) -> Page:
    """Where an opened file continues: the first unanswered visible question, else the summary."""
    question = evaluation.first_unanswered()
    return Page("spørgsmål", question.id) if question else SUMMARY


# Said when an opened file continues on a text that may have been cut off (screens and plain mode).
RESUMED_ON_TEXT = (
    "Det er det svar, du skrev sidst. Blev guiden lukket, mens du skrev, kan det være uafsluttet: "
    "læs det, ret det, og tryk Enter for at gå videre."
)


def resume_point(evaluation: Evaluation) -> tuple[Page, bool]:
    """Where an opened file continues, and whether the leader may have been cut off there.

    A choice is saved whole, but a text is saved while it is typed: when the connection drops
    mid-sentence, the half-typed answer is in the file and the first unanswered question is
    the *next* one. The file does not say whether the text was finished (it records answers,
    not sessions), so the guide reads it from the answers: when the question just before the
    first unanswered one is an answered text that does not end a sentence (no ".", "!", "?"
    and the like at its end), it reopens on that text (True: say that it may be unfinished).
    The flow's first question (the technology's name) is never taken for a cut-off sentence:
    a name has no full stop, and a file made with ``wizard template --data navn=…`` would
    otherwise open on its name. When the guess is wrong, it costs the leader one Enter.
    """
    question = evaluation.first_unanswered()
    if question is None:
        return SUMMARY, False
    visible = evaluation.visible_questions
    index = next(position for position, shown in enumerate(visible) if shown.id == question.id)
    before = visible[index - 1] if index > 1 else None
    text = evaluation.visible_answers.get(before.id) if before is not None else None
    if before is not None and before.kind is Kind.TEXT and isinstance(text, str) and _unfinished(text):
        return Page("spørgsmål", before.id), True
    return Page("spørgsmål", question.id), False


def _unfinished(text: str) -> bool:
    """True when ``text`` does not end as a finished sentence or list does."""
    return not text.rstrip().endswith((".", "!", "?", "…", ":", ")", "»", "«", '"', "”"))


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    detail: str
    page: Page


def outline(flow: Flow, evaluation: Evaluation, answers: Answers | None = None) -> list[OutlineEntry]:
    """The visible sections with their progress, each leading to its first unanswered question;
    first, when questions changed since they were answered, an entry leading to the first of them."""
    changed = changed_questions(flow, answers, evaluation) if answers is not None else ()
    entries: list[OutlineEntry] = []
    if changed:
        entries.append(OutlineEntry("Ændrede spørgsmål", f"{len(changed)} at se igen", Page("spørgsmål", changed[0])))
    for section in evaluation.visible_sections:
        questions = [
            question for question in evaluation.visible_questions if flow.section_of(question.id).id == section.id
        ]
        answered = sum(1 for question in questions if question.id in evaluation.visible_answers)
        target = next((q for q in questions if q.id not in evaluation.visible_answers), questions[0])
        detail = "færdig" if answered == len(questions) else f"{answered} af {len(questions)} besvaret"
        entries.append(OutlineEntry(section.title, detail, Page("spørgsmål", target.id)))
        if section.id == flow.triage.section:
            entries.append(OutlineEntry("Din vurdering og trækkene", "", JUDGEMENT))
    entries.append(OutlineEntry("Sammenfatning og eksport", "", SUMMARY))
    return entries
