"""The examples: realistic answers files from the seeds, and their committed notes.

The committed notes must be exactly what the code makes of the answers files
today; after a change to the export, regenerate them with
``python -m tools.examples`` and read each changed note before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import UNKNOWN, Verdict, default_flow, evaluate
from outputs.answers.file import check_answers_file, load_answers
from tools.examples import example_files, expected_note

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FLOW = default_flow()
FILES = example_files(EXAMPLES)


def test_there_are_at_least_three_examples_with_a_readme() -> None:
    assert len(FILES) >= 3
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in FILES:
        assert path.name in readme, f"examples/README.md nævner ikke {path.name}"
        assert path.with_suffix(".md").name in readme


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_committed_note_matches_the_code(path: Path) -> None:
    note = path.with_suffix(".md")
    assert note.exists(), f"{note.name} mangler: kør python -m tools.examples"
    assert note.read_bytes() == expected_note(path).encode("utf-8"), (
        f"{note.name} er ikke i takt med koden: kør python -m tools.examples, og læs noten igennem"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_example_is_a_clean_answers_file_filled_in_as_a_leader_would(path: Path) -> None:
    answers, problems = check_answers_file(path, FLOW)
    assert answers is not None
    assert [problem.render() for problem in problems] == []  # not even a warning
    evaluation = evaluate(FLOW, answers)
    visible = {question.id for question in evaluation.visible_questions}
    assert evaluation.first_unanswered() is None, "every visible question is answered"
    assert any(value == UNKNOWN or UNKNOWN in value for value in evaluation.visible_answers.values())
    assert answers.discuss & visible, "some points are marked for discussion"
    assert any(note.strip() for qid, note in answers.notes.items() if qid in visible), "real notes"
    assert set(answers.values) <= visible, "no answers to questions the leader never saw"


def test_examples_cover_a_simple_tool_and_two_changes_with_different_traits() -> None:
    evaluations = [evaluate(FLOW, load_answers(path, FLOW)) for path in FILES]
    assert any(evaluation.path is Verdict.SIMPLE for evaluation in evaluations)
    changes = [evaluation for evaluation in evaluations if evaluation.path is Verdict.CHANGE]
    assert len(changes) >= 2
    assert len({evaluation.traits for evaluation in changes}) >= 2
    assert {trait for evaluation in changes for trait in evaluation.traits} >= {"medialisering", "formalisering"}


def test_one_example_has_the_leader_disagreeing_and_saying_why() -> None:
    disagreeing = [
        evaluation
        for evaluation in (evaluate(FLOW, load_answers(path, FLOW)) for path in FILES)
        if evaluation.disagrees
    ]
    assert disagreeing
    assert all(len(evaluation.judgement_reason.split()) >= 20 for evaluation in disagreeing)
