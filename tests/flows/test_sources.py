"""Every citation points at a section the source really has, every source is used, and no
text the leader reads is copied from a source (twelve words in a row or more)."""

from __future__ import annotations

import re

import pytest

from flows import default_flow
from flows.schema import SourceRef
from tests.flows.seed_words import SEEDS_DIR, copied_runs
from tests.flows.source_sections import SECTIONS, SEEDS

FLOW = default_flow()
COPIED_WORDS = 12  # issue 13: no help text shares 12 or more consecutive words with a source
NUMBERED = re.compile(r"^(?P<section>.+), nr\. (?P<number>\d+)$")


def citations() -> list[tuple[str, SourceRef]]:
    cited = [(question.id, question.source) for question in FLOW.questions.values()]
    return cited + [(f"træk {trait.id}", trait.source) for trait in FLOW.traits]


def leader_texts() -> list[tuple[str, str]]:
    """Everything of the flow's substance a leader reads: questions, options, help, intros, traits, reasons."""
    texts = [(f"{section.id} (intro)", section.intro) for section in FLOW.sections]
    texts += [(f"træk {trait.id}", trait.description) for trait in FLOW.traits]
    for question in FLOW.questions.values():
        texts += [(question.id, question.text), (f"{question.id} (help)", question.help)]
        texts += [(f"{question.id}: {option.id}", option.label) for option in question.options]
    texts += [(f"kriterium {criterion.id}", criterion.explanation) for criterion in FLOW.criteria]
    return [*texts, ("simple_reason", FLOW.triage.simple_reason)]


def test_the_section_table_covers_the_sources_of_the_flow():
    assert set(SECTIONS) == {source.id for source in FLOW.sources} == set(SEEDS)
    for seed in SEEDS.values():
        assert (SEEDS_DIR / seed).is_file(), seed


@pytest.mark.parametrize(("where", "ref"), citations(), ids=lambda value: getattr(value, "section", value))
def test_every_cited_section_is_in_the_source(where, ref):
    sections = SECTIONS[ref.source]
    numbered = NUMBERED.match(ref.section)
    name = numbered["section"] if numbered else ref.section
    assert name in sections, f"{where}: {ref.source} har intet afsnit {name!r}"
    if numbered:
        assert 1 <= int(numbered["number"]) <= sections[name], f"{where}: {ref.section!r} findes ikke"


def test_every_source_is_cited():
    cited = {ref.source for _, ref in citations()}
    assert cited == {source.id for source in FLOW.sources}


def test_own_questions_are_marked_and_still_name_the_section_they_build_on():
    own = [where for where, ref in citations() if ref.own]
    assert {"form-undtagelser", "data-vilkaar", "niv-om-eller-hvordan"} <= set(own)
    assert all(FLOW.questions[where].source.own_note for where in own)


def test_no_text_copies_twelve_words_in_a_row_from_a_source():
    copied = {where: runs[0] for where, text in leader_texts() if (runs := copied_runs(text, COPIED_WORDS))}
    assert not copied, copied


def test_the_copy_check_sees_through_the_ocr():
    """A sentence of the main source, typed with æ, ø and å, is found in the garbled OCR text."""
    typed = "Ny teknologi griber altid ind i de arbejdsgange, hvor den skal bruges. Det er typisk selve meningen"
    assert copied_runs(typed, COPIED_WORDS)
    heading = "Hvordan påvirker teknologien hverdagens arbejde? Ny teknologi kan understøtte og lette det daglige"
    assert copied_runs(heading, COPIED_WORDS)
    own_words = "Teknologi ændrer altid noget i de arbejdsgange, den kommer ind i, og det er ofte meningen"
    assert not copied_runs(own_words, COPIED_WORDS)
