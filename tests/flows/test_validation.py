"""A flow with a mistake is refused with a message naming the file, the line and the place."""

from __future__ import annotations

import subprocess
import sys

import pytest

from flows import FlowError, default_flow, default_flow_text, parse_flow
from flows.building import load_shipped_flow

NAME = "egen-flow.toml"


def broken(old: str, new: str) -> str:
    text = default_flow_text()
    assert old in text, f"test setup: {old!r} is not in the default flow"
    return text.replace(old, new, 1)


def problems_of(text: str) -> list[str]:
    with pytest.raises(FlowError) as caught:
        parse_flow(text, NAME)
    return [problem.render(NAME) for problem in caught.value.problems]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            count += 1
            if count == occurrence:
                return number
    raise AssertionError(needle)


def test_the_default_flow_is_valid():
    flow = parse_flow(default_flow_text(), NAME)
    assert flow.id == "kerneopgave"


def test_the_shipped_flow_loads_without_pydantic_into_the_same_flow_pydantic_checks():
    """``default_flow`` trusts the shipped file's shape; this is where that trust is earned."""
    checked = parse_flow(default_flow_text(), NAME)
    fast = default_flow()
    assert fast == checked
    assert repr(fast) == repr(checked)  # also tells an enum from its text and a tuple from a list
    assert list(fast.questions) == list(checked.questions)
    for question_id, question in fast.questions.items():
        assert fast.section_of(question_id).id == checked.section_of(question_id).id
        assert (question.condition is None) == (checked.questions[question_id].condition is None)
    assert [criterion.condition.names for criterion in fast.criteria] == [
        criterion.condition.names for criterion in checked.criteria
    ]


def test_loading_the_shipped_flow_does_not_import_pydantic():
    code = "import sys, flows; flows.default_flow(); print(any(m.split('.')[0] == 'pydantic' for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_duplicate_question_id_names_the_second_place():
    text = broken('id = "beskrivelse"', 'id = "navn"')
    [message] = problems_of(text)
    line = line_of(text, 'id = "navn"', 2)
    assert message.startswith(f"{NAME}:{line}: fejl:")
    assert "'navn'" in message and "brugt før" in message


def test_condition_naming_an_unknown_question_suggests_the_nearest():
    text = broken("relevant_when = 'vej == \"simpelt-redskab\"'", "relevant_when = 'glider-in == \"ja\"'")
    [message] = problems_of(text)
    line = line_of(text, "glider-in ==")
    assert message.startswith(f"{NAME}:{line}:")
    assert "'glider-in'" in message and "mente du 'glider-ind'" in message


def test_condition_on_a_later_question_is_refused():
    text = broken('id = "moede"', 'id = "moede"\nrelevant_when = \'varighed == "aar"\'')
    [message] = problems_of(text)
    assert "'varighed'" in message and "tidligere spørgsmål" in message


def test_condition_with_a_value_that_is_not_an_option_lists_the_allowed():
    text = broken("when = 'ensretter == \"ja\"'", "when = 'ensretter == \"jo\"'")
    [message] = problems_of(text)
    assert "'jo'" in message and "tilladt: ja, nej, ved-ikke" in message
    line = line_of(text, '"jo"')
    assert message.startswith(f"{NAME}:{line}:")


def test_condition_syntax_error_gives_the_column():
    text = broken("when = 'paa-tvaers == \"ja\"'", "when = 'paa-tvaers = \"ja\"'")
    [message] = problems_of(text)
    assert "tegn 12" in message


def test_choice_question_without_options_is_refused():
    text = broken(
        """options = [
  { id = "afproevet", label = "Velafprøvet og udbredt" },
  { id = "ny-for-os", label = "Afprøvet andre steder, men ny på arbejdspladsen" },
  { id = "umoden", label = "Ny eller under udvikling" },
]""",
        "",
    )
    messages = problems_of(text)
    assert any("'modenhed'" in m and "mindst to svarmuligheder" in m for m in messages)


def test_unknown_key_is_named_with_its_line():
    text = broken(
        'kind = "ja-nej"',
        'kind = "ja-nej"\nhjaelp = "x"',
    )
    [message] = problems_of(text)
    assert "ukendt felt" in message and "mente du 'help'" in message
    line = line_of(text, "hjaelp")
    assert message.startswith(f"{NAME}:{line}:")


def test_id_with_danish_letters_gets_an_ascii_suggestion():
    text = broken('id = "moede"', 'id = "møde"')
    [message] = problems_of(text)
    assert "'moede'" in message


def test_toml_syntax_error_names_the_line():
    text = broken('title = "Om teknologien"', 'title = "Om teknologien')
    [message] = problems_of(text)
    line = line_of(text, 'title = "Om teknologien')
    assert message.startswith(f"{NAME}:{line}:")


def test_all_problems_are_reported_at_once():
    text = broken('id = "beskrivelse"', 'id = "navn"')
    text = text.replace("when = 'ensretter == \"ja\"'", "when = 'ensretter == \"jo\"'", 1)
    assert len(problems_of(text)) == 2


def test_missing_top_level_field_points_at_the_top_not_at_a_later_table():
    text = broken('id = "kerneopgave"\n', "")
    [message] = problems_of(text)
    assert "'id'" in message and "mangler" in message
    line = int(message.split(":")[1])
    assert line < line_of(text, "[[sources]]")


def test_a_shipped_flow_changed_after_the_tests_is_still_refused_with_its_line():
    text = broken('kind = "fritekst"', 'kinds = "fritekst"')
    with pytest.raises(FlowError) as caught:
        load_shipped_flow(text, NAME)
    line = line_of(text, 'kinds = "fritekst"')
    assert any(p.line == line and "ukendt felt" in p.message for p in caught.value.problems)


def test_only_a_several_choice_option_can_stand_alone():
    old = '{ id = "beskaeftigelse", label = "Beskæftigelse (jobcenter)" }'
    text = broken(old, old.replace(" }", ", exclusive = true }"))
    [message] = problems_of(text)
    assert message.startswith(f"{NAME}:{line_of(text, 'exclusive = true')}:")
    assert "exclusive = true kan kun bruges i et flervalgsspørgsmål" in message


def test_a_yes_no_field_written_as_text_gets_a_danish_message():
    old = '{ id = "ingen-endnu", label = "Ingen af dem endnu", exclusive = true }'
    [message] = problems_of(broken(old, old.replace("exclusive = true", 'exclusive = "ja"')))
    assert "skal være true eller false" in message


def test_a_shipped_flow_whose_condition_is_not_text_is_refused_with_its_line():
    text = broken("relevant_when = 'vej == \"simpelt-redskab\"'", "relevant_when = 5")
    with pytest.raises(FlowError) as caught:
        load_shipped_flow(text, NAME)
    assert any(p.line == line_of(text, "relevant_when = 5") for p in caught.value.problems)


@pytest.mark.parametrize(
    ("old", "new", "needle", "words"),
    [
        (
            'first_impression = { question = "glider-ind", simple = "ja", change = "nej" }',
            'first_impression = { question = "glider-ind", simple = "jo", change = "nej" }',
            "first_impression =",
            ["simple = 'jo'", "tilladt: ja, nej, ved-ikke"],
        ),
        (
            'first_impression = { question = "glider-ind", simple = "ja", change = "nej" }',
            'first_impression = { question = "navn", simple = "ja", change = "nej" }',
            "first_impression =",
            ["'navn' er ikke et spørgsmål i triage-afsnittet"],
        ),
        ('hoej = "høj"', 'hoj = "høj"', 'hoj = "høj"', ["'hoj' er hverken et bud eller et niveau"]),
        ("complexity_high = 7", "complexity_high = 4", "complexity_high", ["skal være større end complexity_medium"]),
        (
            "when = 'modenhed == \"umoden\"'\npoints = 2",
            'when = \'modenhed == "umoden"\'\npoints = 2\ntraits = ["standardisering"]  # forkert',
            "# forkert",
            ["peger ikke på træk"],
        ),
        (
            'id = "umoden-teknologi"\ndimension = "kompleksitet"',
            'id = "umoden-teknologi"\ndimension = "kompliceret"',
            'dimension = "kompliceret"',
            ["ikke en af de tilladte"],
        ),
    ],
)
def test_a_wrong_triage_rule_is_named_with_its_line(old, new, needle, words):
    text = broken(old, new)
    problems = problems_of(text)
    assert len(problems) == 1, problems
    [message] = problems
    assert message.startswith(f"{NAME}:{line_of(text, needle)}:"), message
    assert all(word in message for word in words), message


def test_an_old_style_flow_without_the_new_triage_fields_still_loads():
    """An organisation's flow written for version 1.0 of the format: no first impression, no labels."""
    text = default_flow_text()
    start = text.index("first_impression = ")
    text = text[:start] + text[text.index("\n", start) + 1 :]
    text = text.replace('dimension = "kompleksitet"\n', "")
    flow = parse_flow(text, NAME)
    assert flow.triage.first_impression is None
    assert all(criterion.dimension == "kerneopgave" for criterion in flow.criteria)
