"""The answers file: one pass that finds every problem, located; a deterministic writer."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows import Answers, Verdict, default_flow
from outputs.answers.file import (
    MAX_TEXT_CHARS,
    AnswersFileError,
    Problem,
    check_answers_bytes,
    check_answers_text,
    dumps_answers,
    load_answers,
)
from outputs.reporting.problems import ERROR, WARNING
from outputs.toml.decode import MAX_FILE_BYTES
from tests.outputs.mini_flow import MINI_HEAD, mini_flow
from tools.answers_doc import example_answers, example_block, example_text

CORPUS = Path(__file__).parent.parent / "corpus" / "answers"
FLOW = mini_flow()


def check(text: str) -> tuple[Answers | None, list[Problem]]:
    return check_answers_text(text, FLOW, "svar.toml")


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.render() for p in problems]
    return problems[0]


# -- a good file ----------------------------------------------------------------------------


GOOD = (
    MINI_HEAD
    + """
# kommentarer må stå overalt
[om]
navn = "Skærmbesøg"   # efter en værdi
kanaler = ["skaerm", "telefon"]
omfang = "ved-ikke"

[triage]
glider-ind = "nej"
hvorfor-ikke = \"\"\"
Den ændrer mødet.
Og relationen.\"\"\"

[forandring]
hvordan = "Besøg over skærm"

[vurdering]
egen-vurdering = "forandring-af-kerneopgaven"
begrundelse = "Vi kender den."
traek = ["standardisering"]

[noter]
glider-ind = "Tjek med MED"

[til-droeftelse]
glider-ind = true
navn = false
"""
)


def test_a_good_file_gives_every_kind_of_answer_and_no_problems() -> None:
    answers, problems = check(GOOD)
    assert problems == []
    assert answers == Answers(
        values={
            "navn": "Skærmbesøg",
            "kanaler": ("skaerm", "telefon"),
            "omfang": "ved-ikke",
            "glider-ind": "nej",
            "hvorfor-ikke": "Den ændrer mødet.\nOg relationen.",
            "hvordan": "Besøg over skærm",
        },
        judgement=Verdict.CHANGE,
        judgement_reason="Vi kender den.",
        traits=("standardisering",),
        notes={"glider-ind": "Tjek med MED"},
        discuss=frozenset({"glider-ind"}),
    )


def test_quoted_and_dotted_keys_and_literal_strings_load() -> None:
    text = MINI_HEAD + '[om]\n"navn" = \'Med "citat"\'\n\n[triage]\n\'glider-ind\' = "ja"\n'
    answers, problems = check(text)
    assert problems == []
    assert answers is not None
    assert answers.values == {"navn": 'Med "citat"', "glider-ind": "ja"}


def test_empty_placeholders_count_as_unanswered() -> None:
    answers, problems = check(MINI_HEAD + '[om]\nnavn = ""\nkanaler = []\nomfang = ""\n')
    assert problems == []
    assert answers is not None and answers.values == {}


def test_problem_renders_compiler_style() -> None:
    problem = Problem("svar.toml", 3, 7, "fejl", "noget er galt", "gør sådan")
    assert problem.render() == "svar.toml:3:7: fejl: noget er galt — gør sådan"
    assert Problem("f", 1, 1, "advarsel", "kun det").render() == "f:1:1: advarsel: kun det"


# -- every problem, located ---------------------------------------------------------------------


def test_every_problem_is_found_in_one_pass_in_file_order() -> None:
    text = (
        MINI_HEAD  # lines 1-4
        + "[om]\n"  # 5
        + 'nvn = "x"\n'  # 6: unknown key, near 'navn'
        + 'kanaler = "skaerm"\n'  # 7: string where a list is needed
        + 'omfang = "mellem"\n'  # 8: not an option
        + 'glider-ind = "ja"\n'  # 9: belongs in [triage]
        + "[triage]\n"  # 10
        + 'glider-ind = ["ja"]\n'  # 11: a list where one id is needed
        + "[trage]\n"  # 12: unknown section, near 'triage'
        + "[noter]\n"  # 13
        + 'glider = "x"\n'  # 14: unknown question id
        + "[til-droeftelse]\n"  # 15
        + 'navn = "ja"\n'  # 16: not a boolean
    )
    answers, problems = check(text)
    assert answers is None
    rendered = [p.render() for p in problems]
    assert [(p.line, p.severity) for p in problems] == [
        (6, "fejl"),
        (7, "fejl"),
        (8, "fejl"),
        (9, "fejl"),
        (11, "fejl"),
        (12, "fejl"),
        (14, "fejl"),
        (16, "fejl"),
    ], rendered
    assert "ukendt nøgle 'nvn' i [om]" in rendered[0] and "mente du 'navn'?" in rendered[0]
    assert "skal være en liste" in rendered[1] and 'kanaler = ["skaerm"]' in rendered[1]
    assert "'mellem' er ikke en svarmulighed til 'omfang'" in rendered[2]
    assert "faa = Få, mange = Mange, ved-ikke = Ved ikke" in rendered[2]
    assert "hører til afsnittet [triage], ikke [om]" in rendered[3]
    assert "skal være ét id, men er en liste" in rendered[4] and 'glider-ind = "ja"' in rendered[4]
    assert "ukendt afsnit [trage]" in rendered[5] and "mente du [triage]?" in rendered[5]
    assert "ukendt nøgle 'glider' i [noter]" in rendered[6] and "'glider-ind'" in rendered[6]
    assert "true eller false" in rendered[7]


def test_a_value_problem_points_at_the_value_and_an_array_problem_at_the_element() -> None:
    text = MINI_HEAD + '[om]\nkanaler = ["skaerm", "fax"]\nomfang = "mellem"\n'
    _, problems = check(text)
    assert [(p.line, p.column) for p in problems] == [(6, 22), (7, 10)]
    assert "'fax' er ikke en svarmulighed til 'kanaler'" in problems[0].message
    assert "skaerm = Skærm, telefon = Telefon, brev = Brev" in problems[0].hint


def test_a_label_instead_of_an_id_suggests_the_id() -> None:
    _, problems = check(MINI_HEAD + '[om]\nomfang = "Mange"\n')
    assert 'mente du "mange"?' in only(problems).hint


def test_yes_no_written_as_boolean_says_to_quote_it() -> None:
    problem = only(check(MINI_HEAD + "[triage]\nglider-ind = false\n")[1])
    assert problem.line == 6 and '"ja" eller "nej"' in problem.message and 'glider-ind = "nej"' in problem.hint


def test_text_given_a_number_is_a_type_error() -> None:
    problem = only(check(MINI_HEAD + "[om]\nnavn = 42\n")[1])
    assert "skal være en tekst, men er et tal" in problem.message


def test_a_key_before_the_first_section_is_told_where_to_go() -> None:
    problems = check('navn = "x"\n' + MINI_HEAD)[1]
    assert problems[0].line == 1 and "flyt linjen ned under [om]" in problems[0].hint


def test_a_question_used_as_a_section_says_so() -> None:
    problem = only(check(MINI_HEAD + '[navn]\nx = "y"\n')[1])
    assert "'navn' er et spørgsmål, ikke et afsnit" in problem.message and "under [om]" in problem.hint


def test_judgement_and_traits_are_checked() -> None:
    text = MINI_HEAD + '[vurdering]\negen-vurdering = "uafklaret"\ntraek = ["medialisring"]\nbegrund = "x"\n'
    problems = check(text)[1]
    assert [p.line for p in problems] == [6, 7, 8]
    assert "simpelt-redskab" in problems[0].hint and "forandring-af-kerneopgaven" in problems[0].hint
    assert "mente du 'medialisering'?" in problems[1].hint
    assert "mente du 'begrundelse'?" in problems[2].hint


def test_traits_as_a_string_say_to_write_a_list() -> None:
    problem = only(check(MINI_HEAD + '[vurdering]\ntraek = "medialisering"\n')[1])
    assert 'traek = ["medialisering"]' in problem.hint


def test_an_empty_traits_list_is_a_choice_of_none_and_absent_follows_the_triage() -> None:
    chosen = check(MINI_HEAD + "[vurdering]\ntraek = []\n")[0]
    absent = check(MINI_HEAD)[0]
    assert chosen is not None and chosen.traits == ()
    assert absent is not None and absent.traits is None


# -- answers the branching hides -------------------------------------------------------------


def test_an_answer_the_branching_hides_is_a_warning_and_is_kept() -> None:
    text = MINI_HEAD + '[triage]\nglider-ind = "ja"\nhvorfor-ikke = "fordi"\n\n[forandring]\nhvordan = "sådan"\n'
    answers, problems = check(text)
    assert answers is not None and answers.values["hvorfor-ikke"] == "fordi" and answers.values["hvordan"] == "sådan"
    assert [(p.line, p.severity) for p in problems] == [(7, "advarsel"), (10, "advarsel")]
    assert "'hvorfor-ikke' tæller ikke" in problems[0].message
    assert "'Glider den ind uden besvær?' er besvaret med 'Nej'" in problems[0].hint
    assert "afsnittet [forandring] vises kun, når vurderingen er 'forandring af kerneopgaven'" in problems[1].hint


def test_the_leaders_own_judgement_opens_the_branch_it_names() -> None:
    text = MINI_HEAD + '[triage]\nglider-ind = "ja"\n[forandring]\nhvordan = "x"\n'
    judged = text + '[vurdering]\negen-vurdering = "forandring-af-kerneopgaven"\n'
    assert len(check(text)[1]) == 1
    assert check(judged)[1] == []


# -- [svarfil] ----------------------------------------------------------------------------------


def test_an_empty_file_is_fine_with_a_warning_about_the_missing_header() -> None:
    answers, problems = check("")
    assert answers == Answers()
    problem = only(problems)
    assert problem.severity == "advarsel" and "ingen svar endnu" in problem.message and "[svarfil]" in problem.message


def test_a_file_without_header_is_read_for_the_flow_in_use_with_a_warning() -> None:
    answers, problems = check('[om]\nnavn = "x"\n')
    assert answers is not None and answers.values == {"navn": "x"}
    assert only(problems).severity == "advarsel" and "'mini' version 2.1" in problems[0].message


def test_an_unknown_format_is_an_error_naming_the_known_one_and_stops_the_checks() -> None:
    answers, problems = check('[svarfil]\nformat = 7\nforloeb = "mini"\nforloeb-version = "2.1"\n[om]\nx = 1\n')
    problem = only(problems)
    assert answers is None and problem.line == 2 and problem.unreadable
    assert "format 7" in problem.message and "kender kun format 1" in problem.message


def test_another_flow_is_an_error_naming_the_flow_in_use() -> None:
    problem = only(check('[svarfil]\nformat = 1\nforloeb = "budget"\n[om]\nx = 1\n')[1][1:])
    assert problem.line == 3 and "'budget'" in problem.message and "'mini' (version 2.1)" in problem.message
    assert "--flow" in problem.hint


def test_a_newer_flow_version_is_an_error_and_an_older_one_a_warning() -> None:
    newer = only(check('[svarfil]\nformat = 1\nforloeb = "mini"\nforloeb-version = "2.10"\n')[1])
    older_answers, older = check('[svarfil]\nformat = 1\nforloeb = "mini"\nforloeb-version = "2.0.9"\n')
    same = check('[svarfil]\nformat = 1\nforloeb = "mini"\nforloeb-version = "2.1.0"\n')[1]
    assert newer.severity == "fejl" and "kender kun version 2.1" in newer.message
    assert older_answers is not None and only(older).severity == "advarsel" and "2.0.9" in older[0].message
    assert same == []


def test_a_version_written_as_a_number_says_to_quote_it() -> None:
    problem = only(check('[svarfil]\nformat = 1\nforloeb = "mini"\nforloeb-version = 2.1\n')[1])
    assert 'forloeb-version = "2.1"' in problem.hint


# -- syntax ---------------------------------------------------------------------------------------


def test_a_missing_quote_is_located_and_explained() -> None:
    problem = only(check(MINI_HEAD + "[triage]\nglider-ind = nej\n")[1])
    assert (problem.line, problem.column) == (6, 14) and problem.unreadable
    assert 'skriv "nej"' in problem.hint


def test_several_syntax_errors_are_all_reported() -> None:
    text = MINI_HEAD + '[om]\nnavn = Skærm besøg\nomfang = faa\n[triage]\nglider-ind = "ja"\n'
    answers, problems = check(text)
    assert answers is None
    assert [p.line for p in problems] == [6, 7]
    assert 'skriv "Skærm besøg"' in problems[0].hint and 'skriv "faa"' in problems[1].hint


def test_a_duplicate_key_points_at_the_second_one() -> None:
    problem = only(check(MINI_HEAD + '[om]\nnavn = "a"\nomfang = "faa"\nnavn = "b"\n')[1])
    assert (problem.line, problem.column) == (8, 1) and "'navn' står to gange i [om]" in problem.message


def test_an_unclosed_multiline_string_points_at_its_start() -> None:
    problem = only(check(MINI_HEAD + '[om]\nnavn = """Skærm\nomfang = "faa"\n')[1])
    assert (problem.line, problem.column) == (6, 8) and "slutter aldrig" in problem.message


@pytest.mark.parametrize("header", ["[", "[[", "[ "])
def test_a_section_header_left_unfinished_says_so(header: str) -> None:
    problem = only(check(MINI_HEAD + '[om]\nnavn = "a"\n' + header)[1])
    assert problem.line == 7
    assert "afsnitsoverskrift" in problem.message and "[triage]" in problem.hint


def test_a_missing_value_says_so() -> None:
    problem = only(check(MINI_HEAD + "[om]\nnavn =\n")[1])
    assert "mangler en værdi" in problem.message


# -- bytes ----------------------------------------------------------------------------------------


def test_bom_is_ignored_with_a_warning() -> None:
    answers, problems = check_answers_bytes(b"\xef\xbb\xbf" + MINI_HEAD.encode(), FLOW, "f")
    assert answers is not None and only(problems).severity == "advarsel" and "BOM" in problems[0].message


def test_crlf_reads_exactly_like_lf_including_multiline_text() -> None:
    text = MINI_HEAD + '[triage]\nglider-ind = "nej"\nhvorfor-ikke = """\nen\nto"""\n'
    lf = check_answers_bytes(text.encode(), FLOW, "f")
    crlf = check_answers_bytes(text.replace("\n", "\r\n").encode(), FLOW, "f")
    assert crlf == lf and lf[1] == []
    assert lf[0] is not None and lf[0].values["hvorfor-ikke"] == "en\nto"


def test_invalid_utf8_names_the_byte_and_the_line() -> None:
    data = (MINI_HEAD + '[om]\nnavn = "Skærm"\n').encode("latin-1")
    answers, problems = check_answers_bytes(data, FLOW, "f")
    problem = only(problems)
    offset = data.index(b"\xe6")
    assert answers is None and problem.line == 6 and problem.column == 11
    assert f"byte {offset}" in problem.message and "0xE6" in problem.message and "Latin-1" in problem.hint


def test_binary_garbage_is_not_a_text_file() -> None:
    for name in ("binary-garbage.toml", "binary-no-nul.toml"):
        answers, problems = check_answers_bytes((CORPUS / name).read_bytes(), FLOW, name)
        assert answers is None and "tekstfil" in only(problems).message


def test_a_file_over_the_size_cap_is_refused_without_reading_it_as_toml() -> None:
    answers, problems = check_answers_bytes(b"#" * (MAX_FILE_BYTES + 1), FLOW, "f")
    assert answers is None and "for stor" in only(problems).message


def test_a_ten_megabyte_answer_is_reported_at_its_line_not_swallowed() -> None:
    text = MINI_HEAD + '[om]\nnavn = "' + "x" * 10_000_000 + '"\n'
    answers, problems = check(text)
    problem = only(problems)
    assert answers is None and problem.line == 6
    assert "10.000.000 tegn" in problem.message and f"{MAX_TEXT_CHARS:,}".replace(",", ".") in problem.message
    assert len(problem.render()) < 400


def test_control_characters_from_the_file_are_escaped_in_messages() -> None:
    problem = only(check(MINI_HEAD + '[om]\nomfang = "\\u001b[31mrød"\n')[1])
    assert "\x1b" not in problem.render() and "\\x1b[31mrød" in problem.render()


# -- load -----------------------------------------------------------------------------------------


def test_load_answers_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "svar.toml"
    path.write_text(MINI_HEAD + "[om]\nnvn = 1\nomfang = 2\n", encoding="utf-8")
    with pytest.raises(AnswersFileError) as caught:
        load_answers(path, FLOW)
    assert [p.line for p in caught.value.problems] == [6, 7]
    assert str(path) in str(caught.value)


def test_load_answers_lets_a_missing_file_be_told_apart(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_answers(tmp_path / "ny.toml", FLOW)


# -- dump -----------------------------------------------------------------------------------------


def test_dump_is_in_flow_order_with_only_answered_questions_and_reads_back() -> None:
    answers = check(GOOD)[0]
    assert answers is not None
    text = dumps_answers(FLOW, answers)
    assert text.startswith('# Svar til "Et lille forløb"\n')
    tables = [line for line in text.splitlines() if line.startswith("[")]
    assert tables == ["[svarfil]", "[om]", "[triage]", "[forandring]", "[vurdering]", "[noter]", "[til-droeftelse]"]
    keys = [line.split(" = ")[0] for line in text.splitlines() if " = " in line and not line.startswith("#")]
    assert keys[3:9] == ["navn", "kanaler", "omfang", "glider-ind", "hvorfor-ikke", "hvordan"]
    assert 'kanaler = ["skaerm", "telefon"]  # Skærm; Telefon' in text
    assert 'hvorfor-ikke = """\nDen ændrer mødet.\nOg relationen."""' in text
    assert "# Hvad hedder den?\nnavn = " in text
    assert check(text) == (answers, [])
    assert text.endswith("\n") and not text.endswith("\n\n") and "\r" not in text


def test_dump_writes_nothing_for_unanswered_questions_and_no_empty_tables() -> None:
    text = dumps_answers(FLOW, Answers(values={"glider-ind": "ja", "navn": "  "}))
    assert [line for line in text.splitlines() if line.startswith("[")] == ["[svarfil]", "[triage]"]
    assert "navn" not in text


def test_dump_keeps_hidden_answers() -> None:
    answers = Answers(values={"glider-ind": "ja", "hvorfor-ikke": "før"})
    assert 'hvorfor-ikke = "før"' in dumps_answers(FLOW, answers)


def test_the_same_answers_give_the_same_bytes_whatever_the_order_they_were_given_in() -> None:
    one = Answers(values={"navn": "a", "glider-ind": "ja"}, notes={"navn": "n", "glider-ind": "g"})
    two = Answers(values={"glider-ind": "ja", "navn": "a"}, notes={"glider-ind": "g", "navn": "n"})
    assert dumps_answers(FLOW, one) == dumps_answers(FLOW, two)


def test_the_default_flow_round_trips_a_full_set_of_answers() -> None:
    flow = default_flow()
    values = {}
    for question in flow.questions.values():
        if question.kind.value == "fritekst":
            values[question.id] = f"Svar på {question.id}\nmed to linjer"
        elif question.kind.value == "flervalg":
            values[question.id] = question.choice_ids[:2]
        else:
            values[question.id] = question.choice_ids[-1]
    answers = Answers(values=values, notes={qid: "note" for qid in flow.questions}, discuss=frozenset(flow.questions))
    text = dumps_answers(flow, answers)
    loaded, problems = check_answers_text(text, flow, "fuld.toml")
    assert loaded == answers
    assert all(p.severity == "advarsel" and "tæller ikke" in p.message for p in problems)


_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).filter(lambda t: t.strip() != "")


@settings(max_examples=300)
@given(
    name=_TEXT,
    reason=_TEXT,
    note=_TEXT,
    why=_TEXT,
    channels=st.lists(st.sampled_from(["skaerm", "telefon", "brev"]), unique=True, min_size=1),
    judgement=st.sampled_from([None, Verdict.SIMPLE, Verdict.CHANGE]),
)
def test_dump_then_load_is_the_identity_for_any_text(
    name: str, reason: str, note: str, why: str, channels: list[str], judgement: Verdict | None
) -> None:
    answers = Answers(
        values={"navn": name, "kanaler": tuple(channels), "glider-ind": "nej", "hvorfor-ikke": why},
        judgement=judgement,
        judgement_reason=reason,
        traits=("medialisering",),
        notes={"navn": note},
        discuss=frozenset({"navn"}),
    )
    text = dumps_answers(FLOW, answers)
    tomllib.loads(text)  # plain TOML for any other tool, too
    loaded, problems = check(text)
    assert problems == []
    assert loaded == answers
    assert dumps_answers(FLOW, loaded) == text


# -- the documentation's example ------------------------------------------------------------------


def test_the_documented_example_is_current_and_passes_check() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "answers-format.md").read_text(encoding="utf-8")
    block = example_block(doc)
    assert block == example_text(default_flow()), "run: python -m tools.answers_doc"
    answers, problems = check_answers_text(block, default_flow(), "docs/answers-format.md")
    assert problems == [] and answers == example_answers(default_flow())


# -- options that stand alone ---------------------------------------------------------------------

DEFAULT_HEAD = '[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "2.0"\n\n[opgaveloesning]\n'


@pytest.mark.parametrize("alone", ["ingen", "ved-ikke"])
def test_an_option_that_stands_alone_combined_with_others_is_a_warning_and_kept(alone: str) -> None:
    """A warning, not an error: earlier versions saved "Ved ikke" with other picks, and such files must open."""
    line = f'opg-relationer = ["kolleger", "{alone}", "ledelse"]'
    answers, problems = check_answers_text(DEFAULT_HEAD + line + "\n", default_flow(), "svar.toml")
    assert answers is not None and answers.values["opg-relationer"] == ("kolleger", alone, "ledelse")
    problem = only([p for p in problems if "vælges alene" in p.message])
    assert problem.severity == WARNING
    assert f'"{alone}"' in problem.message and "vælges alene" in problem.message
    assert (problem.line, problem.column) == (7, line.index(f'"{alone}"') + 1)
    assert f'opg-relationer = ["{alone}"] eller kun "kolleger", "ledelse"' in problem.hint


def test_two_options_that_stand_alone_are_not_offered_as_the_others() -> None:
    line = 'opg-relationer = ["ingen", "ved-ikke"]'
    _, problems = check_answers_text(DEFAULT_HEAD + line + "\n", default_flow(), "svar.toml")
    problem = only([p for p in problems if "vælges alene" in p.message])
    assert problem.severity == WARNING
    assert 'skriv enten opg-relationer = ["ingen"];' in problem.hint


def test_an_option_that_stands_alone_is_an_answer_on_its_own() -> None:
    answers, problems = check_answers_text(DEFAULT_HEAD + 'opg-relationer = ["ingen"]\n', default_flow(), "svar.toml")
    assert not [p for p in problems if p.severity == ERROR]
    assert answers is not None and answers.values["opg-relationer"] == ("ingen",)
