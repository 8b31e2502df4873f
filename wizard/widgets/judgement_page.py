"""The leader's own word after the triage: agree or not, why, and which traits matter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from flows import Answers, Evaluation, Flow, Verdict
from outputs import verdict_text
from wizard.widgets.choices import ChoiceList
from wizard.widgets.question_page import source_line

AGREE = "enig"


def judgement_choices(flow: Flow, evaluation: Evaluation) -> list[tuple[str, str]]:
    """The leader's options; agreeing needs a verdict to agree with."""
    own = [
        (Verdict.SIMPLE.value, f"Jeg vurderer selv: {verdict_text.label(flow, Verdict.SIMPLE)}"),
        (Verdict.CHANGE.value, f"Jeg vurderer selv: {verdict_text.label(flow, Verdict.CHANGE)}"),
    ]
    if evaluation.verdict is Verdict.UNRESOLVED:
        return own
    return [(AGREE, f"Jeg er enig i værktøjets bud ({verdict_text.label(flow, evaluation.verdict)})"), *own]


def chosen_judgement(evaluation: Evaluation) -> list[str]:
    """What the list shows as chosen: nothing until the leader has chosen (nothing is preselected
    that the file would not hold), "enig" when the saved judgement is the triage's verdict."""
    if evaluation.judgement is None:
        return []
    if evaluation.judgement is evaluation.verdict:
        return [AGREE]
    return [evaluation.judgement.value]


def traits_explanation(flow: Flow) -> str:
    lines = [
        "Værktøjets bud bygger på dine svar; du kan være uenig og skrive hvorfor. Begge dele kommer med i noten.",
        "",
        "Trækkene er hverken gode eller dårlige i sig selv; de viser, hvordan teknologien kan forme arbejdet. "
        "Vælg dem, mødet bør se på: spørgsmålene om et træk kommer med, når du vælger det.",
    ]
    for trait in flow.traits:
        lines += [
            "",
            f"{trait.title}: {trait.description}",
            source_line(flow, trait.source.source, trait.source.section),
        ]
    return "\n".join(lines)


class JudgementPage(Vertical):
    def __init__(self, flow: Flow, answers: Answers, evaluation: Evaluation) -> None:
        super().__init__(classes="page")
        self.flow = flow
        self.answers = answers
        self.evaluation = evaluation

    def compose(self) -> ComposeResult:
        answers, evaluation = self.answers, self.evaluation
        verdict = verdict_text.headline(self.flow, evaluation)
        yield Static(
            Content.assemble(("Værktøjets bud: ", "bold"), (verdict, "bold reverse"), "  (Ctrl+R: begrundelsen)"),
            classes="intro",
        )
        yield Static(
            "Buddet er en hjælp; det er din vurdering, der tæller. Er du enig?", classes="question", markup=False
        )
        yield ChoiceList(judgement_choices(self.flow, evaluation), chosen=chosen_judgement(evaluation), id="judgement")
        yield Static("Begrundelse – skriv kort hvorfor, især hvis du er uenig:", classes="label", markup=False)
        from wizard.widgets.text_answer import AnswerText  # loaded when a text area is first shown

        yield AnswerText(answers.judgement_reason, id="judgement-reason", placeholder="Din begrundelse")
        yield Static("Træk, mødet bør se på (forvalgt ud fra dine svar):", classes="label", markup=False)
        suggested = set(evaluation.suggested_traits)
        traits = [
            (trait.id, f"{trait.title}{' – foreslået ud fra dine svar' if trait.id in suggested else ''}")
            for trait in self.flow.traits
        ]
        yield ChoiceList(traits, multiple=True, chosen=evaluation.traits, id="traits")
        yield Static(
            "Enter går til næste felt · Mellemrum vælger træk til og fra · Ctrl+F forklarer trækkene",
            classes="hint",
            markup=False,
        )
