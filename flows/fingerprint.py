"""A short fingerprint of what a question asks, to tell a leader that it changed since they answered.

The answers file keeps, per answered question, the fingerprint the question had
when it was answered (``[fingeraftryk]``, docs/answers-format.md). When the flow
later words the question or its options differently, the fingerprints differ and
the answer is flagged "spørgsmålet er ændret, siden du svarede" until the leader
answers again or confirms the answer.

What counts is what the leader reads: the question's text and the options' labels,
in order, with the line breaks of a TOML text ignored. An option id renamed by a
migration without a new label, a new help text or a new source do not change the
meaning, so they do not change the fingerprint. Pure: no files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace

from flows.engine import Answers, Evaluation
from flows.schema import Flow, Question

FINGERPRINT_LENGTH = 8  # hex digits: 32 bits, plenty to tell one wording of a question from the next


def fingerprint(question: Question) -> str:
    """The question's text and options' labels, as a short hex digest."""
    parts = [" ".join(question.text.split()), *(" ".join(option.label.split()) for option in question.choices)]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


def changed_questions(flow: Flow, answers: Answers, evaluation: Evaluation) -> tuple[str, ...]:
    """The visible, answered questions whose fingerprint differs from the one recorded with the answer,
    in the flow's order. An answer without a recorded fingerprint is never called changed."""
    return tuple(
        question.id
        for question in evaluation.visible_questions
        if question.id in evaluation.visible_answers and is_changed(question, answers)
    )


def is_changed(question: Question, answers: Answers) -> bool:
    """The question is answered and its recorded fingerprint is not today's."""
    recorded = answers.fingerprints.get(question.id)
    return question.id in answers.values and recorded is not None and recorded != fingerprint(question)


def confirmed(flow: Flow, answers: Answers, question_id: str) -> Answers:
    """``answers`` with today's fingerprint recorded for ``question_id``, when its answer was flagged
    as given to another wording (the leader has seen it again); else ``answers`` itself."""
    question = flow.questions.get(question_id)
    if question is None or not is_changed(question, answers):
        return answers
    return _with_fingerprints(answers, {question_id: fingerprint(flow.questions[question_id])})


def refreshed(flow: Flow, before: Answers, after: Answers) -> Answers:
    """``after`` with today's fingerprint for every answer that is new or different from ``before``:
    answering a question again records what it asked this time."""
    fresh = {
        question_id: fingerprint(flow.questions[question_id])
        for question_id, value in after.values.items()
        if question_id in flow.questions and before.values.get(question_id) != value
    }
    return _with_fingerprints(after, fresh) if fresh else after


def _with_fingerprints(answers: Answers, fresh: Mapping[str, str]) -> Answers:
    merged = {**answers.fingerprints, **fresh}
    return answers if merged == dict(answers.fingerprints) else replace(answers, fingerprints=merged)
