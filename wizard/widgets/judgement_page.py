"""The leader's own word after the triage: agree or not, why, and which traits matter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from flows import Answers, Evaluation, Flow
from outputs.wording import verdict_text
from outputs.wording.page_texts import AGREE, chosen_judgement, judgement_choices, traits_explanation, traits_label
from wizard.widgets.choices import ChoiceList

# The judgement's words live in page_texts (no Textual); still importable from here.
__all__ = ["AGREE", "JudgementPage", "chosen_judgement", "judgement_choices", "traits_explanation"]


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
        yield Static(traits_label(evaluation, answers.traits), classes="label", markup=False)
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
