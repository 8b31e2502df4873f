"""The triage on the sources' own examples: verdicts, reasons and traits as a leader would expect them."""

from __future__ import annotations

import pytest

from flows import Answers, Verdict, default_flow, evaluate
from tests.flows import cases


def run(values: dict, **kwargs):
    return evaluate(default_flow(), Answers(values=values, **kwargs))


def reason_ids(evaluation) -> set[str]:
    return {reason.criterion_id for reason in evaluation.reasons}


@pytest.mark.parametrize("values", [cases.NEW_OVEN, cases.SIT_STAND_DESKS], ids=["ovn", "haeve-saenkeborde"])
def test_simple_tools_are_simple_and_say_why(values):
    evaluation = run(values)
    assert evaluation.verdict is Verdict.SIMPLE
    assert "glider-ind-uden-besvaer" in reason_ids(evaluation)
    assert evaluation.traits == ()


def test_simple_tool_takes_the_short_path_not_the_catalogue():
    evaluation = run(cases.NEW_OVEN)
    shown = [section.id for section in evaluation.visible_sections]
    assert shown == ["om-teknologien", "triage", "kort-overblik"]


def test_screen_visits_change_the_core_task_through_mediation():
    evaluation = run(cases.SCREEN_VISITS)
    assert evaluation.verdict is Verdict.CHANGE
    assert {"kontakten-erstattes", "borgerne-moeder-teknologien", "aendrer-opgaveloesningen-betydeligt"} <= reason_ids(
        evaluation
    )
    assert evaluation.traits == ("medialisering",)
    # The strongest reasons come first, so the leader reads the weightiest one first.
    points = [reason.points for reason in evaluation.reasons]
    assert points == sorted(points, reverse=True)


def test_software_robot_is_standardisation_and_formalisation_not_mediation():
    evaluation = run(cases.SOFTWARE_ROBOT)
    assert evaluation.verdict is Verdict.CHANGE
    assert evaluation.traits == ("standardisering", "formalisering")
    assert "borgerne-moeder-teknologien" not in reason_ids(evaluation)


def test_unemployment_algorithm_fires_profiling_and_all_traits():
    evaluation = run(cases.UNEMPLOYMENT_ALGORITHM)
    assert evaluation.verdict is Verdict.CHANGE
    assert "data-om-borgere-vurderer" in reason_ids(evaluation)
    assert set(evaluation.traits) == {"standardisering", "formalisering", "medialisering"}


def test_sports_hall_booking_is_mediation_and_standardisation():
    evaluation = run(cases.SPORTS_HALL_BOOKING)
    assert evaluation.verdict is Verdict.CHANGE
    assert evaluation.traits == ("standardisering", "medialisering")


def test_too_few_answers_is_unresolved_and_says_how_many_are_needed():
    evaluation = run({"glider-ind": "nej", "aendrer-opgaveloesning": "betydeligt"})
    assert evaluation.verdict is Verdict.UNRESOLVED
    assert len(evaluation.reasons) == 1
    assert "2" in evaluation.reasons[0].explanation and "5" in evaluation.reasons[0].explanation
    assert evaluation.decisive == ()


def test_ved_ikke_everywhere_is_unresolved_not_simple():
    triage = default_flow().triage_section.questions
    evaluation = run({question.id: "ved-ikke" for question in triage})
    assert evaluation.verdict is Verdict.UNRESOLVED


def test_decisive_answers_for_the_oven_are_the_two_that_matter():
    evaluation = run(cases.NEW_OVEN)
    changed = {change.question_id: change.proposed for change in evaluation.decisive}
    assert changed == {"glider-ind": "nej", "aendrer-opgaveloesning": "betydeligt"}
    assert all(change.current == cases.NEW_OVEN[change.question_id] for change in evaluation.decisive)


def test_leader_may_disagree_and_the_path_follows_the_leader():
    evaluation = run(cases.NEW_OVEN, judgement=Verdict.CHANGE, judgement_reason="Køkkenet skal lave mad på en ny måde.")
    assert evaluation.verdict is Verdict.SIMPLE
    assert evaluation.disagrees
    assert evaluation.path is Verdict.CHANGE
    assert evaluation.judgement_reason.startswith("Køkkenet")
    assert "kort-overblik" not in [section.id for section in evaluation.visible_sections]


def test_agreeing_judgement_is_not_a_disagreement():
    evaluation = run(cases.SCREEN_VISITS, judgement=Verdict.CHANGE)
    assert not evaluation.disagrees


def test_leader_can_choose_traits_other_than_the_suggestion():
    evaluation = run(cases.SCREEN_VISITS, traits=("formalisering", "medialisering"))
    assert evaluation.suggested_traits == ("medialisering",)
    assert evaluation.traits == ("formalisering", "medialisering")


def test_hidden_answers_do_not_count_in_progress():
    with_hidden = {**cases.NEW_OVEN, "kort-formaal": "Bage brød", "std-ensartet": "ja"}
    evaluation = run(with_hidden)
    assert "std-ensartet" not in evaluation.visible_answers
    assert evaluation.answered == len([q for q in evaluation.visible_questions if q.id in with_hidden])


def test_first_unanswered_is_the_next_visible_question():
    evaluation = run({"navn": "Robot"})
    assert evaluation.first_unanswered().id == "beskrivelse"


def shown_sections(values: dict, **kwargs) -> list[str]:
    return [section.id for section in run(values, **kwargs).visible_sections]


def test_screen_visits_show_the_four_basic_questions_and_mediation_only():
    shown = shown_sections({**cases.SCREEN_VISITS, "fase": "implementering-drift"})
    for section in ("kerneopgave", "opgaveloesning", "kompetenceudvikling", "inddragelse", "inddragelsesniveau"):
        assert section in shown
    assert "medialisering" in shown
    assert "standardisering" not in shown and "formalisering" not in shown
    assert "kort-overblik" not in shown
    assert "businesscase" in shown  # a steering tool, revised while the technology is in use


def test_data_ethics_only_when_personal_data_or_profiling():
    assert "dataetik" in shown_sections(cases.UNEMPLOYMENT_ALGORITHM)
    no_data = {**cases.SOFTWARE_ROBOT, "personoplysninger": "nej", "profilering": "nej"}
    assert "dataetik" not in shown_sections(no_data)
    unsure = {**no_data, "personoplysninger": "ved-ikke"}
    assert "dataetik" in shown_sections(unsure)


def test_data_protection_also_for_a_simple_tool_with_personal_data():
    oven_with_data = {**cases.NEW_OVEN, "personoplysninger": "ja"}
    evaluation = run(oven_with_data)
    assert evaluation.path.value == "simpelt-redskab"
    shown = {question.id for question in evaluation.visible_questions}
    assert {"data-formaal", "data-lovlig", "data-vilkaar"} <= shown
    assert not shown & {"data-gavn", "data-lighed", "data-indsigt", "data-ansvar"}  # the ethics: change only
    assert "dataetik" not in shown_sections(cases.NEW_OVEN)


def test_business_case_in_every_phase_and_when_the_phase_is_unknown():
    for phase in ("ide", "konsekvensvurdering", "udvikling-anskaffelse", "implementering-drift", "ved-ikke"):
        assert "businesscase" in shown_sections({**cases.SOFTWARE_ROBOT, "fase": phase}), phase


def test_good_work_module_when_the_work_changes():
    assert "det-gode-arbejde" in shown_sections(cases.SCREEN_VISITS)


def test_invisible_work_is_asked_once_whichever_sections_are_shown():
    robot = run(cases.SOFTWARE_ROBOT)  # formalisation: asked in its own section
    assert robot.is_visible("form-kvaliteter") and not robot.is_visible("opg-usynligt-arbejde")
    visits = run(cases.SCREEN_VISITS)  # no formalisation: asked under opgaveløsning
    assert visits.is_visible("opg-usynligt-arbejde") and not visits.is_visible("form-kvaliteter")


def test_a_leader_choosing_a_trait_gets_its_questions():
    shown = shown_sections(cases.SCREEN_VISITS, traits=("standardisering",))
    assert "standardisering" in shown and "medialisering" not in shown
