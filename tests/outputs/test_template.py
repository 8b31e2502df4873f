"""The template: every question, commented out, explained, and valid at every step."""

from __future__ import annotations

import re

import pytest

from flows import Flow, Kind, default_flow
from outputs.answers.file import check_answers_text
from outputs.answers.template import render_template
from tests.outputs.mini_flow import mini_flow

FLOWS = {"mini": mini_flow, "standard": default_flow}


@pytest.fixture(params=sorted(FLOWS))
def flow(request: pytest.FixtureRequest) -> Flow:
    return FLOWS[request.param]()


def squeeze(text: str) -> str:
    """Comment text with its wrapping undone, to search for a whole sentence."""
    lines = [re.sub(r"^#\s*", "", line) for line in text.splitlines() if line.startswith("#")]
    return " ".join(" ".join(lines).split())


def test_the_template_passes_check_as_is(flow: Flow) -> None:
    answers, problems = check_answers_text(render_template(flow), flow, "skabelon.toml")
    assert problems == []
    assert answers is not None and answers.values == {}


def test_uncommenting_every_line_without_filling_in_still_passes(flow: Flow) -> None:
    text = re.sub(r"^#([a-z0-9-]+ = )", r"\1", render_template(flow), flags=re.M)
    answers, problems = check_answers_text(text, flow, "skabelon.toml")
    assert [p.render() for p in problems if p.is_error] == []
    assert answers is not None and answers.values == {}


def test_every_question_is_commented_out_under_its_own_section_in_flow_order(flow: Flow) -> None:
    text = render_template(flow)
    section_ids = {section.id for section in flow.sections}
    placed: list[tuple[str, str]] = []
    section = ""
    for line in text.splitlines():
        if line.startswith("["):
            section = line.strip("[]") if line.strip("[]") in section_ids else ""
        elif (match := re.match(r"^#([a-z0-9-]+) = ", line)) and section:
            placed.append((section, match.group(1)))
    expected = [(flow.section_of(qid).id, qid) for qid in flow.questions]
    assert placed == expected


def test_svarfil_is_filled_in(flow: Flow) -> None:
    text = render_template(flow)
    assert f'[svarfil]\nformat = 1\nforloeb = "{flow.id}"\nforloeb-version = "{flow.version}"\n' in text


def test_each_question_comes_with_text_kind_options_help_and_source() -> None:
    flow = mini_flow()
    text = render_template(flow)
    block = text.split("#omfang = ")[0].rsplit("#kanaler = ", 1)[1]
    assert "# Hvor mange bruger den?" in block
    assert "# Svar: vælg ét id på skalaen" in block
    assert "#   faa = Få\n#   mange = Mange\n#   ved-ikke = Ved ikke\n" in block
    assert "# Hjælp: Skalaen går fra få til mange." in block
    assert '# Kilde: En kilde (En udgiver, 2020), afsnittet "1. Kerneopgave"' in block
    multi = text.split("#kanaler = ")[0].rsplit("#navn = ", 1)[1]
    assert "ved-ikke" not in multi and "brev = Brev" in multi
    assert "#kanaler = []" in text and '#navn = ""' in text


def test_conditions_are_explained_in_plain_danish() -> None:
    text = squeeze(render_template(mini_flow()))
    assert "Vises kun, når 'Glider den ind uden besvær?' er besvaret med 'Nej'." in text
    assert "Afsnittet vises kun, når vurderingen er 'forandring af kerneopgaven'." in text


def test_every_help_text_of_the_default_flow_is_in_the_template() -> None:
    flow = default_flow()
    text = squeeze(render_template(flow))
    for question in flow.questions.values():
        assert " ".join(question.help.split()) in text, question.id
        if question.kind is not Kind.TEXT:
            for option in question.choices:
                assert f"{option.id} = {' '.join(option.label.split())}" in text, (question.id, option.id)


def test_filling_in_one_answer_gives_exactly_that_answer() -> None:
    flow = mini_flow()
    text = render_template(flow).replace('#glider-ind = ""', 'glider-ind = "nej"')
    text = text.replace("#kanaler = []", 'kanaler = ["brev"]')
    answers, problems = check_answers_text(text, flow, "svar.toml")
    assert problems == []
    assert answers is not None and answers.values == {"glider-ind": "nej", "kanaler": ("brev",)}


def test_the_template_is_deterministic_lf_and_ends_with_one_newline(flow: Flow) -> None:
    text = render_template(flow)
    assert text == render_template(flow)
    assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n")


def test_options_that_stand_alone_are_marked() -> None:
    text = render_template(default_flow())
    block = text.split("#opg-relationer = ")[0].rsplit("[opgaveloesning]", 1)[1]
    assert "#   ingen = Ingen af dem (vælges alene)\n" in block
    assert "#   ved-ikke = Ved ikke (vælges alene)\n" in block
    assert "#   kolleger = Relationerne mellem kolleger\n" in block
