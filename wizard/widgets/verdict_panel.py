"""The live verdict under the triage questions: the verdict, its strongest reasons in a few words, and a key.

At 80x24 there is room for three short lines, not for every reason and every answer that
could tip the verdict: cut to that width they read as nonsense. The panel says less, and
Ctrl+R (``wizard.screens.verdict``) shows everything, in the same words (``outputs.wording.verdict_text``,
which takes them from the flow's [triage] table and criteria).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from flows import Evaluation, Flow, Verdict
from flows.engine import Reason
from outputs.wording import verdict_text
from outputs.wording.words import shorten

MORE = "Ctrl+R: hele begrundelsen, og hvilke svar der kan vende buddet"


def strongest_reasons(evaluation: Evaluation, count: int = 2) -> list[Reason]:
    """The reasons that pull hardest towards the verdict (towards the leaning while it is undecided)."""
    towards = evaluation.verdict if evaluation.verdict is not Verdict.UNRESOLVED else evaluation.triage.leaning
    if towards is None:
        return []
    sign = 1 if towards is Verdict.CHANGE else -1
    pulling = [reason for reason in evaluation.reasons if reason.points * sign > 0]
    return sorted(pulling, key=lambda reason: -abs(reason.points))[:count]


def panel_lines(flow: Flow, evaluation: Evaluation, width: int = 76) -> list[Content]:
    """Three lines that fit at ``width``: the verdict, why in a few words, and the key for the rest."""
    head = Content.assemble(("Værktøjets bud: ", "bold"), (verdict_text.headline(flow, evaluation), "bold reverse"))
    if evaluation.complexity.level is not None:
        complexity = f" · kompleksitet: {verdict_text.label(flow, evaluation.complexity.level)}"
        if head.cell_length + len(complexity) <= width:
            head = head + Content(complexity)
    if evaluation.verdict is Verdict.UNRESOLVED and evaluation.depends_on:
        depends_on = evaluation.depends_on
        more = f" og {len(depends_on) - 1} svar til" if len(depends_on) > 1 else ""
        first = verdict_text.short(flow.questions[depends_on[0]].text, width - len("Afhænger af »«") - len(more))
        why = f"Afhænger af »{first}«{more}"
    else:
        reasons = strongest_reasons(evaluation)
        lines = [verdict_text.reason_line(reason) for reason in reasons]
        both = "Mest afgørende: " + " · ".join(lines)
        if len(lines) > 1 and len(both) <= width:
            why = both
        elif lines:
            why = "Mest afgørende: " + lines[0]  # the second would be cut to nonsense: Ctrl+R has it
        else:
            why = evaluation.triage.rule  # the flow's own sentence for this verdict
    last = MORE
    if evaluation.borderline:
        last = "På grænsen: ét svar kan vende buddet · Ctrl+R: hele begrundelsen"
    elif evaluation.judgement is not None and evaluation.disagrees:
        last = f"Din vurdering: {verdict_text.label(flow, evaluation.judgement)} · Ctrl+R: hele begrundelsen"
    return [head, Content(shorten(why, width)), Content(shorten(last, width))]


class VerdictPanel(Static):
    """Shown under the triage questions; refreshed on every answer."""

    def show(self, flow: Flow, evaluation: Evaluation) -> None:
        width = max(self.size.width - 2, 40) if self.size.width else 76
        self.update(Content("\n").join(panel_lines(flow, evaluation, width)))
