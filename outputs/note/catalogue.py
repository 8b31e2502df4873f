"""The whole question catalogue of a flow as one Markdown page for the wiki.

Colleagues, MED-udvalg and whoever writes an organisation's own flow can read
every question here – also those a given leader never sees – with its kind,
options, "ved ikke", when it is shown, why it is asked, whom to involve and the
source. Ids are shown (in code spans) because answers files and conditions use
them. Derived from the flow alone, so it can never drift from what is asked.
"""

from __future__ import annotations

from flows import Flow, Kind, Question, Section
from flows.conditions import Condition
from flows.schema import Dimension
from outputs.note.document import MarkdownDocument
from outputs.note.escape import autolink, code_span, inline, one_line, table_cell
from outputs.note.markdown import BASIC_QUESTION_HEADINGS
from outputs.wording import describe_condition

KIND_NAMES = {
    Kind.SINGLE: "ét svar blandt flere muligheder",
    Kind.SCALE: "ét trin på en skala",
    Kind.YES_NO: "ja eller nej",
    Kind.MULTI: "et eller flere svar",
    Kind.TEXT: "fritekst",
}


def _text(text: str) -> str:
    return inline(one_line(text), mid_line=True)


def _quoted(text: str) -> str:
    return f"»{_text(text)}«"


def render_catalogue(flow: Flow) -> str:
    """Every section and question of ``flow`` as Markdown: deterministic, LF, one trailing newline."""
    doc = MarkdownDocument()
    numbers = {source.id: number for number, source in enumerate(flow.sources, start=1)}
    doc.heading(1, f"Spørgsmålskatalog: {one_line(flow.title)}")
    if one_line(flow.description):
        doc.paragraph(inline(flow.description))
    doc.paragraph(
        f"Kataloget viser alle {len(flow.questions)} spørgsmål i forløbet {code_span(flow.id)}, version "
        f"{_text(flow.version)} – også dem, der kun stilles på bestemte veje gennem forløbet. Id'erne i "
        "kodeskrift er dem, en svarfil bruger. Under »Vises« står, hvornår et afsnit eller et spørgsmål kommer "
        "frem: i ord og som betingelsen i forløbsfilen. Dér er `vej` buddet eller lederens egen vurdering "
        "(`simpelt-redskab`, `forandring-af-kerneopgaven` eller `uafklaret`), og `traek` er de relevante træk."
    )
    for section in flow.sections:
        _section(doc, flow, section, numbers)
    _triage(doc, flow)
    _traits(doc, flow, numbers)
    _sources(doc, flow)
    return doc.text()


def _shown(flow: Flow, source: str | None, condition: Condition | None) -> str:
    """When a section or question is shown: in words, with the condition itself for flow authors."""
    if not source:
        return "altid"
    words = _text(describe_condition(flow, condition)) if condition is not None else ""
    return f"når {words} ({code_span(source)})" if words else f"når {code_span(source)}"


def _section(doc: MarkdownDocument, flow: Flow, section: Section, numbers: dict[str, int]) -> None:
    doc.heading(2, section.title)
    if one_line(section.intro):
        doc.paragraph(inline(section.intro))
    facts = [
        f"Afsnittets id: {code_span(section.id)}",
        f"Vises: {_shown(flow, section.relevant_when, section.condition)}",
    ]
    if section.basic_question is not None:
        facts.append(f"Grundspørgsmål: {_quoted(BASIC_QUESTION_HEADINGS[section.basic_question])}")
    if section.trait is not None:
        facts.append(f"Træk: {_quoted(flow.trait(section.trait).title)}")
    if section.id == flow.triage.section:
        facts.append("Svarene her giver buddet: se »Triagen« længere nede")
    doc.bullets(facts)
    for question in section.questions:
        _question(doc, flow, question, numbers)


def _question(doc: MarkdownDocument, flow: Flow, question: Question, numbers: dict[str, int]) -> None:
    doc.heading(3, question.text)
    facts = [
        f"Id: {code_span(question.id)}",
        f"Svartype: {KIND_NAMES[question.kind]}" + (", og »Ved ikke« kan vælges" if question.allow_unknown else ""),
        f"Vises: {_shown(flow, question.relevant_when, question.condition)}",
    ]
    if question.basic_question is not None:
        facts.append(f"Grundspørgsmål: {_quoted(BASIC_QUESTION_HEADINGS[question.basic_question])}")
    if question.involve:
        facts.append(f"Inddrag: {_text(question.involve)}")
    source = question.source
    facts.append(f"Kilde {numbers[source.source]}, afsnittet {_quoted(source.section)}{source.own_note}")
    doc.bullets(facts)
    doc.paragraph(inline(question.help))
    if question.choices:
        doc.table(
            ("Svarmulighed", "Id"),
            [(table_cell(one_line(option.label)), code_span(option.id)) for option in question.choices],
        )


def _triage(doc: MarkdownDocument, flow: Flow) -> None:
    rules = flow.triage
    change, simple = _quoted(rules.label("forandring-af-kerneopgaven")), _quoted(rules.label("simpelt-redskab"))
    doc.heading(2, "Triagen: sådan gives buddet")
    doc.paragraph(
        "Triagen svarer på to spørgsmål hver for sig: ændrer teknologien kerneopgaven (buddet), og hvor krævende "
        "bliver forløbet (kompleksiteten)? Hvert kriterium, hvis betingelse er opfyldt, giver point. For buddet "
        f"trækker positive point mod {change}, negative mod {simple}. Buddet er {change} ved mindst "
        f"{rules.threshold} point, ellers {simple}; det er {_quoted(rules.label('uafklaret'))}, så længe et "
        "ubesvaret eller »ved ikke«-svar kan vende det. Der gives først et bud, når mindst "
        f"{rules.min_answered} triagespørgsmål er besvaret med andet end »ved ikke«. Kompleksiteten afgør aldrig "
        "buddet. Lederen kan altid være uenig og skrive sin egen vurdering."
    )
    first = rules.first_impression
    if first is not None and first.question in flow.questions:
        doc.paragraph(
            f"{_quoted(flow.questions[first.question].text)} er lederens første indtryk: det vises ved buddet og "
            "nævnes, når det peger en anden vej, men det giver ingen point."
        )
    for dimension, heading in ((Dimension.CORE_TASK, "Kriterier for buddet"), (Dimension.COMPLEXITY, None)):
        criteria = [criterion for criterion in flow.criteria if criterion.dimension is dimension]
        if not criteria:
            continue
        if heading is None:
            doc.paragraph(
                f"Kriterier for kompleksiteten ({_quoted(rules.label('middel'))} fra {rules.complexity_medium} "
                f"point, {_quoted(rules.label('hoej'))} fra {rules.complexity_high}):"
            )
        else:
            doc.paragraph(f"{heading}:")
        items = []
        for criterion in criteria:
            points = f"{criterion.points:+d}".replace("-", "−")
            traits = ""
            if criterion.traits:
                traits = " Peger på " + ", ".join(_quoted(flow.trait(trait).title) for trait in criterion.traits) + "."
            items.append(
                f"**{_text(criterion.title)}** ({points} point, når {code_span(criterion.when)}): "
                f"{_text(criterion.explanation)}{traits}"
            )
        doc.bullets(items)


def _traits(doc: MarkdownDocument, flow: Flow, numbers: dict[str, int]) -> None:
    if not flow.traits:
        return
    doc.heading(2, "Træk")
    doc.bullets(
        [
            f"**{_text(trait.title)}** ({code_span(trait.id)}): {_text(trait.description)} "
            f"(kilde {numbers[trait.source.source]}, afsnittet {_quoted(trait.source.section)})"
            for trait in flow.traits
        ]
    )


def _sources(doc: MarkdownDocument, flow: Flow) -> None:
    doc.heading(2, "Kilder")
    items: list[tuple[str, list[str]]] = []
    for source in flow.sources:
        year = f", {source.year}" if source.year is not None else ""
        url = f" {autolink(source.url)}" if source.url and autolink(source.url) else ""
        items.append((f"{_quoted(source.title)}, {_text(source.publisher)}{year}.{url}", []))
    doc.numbered(items)
