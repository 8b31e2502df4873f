"""Screens, status and note say the same about the triage, for every scenario from the sources."""

from __future__ import annotations

import pytest

from flows import Answers, Verdict, default_flow, evaluate
from outputs.note.markdown import render_markdown
from outputs.wording import verdict_text
from tests.flows.test_scenarios import SCENARIOS, Scenario
from wizard.cli_status import status_dict, status_text
from wizard.screens.verdict import reasoning
from wizard.widgets.verdict_panel import panel_lines, strongest_reasons

FLOW = default_flow()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_panel_ctrl_r_status_and_note_agree(scenario: Scenario) -> None:
    answers = Answers(values=scenario.values)
    evaluation = evaluate(FLOW, answers)
    verdict_word = verdict_text.label(FLOW, evaluation.verdict)
    level_word = verdict_text.label(FLOW, evaluation.complexity.level)
    trait_titles = [FLOW.trait(trait).title for trait in evaluation.suggested_traits]

    data = status_dict(FLOW, answers, "svar.toml")
    assert data["verdict"] == (None if evaluation.verdict is Verdict.UNRESOLVED else evaluation.verdict.value)
    assert data["complexity"]["level"] == scenario.complexity
    assert data["suggested_traits"] == list(scenario.traits)
    assert [reason["criterion"] for reason in data["reasons"]] == [r.criterion_id for r in evaluation.reasons]

    text = status_text(FLOW, answers, "svar.toml")
    assert f"Værktøjets bud: {verdict_word.capitalize()}" in text
    assert f"Kompleksitet: {level_word}" in text
    for reason in [*evaluation.reasons, *evaluation.complexity.reasons]:
        assert verdict_text.reason_line(reason) in text

    note = render_markdown(FLOW, answers)
    assert f"**Værktøjets bud: {verdict_word}.**" in note
    assert f"**Kompleksitet: {level_word}.**" in note
    traits_part = note.split("## Relevante træk", 1)[1].split("## Til mødet", 1)[0]
    assert [title for title in (t.title for t in FLOW.traits) if f"**{title}**" in traits_part] == trait_titles

    lines = [line.plain for line in panel_lines(FLOW, evaluation, width=76)]
    panel = "\n".join(lines)
    # The panel says less (issue 19): the verdict, its strongest reason whole, and the key for the rest.
    assert len(lines) == 3 and all(len(line) <= 76 for line in lines)
    assert f"Værktøjets bud: {verdict_text.headline(FLOW, evaluation)}" in panel
    assert f"kompleksitet: {level_word}" in panel
    strongest = strongest_reasons(evaluation)
    if evaluation.verdict is not Verdict.UNRESOLVED and strongest:
        assert f"Mest afgørende: {verdict_text.reason_line(strongest[0])}" in panel
    assert "Ctrl+R: hele begrundelsen" in panel

    screen = reasoning(FLOW, evaluation).plain
    assert verdict_word.capitalize() in screen and level_word in screen
    for reason in [*evaluation.reasons, *evaluation.complexity.reasons]:
        assert verdict_text.reason_line(reason) in screen


def test_ctrl_r_puts_each_answer_now_under_its_own_decisive_bullet() -> None:
    scenario = next(s for s in SCENARIOS if s.name.startswith("Ny ovn"))
    evaluation = evaluate(FLOW, Answers(values=scenario.values))
    lines = reasoning(FLOW, evaluation).plain.splitlines()
    bullets = [index for index, line in enumerate(lines) if line.startswith("• »")]
    assert len(bullets) == len(evaluation.decisive) == 2
    for index, alternative in zip(bullets, evaluation.decisive, strict=True):
        change = alternative[0]
        now = FLOW.questions[change.question_id].label_of(str(change.current))
        assert lines[index + 1].strip() == f"(nu: »{now}«)"
