"""The live verdict: what the triage says now, why, and which answers would tip it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from flows import Evaluation, Flow, Verdict
from wizard.widgets.wording import decisive_sentences, shorten, verdict_label


def panel_lines(flow: Flow, evaluation: Evaluation, width: int = 76) -> list[Content]:
    """A few lines that fit under a question at 80 columns (Ctrl+R shows everything)."""
    verdict = evaluation.verdict
    head = Content.assemble(("Triagens bud: ", "bold"), (verdict_label(verdict).upper(), "bold reverse"))
    if evaluation.judgement is not None and evaluation.disagrees:
        head = head + Content(f"  (din vurdering: {verdict_label(evaluation.judgement).lower()})")
    lines = [head]
    if verdict is Verdict.UNRESOLVED:
        lines.append(Content(shorten(evaluation.reasons[0].explanation, width * 2)))
        return lines
    reasons = [
        f"{reason.title} ({reason.points:+d})" if reason.points else reason.title for reason in evaluation.reasons
    ]
    lines.append(Content("Fordi: " + shorten(" · ".join(reasons), 2 * width - 12)))
    if evaluation.decisive:
        other = Verdict.SIMPLE if verdict is Verdict.CHANGE else Verdict.CHANGE
        changes = [
            f"»{shorten(flow.questions[change.question_id].text, 30)}« → "
            f"{shorten(flow.questions[change.question_id].label_of(change.proposed), 16)}"
            for change in evaluation.decisive
        ]
        head = f"Bliver {verdict_label(other).lower()} med: "
        lines.append(Content(head + shorten("; ".join(changes), 2 * width - len(head) - 6)))
    else:
        lines.append(Content(decisive_sentences(flow, evaluation)[0]))
    return lines


class VerdictPanel(Static):
    """Shown under the triage questions and the leader's judgement; refreshed on every answer."""

    def show(self, flow: Flow, evaluation: Evaluation) -> None:
        width = max(self.size.width - 2, 40) if self.size.width else 76
        self.update(Content("\n").join([*panel_lines(flow, evaluation, width), Content("Ctrl+R: hele begrundelsen")]))
