"""An answer given to a question that has since been worded differently is flagged, never silently kept.

The answers file records each answered question's fingerprint (``[fingeraftryk]``);
``check`` warns and ``status`` lists the answers whose question changed since. A file
without fingerprints (an old or scripted one) is never flagged, and saving keeps the
leader's own comments while it records the new fingerprint.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from flows import Answers, default_flow, default_flow_text, parse_flow
from flows.engine import evaluate
from flows.fingerprint import changed_questions, confirmed, fingerprint, is_changed, refreshed
from outputs.answers.file import check_answers_text, dumps_answers, load_answers
from outputs.reporting.problems import WARNING
from outputs.storage.saving import save_answers
from wizard.cli import main

FLOW = default_flow()
OLD_TEXT = "Kan teknologien glide ind i det daglige arbejde uden besvær?"
NEW_TEXT = "Kan teknologien tages i brug uden at ændre det daglige arbejde?"


def reworded_flow():
    """The shipped flow with one question worded differently: what an organisation's flow update does."""
    text = default_flow_text()
    assert text.count(OLD_TEXT) == 1
    return parse_flow(text.replace(OLD_TEXT, NEW_TEXT), "ny.toml")


def answered(flow=FLOW) -> Answers:
    """A few answers given in the wizard under ``flow``: each with its question's fingerprint then."""
    return refreshed(flow, Answers(), Answers(values={"navn": "Skærmbesøg", "glider-ind": "nej", "fase": "ide"}))


# -- the fingerprint -----------------------------------------------------------------------------


def test_the_fingerprint_follows_the_words_a_leader_reads() -> None:
    question = FLOW.questions["glider-ind"]
    before = fingerprint(question)
    assert len(before) == 8 and before == fingerprint(question)
    assert fingerprint(reworded_flow().questions["glider-ind"]) != before
    last = replace(question.choices[-1], label="Nej, slet ikke")
    relabelled = replace(question, options=(*question.choices[:-1], last))
    assert fingerprint(relabelled) != before
    # a TOML text's line breaks, a new help text or a renamed option id do not change the meaning
    assert fingerprint(replace(question, text=question.text.replace(" ", "\n", 2))) == before
    assert fingerprint(replace(question, help="Ny hjælp.")) == before
    scale = FLOW.questions["aendrer-opgaveloesning"]
    renamed = replace(scale, options=tuple(replace(option, id=option.id + "-x") for option in scale.options))
    assert fingerprint(renamed) == fingerprint(scale)


def test_answering_records_the_fingerprint_and_confirming_renews_it() -> None:
    answers = answered()
    assert answers.fingerprints == {q: fingerprint(FLOW.questions[q]) for q in ("navn", "glider-ind", "fase")}
    flow = reworded_flow()
    assert is_changed(flow.questions["glider-ind"], answers)
    assert not is_changed(flow.questions["navn"], answers)
    assert changed_questions(flow, answers, evaluate(flow, answers)) == ("glider-ind",)
    again = confirmed(flow, answers, "glider-ind")
    assert not is_changed(flow.questions["glider-ind"], again)
    assert confirmed(flow, answers, "beskrivelse") is answers  # not answered: nothing to confirm
    # answering again with another value records today's fingerprint too
    other = refreshed(flow, answers, replace(answers, values={**answers.values, "glider-ind": "ja"}))
    assert other.fingerprints["glider-ind"] == fingerprint(flow.questions["glider-ind"])


# -- the file --------------------------------------------------------------------------------------


def test_the_file_keeps_the_fingerprints_in_a_table_of_their_own_and_reads_them_back() -> None:
    text = dumps_answers(FLOW, answered())
    assert "\n[fingeraftryk]\nnavn = " in text
    assert text.index("[fingeraftryk]") > text.index("[triage]")
    answers, problems = check_answers_text(text, FLOW, "svar.toml")
    assert answers is not None and not problems
    assert answers.fingerprints == answered().fingerprints


def test_check_warns_where_the_answer_stands_when_its_question_changed() -> None:
    text = dumps_answers(FLOW, answered())
    flow = reworded_flow()
    answers, problems = check_answers_text(text, flow, "svar.toml")
    assert answers is not None  # a warning: the file is still used
    [problem] = problems
    assert problem.severity == WARNING and problem.code == "changed-question"
    assert problem.message.startswith("spørgsmålet er ændret, siden du svarede: 'glider-ind'")
    assert NEW_TEXT in problem.message
    assert text.splitlines()[problem.line - 1].startswith("glider-ind = ")
    assert f'glider-ind = "{fingerprint(flow.questions["glider-ind"])}"' in problem.hint


def test_a_file_without_fingerprints_is_never_flagged() -> None:
    text = dumps_answers(FLOW, Answers(values={"navn": "Skærmbesøg", "glider-ind": "nej"}))
    assert "fingeraftryk" not in text
    answers, problems = check_answers_text(text, reworded_flow(), "svar.toml")
    assert answers is not None and not problems


def test_a_fingerprint_written_wrongly_by_hand_is_named() -> None:
    text = dumps_answers(FLOW, answered()) + 'navnn = "1"\n'
    _, problems = check_answers_text(text, FLOW, "svar.toml")
    assert [(p.code, p.hint) for p in problems] == [("unknown-key", "mente du 'navn'?")]
    text = dumps_answers(FLOW, answered()).replace(f'navn = "{fingerprint(FLOW.questions["navn"])}"', "navn = 1")
    answers, problems = check_answers_text(text, FLOW, "svar.toml")
    assert answers is None and [p.code for p in problems] == ["fingerprint-type"]


def test_saving_records_the_new_fingerprint_and_keeps_the_leaders_comments(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    text = dumps_answers(FLOW, answered())
    text = text.replace("[fingeraftryk]\n", "[fingeraftryk]\n# min egen kommentar\n")
    text = text.replace('glider-ind = "nej"  # Nej', 'glider-ind = "nej"  # det mener jeg stadig')
    path.write_text(text, encoding="utf-8")
    flow = reworded_flow()
    answers = load_answers(path, flow)
    save_answers(path, flow, confirmed(flow, answers, "glider-ind"))
    saved = path.read_text(encoding="utf-8")
    new = fingerprint(flow.questions["glider-ind"])
    assert saved == text.replace(f'glider-ind = "{fingerprint(FLOW.questions["glider-ind"])}"', f'glider-ind = "{new}"')
    assert check_answers_text(saved, flow, "svar.toml")[1] == []


def test_saving_an_old_file_adds_no_fingerprints_it_never_had(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    text = dumps_answers(FLOW, Answers(values={"navn": "Skærmbesøg"}))
    path.write_text(text, encoding="utf-8")
    save_answers(path, FLOW, load_answers(path, FLOW))
    assert path.read_text(encoding="utf-8") == text


# -- status and check on the command line ----------------------------------------------------------


@pytest.fixture
def reworded_files(tmp_path: Path) -> tuple[Path, Path]:
    flow_path = tmp_path / "ny.toml"
    flow_path.write_text(default_flow_text().replace(OLD_TEXT, NEW_TEXT), encoding="utf-8")
    answers_path = tmp_path / "svar.toml"
    answers_path.write_text(dumps_answers(FLOW, answered()), encoding="utf-8")
    return flow_path, answers_path


def test_check_and_status_say_which_answers_to_look_at_again(reworded_files, capsys) -> None:
    flow_path, answers_path = reworded_files
    assert main(["check", "--flow", str(flow_path), str(answers_path)]) == 0
    out = capsys.readouterr().out
    assert "advarsel: spørgsmålet er ændret, siden du svarede: 'glider-ind'" in out
    assert main(["status", "--flow", str(flow_path), str(answers_path)]) == 0
    out = capsys.readouterr().out
    assert "Spørgsmål, der er ændret, siden du svarede (1 svar bør ses igen):\n  • " + NEW_TEXT in out
    assert main(["status", "--json", "--flow", str(flow_path), str(answers_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["changed_questions"] == [{"question": "glider-ind", "text": NEW_TEXT}]
    assert [w["code"] for w in report["warnings"]] == ["changed-question"]
    # under the flow it was answered with, nothing is flagged
    assert main(["status", "--json", str(answers_path)]) == 0
    assert json.loads(capsys.readouterr().out)["changed_questions"] == []


def test_a_reworded_question_in_an_older_file_counts_among_the_answers_to_look_at_again() -> None:
    text = dumps_answers(FLOW, answered()).replace('forloeb-version = "2.0"', 'forloeb-version = "1.0"')
    _, problems = check_answers_text(text, reworded_flow(), "svar.toml")
    [upgrade] = [problem for problem in problems if problem.code == "older-flow-version"]
    assert upgrade.message.endswith("1 svar bør ses igen")
    assert "se igen: 'glider-ind'" in upgrade.hint
    assert [problem.code for problem in problems if problem.code == "changed-question"] == ["changed-question"]


def test_opening_a_file_with_reworded_questions_tells_the_leader() -> None:
    from outputs.answers.version import upgrade_notice

    _, problems = check_answers_text(dumps_answers(FLOW, answered()), reworded_flow(), "svar.toml")
    notice = upgrade_notice(problems)
    assert notice is not None
    assert notice.startswith("Siden du svarede, er ét spørgsmål formuleret om, så svaret bør ses igen.")
    assert "»Ændrede spørgsmål«" in notice
    assert upgrade_notice(check_answers_text(dumps_answers(FLOW, answered()), FLOW, "svar.toml")[1]) is None
