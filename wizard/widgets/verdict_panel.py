"""The live verdict: what the triage says now, its complexity, every reason with its points, and what would tip it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from flows import Evaluation, Flow, Verdict
from outputs.wording import verdict_text
from outputs.wording.words import shorten


def panel_lines(flow: Flow, evaluation: Evaluation, width: int = 76) -> list[Content]:
    """A few lines that fit under a question at 80 columns (Ctrl+R shows everything, in the same words)."""
    verdict = evaluation.verdict
    head = Content.assemble(
        ("Værktøjets bud: ", "bold"),
        (verdict_text.label(flow, verdict).upper(), "bold reverse"),
        f"  · kompleksitet: {verdict_text.label(flow, evaluation.complexity.level)}",
    )
    if evaluation.judgement is not None and evaluation.disagrees:
        head = head + Content(f"  (din vurdering: {verdict_text.label(flow, evaluation.judgement)})")
    lines = [head]
    # Every reason, both ways, with its points; the sum is the score shown.
    points = (
        " · ".join(f"{reason.points:+d} {reason.title}" for reason in evaluation.reasons) or "ingen kriterier endnu"
    )
    total = f" = {evaluation.triage.score} (grænse {flow.triage.threshold})"
    lines.append(Content("Point: " + shorten(points, 2 * width - len(total) - 8) + total))
    if verdict is Verdict.UNRESOLVED:
        named = "; ".join(f"»{flow.questions[question_id].text}«" for question_id in evaluation.depends_on)
        lines.append(Content("Afhænger af: " + shorten(named, width - 14)))
    elif evaluation.decisive:
        alternatives = [
            " + ".join(
                f"»{shorten(flow.questions[change.question_id].text, 28)}« → "
                f"{shorten(flow.questions[change.question_id].label_of(change.proposed), 14)}"
                for change in alternative
            )
            for alternative in evaluation.decisive
        ]
        other = verdict_text.label(flow, verdict.opposite)
        lead = ("På grænsen! " if evaluation.borderline else "") + f"Bliver {other} med: "
        lines.append(Content(lead + shorten("; ".join(alternatives), width - len(lead))))
    else:
        lines.append(Content(verdict_text.decisive_lead(flow, evaluation) or ""))
    impression = verdict_text.first_impression_sentence(flow, evaluation)
    if impression and (evaluation.first_impression_disagrees or verdict is Verdict.UNRESOLVED):
        lines.append(Content(shorten(impression, width)))
    return lines


class VerdictPanel(Static):
    """Shown under the triage questions; refreshed on every answer."""

    def show(self, flow: Flow, evaluation: Evaluation) -> None:
        width = max(self.size.width - 2, 40) if self.size.width else 76
        self.update(Content("\n").join([*panel_lines(flow, evaluation, width), Content("Ctrl+R: hele begrundelsen")]))
