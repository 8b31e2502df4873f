"""What changed between two versions of one preparation: ``wizard diff`` and ``export --since``.

A preparation lives for months, with a meeting at each phase. Before the next
meeting the leader wants to see what is different since the last one: the verdict
and the complexity before and after, the answers that changed, and the points for
the meeting that are new. ``compare`` works that out from two sets of answers under
one flow (the old file is read under today's flow, migrated first when it is
older); ``render_diff`` writes it as Markdown, ``add_changes`` writes the same
sections into the note, and ``changes_dict`` gives it to scripts (``--json``).

The points for the meeting are ``outputs.note.agenda``'s, so "punkt 3" here is punkt 3
in today's note. Everything is in the flow's order: the same two files always give
the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flows import Answers, AnswerValue, Evaluation, Flow, Kind, Question, Verdict, evaluate
from outputs.note.agenda import AgendaItem, meeting_agenda
from outputs.note.document import MarkdownDocument
from outputs.note.escape import code_span, inline, one_line, table_cell
from outputs.wording import verdict_text

NOT_ANSWERED = "ikke besvaret"
NOT_RELEVANT = "ikke længere relevant"


@dataclass(frozen=True)
class AnswerChange:
    """One question whose counted answer differs: ``None`` is no answer; ``shown_*`` whether it was relevant."""

    question: Question
    before: AnswerValue | None
    after: AnswerValue | None
    shown_before: bool
    shown_after: bool


@dataclass(frozen=True)
class NoteChange:
    """The leader's note for the meeting on one question, before and now ("" for none)."""

    question: Question
    before: str
    after: str


@dataclass(frozen=True)
class Changes:
    flow: Flow
    before: Evaluation
    after: Evaluation
    old: Answers
    new: Answers
    answers: tuple[AnswerChange, ...]
    new_points: tuple[AgendaItem, ...]  # numbered as in today's note
    dropped_points: tuple[AgendaItem, ...]  # numbered as in the old note
    notes: tuple[NoteChange, ...] = ()  # notes changed on questions relevant now

    @property
    def judgement_before(self) -> Verdict | None:
        return self.old.judgement

    @property
    def judgement_after(self) -> Verdict | None:
        return self.new.judgement

    @property
    def reason_changed(self) -> bool:
        """The leader's reason for the judgement (what they wrote for the meeting) is not the same."""
        return self.old.judgement_reason.strip() != self.new.judgement_reason.strip()

    @property
    def nothing(self) -> bool:
        written = self.notes or self.reason_changed
        return not (self.answers or self.new_points or self.dropped_points or written) and self._same_outcome()

    def _same_outcome(self) -> bool:
        return (
            self.before.verdict == self.after.verdict
            and self.before.complexity.level == self.after.complexity.level
            and self.judgement_before == self.judgement_after
        )


def compare(flow: Flow, old: Answers, new: Answers) -> Changes:
    """What differs from ``old`` to ``new``, both read under ``flow``."""
    before, after = evaluate(flow, old), evaluate(flow, new)
    changed = []
    for question_id, question in flow.questions.items():
        was, now = before.visible_answers.get(question_id), after.visible_answers.get(question_id)
        if was != now:
            changed.append(
                AnswerChange(question, was, now, before.is_visible(question_id), after.is_visible(question_id))
            )
    notes = tuple(
        NoteChange(question, old.notes.get(question_id, "").strip(), new.notes.get(question_id, "").strip())
        for question_id, question in flow.questions.items()
        if after.is_visible(question_id)
        and old.notes.get(question_id, "").strip() != new.notes.get(question_id, "").strip()
    )
    old_points = meeting_agenda(flow, old, before).points
    new_points = meeting_agenda(flow, new, after).points
    old_ids = {item.question.id for item in old_points}
    new_ids = {item.question.id for item in new_points}
    return Changes(
        flow=flow,
        before=before,
        after=after,
        old=old,
        new=new,
        answers=tuple(changed),
        new_points=tuple(item for item in new_points if item.question.id not in old_ids),
        dropped_points=tuple(item for item in old_points if item.question.id not in new_ids),
        notes=notes,
    )


# -- Markdown ---------------------------------------------------------------------------------------


def render_diff(changes: Changes, old_name: str | None, new_name: str | None, notice: str = "") -> str:
    """The whole ``wizard diff`` page. ``old_name``/``new_name``: the files as the reader knows them
    (None for a pipe, whose name says nothing and changes from run to run); ``notice``: a sentence
    about the old file (read under a newer version of the flow)."""
    doc = MarkdownDocument()
    name = changes.new.values.get("navn") or changes.old.values.get("navn")
    title = "Ændret siden sidste møde"
    doc.heading(1, f"{title}: {name}" if isinstance(name, str) and name.strip() else title)
    old_shown = code_span(old_name) if old_name else "den tidligere udgave"
    new_shown = code_span(new_name) if new_name else "den nye udgave"
    lines = [f"Sammenligner {old_shown} (før) med {new_shown} (nu)."]
    if notice:
        lines.append(inline(notice, mid_line=True))
    doc.paragraph(*lines)
    add_changes(doc, changes, level=2)
    return doc.text()


def add_changes(doc: MarkdownDocument, changes: Changes, level: int) -> None:
    """The sections of a comparison, with headings at ``level``: outcome, answers, points."""
    flow = changes.flow
    doc.heading(level, "Bud og kompleksitet")
    rows = [
        ("Værktøjets bud", _verdict(flow, changes.before), _verdict(flow, changes.after)),
        ("Point", _score(flow, changes.before), _score(flow, changes.after)),
        ("Kompleksitet", _complexity(flow, changes.before), _complexity(flow, changes.after)),
        ("Lederens vurdering", _judgement(flow, changes.judgement_before), _judgement(flow, changes.judgement_after)),
    ]
    doc.table(("Hvad", "Før", "Nu"), [(table_cell(a), table_cell(b), table_cell(c)) for a, b, c in rows])
    doc.heading(level, "Ændrede svar")
    if changes.answers:
        doc.numbered_blocks([[_answer_change(flow, change)] for change in changes.answers])
    else:
        doc.paragraph("Ingen svar er ændret.")
    doc.heading(level, "Nye punkter til mødet")
    if changes.new_points:
        doc.bullets([_point(item) for item in changes.new_points])
    else:
        doc.paragraph("Ingen nye punkter.")
    if changes.dropped_points:
        doc.heading(level, "Punkter, der ikke længere er med")
        doc.bullets([_point(item, before=True) for item in changes.dropped_points])
    if changes.notes or changes.reason_changed:
        doc.heading(level, "Ændret i det, lederen har skrevet til mødet")
        blocks = []
        if changes.reason_changed:
            blocks.append(
                [
                    _written_change(
                        "Lederens begrundelse for sin vurdering",
                        changes.old.judgement_reason,
                        changes.new.judgement_reason,
                    )
                ]
            )
        blocks += [
            [_written_change(f"Note: {one_line(note.question.text)}", note.before, note.after)]
            for note in changes.notes
        ]
        doc.numbered_blocks(blocks)


def _verdict(flow: Flow, evaluation: Evaluation) -> str:
    return verdict_text.headline(flow, evaluation)


def _score(flow: Flow, evaluation: Evaluation) -> str:
    return f"{evaluation.triage.score} (grænse {flow.triage.threshold})"


def _complexity(flow: Flow, evaluation: Evaluation) -> str:
    return verdict_text.label(flow, evaluation.complexity.level).capitalize()


def _judgement(flow: Flow, judgement: Verdict | None) -> str:
    return verdict_text.label(flow, judgement).capitalize() if judgement is not None else "Ikke taget stilling"


def _value_text(flow: Flow, question: Question, value: AnswerValue | None, shown: bool) -> str:
    """An answer as Markdown: the flow's labels in a choice, the leader's words quoted; or why there is none."""
    if value is None:
        return f"*{NOT_ANSWERED if shown else NOT_RELEVANT}*"
    text = verdict_text.answer_label(flow, question.id, value)
    return f"»{inline(text, mid_line=True)}«" if question.kind is Kind.TEXT else inline(text, mid_line=True)


def _answer_change(flow: Flow, change: AnswerChange) -> str:
    """The question in bold, then old → new (a choice) or before and now on lines of their own (a text)."""
    question = change.question
    before = _value_text(flow, question, change.before, True)
    after = _value_text(flow, question, change.after, change.shown_after)
    heading = f"**{inline(one_line(question.text), mid_line=True)}**"
    if question.kind is Kind.TEXT:
        return f"{heading}\\\nFør: {before}\\\nNu: {after}"
    return f"{heading}\\\n{before} → {after}"


def _written(text: str) -> str:
    return f"»{inline(text.strip(), mid_line=True)}«" if text.strip() else "*ingen*"


def _written_change(what: str, before: str, after: str) -> str:
    """What the leader wrote, before and now, on lines of their own (as a changed text answer)."""
    return f"**{inline(what, mid_line=True)}**\\\nFør: {_written(before)}\\\nNu: {_written(after)}"


def _point(item: AgendaItem, *, before: bool = False) -> str:
    why = "sat til drøftelse" if item.marked else ("note" if item.note else "svar til mødet")
    where = f"punkt {item.number} i den tidligere note" if before else f"punkt {item.number}"
    return f"{inline(one_line(item.question.text), mid_line=True)} ({where}, {why})"


# -- JSON -------------------------------------------------------------------------------------------


def changes_dict(changes: Changes) -> dict[str, Any]:
    """The comparison for scripts (``wizard diff --json``), documented in docs/answers-format.md."""
    flow = changes.flow

    def outcome(evaluation: Evaluation, judgement: Verdict | None) -> dict[str, Any]:
        level = evaluation.complexity.level
        return {
            "verdict": None if evaluation.verdict is Verdict.UNRESOLVED else evaluation.verdict.value,
            "verdict_label": verdict_text.label(flow, evaluation.verdict),
            "score": evaluation.triage.score,
            "complexity": level.value if level else None,
            "complexity_label": verdict_text.label(flow, level),
            "judgement": judgement.value if judgement else None,
        }

    def value(item: AnswerValue | None) -> AnswerValue | list[str] | None:
        return list(item) if isinstance(item, tuple) else item

    def point(item: AgendaItem) -> dict[str, Any]:
        return {"number": item.number, "question": item.question.id, "text": item.question.text}

    return {
        "before": outcome(changes.before, changes.judgement_before),
        "after": outcome(changes.after, changes.judgement_after),
        "changed_answers": [
            {
                "question": change.question.id,
                "text": change.question.text,
                "before": value(change.before),
                "after": value(change.after),
                "before_label": verdict_text.answer_label(flow, change.question.id, change.before)
                if change.before is not None
                else None,
                "after_label": verdict_text.answer_label(flow, change.question.id, change.after)
                if change.after is not None
                else None,
                "relevant_after": change.shown_after,
            }
            for change in changes.answers
        ],
        "new_points": [point(item) for item in changes.new_points],
        "dropped_points": [point(item) for item in changes.dropped_points],
        "changed_notes": [
            {"question": note.question.id, "text": note.question.text, "before": note.before, "after": note.after}
            for note in changes.notes
        ],
        "judgement_reason": {"before": changes.old.judgement_reason, "after": changes.new.judgement_reason}
        if changes.reason_changed
        else None,
    }
