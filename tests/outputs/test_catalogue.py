"""The question catalogue: every question of the flow, on one wiki page."""

from __future__ import annotations

import itertools
import re

from flows import Kind, default_flow, parse_flow
from outputs.note.catalogue import render_catalogue
from tests.outputs.md_tokens import HTML_TOKENS, all_tokens, outline, paragraphs, parse, rendered_text, table_rows

FLOW = default_flow()


def test_every_section_and_question_has_its_heading() -> None:
    headings = outline(parse(render_catalogue(FLOW)))
    assert headings[0] == (1, f"Spørgsmålskatalog: {FLOW.title}")
    assert [level for level, _ in headings].count(1) == 1
    for section in FLOW.sections:
        assert (2, section.title) in headings
        for question in section.questions:
            assert (3, question.text) in headings, question.id
    levels = [level for level, _ in headings]
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))


def test_every_question_shows_id_kind_condition_help_and_source() -> None:
    text = render_catalogue(FLOW)
    tokens = parse(text)
    shown_paragraphs = {rendered_text(children) for children in paragraphs(tokens)}
    for question in FLOW.questions.values():
        block = text.split(f"### {question.text}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        assert f"- Id: `{question.id}`" in block
        assert question.help in shown_paragraphs, question.id
        assert f"afsnittet »{question.source.section}«" in block
        if question.relevant_when:
            assert f"`{question.relevant_when}`" in block
        else:
            assert "- Vises: altid" in block
        if question.allow_unknown:
            assert "»Ved ikke« kan vælges" in block
        if question.involve:
            assert f"- Inddrag: {question.involve}" in block


def test_options_are_listed_with_their_ids_including_ved_ikke() -> None:
    rows = table_rows(parse(render_catalogue(FLOW)))
    for question in FLOW.questions.values():
        if question.kind is Kind.TEXT:
            continue
        for option in question.choices:
            assert [option.label, option.id] in rows, (question.id, option.id)


def test_conditions_are_also_in_words() -> None:
    text = render_catalogue(FLOW)
    assert "Vises: når vurderingen er 'forandring af kerneopgaven' og trækket 'Medialisering' er valgt" in text


def test_triage_criteria_traits_and_sources_are_explained() -> None:
    text = render_catalogue(FLOW)
    for criterion in FLOW.criteria:
        assert f"**{criterion.title}**" in text
        assert f"`{criterion.when}`" in text
    for trait in FLOW.traits:
        assert f"**{trait.title}** (`{trait.id}`)" in text
    sources = text.split("\n## Kilder\n")[1]
    for number, source in enumerate(FLOW.sources, start=1):
        assert f"{number}. »{source.title}«, {source.publisher}" in sources
    assert "ved mindst 3 point" in text
    complexity = text.split("Kriterier for buddet:", 1)[1].split("Kriterier for kompleksiteten", 1)[1]
    for criterion in FLOW.criteria:
        assert (f"**{criterion.title}**" in complexity) == (criterion.dimension == "kompleksitet")
    assert "er lederens første indtryk" in text


def test_catalogue_is_deterministic_lf_and_ends_with_one_newline() -> None:
    text = render_catalogue(FLOW)
    assert text == render_catalogue(FLOW)
    assert "\r" not in text and "\t" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert not re.search(r" $", text, flags=re.MULTILINE)


NASTY_FLOW = """
id = "eget"
version = "2.1"
title = "# Vores <b>forløb</b>"
description = "> citat\\n- liste"

[[sources]]
id = "k"
title = "[Kilde](http://x) *stjerne*"
publisher = "A | B"
url = "https://eksempel.dk/kilde"

[triage]
section = "t"
threshold = 1
min_answered = 1
simple_reason = "`kode`"
unresolved_reason = "<!-- x -->"

[[criteria]]
id = "c"
title = "_under_"
when = 'q == "ja"'
points = 1
explanation = "1. ikke en liste"

[[sections]]
id = "t"
title = "Triage"

[[sections.questions]]
id = "q"
text = "Hvad med <script>alert(1)</script> | pipes?"
kind = "ja-nej"
allow_unknown = true
help = "---"
source = { source = "k", section = "1. Afsnit" }

[[sections]]
id = "s"
title = "Triage"
relevant_when = 'q == "ja"'

[[sections.questions]]
id = "r"
text = "1. Er det en liste?"
kind = "enkeltvalg"
help = "=== setext"
source = { source = "k", section = "§ 2" }
options = [{ id = "a", label = "a | b" }, { id = "b", label = "`b`" }]
"""


def test_an_organisations_own_flow_text_cannot_break_the_page() -> None:
    flow = parse_flow(NASTY_FLOW, "eget.toml")
    tokens = parse(render_catalogue(flow))
    assert not [token for token in all_tokens(tokens) if token.type in HTML_TOKENS]
    links = [token for token in all_tokens(tokens) if token.type in ("link_open", "image")]
    # The only link is the source's own address; "[Kilde](http://x)" in its title stays text.
    assert [(token.markup, token.attrs["href"]) for token in links] == [("autolink", "https://eksempel.dk/kilde")]
    assert outline(tokens) == [
        (1, "Spørgsmålskatalog: # Vores <b>forløb</b>"),
        (2, "Triage"),
        (3, "Hvad med <script>alert(1)</script> | pipes?"),
        (2, "Triage (2)"),  # a repeated sibling title gets a number
        (3, "1. Er det en liste?"),
        (2, "Triagen: sådan gives buddet"),
        (2, "Kilder"),
    ]
    rows = table_rows(tokens)
    assert ["a | b", "a"] in rows
    assert ["`b`", "b"] in rows
    assert "»[Kilde](http://x) *stjerne*«, A | B." in [rendered_text(c) for c in paragraphs(tokens)][-1]
