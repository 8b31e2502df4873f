"""The whole reasoning behind the triage's verdict (Ctrl+R)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from flows import Evaluation, Flow, Verdict
from wizard.widgets.wording import answer_text, decisive_sentences, verdict_label


def reasoning(flow: Flow, evaluation: Evaluation) -> Content:
    triage = evaluation.triage
    parts: list[Content] = [
        Content.assemble(("Triagens bud: ", "bold"), (verdict_label(evaluation.verdict), "bold reverse")),
    ]
    if evaluation.verdict is not Verdict.UNRESOLVED:
        parts.append(
            Content(
                f"Dine svar giver {triage.score} point. Ved {flow.triage.threshold} point eller flere lyder buddet "
                "på forandring af kerneopgaven."
            )
        )
    parts.append(Content(""))
    parts.append(Content.styled("Det, der tæller:", "bold"))
    for reason in evaluation.reasons:
        points = f" ({reason.points:+d} point)" if reason.points else ""
        parts.append(Content.assemble(("• ", ""), (reason.title + points, "bold")))
        parts.append(Content(f"  {reason.explanation}"))
    decisive = decisive_sentences(flow, evaluation)
    if decisive:
        parts.append(Content(""))
        parts.append(Content.styled("Afgørende svar:", "bold"))
        parts.extend(Content(line) for line in decisive)
        for change in evaluation.decisive:
            question = flow.questions[change.question_id]
            parts.append(Content(f"  (nu: »{answer_text(question, change.current)}«)"))
    if evaluation.judgement is not None:
        parts.append(Content(""))
        parts.append(Content.assemble(("Din vurdering: ", "bold"), verdict_label(evaluation.judgement)))
        if evaluation.judgement_reason:
            parts.append(Content(f"Begrundelse: {evaluation.judgement_reason}"))
    parts.append(Content(""))
    parts.append(Content("Buddet er en hjælp, ikke en afgørelse: du kan altid være uenig og skrive hvorfor."))
    return Content("\n").join(parts)


class VerdictScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q,ctrl+r", "close", "Luk", show=False)]

    def compose(self) -> ComposeResult:
        app = self.app
        with Vertical(classes="dialog wide"):
            yield Static("Begrundelse for buddet", classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", id="verdict-body"):
                yield Static(reasoning(app.flow, app.preparation.evaluation))
            yield Static("Pil op/ned ruller · Escape eller Enter lukker", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#verdict-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
