"""The end of the walk: verdict, the leader's judgement, points for the meeting, progress, the note."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Markdown, Static

from flows import Answers, Evaluation, Flow
from outputs.markdown import render_markdown, wiki_parser
from wizard.widgets.line_input import LineInput
from wizard.widgets.wording import answer_text, display_path, shorten, verdict_label


def export_path_for(answers_path: Path) -> Path:
    """The note sits beside the answers file: forberedelse.toml → forberedelse.md."""
    return answers_path.with_suffix(".md")


def summary_text(flow: Flow, answers: Answers, evaluation: Evaluation) -> Content:
    bold = "bold"
    lines: list[Content] = []
    reasons = ", ".join(reason.title.lower() for reason in evaluation.reasons)
    lines.append(Content.assemble(("Triagens bud: ", bold), (verdict_label(evaluation.verdict), "bold reverse")))
    lines.append(Content(f"  {shorten(reasons, 150)}"))
    if evaluation.judgement is None:
        lines.append(Content.assemble(("Din vurdering: ", bold), "du følger triagens bud"))
    else:
        agreement = "uenig med triagen" if evaluation.disagrees else "enig med triagen"
        label = verdict_label(evaluation.judgement).lower()
        lines.append(Content.assemble(("Din vurdering: ", bold), f"{label} ({agreement})"))
    if evaluation.judgement_reason:
        lines.append(Content(f"  Begrundelse: {shorten(evaluation.judgement_reason, 150)}"))
    elif evaluation.disagrees:
        lines.append(Content("  Du har ikke skrevet en begrundelse. Ctrl+O → »Din vurdering« fører dig dertil."))
    traits = ", ".join(flow.trait(trait).title for trait in evaluation.traits) or "ingen valgt"
    lines.append(Content.assemble(("Træk: ", bold), traits))
    missing = evaluation.visible - evaluation.answered
    progress = f"{evaluation.answered} af {evaluation.visible} relevante spørgsmål"
    if missing:
        progress += f"; {missing} mangler (Ctrl+O viser hvor)"
    lines.append(Content.assemble(("Besvaret: ", bold), progress))
    points = [question for question in evaluation.visible_questions if question.id in answers.discuss]
    if points:
        lines.append(Content.styled(f"Til drøftelse på mødet ({len(points)}):", bold))
        for question in points:
            answer = answer_text(question, evaluation.visible_answers.get(question.id))
            note = answers.notes.get(question.id)
            line = f"  • {shorten(question.text, 60)} – {shorten(answer, 40)}"
            lines.append(Content(f"{line} – note: {shorten(note, 60)}" if note else line))
    else:
        lines.append(
            Content.assemble(("Til drøftelse på mødet: ", bold), "intet markeret endnu (Ctrl+T ved et spørgsmål)")
        )
    return Content("\n").join(lines)


class SummaryPage(Vertical):
    def __init__(self, flow: Flow, answers: Answers, evaluation: Evaluation, answers_path: Path) -> None:
        super().__init__(classes="page")
        self.flow = flow
        self.answers = answers
        self.evaluation = evaluation
        self.answers_path = answers_path

    def compose(self) -> ComposeResult:
        yield Static(summary_text(self.flow, self.answers, self.evaluation), id="summary")
        yield Static("Gem noten til mødet som Markdown – skriv evt. et andet navn, og tryk Enter:", classes="label")
        with Horizontal(classes="note-row"):
            yield Static("  Fil:", classes="note-label", markup=False)
            yield LineInput(display_path(export_path_for(self.answers_path)), id="export-path")
        yield Static("", id="export-message", markup=False)
        yield Static("Forhåndsvisning af noten (Page Down / Page Up ruller):", classes="label", markup=False)
        # The wiki's parser, not Textual's default: the preview shows exactly what the wiki will show.
        yield Markdown(
            render_markdown(self.flow, self.answers), id="preview", open_links=False, parser_factory=wiki_parser
        )
