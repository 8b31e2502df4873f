"""A ready-to-fill answers file: every question commented out under its section.

Each question comes with its text, kind, allowed values (``id = label``), help
and source, and the condition under which it is shown. Uncommenting a line
without filling it in answers nothing (an empty ``""`` or ``[]`` is "not
answered"), so the template passes ``wizard check`` as is and stays valid at
every step of filling it in.
"""

from __future__ import annotations

import textwrap

from flows import Flow, Kind, Question, Section
from outputs import answers_names as names
from outputs.condition_text import VERDICT_LABELS, describe_condition
from outputs.toml_write import comment, string

WIDTH = 100

_KIND_TEXT = {
    Kind.TEXT: 'fritekst: skriv teksten i anførselstegn; tekst over flere linjer skrives mellem """ og """',
    Kind.SINGLE: "vælg ét id",
    Kind.SCALE: "vælg ét id på skalaen",
    Kind.YES_NO: "ja eller nej",
    Kind.MULTI: 'vælg et eller flere id\'er som en liste, fx ["a", "b"]',
}


def _comment_block(text: str, prefix: str = "") -> list[str]:
    """``text`` as wrapped comment lines; paragraphs are kept apart."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        wrapped = textwrap.wrap(comment(paragraph), WIDTH - 2 - len(prefix)) or [""]
        lines += [f"# {prefix}{wrapped[0]}".rstrip()]
        lines += [f"# {' ' * len(prefix)}{rest}" for rest in wrapped[1:]]
    return lines


def render_template(flow: Flow) -> str:
    """The whole template text (LF line ends, one trailing newline)."""
    out = [
        f'# Svarfil til "{comment(flow.title)}"',
        f"# Forløbet '{flow.id}', version {flow.version}.",
        "#",
        "# Sådan udfylder du filen: fjern '#' foran et svar, og skriv dit svar mellem",
        "# anførselstegnene. Et svar, du ikke udfylder, tæller som ubesvaret. Tjek filen med",
        "#     wizard check FIL",
        "# og lav noten til mødet med",
        "#     wizard export FIL -o note.md",
        "# Formatet er beskrevet i docs/answers-format.md.",
        "",
        *names.file_table(flow),
    ]
    for section in flow.sections:
        out += ["", *_section(flow, section)]
    out += ["", *_closing(flow)]
    return "\n".join(out) + "\n"


def _section(flow: Flow, section: Section) -> list[str]:
    rule = "# " + "=" * (WIDTH - 2)
    out = [rule, *_comment_block(section.title.upper()), *(_comment_block(section.intro) if section.intro else [])]
    if section.condition is not None:
        out += _comment_block(f"Afsnittet vises kun, når {describe_condition(flow, section.condition)}.")
    out += [rule, f"[{section.id}]"]
    for question in section.questions:
        out += ["", *_question(flow, question)]
    return out


def _question(flow: Flow, question: Question) -> list[str]:
    out = _comment_block(question.text)
    out += _comment_block(_KIND_TEXT[question.kind], "Svar: ")
    if question.is_choice:
        out.append("# Svarmuligheder:")
        for option in question.choices:
            alone = " (vælges alene)" if option.id in question.exclusive_ids else ""
            out += _comment_block(option.label + alone, f"  {option.id} = ")
    out += _comment_block(question.help, "Hjælp: ")
    out += _comment_block(_source(flow, question), "Kilde: ")
    if question.condition is not None:
        out += _comment_block(f"Vises kun, når {describe_condition(flow, question.condition)}.")
    placeholder = "[]" if question.kind is Kind.MULTI else '""'
    out.append(f"#{question.id} = {placeholder}")
    return out


def _source(flow: Flow, question: Question) -> str:
    try:
        source = flow.source(question.source.source)
    except KeyError:
        return question.source.section
    year = f", {source.year}" if source.year else ""
    return f'{source.title} ({source.publisher}{year}), afsnittet "{question.source.section}"{question.source.own_note}'


def _closing(flow: Flow) -> list[str]:
    judgements = ", ".join(f"{verdict.value} = {VERDICT_LABELS[verdict]}" for verdict in names.JUDGEMENTS)
    traits = ", ".join(f"{trait.id} = {trait.title}" for trait in flow.traits)
    first = next(iter(flow.questions), "id")
    return [
        "# " + "=" * (WIDTH - 2),
        "# DIN EGEN VURDERING (valgfri)",
        "# Er du uenig i værktøjets bud, kan du skrive din egen vurdering og hvorfor.",
        *_comment_block(judgements, "egen-vurdering: "),
        *_comment_block(
            "de træk, du vil drøfte; uden linjen bruges værktøjets forslag, og [] betyder ingen. " + traits, "traek: "
        ),
        f"[{names.JUDGEMENT_TABLE}]",
        f'#{names.JUDGEMENT_KEY} = ""',
        f'#{names.REASON_KEY} = ""',
        f"#{names.TRAITS_KEY} = [{string(flow.traits[0].id) if flow.traits else ''}]",
        "",
        "# NOTER: en note ved et svar, med spørgsmålets id som nøgle.",
        f"[{names.NOTES_TABLE}]",
        f'#{first} = ""',
        "",
        "# TIL DRØFTELSE: marker et svar, der skal tages op på mødet.",
        f"[{names.DISCUSS_TABLE}]",
        f"#{first} = true",
    ]
