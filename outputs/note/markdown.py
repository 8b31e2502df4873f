"""The preparation note a leader takes to the meeting, as wiki-ready Markdown.

``render_markdown`` turns a flow and the leader's answers into one Markdown
text, written so that the first screen of it is the meeting:

1. the front page: the title, the status of the preparation (draft or done, who
   prepared it and when it last changed), the tool's verdict and the leader's own
   view and reason, then **Til mødet**: the points the leader marked, the answers
   to the questions asked for the meeting and every note, as one numbered list,
   and the open "ved ikke" questions with whom to ask;
2. the reasoning: the verdict with its reasons and decisive answers, the traits;
3. the text the leader wrote for questions a later choice has hidden, saying why
   it no longer counts (nothing the leader wrote is silently left out);
4. the appendix: every relevant answer, section by section, as compact tables,
   each section citing its sources once; the sources; the flow and its version.

"Til mødet" comes from ``outputs.note.agenda``, the model the summary screen shows
too, so the screen and the note list the same points and say the same numbers.

The note is written for colleagues who never saw the tool: Danish prose, labels
instead of ids. It is deterministic – the only facts beyond the answers are the
answers file's owner and day of last change (``outputs.note.facts``), flow order
throughout – so git shows a change only where an answer changed. Every text from
the answers or the flow goes through ``outputs.note.escape`` and cannot change the
document's structure.

The screens can show the same note: pass ``render_markdown(...)`` to Textual's
``Markdown`` widget with ``parser_factory=wiki_parser``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from flows import Answers, AnswerValue, BasicQuestion, Evaluation, Flow, Question, Section, Verdict, evaluate
from outputs.note.agenda import AgendaItem, HiddenText, meeting_agenda
from outputs.note.diff import Changes, add_changes
from outputs.note.document import MarkdownDocument
from outputs.note.escape import autolink, clean_text, code_span, inline, one_line, table_cell
from outputs.note.facts import NoteFacts, danish_date
from outputs.wording import describe_condition, verdict_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

NEUTRAL_TITLE = "Forberedelse til møde om ny teknologi"
NAME_QUESTION = "navn"
# A free-text answer longer than this reads badly in a table cell: it is shown
# below the table instead.
TABLE_TEXT_LIMIT = 80
# A reason longer than this many words is shortened on the front page (so that
# "Til mødet" stays on the first screen) and given in full under the verdict.
FRONT_REASON_WORDS = 70

MEETING_HEADING = "Til mødet"
HIDDEN_HEADING = "Tekst, der ikke længere tæller"
APPENDIX_HEADING = "Bilag: svarene afsnit for afsnit"

# What the verdict means, in one or two sentences (the reasons follow it in the note).
_VERDICT_EXPLAINED = {
    Verdict.SIMPLE: (
        "Teknologien kan glide ind i arbejdet uden at ændre, hvordan opgaverne løses, eller hvad borgerne får ud "
        "af dem; et kort overblik er nok."
    ),
    Verdict.CHANGE: (
        "Teknologien kan ændre, hvordan opgaverne løses, eller hvad borgerne får ud af dem. Her er gevinsterne og "
        "bivirkningerne størst, så den fortjener omtanke, dialog og samarbejde."
    ),
    Verdict.UNRESOLVED: "Der er endnu ikke svar nok i triagen til, at værktøjet kan give et bud.",
}

_JUDGEMENT_PHRASES = {
    Verdict.SIMPLE: "at teknologien er et simpelt redskab",
    Verdict.CHANGE: "at teknologien er en forandring af kerneopgaven",
    Verdict.UNRESOLVED: "at det endnu er uafklaret, hvilken slags teknologi der er tale om",
}

# The four basic questions of the source publication, in the note's words (the
# catalogue's headings); the short names tag each point of "Til mødet" and group
# its open questions.
BASIC_QUESTION_HEADINGS = {
    BasicQuestion.CORE_TASK: "1. Kerneopgaven: hvad er formålet og gevinsten?",
    BasicQuestion.TASK_SOLVING: "2. Opgaveløsningen: hvordan påvirkes hverdagens arbejde?",
    BasicQuestion.COMPETENCES: "3. Kompetencer: hvad skal medarbejderne kunne?",
    BasicQuestion.INVOLVEMENT: "4. Inddragelse: hvordan samarbejder I om at tage den i brug?",
}
BASIC_QUESTION_NAMES: dict[BasicQuestion | None, str] = {
    BasicQuestion.CORE_TASK: "Kerneopgaven",
    BasicQuestion.TASK_SOLVING: "Opgaveløsningen",
    BasicQuestion.COMPETENCES: "Kompetencer",
    BasicQuestion.INVOLVEMENT: "Inddragelse",
}
OTHER_NAME = "Øvrige"


def wiki_parser() -> MarkdownIt:
    """A parser that reads the note as the wikis do (CommonMark with GFM tables).

    Fit for Textual's ``Markdown(..., parser_factory=wiki_parser)`` so the
    preview in the screens shows exactly what the wiki will show. (The parser is imported here:
    writing a note does not need it, and ``wizard export`` starts faster without it.)
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def render_markdown(flow: Flow, answers: Answers, facts: NoteFacts | None = None, since: Changes | None = None) -> str:
    """The whole preparation note: deterministic, LF line ends, one trailing newline.

    ``facts`` are the answers file's owner and day of last change
    (``outputs.note.facts.file_facts``); without them the note leaves both out. ``since``: what
    changed since an earlier version of the answers (``export --since``), shown after "Til mødet"."""
    return _Note(flow, answers, evaluate(flow, answers), facts or NoteFacts(), since).render()


def write_markdown(
    path: Path, flow: Flow, answers: Answers, facts: NoteFacts | None = None, since: Changes | None = None
) -> None:
    """Write the note to ``path`` atomically (a reader never sees half a note); a device, FIFO or
    /dev/stdout is written into, never replaced (``outputs.storage.saving.write_output``).

    Not flushed to the disk one by one: a note is made again from its answers file
    in a moment, and flushing each of a thousand notes would dominate a batch export."""
    from outputs.storage import write_output

    write_output(path, render_markdown(flow, answers, facts, since), durable=False)


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


def _count(number: int, one: str, many: str, *, common: bool = False) -> str:
    """ "ét punkt", "én note", "otte punkter": ``common`` for a common-gender noun (én, not ét)."""
    if number == 1:
        return f"{'én' if common else 'ét'} {one}"
    return f"{_number(number)} {many}"


def _points(items: tuple[AgendaItem, ...]) -> str:
    """ "punkt 3" or "punkt 1–5": the numbers of consecutive agenda points."""
    first, last = items[0].number, items[-1].number
    return f"punkt {first}" if first == last else f"punkt {first}–{last}"


_LIST_ITEM = re.compile(r"(.*), nr\. (\d+)")


@lru_cache(maxsize=4096)  # the flow's section names: a few hundred, asked for again in every note of a batch
def _list_item(section: str) -> tuple[str, int | None]:
    """ "Afsnit, nr. 3" -> ("Afsnit", 3): an item of a numbered list in the source; else (section, None)."""
    match = _LIST_ITEM.fullmatch(section)
    return (match.group(1), int(match.group(2))) if match else (section, None)


@lru_cache(maxsize=64)  # one per source of the flow: the same for every note of a batch
def _contents_order(contents: tuple[str, ...]) -> dict[str, int]:
    return {section: index for index, section in enumerate(contents)}


def _excerpt(text: str, words: int) -> str | None:
    """The first ``words`` words of ``text`` on one line, or None when the text is not longer."""
    parts = one_line(text).split(" ")
    if len(parts) <= words:
        return None
    return " ".join(parts[:words]).rstrip(" ,.;:–-") + " …"


class _Note:
    def __init__(
        self, flow: Flow, answers: Answers, evaluation: Evaluation, facts: NoteFacts, since: Changes | None = None
    ) -> None:
        self.since = since
        self.flow = flow
        self.answers = answers
        self.evaluation = evaluation
        self.facts = facts
        self.doc = MarkdownDocument()
        self.agenda = meeting_agenda(flow, answers, evaluation)
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

    def _question_block(self, question: Question) -> None:
        """A question and its answer on the lines below (the notes are in "Til mødet")."""
        value = self._value(question)
        self.doc.paragraph(_question_text(question.text), *self._answer_lines(question, value))

    def _section_order(self, source_id: str) -> dict[str, int]:
        """A source's sections in the publication's own order (its contents), then the rest in flow order."""
        order = dict(_contents_order(self.flow.source(source_id).contents))
        for section in self.cited.get(source_id, []):
            order.setdefault(_list_item(section)[0], len(order))
        return order

    def _citation(self, refs: list[tuple[str, str]]) -> str:
        """ "Kilde 1: »1. Kerneopgave« (»A« nr. 1 og 3, »B«); kilde 2: »C«." – each source and section once.

        Sections are named "Kapitel: Afsnit" in the flow, an item of a numbered list "Kapitel: Afsnit, nr. 3";
        a chapter is named once with its sections after it, a list once with its item numbers, all in the
        publication's own order."""
        by_source: dict[str, dict[str, list[int]]] = {}
        for source_id, section in refs:
            base, number = _list_item(section)
            numbers = by_source.setdefault(source_id, {}).setdefault(base, [])
            if number is not None and number not in numbers:
                numbers.append(number)
        parts = []
        for source_id in sorted(by_source, key=lambda source: self.source_numbers[source]):
            order = self._section_order(source_id)
            chapters: dict[str, list[str]] = {}
            for section in sorted(by_source[source_id], key=lambda section: order[section]):
                chapter, _, part = section.partition(": ")
                chapters.setdefault(chapter, [])
                numbers = sorted(by_source[source_id][section])
                items = f" nr. {_join([str(number) for number in numbers])}" if numbers else ""
                if part:
                    chapters[chapter].append(_quoted(part) + items)
                elif items:
                    chapters[chapter].append(items.strip())
            named = [
                f"{_quoted(chapter)} ({', '.join(sections)})" if sections else _quoted(chapter)
                for chapter, sections in chapters.items()
            ]
            parts.append(f"kilde {self.source_numbers[source_id]}: {', '.join(named)}")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."

    # -- the parts of the note -------------------------------------------

    def render(self) -> str:
        self.doc.heading(1, _title(self.evaluation))
        self._status()
        self._front()
        self._meeting()
        self._since()
        self._verdict()
        self._traits()
        self._hidden()
        self._appendix()
        self._sources()
        self._retired()
        return self.doc.text()

    def _since(self) -> None:
        """What changed since the earlier version of the answers (``export --since``)."""
        if self.since is not None:
            self.doc.heading(2, "Ændret siden sidste møde")
            add_changes(self.doc, self.since, level=3)

    def _status(self) -> None:
        """Draft or done, who prepared it and when the answers last changed."""
        agenda = self.agenda
        if agenda.complete:
            status = f"*Færdig:* alle {agenda.relevant} relevante spørgsmål er besvaret."
        else:
            status = f"*Kladde:* {agenda.answered} af {agenda.relevant} relevante spørgsmål er besvaret."
        facts = [f"forløbet {code_span(self.flow.id)} version {_text(self.flow.version)}"]
        if self.facts.prepared_by:
            facts.append(f"udarbejdet af {_text(self.facts.prepared_by)}")
        if self.facts.changed is not None:
            facts.append(f"sidst ændret {danish_date(self.facts.changed)}")
        status += f" Lavet med {_join(facts)}."
        self.doc.paragraph(status)

    def _front(self) -> None:
        """The verdict and the leader's own view in a few lines: what the meeting starts from."""
        self.doc.paragraph(f"{self._verdict_summary()} {self._leader_view()}")
        reason = clean_text(self.evaluation.judgement_reason)
        if reason:
            short = _excerpt(reason, FRONT_REASON_WORDS)
            if short is None:
                self.doc.paragraph(f"*Begrundelse:* {inline(reason, mid_line=True)}")
            else:
                self.doc.paragraph(f"*Begrundelse:* {_text(short)} (hele begrundelsen står under »Bud og vurdering«)")

    def _verdict_summary(self) -> str:
        """What the tool says, in one or two sentences: the verdict (or what it depends on) and the complexity."""
        flow, evaluation = self.flow, self.evaluation
        headline = verdict_text.headline(flow, evaluation)
        if evaluation.verdict is Verdict.UNRESOLVED:
            depends = verdict_text.depends_on_sentence(flow, evaluation) or evaluation.triage.rule
            text = f"**Værktøjets bud: {_text(headline.lower())}.** {_text(depends)}"
        else:
            text = f"**Værktøjets bud: {_text(headline.lower())}** (hvorfor står under »Bud og vurdering«)."
        level = evaluation.complexity.level
        if level is not None:
            text += f" Kompleksitet: {_text(verdict_text.label(flow, level))}; den afgør ikke buddet."
        return text

    def _leader_view(self) -> str:
        evaluation = self.evaluation
        judgement = evaluation.judgement
        if judgement is None:
            if clean_text(evaluation.judgement_reason):
                return "Lederen har ikke valgt en vurdering, men har skrevet en begrundelse."
            return "Lederen har endnu ikke taget stilling til buddet."
        if evaluation.disagrees:
            return (
                f"Lederen er **uenig** og vurderer, {_JUDGEMENT_PHRASES[judgement]}; spørgsmålene i noten følger "
                "lederens vurdering."
            )
        return f"Lederen er enig og vurderer, {_JUDGEMENT_PHRASES[judgement]}."

    def _meeting(self) -> None:
        """The agenda: one numbered list of points, then the open questions grouped by basic question."""
        agenda = self.agenda
        self.doc.heading(2, MEETING_HEADING)
        parts = []
        if agenda.marked:
            parts.append(f"{_points(agenda.marked)} har lederen sat til drøftelse")
        if agenda.proposals:
            kinds = []
            if any(item.question.meeting for item in agenda.proposals):
                kinds.append("svar til mødet")
            if any(not item.question.meeting for item in agenda.proposals):
                kinds.append("noter" if len(agenda.proposals) > 1 else "note")
            parts.append(f"{_points(agenda.proposals)} er lederens {' og '.join(kinds)}")
        if parts:
            text = "; ".join(parts)
            lead = f"{text[0].upper()}{text[1:]}."
        else:
            lead = "Lederen har ikke sat punkter til drøftelse og har ingen noter."
        if len(agenda.open) == 1:
            lead += " Ét spørgsmål står åbent."
        elif agenda.open:
            lead += f" {_number(len(agenda.open)).capitalize()} spørgsmål står åbne."
        if agenda.unanswered:
            lead += f" {_number(agenda.unanswered).capitalize()} spørgsmål er ikke besvaret endnu."
        if self.evaluation.disagrees:
            lead += " Lederen er uenig i værktøjets bud: det er et godt sted at begynde mødet."
        self.doc.paragraph(lead)
        if agenda.points:
            self.doc.numbered_blocks([self._point(item) for item in agenda.points])
        if agenda.open:
            self.doc.heading(3, "Åbne spørgsmål")
            self.doc.paragraph("Svaret er endnu »ved ikke«. Find svaret før eller på mødet:")
            self.doc.grouped_bullets(self._open_questions())

    def _point(self, item: AgendaItem) -> list[str]:
        """One point of the agenda as blocks: the question and what it is, the answer, the note."""
        question, value = item.question, item.value
        if item.marked:
            kind = "Sat til drøftelse"
        elif question.meeting:
            kind = "Svar til mødet"
        else:
            kind = "Lederens note"
        facts = [f"{kind} ({BASIC_QUESTION_NAMES.get(item.basic_question, OTHER_NAME).lower()})."]
        if value is None:
            facts.append("Ikke besvaret endnu.")
        elif question.is_choice:
            facts.append(f"Svar: {', '.join(_quoted(label) for label in self._labels(question, value))}.")
        if question.involve:
            facts.append(f"Inddrag: {_text(question.involve)}.")
        blocks = [f"{_question_text(question.text)}\\\n{' '.join(facts)}"]
        if value is not None and not question.is_choice:
            blocks.append(f"*Svar:* {inline(str(value), mid_line=True)}")
        note = self._note(question)
        if note:
            blocks.append(f"*Note:* {inline(note, mid_line=True)}")
        return blocks

    def _open_questions(self) -> list[tuple[str, list[str]]]:
        """The open questions under their basic question, with whom to involve where the flow says."""
        groups: dict[BasicQuestion | None, list[str]] = {}
        for item in self.agenda.open:
            involve = f" (inddrag: {_text(item.question.involve)})" if item.question.involve else ""
            # At the start of a list item, where a leading "1." would start a list: the line-start escapes.
            groups.setdefault(item.basic_question, []).append(f"{_line(item.question.text)}{involve}")
        return [(f"*{BASIC_QUESTION_NAMES.get(basic, OTHER_NAME)}:*", questions) for basic, questions in groups.items()]

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
        """Under the verdict: the leader's view in one line (it stands in full on the front page)."""
        evaluation = self.evaluation
        self.doc.heading(3, "Lederens egen vurdering")
        judgement = evaluation.judgement
        if judgement is None:
            text = "Lederen har ikke taget stilling til buddet, men har skrevet en begrundelse"
        elif evaluation.disagrees:
            text = f"Lederen er **uenig** i buddet og vurderer, {_JUDGEMENT_PHRASES[judgement]}"
        else:
            text = f"Lederen er enig i buddet og vurderer, {_JUDGEMENT_PHRASES[judgement]}"
        reason = clean_text(evaluation.judgement_reason)
        if not reason:
            self.doc.paragraph(f"{text}. Lederen har ikke skrevet en begrundelse.")
        elif _excerpt(reason, FRONT_REASON_WORDS) is None:
            self.doc.paragraph(f"{text}. Begrundelsen står øverst i noten.")
        else:
            self.doc.paragraph(f"{text}. Hele begrundelsen:")
            self.doc.paragraph(f"*Begrundelse:* {inline(reason, mid_line=True)}")

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

    def _hidden(self) -> None:
        """Text the leader wrote for questions that are hidden now: kept, with why it no longer counts."""
        hidden = self.agenda.hidden
        if not hidden:
            return
        self.doc.heading(2, HIDDEN_HEADING)
        lead = (
            "Lederen har skrevet disse svar og noter, men et senere svar har gjort spørgsmålene irrelevante. "
            "De tæller ikke med i buddet eller i resten af noten. De står her, så intet går tabt, og de tæller "
            "igen, hvis svaret ændres tilbage."
        )
        if self.agenda.hidden_choices:
            lead += (
                f" Svarfilen gemmer også {_count(self.agenda.hidden_choices, 'valg', 'valg')} til skjulte spørgsmål."
            )
        self.doc.paragraph(lead)
        shown_when = None
        for text in hidden:
            if text.shown_when is not shown_when or shown_when is None:
                shown_when = text.shown_when
                self.doc.paragraph(self._why_hidden(text))
            self._hidden_text(text)

    def _why_hidden(self, text: HiddenText) -> str:
        if text.shown_when is None:
            return "*Hvorfor det ikke tæller:* spørgsmålet er ikke relevant efter de nuværende svar."
        condition = describe_condition(self.flow, text.shown_when)
        return f"*Hvorfor det ikke tæller:* spørgsmålet gælder kun, når {_text(condition)}."

    def _hidden_text(self, text: HiddenText) -> None:
        if text.answer:
            self.doc.paragraph(_question_text(text.question.text), inline(text.answer))
        else:
            self.doc.paragraph(_question_text(text.question.text))
        if text.note:
            self.doc.paragraph(f"*Note:* {inline(clean_text(text.note), mid_line=True)}")

    def _appendix(self) -> None:
        """Every other relevant answer, section by section: short ones in a table, long text below it."""
        self.doc.heading(2, APPENDIX_HEADING)
        agenda = self.agenda
        status = (
            "Alle er besvaret."
            if agenda.complete
            else f"{_number(agenda.unanswered).capitalize()} er ikke besvaret endnu og står som »Ikke besvaret«."
        )
        self.doc.paragraph(
            f"Svarene på de {agenda.relevant} spørgsmål, der er relevante ud fra svarene. {status} Det, der står "
            f"under »{MEETING_HEADING}«, og alle noter står kun dér."
        )
        for section in self.evaluation.visible_sections:
            self._appendix_section(section)

    def _appendix_section(self, section: Section) -> None:
        """A section's sources (for all its questions), then the answers "Til mødet" does not already show."""
        self.doc.heading(3, section.title)
        shown = [q for q in section.questions if q.id in self.visible_ids]
        self.doc.paragraph(self._citation([(q.source.source, q.source.section) for q in shown]))
        points = sorted(number for q in shown if (number := self.agenda.number_of(q.id)) is not None)
        opened = sum(1 for item in self.agenda.open if item.question in shown)
        if points or opened:
            parts = [f"punkt {_join([str(number) for number in points])}"] if points else []
            if opened:
                parts.append(_count(opened, "åbent spørgsmål", "åbne spørgsmål"))
            self.doc.paragraph(f"Fra dette afsnit står {' og '.join(parts)} under »{MEETING_HEADING}«.")
        # Each answer once: what "Til mødet" shows, and the name (the note's title), are not repeated here.
        on_agenda = {item.question.id for item in self.agenda.points + self.agenda.open} | {NAME_QUESTION}
        questions = [q for q in shown if q.id not in on_agenda]
        rows: list[tuple[str, str]] = []
        below: list[Question] = []
        for question in questions:
            value = self._value(question)
            if value is None:
                rows.append((table_cell(question.text), "*Ikke besvaret*"))
            elif question.is_choice:
                labels = ", ".join(one_line(label) for label in self._labels(question, value))
                rows.append((table_cell(question.text), table_cell(labels)))
            elif "\n" not in clean_text(str(value)) and len(clean_text(str(value))) <= TABLE_TEXT_LIMIT:
                rows.append((table_cell(question.text), table_cell(str(value))))
            else:
                below.append(question)  # a long text reads badly in a cell: it stands below the table
        if rows:
            self.doc.table(("Spørgsmål", "Svar"), rows)
        for question in below:
            self._question_block(question)

    def _sources(self) -> None:
        self.doc.heading(2, "Kilder")
        self.doc.paragraph("Afsnittene, noten bygger på, står ved hvert afsnit i bilaget.")
        items: list[tuple[str, list[str]]] = []
        for source_id in self.source_numbers:
            source = self.flow.source(source_id)
            year = f", {source.year}" if source.year is not None else ""
            link = f" {autolink(source.url)}" if source.url and autolink(source.url) else ""
            items.append((f"{_quoted(source.title)}, {_text(source.publisher)}{year}.{link}", []))
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
