"""The words of a question page and the judgement page as plain text: shared by the screens and the plain mode.

Pure functions (no Textual): the explanation and source of a question, the leader's
options for the judgement, and what the traits are.
"""

from __future__ import annotations

from flows import Evaluation, Flow, Question, Verdict
from outputs.wording import verdict_text


def source_line(flow: Flow, source_id: str, section: str) -> str:
    source = flow.source(source_id)
    published = ", ".join(str(part) for part in (source.publisher, source.year) if part)
    line = f"Kilde: »{source.title}«, {published}. Afsnit: {section}."
    return f"{line} {source.url}" if source.url else line


def explanation(flow: Flow, question: Question) -> str:
    """The help text, the source, whom to involve and what the section is about: what Ctrl+F shows."""
    source = question.source
    parts = [question.help, "", source_line(flow, source.source, source.section + source.own_note)]
    if question.involve:
        parts += ["", f"Inddrag: {question.involve}"]
    section = flow.section_of(question.id)
    if section.intro:
        parts += ["", f"Om afsnittet »{section.title}«: {section.intro}"]
    return "\n".join(parts)


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


def traits_label(evaluation: Evaluation, answers_traits: tuple[str, ...] | None) -> str:
    """The heading over the traits: says "chosen in advance" only when something is (issue 19)."""
    if answers_traits is not None:
        return "Træk, mødet bør se på (som du har valgt dem):"
    if evaluation.suggested_traits:
        return "Træk, mødet bør se på (de træk, dine svar peger på, er valgt på forhånd):"
    return "Træk, mødet bør se på (dine svar peger ikke på nogen; vælg dem, du vil drøfte):"
