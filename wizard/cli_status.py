"""What ``wizard status`` says: the verdict, why, what would change it, and how far along.

Two forms from one report: plain Danish for a person, and a dict for ``--json``.
Everything taken from the answers file (names, notes, reasons) is passed through
``printable`` before it is shown, so a file cannot steer the terminal.
"""

from __future__ import annotations

import textwrap
from typing import Any

from flows import Answers, DecisiveChange, Evaluation, Flow, Kind, Verdict, evaluate
from flows.conditions import AnswerValue
from outputs.condition_text import VERDICT_LABELS
from outputs.printable import printable

WIDTH = 100


def status_dict(flow: Flow, answers: Answers, file: str) -> dict[str, Any]:
    evaluation = evaluate(flow, answers)
    return {
        "file": file,
        "flow": {"id": flow.id, "version": flow.version, "title": flow.title},
        "verdict": evaluation.verdict.value,
        "verdict_label": VERDICT_LABELS[evaluation.verdict],
        "score": evaluation.triage.score,
        "threshold": flow.triage.threshold,
        "reasons": [
            {"criterion": r.criterion_id, "title": r.title, "explanation": r.explanation, "points": r.points}
            for r in evaluation.reasons
        ],
        "decisive": [
            {
                "question": change.question_id,
                "text": flow.questions[change.question_id].text,
                "current": change.current,
                "current_label": _label(flow, change.question_id, change.current),
                "proposed": change.proposed,
                "proposed_label": _label(flow, change.question_id, change.proposed),
            }
            for change in evaluation.decisive
        ],
        "judgement": _judgement(evaluation),
        "traits": [{"id": t, "title": flow.trait(t).title} for t in evaluation.traits],
        "suggested_traits": list(evaluation.suggested_traits),
        "traits_chosen_by_leader": answers.traits is not None,
        "answered": evaluation.answered,
        "visible": evaluation.visible,
        "first_unanswered": (q.id if (q := evaluation.first_unanswered()) else None),
        "discuss": [
            {
                "question": qid,
                "text": flow.questions[qid].text,
                "answer": evaluation.visible_answers.get(qid),
                "note": answers.notes.get(qid, ""),
            }
            for qid in flow.questions
            if qid in answers.discuss
        ],
        "notes": [
            {"question": qid, "text": flow.questions[qid].text, "note": answers.notes[qid]}
            for qid in flow.questions
            if qid in answers.notes
        ],
    }


def _judgement(evaluation: Evaluation) -> dict[str, Any] | None:
    if evaluation.judgement is None:
        return None
    return {
        "verdict": evaluation.judgement.value,
        "label": VERDICT_LABELS[evaluation.judgement],
        "reason": evaluation.judgement_reason,
        "disagrees": evaluation.disagrees,
    }


def _label(flow: Flow, question_id: str, value: AnswerValue | None) -> str | None:
    if value is None:
        return None
    question = flow.questions[question_id]
    if isinstance(value, tuple):
        return "; ".join(question.label_of(item) for item in value)
    return question.label_of(value) if question.kind is not Kind.TEXT else value


def _short(text: str, limit: int = 60) -> str:
    """A question text cut at a word boundary, so a sentence about it stays readable."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> list[str]:
    first = indent if first is None else first
    lines: list[str] = []
    for index, paragraph in enumerate(printable(text, keep_newlines=True).splitlines() or [""]):
        lead = first if index == 0 else indent
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=lead, subsequent_indent=indent) or [lead.rstrip()]
    return lines


def decisive_sentence(flow: Flow, changes: tuple[DecisiveChange, ...], target: str) -> list[str]:
    """ "Hvis 'Kan teknologien glide ind …' var 'Ja' i stedet for 'Nej', ville buddet være …"."""

    def part(change: DecisiveChange) -> str:
        question = flow.questions[change.question_id]
        proposed = question.label_of(change.proposed)
        if change.current is None:
            return f"'{_short(question.text)}' var besvaret med '{proposed}'"
        current = _label(flow, change.question_id, change.current)
        return f"'{_short(question.text)}' var '{proposed}' i stedet for '{current}'"

    if len(changes) == 1:
        return _wrap(f"Hvis {part(changes[0])}, ville buddet være {target}.")
    lines = _wrap(f"Buddet ville være {target}, hvis alle disse svar var anderledes:")
    for change in changes:
        lines += _wrap(part(change), "      ", "    • ")
    return lines


def status_text(flow: Flow, answers: Answers, file: str) -> str:
    report = status_dict(flow, answers, file)
    evaluation = evaluate(flow, answers)
    out: list[str] = []
    name = answers.values.get("navn")
    if isinstance(name, str) and name.strip():
        out += _wrap(name, "", "")
    out += _wrap(f"Forløb: {flow.title} ({flow.id} {flow.version})", "  ", "")
    label = report["verdict_label"].capitalize()
    out += ["", f"Værktøjets bud: {label} (point: {report['score']}, grænsen er {report['threshold']})"]
    out.append("Hvorfor:")
    for reason in report["reasons"]:
        points = f" ({reason['points']:+d})" if reason["points"] else ""
        out += _wrap(f"{reason['title']}{points}: {reason['explanation']}", "    ", "  • ")
    if evaluation.decisive:
        other = VERDICT_LABELS[_other(evaluation)]
        out.append("Afgørende svar:")
        out += decisive_sentence(flow, evaluation.decisive, other)
    judgement = report["judgement"]
    if judgement:
        agree = "du er uenig i værktøjets bud" if judgement["disagrees"] else "du er enig i værktøjets bud"
        out += ["", f"Din egen vurdering: {judgement['label'].capitalize()} ({agree})"]
        if judgement["reason"].strip():
            out += _wrap(judgement["reason"], "    ", "  Begrundelse: ")
    titles = ", ".join(trait["title"] for trait in report["traits"])
    whose = "valgt af dig" if report["traits_chosen_by_leader"] else "foreslået ud fra dine svar"
    out += ["", f"Træk at drøfte: {titles} ({whose})" if titles else "Træk at drøfte: ingen"]
    out.append(f"Besvaret: {report['answered']} af {report['visible']} spørgsmål")
    if report["first_unanswered"]:
        out += _wrap(f"Næste ubesvarede: {flow.questions[report['first_unanswered']].text}", "  ", "")
    if report["discuss"]:
        out += ["", "Til drøftelse på mødet:"]
        for item in report["discuss"]:
            out += _wrap(item["text"], "    ", "  • ")
            if item["note"]:
                out += _wrap(item["note"], "      ", "    Note: ")
    return printable("\n".join(out), keep_newlines=True) + "\n"


def _other(evaluation: Evaluation) -> Verdict:
    return Verdict.SIMPLE if evaluation.verdict is Verdict.CHANGE else Verdict.CHANGE
