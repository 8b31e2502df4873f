"""The flow follows docs/style.md: quotation marks, one wording per meaning, one address form,
a capital letter after a colon that starts a sentence, and the agreed terms."""

from __future__ import annotations

import re

from flows import default_flow

FLOW = default_flow()

# One wording for one meaning (docs/style.md, "Svarmuligheder").
NO_CHANGE = "Uændret"
BOTH = "Begge dele"
RETIRED_WORDINGS = ("Næppe mærkbart", "Ikke mærkbart", "Som i dag", "Både og", "Ingen af dem mærkbart")
RETIRED_WORDS = ("baglandet",)  # »i baggrunden« (docs/style.md, "Ord")
# The tool speaks to the leader (du) about the workplace (I); it never says vi, os or vores.
WE = re.compile(r"\b(vi|os|vores)\b", re.IGNORECASE)
# A colon followed by a lower-case word that starts a main clause (du kan, det er, ...).
SENTENCE_AFTER_COLON = re.compile(r": (du|det|de|den|der|man|han|hun|vi|i) [a-zæøå]+", re.UNICODE)


def texts():
    yield "titel", FLOW.title
    yield "beskrivelse", FLOW.description
    for trait in FLOW.traits:
        yield f"træk {trait.id}", trait.description
    for section in FLOW.sections:
        yield f"{section.id} (intro)", section.intro
        for question in section.questions:
            yield question.id, question.text
            yield f"{question.id} (help)", question.help
            if question.involve:
                yield f"{question.id} (involve)", question.involve
            for option in question.options:
                yield f"{question.id}: {option.id}", option.label


def running_texts():
    """Texts that are sentences (help and intros), not labels."""
    return [(where, text) for where, text in texts() if where.endswith(("(help)", "(intro)")) or "træk" in where]


def test_quotations_use_danish_marks():
    straight = [where for where, text in texts() if '"' in text or "„" in text or "“" in text]
    assert not straight, straight


def test_one_wording_per_meaning():
    labels = [(where, text) for where, text in texts() if ": " in where]
    assert not [where for where, label in labels if label in RETIRED_WORDINGS]
    assert not [where for where, text in texts() if any(word in text for word in RETIRED_WORDS)]
    no_change = [label for where, label in labels if where.endswith((": uaendret", ": uaendret-kontakt"))]
    assert no_change and set(no_change) == {NO_CHANGE}, no_change
    mixed = (": baade", ": blandet", "ker-relation: begge")  # an effect that goes both ways
    both = [label for where, label in labels if where.endswith(mixed)]
    assert both and all(label.startswith(BOTH) for label in both), both


def test_the_tool_never_says_we():
    assert not [(where, text) for where, text in texts() if WE.search(text)]


def test_a_colon_before_a_sentence_is_followed_by_a_capital_letter():
    found = [(where, hit.group(0)) for where, text in running_texts() for hit in SENTENCE_AFTER_COLON.finditer(text)]
    assert not found, found


def test_transparens_for_the_staff_and_gennemsigtighed_for_data():
    good_work = FLOW.section("det-gode-arbejde")
    assert "transparens" in good_work.intro and "gennemsigtighed" not in good_work.intro.lower()
    ethics = " ".join(question.help for question in FLOW.section("dataetik").questions)
    assert "gennemsigtighed" in ethics.lower() and "transparens" not in ethics.lower()


def test_either_or_questions_are_not_answered_yes_or_no():
    """A question that names two alternatives (»… eller som …?«) needs options, not Ja/Nej."""
    either_or = re.compile(r"\bom\b.+\beller som\b")
    wrong = [q.id for q in FLOW.questions.values() if q.kind.value == "ja-nej" and either_or.search(q.text)]
    assert not wrong, wrong
