"""The default flow's substance: every question explains itself and names its source."""

from __future__ import annotations

import re

from flows import BasicQuestion, Kind, default_flow
from flows.ids import slugify
from flows.schema import ID_PATTERN

FLOW = default_flow()


def test_every_question_has_help_and_a_known_source_section():
    for question in FLOW.questions.values():
        assert len(question.help) >= 40, question.id
        assert question.source.section.strip(), question.id
        FLOW.source(question.source.source)  # raises KeyError if unknown


def test_every_id_is_stable_ascii():
    ids = [s.id for s in FLOW.sections] + list(FLOW.questions)
    ids += [o.id for q in FLOW.questions.values() for o in q.options]
    assert all(re.fullmatch(ID_PATTERN, i) for i in ids)


def test_question_ids_follow_their_danish_wording_rule():
    assert slugify("Grænseløshed på tværs") == "graenseloeshed-paa-tvaers"


def test_danish_text_is_spelled_with_danish_letters():
    """The OCR'd source writes 'pavirker'; the product must write 'påvirker'."""
    garbled = re.compile(r"\b(pavirk\w*|velfeerd\w*|medarbejdere?s? pa\b|opgavelosning\w*|arbejdsmiljo\b)")
    for question in FLOW.questions.values():
        for text in (question.text, question.help, *(o.label for o in question.options)):
            assert not garbled.search(text), (question.id, text)


def test_triage_questions_are_all_choices():
    assert all(question.kind is not Kind.TEXT for question in FLOW.triage_section.questions)


def test_sections_after_the_triage_belong_to_a_basic_question():
    after_triage = FLOW.sections[[s.id for s in FLOW.sections].index(FLOW.triage.section) + 1 :]
    assert after_triage
    for section in after_triage:
        assert isinstance(section.basic_question, BasicQuestion), section.id
