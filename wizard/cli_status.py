"""What ``wizard status`` says: the verdict, why, what would change it, and how far along.

Two forms from one report: plain Danish for a person, and a dict for ``--json``.
Everything taken from the answers file (names, notes, reasons) is passed through
``printable`` before it is shown, so a file cannot steer the terminal.
"""

from __future__ import annotations

import textwrap
from typing import Any

from flows import Answers, DecisiveChange, Evaluation, Flow, Kind, Reason, Verdict, evaluate
from flows.conditions import AnswerValue
from flows.fingerprint import changed_questions
from outputs.reporting import printable
from outputs.wording import label, verdict_text

WIDTH = 100


def status_dict(flow: Flow, answers: Answers, file: str, evaluation: Evaluation | None = None) -> dict[str, Any]:
    """The JSON contract for scripts; documented in docs/answers-format.md ("wizard status --json")."""
    evaluation = evaluation or evaluate(flow, answers)
    verdict = evaluation.verdict
    complexity = evaluation.complexity
    return {
        "file": file,
        "flow": {"id": flow.id, "version": flow.version, "title": flow.title},
        "verdict": None if verdict is Verdict.UNRESOLVED else verdict.value,
        "verdict_label": label(flow, verdict),
        "verdict_rule": evaluation.triage.rule,
        "leaning": evaluation.triage.leaning.value if evaluation.triage.leaning else None,
        "depends_on": list(evaluation.depends_on),
        "score": evaluation.triage.score,
        "threshold": flow.triage.threshold,
        "reasons": [_reason(reason) for reason in evaluation.reasons],
        "complexity": {
            "level": complexity.level.value if complexity.level else None,
            "label": label(flow, complexity.level),
            "score": complexity.score,
            "advice": complexity.advice,
            "reasons": [_reason(reason) for reason in complexity.reasons],
        },
        "first_impression": (
            None
            if evaluation.first_impression is None
            else {
                "verdict": evaluation.first_impression.value,
                "label": label(flow, evaluation.first_impression),
                "disagrees": evaluation.first_impression_disagrees,
            }
        ),
        "decisive": [[_change(flow, change) for change in alternative] for alternative in evaluation.decisive],
        "borderline": evaluation.borderline,
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
        "retired_answers": dict(answers.retired),
        "changed_questions": [
            {"question": qid, "text": flow.questions[qid].text} for qid in changed_questions(flow, answers, evaluation)
        ],
    }


def _reason(reason: Reason) -> dict[str, Any]:
    return {
        "criterion": reason.criterion_id,
        "title": reason.title,
        "explanation": reason.explanation,
        "points": reason.points,
    }


def _change(flow: Flow, change: DecisiveChange) -> dict[str, Any]:
    return {
        "question": change.question_id,
        "text": flow.questions[change.question_id].text,
        "current": change.current,
        "current_label": _label(flow, change.question_id, change.current),
        "proposed": change.proposed,
        "proposed_label": _label(flow, change.question_id, change.proposed),
    }


def _judgement(evaluation: Evaluation) -> dict[str, Any] | None:
    if evaluation.judgement is None:
        return None
    return {
        "verdict": evaluation.judgement.value,
        "label": label(evaluation.flow, evaluation.judgement),
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


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> list[str]:
    first = indent if first is None else first
    lines: list[str] = []
    for index, paragraph in enumerate(printable(text, keep_newlines=True).splitlines() or [""]):
        lead = first if index == 0 else indent
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=lead, subsequent_indent=indent) or [lead.rstrip()]
    return lines


def status_text(flow: Flow, answers: Answers, file: str) -> str:
    evaluation = evaluate(flow, answers)
    report = status_dict(flow, answers, file, evaluation)
    out: list[str] = []
    name = answers.values.get("navn")
    if isinstance(name, str) and name.strip():
        out += _wrap(name, "", "")
    out += _wrap(f"Forløb: {flow.title} ({flow.id} {flow.version})", "  ", "")
    out += ["", f"Værktøjets bud: {verdict_text.headline(flow, evaluation)}"]
    for sentence in verdict_text.explanation(flow, evaluation):
        out += _wrap(sentence, "  ", "  ")
    out.append("Hvorfor (alle kriterier, der er opfyldt, begge veje):")
    for reason in evaluation.reasons:
        out += _wrap(f"{verdict_text.reason_line(reason)}: {reason.explanation}", "    ", "  • ")
    if not evaluation.reasons:
        out.append("  • Ingen kriterier er opfyldt endnu.")
    out += _wrap(verdict_text.points_sum(flow, evaluation), "  ", "  ")
    lead = verdict_text.decisive_lead(flow, evaluation)
    if lead:
        out.append("Afgørende svar:")
        out += _wrap(lead, "  ", "  ")
        for alternative in evaluation.decisive:
            texts = [verdict_text.change_text(flow, change, 60).sentence() for change in alternative]
            out += _wrap(" og ".join(texts), "      ", "    • ")
    out.append("")
    for index, line in enumerate(verdict_text.complexity_lines(flow, evaluation)):
        out += _wrap(line, "  ", "" if index == 0 else "  ")
    for reason in evaluation.complexity.reasons:
        out += _wrap(f"{verdict_text.reason_line(reason)}: {reason.explanation}", "    ", "  • ")
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
    if report["changed_questions"]:
        count = len(report["changed_questions"])
        out += ["", f"Spørgsmål, der er ændret, siden du svarede ({count} svar bør ses igen):"]
        for item in report["changed_questions"]:
            out += _wrap(item["text"], "    ", "  • ")
    if report["discuss"]:
        out += ["", "Til drøftelse på mødet:"]
        for item in report["discuss"]:
            out += _wrap(item["text"], "    ", "  • ")
            if item["note"]:
                out += _wrap(item["note"], "      ", "    Note: ")
    return printable("\n".join(out), keep_newlines=True) + "\n"
