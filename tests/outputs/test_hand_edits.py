"""Saving keeps what the leader wrote by hand: only the changed answers change in the file (issue 14)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from flows import Answers, Verdict, default_flow
from outputs.answers.file import dumps_answers, load_answers
from outputs.storage.saving import SaveError, save_answers
from tests.outputs.mini_flow import mini_flow

FLOW = mini_flow()
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.toml"))

HAND_WRITTEN = """\
#:schema ./svarfil.schema.json
# Min forberedelse til MED-mødet
# Husk: ring til Birgit før fredag!

[svarfil]
format = 1
forloeb = "mini"
forloeb-version = "2.1"

[om]
omfang = "mange"   # tjek tallet med IT

navn = 'Skærmbesøg'  # foreløbigt navn, spørg IT
kanaler = [ "skaerm",
            "telefon" ]

[triage]
# Glider den ind uden besvær?
glider-ind = "nej"  # Nej
hvorfor-ikke = \"\"\"
Den ændrer mødet med borgeren.\"\"\"
"""


def saved(tmp_path: Path, text: str, change) -> str:
    path = tmp_path / "svar.toml"
    path.write_text(text, encoding="utf-8")
    answers = load_answers(path, FLOW)
    save_answers(path, FLOW, change(answers))
    return path.read_text(encoding="utf-8")


def with_values(answers: Answers, **values: object) -> Answers:
    merged = {**answers.values, **{key.replace("_", "-"): value for key, value in values.items()}}
    return dataclasses.replace(answers, values={key: value for key, value in merged.items() if value is not None})


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_resaving_an_example_unchanged_gives_a_zero_diff(tmp_path: Path, example: Path) -> None:
    flow = default_flow()
    path = tmp_path / example.name
    shutil.copy(example, path)
    save_answers(path, flow, load_answers(path, flow))
    assert path.read_bytes() == example.read_bytes()


def test_resaving_a_hand_written_file_unchanged_gives_a_zero_diff(tmp_path: Path) -> None:
    assert saved(tmp_path, HAND_WRITTEN, lambda answers: answers) == HAND_WRITTEN


def test_a_changed_answer_changes_its_value_and_nothing_else(tmp_path: Path) -> None:
    after = saved(tmp_path, HAND_WRITTEN, lambda answers: with_values(answers, navn="Skærmbesøg i hjemmeplejen"))
    # The leader's comment after the value is theirs, so it stays; so does every other byte.
    expected = HAND_WRITTEN.replace(
        "navn = 'Skærmbesøg'  # foreløbigt navn", 'navn = "Skærmbesøg i hjemmeplejen"  # foreløbigt navn'
    )
    assert after == expected


def test_a_changed_choice_gets_the_new_label_where_the_program_wrote_the_old_one(tmp_path: Path) -> None:
    after = saved(tmp_path, HAND_WRITTEN, lambda answers: with_values(answers, glider_ind="ja", hvorfor_ikke=None))
    expected = HAND_WRITTEN.replace('glider-ind = "nej"  # Nej', 'glider-ind = "ja"  # Ja')
    expected = expected.replace('hvorfor-ikke = """\nDen ændrer mødet med borgeren."""\n', "")
    assert after == expected


def test_a_new_answer_lands_in_its_questions_place_in_its_table(tmp_path: Path) -> None:
    text = HAND_WRITTEN.replace('omfang = "mange"   # tjek tallet med IT\n\n', "")
    after = saved(tmp_path, text, lambda answers: with_values(answers, omfang="faa"))
    # omfang comes after kanaler in the flow: right after the kanaler line, with the program's comment line.
    expected = text.replace(
        '            "telefon" ]\n', '            "telefon" ]\n# Hvor mange bruger den?\nomfang = "faa"  # Få\n'
    )
    assert after == expected


def test_a_new_first_answer_goes_before_the_next_one_and_its_comment(tmp_path: Path) -> None:
    text = HAND_WRITTEN.replace('glider-ind = "nej"  # Nej\n', "").replace("# Glider den ind uden besvær?\n", "")
    text = text.replace("[triage]\n", "[triage]\n# skrevet i hånden\n")
    after = saved(tmp_path, text, lambda answers: with_values(answers, glider_ind="ved-ikke"))
    expected = text.replace(
        "[triage]\n# skrevet i hånden\n",
        '[triage]\n# Glider den ind uden besvær?\nglider-ind = "ved-ikke"  # Ved ikke\n# skrevet i hånden\n',
    )
    assert after == expected


def test_new_tables_go_in_the_programs_order_and_keep_the_comments_above_the_next(tmp_path: Path) -> None:
    def judged(answers: Answers) -> Answers:
        return dataclasses.replace(
            answers,
            judgement=Verdict.CHANGE,
            notes={"navn": "Spørg Birgit"},
            discuss=frozenset({"glider-ind"}),
        )

    text = HAND_WRITTEN + "\n# mine egne noter\n[noter]\nkanaler = 'gammel note'\n"
    after = saved(tmp_path, text, judged)
    assert after.startswith(HAND_WRITTEN)
    rest = after[len(HAND_WRITTEN) :]
    assert rest == (
        '\n[vurdering]\negen-vurdering = "forandring-af-kerneopgaven"\n\n'
        "# mine egne noter\n[noter]\n"
        'navn = "Spørg Birgit"\n'  # before kanaler: the flow's order
        "\n[til-droeftelse]\nglider-ind = true\n"
    )
    assert load_answers(tmp_path / "svar.toml", FLOW) == judged(load_answers_text(tmp_path, text))


def load_answers_text(tmp_path: Path, text: str) -> Answers:
    path = tmp_path / "før.toml"
    path.write_text(text, encoding="utf-8")
    answers = load_answers(path, FLOW)
    return dataclasses.replace(answers, notes={})


def test_a_removed_answer_goes_with_the_comment_the_program_wrote_above_it(tmp_path: Path) -> None:
    after = saved(tmp_path, HAND_WRITTEN, lambda answers: with_values(answers, glider_ind=None, hvorfor_ikke=None))
    assert after == HAND_WRITTEN.split("[triage]\n")[0] + "[triage]\n"


def test_line_ends_and_a_byte_order_mark_are_kept(tmp_path: Path) -> None:
    text = "\ufeff" + HAND_WRITTEN.replace("\n", "\r\n")
    after = saved(tmp_path, text, lambda answers: with_values(answers, navn="Ny"))
    path = tmp_path / "svar.toml"
    assert path.read_bytes() == ("\ufeff" + HAND_WRITTEN.replace("navn = 'Skærmbesøg'", 'navn = "Ny"')).replace(
        "\n", "\r\n"
    ).encode("utf-8")
    assert after  # (read back as text above)


def test_a_layout_that_cannot_be_edited_in_place_is_written_out_whole_and_right(tmp_path: Path) -> None:
    # An inline table for [vurdering]: the program writes the file in its own layout instead of guessing.
    text = HAND_WRITTEN.replace("[svarfil]\n", 'vurdering = { egen-vurdering = "simpelt-redskab" }\n\n[svarfil]\n')
    text = text.replace("#:schema ./svarfil.schema.json\n", "")
    path = tmp_path / "svar.toml"
    path.write_text(text, encoding="utf-8")
    answers = dataclasses.replace(load_answers(path, FLOW), judgement=Verdict.CHANGE)
    save_answers(path, FLOW, answers)
    assert path.read_text(encoding="utf-8") == dumps_answers(FLOW, answers)
    assert load_answers(path, FLOW) == answers


@pytest.mark.parametrize(
    "oddity",
    [
        "[[noter]]\nnavn = 'x'\n",  # an array of tables where a table belongs
        "[om.under]\nx = 1\n",  # a table inside an answers table
        "om.navn = 'prikket'\n",  # a dotted key reaching into [om] from before it
    ],
)
def test_a_file_changed_on_disk_into_something_odd_is_saved_whole_or_refused_never_a_crash(
    tmp_path: Path, oddity: str
) -> None:
    path = tmp_path / "svar.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    answers = with_values(load_answers(path, FLOW), navn="Nyt")
    text = HAND_WRITTEN.replace("[svarfil]", oddity + "\n[svarfil]") if oddity.startswith("om.") else HAND_WRITTEN
    path.write_text(text if oddity.startswith("om.") else text + "\n" + oddity, encoding="utf-8")
    try:
        save_answers(path, FLOW, answers)
    except SaveError as error:
        assert "overskrevet" in error.message
        return
    assert load_answers(path, FLOW) == answers
