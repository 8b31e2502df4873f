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
from outputs.answers import names as names
from outputs.answers.flow_source import flow_source
from outputs.answers.prefill import DataValue, Prefill
from outputs.toml import comment, string, string_array
from outputs.wording import describe_condition

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


def render_template(flow: Flow, prefill: Prefill | None = None) -> str:
    """The whole template text (LF line ends, one trailing newline)."""
    return render_filled_template(flow, prefill or Prefill())[0]


def render_filled_template(flow: Flow, prefill: Prefill) -> tuple[str, dict[int, str]]:
    """The template with the answers in ``prefill`` filled in, and for each filled line
    (1-based) where its value came from, so a checker's message can name ``--data fase``
    instead of a line in a file the user never saw."""
    filler = _Filler(prefill)
    out = [
        f'# Svarfil til "{comment(flow.title)}"',
        f"# Forløbet '{flow.id}', version {flow.version}.",
        "#",
        "# Sådan udfylder du filen: fjern '#' foran et svar, og skriv dit svar mellem",
        "# anførselstegnene. Et svar, du ikke udfylder, tæller som ubesvaret. Tjek filen med",
        "#     wizard check FIL",
        "# og lav noten til mødet med",
        "#     wizard export FIL -o note.md",
        "# Formatet beskrives af kommandoen: wizard help format",
        "",
        *names.file_table(flow, flow_source(flow)),
    ]
    for section in flow.sections:
        out += [""]
        out += _section(flow, section, filler, len(out))
    out += [""]
    out += _closing(flow, filler, len(out))
    return "\n".join(out) + "\n", filler.origins


class _Filler:
    """Turns a commented-out answer line into a filled one when ``prefill`` has a value for it."""

    def __init__(self, prefill: Prefill) -> None:
        self.prefill = prefill
        self.origins: dict[int, str] = {}

    def line(self, key: str, value: DataValue | None, placeholder: str, origin: str, at: int) -> str:
        """``key = value`` (remembering ``origin`` for line ``at``, 0-based), or the commented placeholder."""
        if value is None:
            return f"#{key} = {placeholder}"
        self.origins[at + 1] = origin
        return f"{key} = {string(value) if isinstance(value, str) else string_array(value)}"


def _section(flow: Flow, section: Section, filler: _Filler, start: int) -> list[str]:
    rule = "# " + "=" * (WIDTH - 2)
    out = [rule, *_comment_block(section.title.upper()), *(_comment_block(section.intro) if section.intro else [])]
    if section.condition is not None:
        out += _comment_block(f"Afsnittet vises kun, når {describe_condition(flow, section.condition)}.")
    out += [rule, f"[{section.id}]"]
    for question in section.questions:
        out += [""]
        out += _question(flow, question, filler, start + len(out))
    return out


def _question(flow: Flow, question: Question, filler: _Filler, start: int) -> list[str]:
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
    value = filler.prefill.values.get(question.id)
    if question.kind is Kind.MULTI and isinstance(value, str):
        value = (value,)  # one option given as text: still a list in the file
    origin = filler.prefill.origin("values", question.id)
    out.append(filler.line(question.id, value, placeholder, origin, start + len(out)))
    return out


def _source(flow: Flow, question: Question) -> str:
    try:
        source = flow.source(question.source.source)
    except KeyError:
        return question.source.section
    year = f", {source.year}" if source.year else ""
    return f'{source.title} ({source.publisher}{year}), afsnittet "{question.source.section}"{question.source.own_note}'


def _closing(flow: Flow, filler: _Filler, start: int) -> list[str]:
    judgements = ", ".join(f"{verdict.value} = {flow.triage.label(verdict.value)}" for verdict in names.JUDGEMENTS)
    traits = ", ".join(f"{trait.id} = {trait.title}" for trait in flow.traits)
    first = next(iter(flow.questions), "id")
    prefill = filler.prefill
    out = [
        "# " + "=" * (WIDTH - 2),
        "# DIN EGEN VURDERING (valgfri)",
        "# Er du uenig i værktøjets bud, kan du skrive din egen vurdering og hvorfor.",
        *_comment_block(judgements, "egen-vurdering: "),
        *_comment_block(
            "de træk, du vil drøfte; uden linjen bruges værktøjets forslag, og [] betyder ingen. " + traits, "traek: "
        ),
        f"[{names.JUDGEMENT_TABLE}]",
    ]
    example_traits = f"[{string(flow.traits[0].id) if flow.traits else ''}]"
    for key, placeholder in ((names.JUDGEMENT_KEY, '""'), (names.REASON_KEY, '""'), (names.TRAITS_KEY, example_traits)):
        origin = prefill.origin("judgement", key)
        out.append(filler.line(key, prefill.judgement.get(key), placeholder, origin, start + len(out)))
    out += ["", "# NOTER: en note ved et svar, med spørgsmålets id som nøgle."]
    out.append(f"[{names.NOTES_TABLE}]")
    for question_id in [qid for qid in flow.questions if qid in prefill.notes] or [first]:
        origin = prefill.origin("notes", question_id)
        out.append(filler.line(question_id, prefill.notes.get(question_id), '""', origin, start + len(out)))
    out += ["", "# TIL DRØFTELSE: marker et svar, der skal tages op på mødet.", f"[{names.DISCUSS_TABLE}]"]
    marked = [qid for qid in flow.questions if qid in prefill.discuss]
    for question_id in marked:
        filler.origins[start + len(out) + 1] = prefill.origin("discuss", question_id)
        out.append(f"{question_id} = true")
    if not marked:
        out.append(f"#{first} = true")
    return out
