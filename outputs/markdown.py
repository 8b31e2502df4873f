"""The preparation note a leader takes to the meeting, as wiki-ready Markdown.

``render_markdown`` turns a flow and the leader's answers into one Markdown
text: the technology in a small table, the tool's verdict with its reasons and
the answers that decide it, the leader's own judgement, the relevant traits,
"Til mødet" (points marked for discussion and open "ved ikke" questions,
grouped under the four basic questions), every visible question with its
answer and note, the sources, and the flow's id and version.

The note is written for colleagues who never saw the tool: Danish prose, labels
instead of ids, and only questions on the leader's path (hidden answers never
show). It is deterministic – no dates, no machine details, flow order
throughout – so git shows a change only where an answer changed. Every text
from the answers or the flow goes through ``outputs.md_escape`` and cannot
change the document's structure.

The screens can show the same note: pass ``render_markdown(...)`` to Textual's
``Markdown`` widget with ``parser_factory=wiki_parser``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from flows import UNKNOWN, Answers, AnswerValue, BasicQuestion, Evaluation, Flow, Question, Section, Verdict, evaluate
from flows.schema import UNKNOWN_LABEL
from outputs import verdict_text
from outputs.md_document import MarkdownDocument
from outputs.md_escape import autolink, clean_text, code_span, inline, one_line, table_cell

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

NEUTRAL_TITLE = "Forberedelse til møde om ny teknologi"
NAME_QUESTION = "navn"
# A free-text answer longer than this reads badly in a table cell: it is shown
# below the table instead.
TABLE_TEXT_LIMIT = 80

VERDICT_NAMES = {
    Verdict.SIMPLE: "simpelt redskab",
    Verdict.CHANGE: "forandring af kerneopgaven",
    Verdict.UNRESOLVED: "uafklaret",
}

_VERDICT_EXPLAINED = {
    Verdict.SIMPLE: (
        "Svarene peger på, at teknologien kan glide ind i det daglige arbejde uden at ændre, hvordan opgaverne "
        "løses, eller hvad borgerne får ud af dem. Den behøver ikke ekstraordinær opmærksomhed, men et kort "
        "overblik gør det lettere at tage den i brug."
    ),
    Verdict.CHANGE: (
        "Svarene peger på, at teknologien kan ændre kerneopgaven: den måde, opgaverne løses på, eller det, "
        "borgerne får ud af dem. Her er både gevinsterne og bivirkningerne typisk størst, så teknologien "
        "fortjener ekstra omtanke, dialog og samarbejde – før beslutningen og mens den tages i brug."
    ),
    Verdict.UNRESOLVED: "Der er endnu ikke svar nok i triagen til, at værktøjet kan give et bud.",
}

_JUDGEMENT_PHRASES = {
    Verdict.SIMPLE: "at teknologien er et simpelt redskab",
    Verdict.CHANGE: "at teknologien er en forandring af kerneopgaven",
    Verdict.UNRESOLVED: "at det endnu er uafklaret, hvilken slags teknologi der er tale om",
}

# The four basic questions of the source publication, in the note's words.
BASIC_QUESTION_HEADINGS = {
    BasicQuestion.CORE_TASK: "1. Kerneopgaven: hvad er formålet og gevinsten?",
    BasicQuestion.TASK_SOLVING: "2. Opgaveløsningen: hvordan påvirkes hverdagens arbejde?",
    BasicQuestion.COMPETENCES: "3. Kompetencer: hvad skal medarbejderne kunne?",
    BasicQuestion.INVOLVEMENT: "4. Inddragelse: hvordan samarbejder I om at tage den i brug?",
}
OTHER_HEADING = "Øvrige punkter"


def wiki_parser() -> MarkdownIt:
    """A parser that reads the note as the wikis do (CommonMark with GFM tables).

    Fit for Textual's ``Markdown(..., parser_factory=wiki_parser)`` so the
    preview in the screens shows exactly what the wiki will show. (The parser is imported here:
    writing a note does not need it, and ``wizard export`` starts faster without it.)
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def render_markdown(flow: Flow, answers: Answers) -> str:
    """The whole preparation note: deterministic, LF line ends, one trailing newline."""
    return _Note(flow, answers, evaluate(flow, answers)).render()


def write_markdown(path: Path, flow: Flow, answers: Answers) -> None:
    """Write the note to ``path`` atomically (a reader never sees half a note).

    Not flushed to the disk one by one: a note is made again from its answers file
    in a moment, and flushing each of a thousand notes would dominate a batch export."""
    from outputs.saving import atomic_write_text

    atomic_write_text(path, render_markdown(flow, answers), durable=False)


def _title(evaluation: Evaluation) -> str:
    name = evaluation.visible_answers.get(NAME_QUESTION)
    if isinstance(name, str) and one_line(name):
        return one_line(name)
    return NEUTRAL_TITLE


@lru_cache(maxsize=4096)
def _text(text: str) -> str:
    """A text from the flow, on one line, placed after other content on its line.

    Cached: the same question texts and labels recur in every note of a batch
    export, and the flow's texts are few.
    """
    return inline(one_line(text), mid_line=True)


@lru_cache(maxsize=4096)
def _line(text: str) -> str:
    """A text from the flow on a line of its own (after a line break), where a leading "1." needs its escape."""
    return inline(one_line(text))


@lru_cache(maxsize=4096)
def _question_text(text: str) -> str:
    """A question's text from the flow, in bold at the start of its paragraph (cached like ``_text``)."""
    return f"**{inline(text, mid_line=True)}**"


def _quoted(text: str) -> str:
    return f"»{_text(text)}«"


_NUMBER_WORDS = ("ingen", "ét", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv")


def _number(number: int) -> str:
    """A count as Danish prose writes it: words up to twelve (neuter: "ét svar"), digits above."""
    return _NUMBER_WORDS[number] if number < len(_NUMBER_WORDS) else str(number)


def _join(parts: list[str]) -> str:
    """Danish enumeration: "a", "a og b", "a, b og c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " og " + parts[-1]


def _meeting_count(discussed: int, opened: int) -> str:
    if discussed == 0:
        marked = "Lederen har ikke sat punkter til drøftelse"
    elif discussed == 1:
        marked = "Lederen har sat ét punkt til drøftelse"
    else:
        marked = f"Lederen har sat {_number(discussed)} punkter til drøftelse"
    if opened == 0:
        return f"{marked}, og ingen spørgsmål står åbne."
    if opened == 1:
        return f"{marked}, og ét spørgsmål står åbent."
    return f"{marked}, og {_number(opened)} spørgsmål står åbne."


def _is_unknown(value: AnswerValue | None) -> bool:
    if isinstance(value, tuple):
        return UNKNOWN in value
    return value == UNKNOWN


class _Note:
    def __init__(self, flow: Flow, answers: Answers, evaluation: Evaluation) -> None:
        self.flow = flow
        self.answers = answers
        self.evaluation = evaluation
        self.doc = MarkdownDocument()
        triage_index = next(i for i, s in enumerate(flow.sections) if s.id == flow.triage.section)
        before_triage = {section.id for section in flow.sections[:triage_index]}
        self.context_sections = [s for s in evaluation.visible_sections if s.id in before_triage]
        self.later_sections = [s for s in evaluation.visible_sections if s.id not in before_triage]
        self.visible_ids = {question.id for question in evaluation.visible_questions}
        self.traits = [flow.trait(trait_id) for trait_id in evaluation.traits]
        self.source_numbers, self.cited = self._sources_used()

    # -- helpers ----------------------------------------------------------

    def _sources_used(self) -> tuple[dict[str, int], dict[str, list[str]]]:
        """The sources the note refers to, numbered in the flow's order, with the sections cited."""
        cited: dict[str, list[str]] = {}
        refs = [question.source for question in self.evaluation.visible_questions]
        refs += [trait.source for trait in self.traits]
        for ref in refs:
            sections = cited.setdefault(ref.source, [])
            if ref.section not in sections:
                sections.append(ref.section)
        ordered = [source.id for source in self.flow.sources if source.id in cited]
        return {source_id: number for number, source_id in enumerate(ordered, start=1)}, cited

    def _value(self, question: Question) -> AnswerValue | None:
        return self.evaluation.visible_answers.get(question.id)

    def _note(self, question: Question) -> str:
        return clean_text(self.answers.notes.get(question.id, ""))

    def _labels(self, question: Question, value: AnswerValue) -> list[str]:
        """The labels of the chosen options, in the flow's order (so the file's order of an array does not matter)."""
        chosen = value if isinstance(value, tuple) else (value,)
        order = question.positions
        ordered = sorted(dict.fromkeys(chosen), key=lambda option_id: order.get(option_id, len(order)))
        return [question.label_of(option_id) for option_id in ordered]

    def _answer_lines(self, question: Question, value: AnswerValue | None) -> list[str]:
        """The answer as Markdown lines: labels for choices, the text as typed, or "Ikke besvaret"."""
        if value is None:
            return ["*Ikke besvaret*"]
        if question.is_choice:
            return [_line(label) for label in self._labels(question, value)]
        return [inline(str(value))]

    def _read_more(self, question: Question) -> str:
        number = self.source_numbers[question.source.source]
        return f"Læs mere: kilde {number}, afsnittet {_quoted(question.source.section)}{question.source.own_note}."

    def _note_paragraph(self, question: Question) -> None:
        note = self._note(question)
        if note:
            self.doc.paragraph(f"*Note:* {inline(note, mid_line=True)}")

    def _question_block(self, question: Question) -> None:
        """A question, its answer on the lines below, and the leader's note."""
        value = self._value(question)
        self.doc.paragraph(_question_text(question.text), *self._answer_lines(question, value))
        self._note_paragraph(question)

    # -- the parts of the note -------------------------------------------

    def render(self) -> str:
        self.doc.heading(1, _title(self.evaluation))
        self.doc.paragraph(
            "Forberedelse til et møde om en ny teknologi. Noten samler, hvad teknologien er, om den ligner et "
            "simpelt redskab eller en forandring af kerneopgaven, og hvad der skal drøftes på mødet. Den bygger "
            f"på forløbet {_quoted(self.flow.title)}, og kilderne står til sidst."
        )
        for section in self.context_sections:
            self._context(section)
        self._verdict()
        self._traits()
        self._meeting()
        self._details()
        self._sources()
        self._retired()
        self._colophon()
        return self.doc.text()

    def _context(self, section: Section) -> None:
        """The technology and its context: short answers in a table, longer ones below it."""
        self.doc.heading(2, section.title)
        questions = [q for q in section.questions if q.id in self.visible_ids]
        rows: list[tuple[str, str]] = []
        below: list[Question] = []
        for question in questions:
            value = self._value(question)
            too_long = False  # a flag, not the cell's text: a leader may answer "Se nedenfor" too
            if value is None:
                cell = "*Ikke besvaret*"
            elif question.is_choice:
                cell = table_cell(", ".join(one_line(label) for label in self._labels(question, value)))
            elif "\n" not in clean_text(str(value)) and len(clean_text(str(value))) <= TABLE_TEXT_LIMIT:
                cell = table_cell(str(value))
            else:
                cell, too_long = "Se nedenfor", True
            rows.append((table_cell(question.text), cell))
            if too_long or self._note(question):
                below.append(question)
        self.doc.table(("Spørgsmål", "Svar"), rows)
        for question in below:
            self._question_block(question)

    def _verdict(self) -> None:
        """The verdict and the complexity side by side, each with every reason that fired; the points add up."""
        evaluation = self.evaluation
        flow = self.flow
        self.doc.heading(2, "Bud og vurdering")
        sentences = " ".join(_text(sentence) for sentence in verdict_text.explanation(flow, evaluation, "Lederens"))
        self.doc.paragraph(
            f"**Værktøjets bud: {_text(verdict_text.headline(flow, evaluation).lower())}.** {sentences} Buddet er en "
            "hjælp til at tænke teknologien igennem, ikke en afgørelse."
        )
        complexity = evaluation.complexity
        self.doc.paragraph(
            f"**Kompleksitet: {_text(verdict_text.label(flow, complexity.level))}.** Kompleksiteten siger, hvor "
            "krævende forløbet bliver, og afgør ikke buddet."
            + (f" {_text(complexity.advice)}" if complexity.advice else "")
        )
        self.doc.heading(3, "Det bygger buddet på")
        if evaluation.reasons:
            self.doc.paragraph("Alle de kriterier, svarene opfylder, i begge retninger:")
            self.doc.bullets(
                [
                    f"**{_text(reason.title)}** ({reason.points:+d} point): {_text(reason.explanation)}"
                    for reason in evaluation.reasons
                ]
            )
        else:
            self.doc.paragraph("Svarene opfylder endnu ingen af kriterierne.")
        self.doc.paragraph(_text(verdict_text.points_sum(flow, evaluation)))
        self.doc.heading(3, "Svar, der afgør buddet")
        self._decisive()
        self._complexity()
        if evaluation.judgement is not None or clean_text(evaluation.judgement_reason):
            self._judgement()

    def _complexity(self) -> None:
        """What makes the process demanding: every complexity criterion that fired, with its points."""
        complexity = self.evaluation.complexity
        self.doc.heading(3, "Det bygger kompleksiteten på")
        if complexity.level is None:
            self.doc.paragraph(_text(verdict_text.complexity_lines(self.flow, self.evaluation)[0]))
            return
        if complexity.reasons:
            self.doc.bullets(
                [
                    f"**{_text(reason.title)}** ({reason.points:+d} point): {_text(reason.explanation)}"
                    for reason in complexity.reasons
                ]
            )
        else:
            self.doc.paragraph("Ingen af svarene peger på et krævende forløb.")
        rules = self.flow.triage
        medium = verdict_text.label(self.flow, "middel")
        high = verdict_text.label(self.flow, "hoej")
        self.doc.paragraph(
            _text(
                f"I alt {complexity.score} point; {medium} fra {rules.complexity_medium}, {high} fra "
                f"{rules.complexity_high}."
            )
        )

    def _decisive(self) -> None:
        evaluation = self.evaluation
        if evaluation.verdict is Verdict.UNRESOLVED:
            self.doc.paragraph(
                "Buddet er uafklaret, så intet svar vender det endnu. Når de svar, det afhænger af, er givet, "
                "viser noten her, hvilke svar der afgør buddet."
            )
            return
        lead = verdict_text.decisive_lead(self.flow, evaluation)
        self.doc.paragraph(_text(lead or ""))
        self.doc.bullets(
            [
                " og ".join(_text(verdict_text.change_text(self.flow, change).sentence()) for change in alternative)
                for alternative in evaluation.decisive
            ]
        )

    def _judgement(self) -> None:
        evaluation = self.evaluation
        self.doc.heading(3, "Lederens egen vurdering")
        judgement = evaluation.judgement
        if judgement is None:
            self.doc.paragraph("Lederen har ikke taget stilling til buddet, men har skrevet en begrundelse.")
        elif evaluation.disagrees:
            self.doc.paragraph(
                f"Lederen er **uenig** i buddet og vurderer, {_JUDGEMENT_PHRASES[judgement]}. Spørgsmålene i resten "
                "af noten følger lederens vurdering."
            )
        else:
            self.doc.paragraph(f"Lederen er enig i buddet og vurderer, {_JUDGEMENT_PHRASES[judgement]}.")
        reason = clean_text(evaluation.judgement_reason)
        if reason:
            self.doc.paragraph(f"*Begrundelse:* {inline(reason, mid_line=True)}")
        elif evaluation.disagrees:
            self.doc.paragraph("Lederen har ikke skrevet en begrundelse.")

    def _traits(self) -> None:
        """The traits the fired criteria point to (the same everywhere), or the leader's own choice."""
        evaluation = self.evaluation
        self.doc.heading(2, "Relevante træk")
        self.doc.paragraph(
            "Træk er måder, ny teknologi kan forme arbejdet på. De er hverken gode eller dårlige i sig selv, men "
            "de er værd at drøfte, fordi de kan ændre både fagligheden, relationerne og arbejdsmiljøet."
        )
        chosen_by_leader = self.answers.traits is not None
        suggested = [self.flow.trait(trait_id) for trait_id in evaluation.suggested_traits]
        if not self.traits:
            if chosen_by_leader:
                self.doc.paragraph("Lederen har vurderet, at ingen af trækkene er relevante her.")
            else:
                self.doc.paragraph("Ingen af svarene i triagen peger på et bestemt træk.")
        else:
            if chosen_by_leader:
                lead = "Lederen har selv valgt disse træk:"
            else:
                lead = "Svarene i triagen peger på disse træk:"
            self.doc.paragraph(lead)
            self.doc.bullets([self._trait_item(trait) for trait in self.traits])
        if chosen_by_leader and suggested != self.traits:
            if suggested:
                names = _join([_quoted(trait.title) for trait in suggested])
                self.doc.paragraph(f"Ud fra svarene i triagen foreslog værktøjet {names}.")
            else:
                self.doc.paragraph("Ud fra svarene i triagen foreslog værktøjet ingen træk.")
        if self.traits and evaluation.path is not Verdict.CHANGE:
            self.doc.paragraph(
                "Teknologien behandles ikke som en forandring af kerneopgaven, så noten har ingen afsnit om "
                "trækkene; de er nævnt her, fordi svarene peger på dem."
            )

    def _trait_item(self, trait) -> str:
        """A trait with its description, its source and the fired criteria that point to it."""
        because = [
            _quoted(criterion.title) for criterion in self.evaluation.triage.fired if trait.id in criterion.traits
        ]
        why = f" Peget på af: {_join(because)}." if because else ""
        return (
            f"**{_text(trait.title)}**: {_text(trait.description)}{why} "
            f"(kilde {self.source_numbers[trait.source.source]}, afsnittet {_quoted(trait.source.section)})"
        )

    def _meeting(self) -> None:
        """Points marked for discussion and open "ved ikke" questions, under the four basic questions."""
        evaluation = self.evaluation
        groups: dict[BasicQuestion | None, list[Question]] = {basic: [] for basic in BasicQuestion}
        groups[None] = []
        discussed = opened = 0
        for question in evaluation.visible_questions:
            discuss = question.id in self.answers.discuss
            unknown = _is_unknown(self._value(question))
            if discuss or unknown:
                basic = question.basic_question or self.flow.section_of(question.id).basic_question
                groups[basic].append(question)
                discussed += discuss
                opened += unknown
        self.doc.heading(2, "Til mødet")
        self.doc.paragraph(
            "Her er de punkter, lederen har sat til drøftelse, og de spørgsmål, der stadig står åbne, fordi "
            "svaret er »ved ikke«. De er ordnet under de fire grundspørgsmål, som hører til ethvert "
            f"teknologiprojekt. {_meeting_count(discussed, opened)}"
        )
        if evaluation.disagrees:
            self.doc.paragraph(
                "Lederen er uenig i værktøjets bud (se »Lederens egen vurdering« ovenfor). Det er et godt sted at "
                "begynde mødet."
            )
        for basic, heading in BASIC_QUESTION_HEADINGS.items():
            self.doc.heading(3, heading)
            if not groups[basic]:
                self.doc.paragraph("Intet til drøftelse og ingen åbne spørgsmål her.")
            for question in groups[basic]:
                self._meeting_item(question)
        if groups[None]:
            self.doc.heading(3, OTHER_HEADING)
            for question in groups[None]:
                self._meeting_item(question)

    def _meeting_item(self, question: Question) -> None:
        value = self._value(question)
        discuss = question.id in self.answers.discuss
        unknown = _is_unknown(value)
        lines = [_question_text(question.text)]
        so_far = ""
        if value is not None and question.is_choice and value != UNKNOWN and value != (UNKNOWN,):
            labels = ", ".join(_quoted(label) for label in self._labels(question, value))
            so_far = f" Svaret indtil nu: {labels}."
        if discuss and unknown:
            lines.append(f"Sat til drøftelse, og svaret er endnu »{UNKNOWN_LABEL.lower()}«.{so_far}")
        elif unknown:
            lines.append(f"Åbent spørgsmål: svaret er endnu »{UNKNOWN_LABEL.lower()}«.{so_far}")
        elif value is None:
            lines.append("Sat til drøftelse. Spørgsmålet er ikke besvaret endnu.")
        else:
            lines.append(f"Sat til drøftelse.{so_far}")
        if question.involve:
            lines.append(f"Inddrag: {_text(question.involve)}.")
        lines.append(self._read_more(question))
        self.doc.paragraph(*lines)
        if value is not None and not question.is_choice:
            self.doc.paragraph(f"*Svar indtil nu:* {inline(str(value), mid_line=True)}")
        self._note_paragraph(question)

    def _details(self) -> None:
        self.doc.heading(2, "Svarene afsnit for afsnit")
        shown = [q for section in self.later_sections for q in section.questions if q.id in self.visible_ids]
        unanswered = sum(1 for question in shown if self._value(question) is None)
        if unanswered:
            status = (
                f"{_number(unanswered).capitalize()} af dem er ikke besvaret endnu; de står her som »Ikke besvaret«, "
                "så intet er skjult."
            )
        else:
            status = "Alle er besvaret."
        self.doc.paragraph(
            f"Her er de {_number(len(shown))} spørgsmål, der er relevante ud fra svarene, med lederens svar og "
            f"noter. {status}"
        )
        for section in self.later_sections:
            self.doc.heading(3, section.title)
            for question in section.questions:
                if question.id in self.visible_ids:
                    self._question_block(question)

    def _sources(self) -> None:
        self.doc.heading(2, "Kilder")
        self.doc.paragraph(
            "Spørgsmålene og forklaringerne i noten bygger på disse kilder. Under hver kilde står de afsnit, noten "
            "henviser til, så man kan læse videre."
        )
        items = []
        for source_id in self.source_numbers:
            source = self.flow.source(source_id)
            year = f", {source.year}" if source.year is not None else ""
            link = f" {autolink(source.url)}" if source.url and autolink(source.url) else ""
            # Sorted, so that a chapter's sections stand together ("1. Kerneopgave", "1. Kerneopgave: ...").
            sections = sorted(self.cited[source_id], key=lambda section: (section.casefold(), section))
            entry = f"{_quoted(source.title)}, {_text(source.publisher)}{year}.{link} Afsnit, noten henviser til:"
            items.append((entry, [_quoted(section) for section in sections]))
        self.doc.numbered(items)

    def _retired(self) -> None:
        """Answers to questions an older version of the flow asked: shown, never weighed or dropped."""
        retired = self.answers.retired
        if not retired:
            return
        self.doc.heading(2, "Tidligere svar")
        self.doc.paragraph(
            "Forløbet er ændret, siden disse svar blev givet: spørgsmålet eller svarmuligheden findes ikke "
            "længere. Svarene tæller ikke i buddet, men står her, så intet af det, lederen har svaret, går tabt."
        )
        items = []
        for key in sorted(retired):
            value = retired[key]
            shown = ", ".join(value) if isinstance(value, tuple) else value
            items.append(f"{code_span(key)}: {_quoted(shown)}")
        self.doc.bullets(items)

    def _colophon(self) -> None:
        self.doc.heading(2, "Om noten")
        self.doc.paragraph(
            f"Noten er lavet med kerneopgave-guiden ud fra forløbet {code_span(self.flow.id)}, version "
            f"{_text(self.flow.version)}. Den samme svarfil giver altid den samme note, så en ændring i noten "
            "svarer til en ændring i svarene."
        )
