"""The end of the walk: verdict, the leader's judgement, progress, the export, the agenda, the note.

The counts and the agenda come from ``outputs.note.agenda`` – the model the note is written
from – so this page and the exported note list the same points and say the same numbers.
The export field sits near the top, with its message right under it: after Enter, the
leader sees "Noten er gemt …" where they are looking, also at 80x24.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Static

from flows import Answers, Evaluation, Flow
from outputs.note import (
    HIDDEN_HEADING,
    MEETING_HEADING,
    Agenda,
    AgendaItem,
    file_facts,
    meeting_agenda,
    render_markdown,
    wiki_parser,
)
from outputs.wording import verdict_text
from outputs.wording.words import answer_text, display_path, shorten
from wizard.widgets.line_input import LineInput

PREVIEW_DELAY = 1.0  # seconds on the summary before the note's preview is built (or at once on Page Down)


def export_path_for(answers_path: Path) -> Path:
    """The note sits beside the answers file: forberedelse.toml → forberedelse.md."""
    return answers_path.with_suffix(".md")


def summary_text(flow: Flow, answers: Answers, evaluation: Evaluation, agenda: Agenda | None = None) -> Content:
    """Verdict, the leader's judgement, traits and progress: the note's front page in a few lines."""
    agenda = agenda or meeting_agenda(flow, answers, evaluation)
    bold = "bold"
    lines: list[Content] = []
    lines.append(
        Content.assemble(("Værktøjets bud: ", bold), (verdict_text.headline(flow, evaluation), "bold reverse"))
    )
    if evaluation.complexity.level is not None:
        level = verdict_text.label(flow, evaluation.complexity.level)
        lines.append(Content(f"  Kompleksitet: {level} (afgør ikke buddet) · Ctrl+R: hele begrundelsen"))
    else:
        lines.append(Content("  Ctrl+R: hele begrundelsen"))
    if evaluation.judgement is None:
        lines.append(
            Content.assemble(("Din vurdering: ", bold), "ikke valgt endnu (Ctrl+O → »Din vurdering« fører dig dertil)")
        )
    else:
        agreement = "uenig i buddet" if evaluation.disagrees else "enig i buddet"
        label = verdict_text.label(flow, evaluation.judgement)
        lines.append(Content.assemble(("Din vurdering: ", bold), f"{label} ({agreement})"))
    if evaluation.judgement_reason:
        lines.append(Content(f"  Begrundelse: {shorten(evaluation.judgement_reason, 150)}"))
    elif evaluation.disagrees:
        lines.append(Content("  Du har ikke skrevet en begrundelse. Ctrl+O → »Din vurdering« fører dig dertil."))
    traits = ", ".join(flow.trait(trait).title for trait in evaluation.traits) or "ingen valgt"
    lines.append(Content.assemble(("Træk: ", bold), traits))
    state = "færdig" if agenda.complete else "kladde"
    progress = f"{agenda.answered} af {agenda.relevant} relevante spørgsmål ({state})"
    if agenda.unanswered:
        progress += f"; {agenda.unanswered} mangler (Ctrl+O viser hvor)"
    lines.append(Content.assemble(("Besvaret: ", bold), progress))
    hidden = _hidden_summary(agenda)
    if hidden:
        lines.append(Content.assemble(("Skjult: ", bold), hidden))
    return Content("\n").join(lines)


def _hidden_summary(agenda: Agenda) -> str:
    parts = []
    if agenda.hidden:
        parts.append(f"{len(agenda.hidden)} {'tekst' if len(agenda.hidden) == 1 else 'tekster'}")
    if agenda.hidden_choices:
        parts.append(f"{agenda.hidden_choices} valg")
    if not parts:
        return ""
    where = f"; teksterne står i noten under »{HIDDEN_HEADING}«" if agenda.hidden else ""
    return f"{' og '.join(parts)} til skjulte spørgsmål tæller ikke med{where}"


def agenda_text(flow: Flow, agenda: Agenda) -> Content:
    """ "Til mødet" as the note numbers it: the points, then the open questions."""
    bold = "bold"
    lines: list[Content] = []
    if agenda.points:
        count = f"{len(agenda.points)} {'punkt' if len(agenda.points) == 1 else 'punkter'}"
        lines.append(Content.styled(f"{MEETING_HEADING} ({count}, som i noten):", bold))
        lines += [Content(_point_line(item)) for item in agenda.points]
    else:
        lines.append(
            Content.assemble(
                (f"{MEETING_HEADING}: ", bold), "intet markeret og ingen noter endnu (Ctrl+T ved et spørgsmål)"
            )
        )
    if agenda.open:
        lines.append(Content.styled(f"Åbne spørgsmål (ved ikke): {len(agenda.open)}", bold))
        lines += [Content(f"  • {shorten(item.question.text, 74)}") for item in agenda.open]
    return Content("\n").join(lines)


def _point_line(item: AgendaItem) -> str:
    kind = "drøftelse" if item.marked else ("til mødet" if item.question.meeting else "note")
    line = f"{item.number:>3}. {shorten(item.question.text, 50)} ({kind})"
    if item.value is not None:
        line += f" – {shorten(answer_text(item.question, item.value), 40)}"
    if item.note:
        line += f" – note: {shorten(item.note, 50)}"
    return line


class SummaryPage(Vertical):
    def __init__(self, flow: Flow, answers: Answers, evaluation: Evaluation, answers_path: Path) -> None:
        super().__init__(classes="page")
        self.flow = flow
        self.answers = answers
        self.evaluation = evaluation
        self.answers_path = answers_path

    def compose(self) -> ComposeResult:
        agenda = meeting_agenda(self.flow, self.answers, self.evaluation)
        yield Static(summary_text(self.flow, self.answers, self.evaluation, agenda), id="summary")
        yield Static("Gem noten til mødet som Markdown – skriv evt. et andet navn, og tryk Enter:", classes="label")
        with Horizontal(classes="note-row"):
            yield Static("  Fil:", classes="note-label", markup=False)
            yield LineInput(display_path(export_path_for(self.answers_path)), id="export-path")
        yield Static("", id="export-message", markup=False)
        yield Static(agenda_text(self.flow, agenda), id="agenda")
        yield Static("Forhåndsvisning af noten (Page Down / Page Up ruller):", classes="label", markup=False)

    def on_mount(self) -> None:
        # The preview is Textual's Markdown, a widget per block: about 0.4 s for a rich note, and it lies
        # below the first screen at 80x24. Built with the page, it held every arrival here (opening a
        # finished file, Ctrl+N) that long. So it is built when the leader has looked at the summary for
        # a moment, or at once when they scroll to it (Page Down, see PrepareScreen) (issue 20).
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.add_preview)

    def add_preview(self) -> AwaitMount | None:
        """Build the note's preview unless it is there; what to await for it to be mounted."""
        self._preview_timer.stop()
        if self.query("#preview") or not self.is_attached:
            return None
        from textual.widgets import Markdown  # with markdown-it and pygments: imported when first needed

        # The wiki's parser, not Textual's default: the preview shows exactly what the wiki will show.
        note = render_markdown(self.flow, self.answers, file_facts(self.answers_path))
        return self.mount(Markdown(note, id="preview", open_links=False, parser_factory=wiki_parser))
