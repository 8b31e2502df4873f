"""The whole reasoning behind the triage's verdict (Ctrl+R): the same words as the note and ``wizard status``."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from flows import Evaluation, Flow, Verdict
from outputs.wording import verdict_text
from wizard.screens.hosting import host_of, preparation_of


def reasoning(flow: Flow, evaluation: Evaluation) -> Content:
    parts: list[Content] = [
        Content.assemble(("Værktøjets bud: ", "bold"), (verdict_text.headline(flow, evaluation), "bold reverse")),
    ]
    parts.extend(Content(sentence) for sentence in verdict_text.explanation(flow, evaluation) if sentence)
    parts.append(Content(""))
    parts.append(Content.styled("Det, der tæller (alle opfyldte kriterier, begge veje):", "bold"))
    for reason in evaluation.reasons:
        parts.append(Content.assemble(("• ", ""), (verdict_text.reason_line(reason), "bold")))
        parts.append(Content(f"  {reason.explanation}"))
    if not evaluation.reasons:
        parts.append(Content("• Ingen kriterier er opfyldt endnu."))
    parts.append(Content(verdict_text.points_sum(flow, evaluation)))
    lead = verdict_text.decisive_lead(flow, evaluation)
    if lead:
        parts.append(Content(""))
        parts.append(Content.styled("Afgørende svar:", "bold"))
        parts.append(Content(lead))
        for alternative in evaluation.decisive:
            for index, change in enumerate(alternative):
                text = verdict_text.change_text(flow, change)
                bullet = "• " if index == 0 else "  og "
                parts.append(Content(f"{bullet}»{text.question}« → »{text.proposed}«"))
                # "nu:" under its own bullet, so each answer and what it is now stand together
                parts.append(Content(f"    (nu: »{text.current or 'ubesvaret'}«)"))
    parts.append(Content(""))
    complexity_lines = verdict_text.complexity_lines(flow, evaluation)
    parts.append(Content.styled(complexity_lines[0], "bold"))
    parts.extend(Content(line) for line in complexity_lines[1:])
    for reason in evaluation.complexity.reasons:
        parts.append(Content.assemble(("• ", ""), (verdict_text.reason_line(reason), "bold")))
        parts.append(Content(f"  {reason.explanation}"))
    if evaluation.judgement is not None:
        parts.append(Content(""))
        parts.append(Content.assemble(("Din vurdering: ", "bold"), verdict_text.label(flow, evaluation.judgement)))
        if evaluation.judgement_reason:
            parts.append(Content(f"Begrundelse: {evaluation.judgement_reason}"))
    parts.append(Content(""))
    parts.append(Content("Buddet er en hjælp, ikke en afgørelse: du kan altid være uenig og skrive hvorfor."))
    if evaluation.verdict is Verdict.UNRESOLVED:
        parts.append(Content("Du kan også give din egen vurdering nu og gå videre (Ctrl+O → »Din vurdering«)."))
    return Content("\n").join(parts)


class VerdictScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q,ctrl+r", "close", "Luk", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Begrundelse for buddet", classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", id="verdict-body"):
                yield Static(reasoning(host_of(self).flow, preparation_of(self).evaluation))
            yield Static("Pil op/ned ruller · Escape eller Enter lukker", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#verdict-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
