"""The progress line's total does not jump from about 20 to about 70 when the verdict falls (issue 13)."""

from __future__ import annotations

from flows import Answers, default_flow, evaluate
from outputs.wording.words import progress_text

FLOW = default_flow()


def test_before_the_path_is_settled_the_total_is_the_most_the_flow_can_show_said_with_omkring() -> None:
    assert FLOW.length is not None
    evaluation = evaluate(FLOW, Answers(values={"navn": "Robot"}))
    most = max(evaluation.visible, FLOW.length.change_questions)
    assert progress_text(evaluation, "navn", FLOW) == f"Spørgsmål 1 af omkring {most}"
    assert progress_text(evaluation, None, FLOW) == f"1 af omkring {most} spørgsmål besvaret"


def test_once_the_path_is_settled_the_total_is_exact() -> None:
    values = {"aendrer-opgaveloesning": "betydeligt", "aendrer-resultater": "lidt", "kontakt-aendres": "erstattes"}
    evaluation = evaluate(FLOW, Answers(values=values))
    assert evaluation.path.value == "forandring-af-kerneopgaven"
    assert progress_text(evaluation, None, FLOW) == f"3 af {evaluation.visible} spørgsmål besvaret"
