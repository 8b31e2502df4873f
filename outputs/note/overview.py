"""The wiki's overview page: one row per preparation, ``wizard oversigt *.toml -o oversigt.md``.

A department with ten preparations wants one page that says where each stands: the
technology (linked to its note), the area and phase, the tool's verdict and the
leader's own view, the traits, how many points are open for the meeting and how far
the preparation has come. Rows follow the technology names (then the file names),
so the page is the same whatever order the shell gives the files in, and a wiki's
history shows only the rows that changed.

Every text from an answers file goes through ``outputs.note.escape`` like the notes:
a name cannot break the table, add a link or change the page's structure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flows import Answers, Evaluation, Flow, Verdict, evaluate
from outputs.note.agenda import Agenda, meeting_agenda
from outputs.note.document import MarkdownDocument
from outputs.note.escape import one_line, table_cell
from outputs.wording import verdict_text

TITLE = "Oversigt over forberedelserne"
NAME_QUESTION = "navn"
NO_NAME = "(uden navn)"

HEADER = (
    "Teknologi",
    "Fagområde",
    "Fase",
    "Værktøjets bud",
    "Kompleksitet",
    "Lederens vurdering",
    "Træk",
    "Til mødet",
    "Besvaret",
    "Sidst ændret",
)


@dataclass(frozen=True)
class Preparation:
    """One answers file as the overview needs it: where it lives, where its note is, what it says."""

    file: str  # as given on the command line, shown when the technology has no name
    note_link: str | None  # a relative link to the note, or None when there is none
    answers: Answers
    changed: date | None = None  # the day the answers file was last written (outputs.note.facts)


def render_overview(flow: Flow, preparations: list[Preparation]) -> str:
    """The overview page as Markdown: deterministic, LF line ends, one trailing newline."""
    rows = sorted(((_row(flow, item), item) for item in preparations), key=lambda pair: _order(pair[1]))
    doc = MarkdownDocument()
    doc.heading(1, TITLE)
    count = len(preparations)
    doc.paragraph(
        f"{count} {'forberedelse' if count == 1 else 'forberedelser'} af møder om ny teknologi, "
        f"lavet med kerneopgave-guiden (forløbet »{one_line(flow.title)}«, version {one_line(flow.version)})."
    )
    if rows:
        doc.table(HEADER, [row for row, _ in rows])
    doc.paragraph(
        "*Værktøjets bud* bygger på svarene, *Kompleksitet* på hvor krævende forløbet bliver (den afgør ikke "
        "buddet); *Lederens vurdering* er lederens egen. *Til mødet* tæller notens punkter (sat til drøftelse, "
        "svar til mødet og noter) og de spørgsmål, der står åbne (»Ved ikke«). *Sidst ændret* er den dag, "
        "svarfilen sidst blev gemt."
    )
    return doc.text()


def _order(item: Preparation) -> tuple[str, str]:
    return (technology_name(item.answers).casefold(), item.file)


def technology_name(answers: Answers) -> str:
    """The technology's name on one line, "" when the leader has not named it yet (also for the start screen)."""
    name = answers.values.get(NAME_QUESTION)
    return one_line(name) if isinstance(name, str) and one_line(name) else ""


def _row(flow: Flow, item: Preparation) -> tuple[str, ...]:
    evaluation = evaluate(flow, item.answers)
    name = table_cell(technology_name(item.answers) or f"{NO_NAME} {one_line(item.file)}")
    technology = f"[{name}](<{_link_target(item.note_link)}>)" if item.note_link else name
    return (
        technology,
        _label(flow, evaluation, "fagomraade"),
        _label(flow, evaluation, "fase"),
        table_cell(verdict_text.headline(flow, evaluation).lower()),
        table_cell(verdict_text.label(flow, evaluation.complexity.level) if evaluation.complexity.level else "–"),
        _judgement(flow, evaluation, item.answers),
        table_cell(", ".join(flow.trait(trait_id).title for trait_id in evaluation.traits) or "–"),
        table_cell(_meeting(meeting_agenda(flow, item.answers, evaluation))),
        table_cell(f"{evaluation.answered} af {evaluation.visible}"),
        table_cell(item.changed.isoformat() if item.changed else "–"),
    )


def _link_target(link: str) -> str:
    """A relative link inside ``<…>``, where only ``<``, ``>`` and line breaks could end it early."""
    return "".join(f"%{ord(char):02X}" if char in "<>\n\r\\ " or ord(char) < 0x20 else char for char in link)


def _label(flow: Flow, evaluation: Evaluation, question_id: str) -> str:
    """An option's label in short: the part before a colon ("Idé: behovet … undersøges" -> "Idé")."""
    value = evaluation.visible_answers.get(question_id)
    question = flow.questions.get(question_id)
    if question is None or not isinstance(value, str) or not value:
        return "–"
    return table_cell(one_line(question.label_of(value)).split(":", 1)[0])


def _judgement(flow: Flow, evaluation: Evaluation, answers: Answers) -> str:
    """The leader's own judgement; "følger buddet" when it is the verdict, "–" when none is given."""
    if answers.judgement not in (Verdict.SIMPLE, Verdict.CHANGE):
        return "–"
    label = verdict_text.label(flow, answers.judgement)
    return table_cell(f"{label} (følger buddet)" if answers.judgement == evaluation.verdict else label)


def _meeting(agenda: Agenda) -> str:
    """The note's own count (outputs.note.agenda): its numbered points and its open questions."""
    parts = []
    if agenda.points:
        parts.append(f"{len(agenda.points)} {'punkt' if len(agenda.points) == 1 else 'punkter'}")
    if agenda.open:
        parts.append(f"{len(agenda.open)} {'åbent' if len(agenda.open) == 1 else 'åbne'}")
    return ", ".join(parts) or "–"
