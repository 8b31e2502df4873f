"""Whatever a leader types shows exactly as typed and never changes the note's structure.

Each test puts the same text in every place a leader's words can land – the
name (the H1), free-text answers (an appendix table, below it, "Svar:" in Til
mødet), notes (Til mødet), the reason for the leader's own judgement (the front
page) and text hidden by a later choice (its own part) – then reads the note
back as a wiki would (markdown-it-py, CommonMark + GFM tables) and checks:

- the text a reader sees in each place equals what was typed (as ``clean_text``
  documents: LF line ends, control characters shown as U+FFFD, blank lines
  around the text dropped);
- the document has the same structure as the note for a harmless text of the
  same shape (same length, same line breaks): same blocks, same inline pieces,
  same heading outline apart from the H1's words;
- no raw HTML reaches the wiki.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flows import default_flow
from outputs.note.escape import REPLACEMENT, clean_text, inline, one_line, table_cell
from outputs.note.markdown import (
    APPENDIX_HEADING,
    FRONT_REASON_WORDS,
    HIDDEN_HEADING,
    NEUTRAL_TITLE,
    TABLE_TEXT_LIMIT,
    render_markdown,
)
from tests.outputs.md_tokens import (
    HTML_TOKENS,
    all_tokens,
    labelled,
    outline,
    parse,
    part,
    question_blocks,
    structure,
    table_rows,
)
from tests.outputs.nasty_answers import HIDDEN_TEXT, NASTY, NOTED, place

FLOW = default_flow()


def harmless_twin(text: str) -> str:
    """A text of the same shape as ``text`` (length and line breaks) with nothing special in it."""
    return "".join("\n" if char == "\n" else "x" for char in clean_text(text))


def check(text: str) -> None:
    shown = clean_text(text)
    tokens = parse(render_markdown(FLOW, place(text)))

    assert not [token for token in all_tokens(tokens) if token.type in HTML_TOKENS]

    headings = outline(tokens)
    assert headings[0] == (1, one_line(text) if shown else NEUTRAL_TITLE)

    # The appendix: a short answer in its section's table, a long one below it.
    appendix = part(tokens, APPENDIX_HEADING)
    rows = dict(table_rows(appendix))
    blocks: dict[str, list[str]] = {}
    for block in question_blocks(appendix):
        blocks.setdefault(block.question, []).append(block.answer)
    for question_id in ("beskrivelse", "moede", "ker-vaerdi"):
        question = FLOW.questions[question_id]
        if not shown:
            assert rows[question.text] == "Ikke besvaret"
        elif "\n" not in shown and len(shown) <= TABLE_TEXT_LIMIT:
            assert rows[question.text] == shown
            assert question.text not in blocks  # in the table, not again below it
        else:
            assert blocks[question.text] == [shown], question_id
            assert question.text not in rows
    # Til mødet: the answer to the meeting question (marked) and the notes, each once.
    meeting = part(tokens, "Til mødet")
    assert labelled(meeting, "Svar:") == ([shown] if shown else [])
    assert labelled(meeting, "Note:") == ([shown] * len(NOTED) if shown else [])
    if shown:
        assert labelled(tokens, "Svar:") == [shown]
        reason = labelled(tokens, "Begrundelse:")
        assert reason[-1] == shown  # in full once (twice when the front page shortens a long one)
        assert len(reason) == (1 if len(one_line(shown).split(" ")) <= FRONT_REASON_WORDS else 2)
        # Hidden by the leader's judgement: kept under its own heading.
        hidden = part(tokens, HIDDEN_HEADING)
        hidden_blocks = {block.question: block.answer for block in question_blocks(hidden)}
        assert hidden_blocks[FLOW.questions[HIDDEN_TEXT].text] == shown
        assert labelled(hidden, "Note:") == [shown]
        assert labelled(tokens, "Note:") == [shown] * (len(NOTED) + 1)
    else:
        assert labelled(tokens, "Note:") == []

    if shown:
        twin = parse(render_markdown(FLOW, place(harmless_twin(text))))
        assert structure(tokens) == structure(twin)
        assert [level for level, _ in headings] == [level for level, _ in outline(twin)]
        assert headings[1:] == outline(twin)[1:]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_shows_as_typed_and_keeps_the_structure(text: str) -> None:
    check(text)


def test_the_outline_does_not_depend_on_what_the_answers_say() -> None:
    outlines = {tuple(outline(parse(render_markdown(FLOW, place(text))))[1:]) for text in NASTY if text.strip()}
    assert len(outlines) == 1


def test_control_characters_are_shown_as_the_replacement_character() -> None:
    assert clean_text("a\x00b\x07c\x1bd\x7fe\x85f\x9bg") == REPLACEMENT.join("abcdefg")
    assert clean_text("lone \ud800 surrogate") == f"lone {REPLACEMENT} surrogate"
    tokens = parse(render_markdown(FLOW, place("rød\x1b[31m tekst\x07")))
    assert labelled(tokens, "Begrundelse:") == [f"rød{REPLACEMENT}[31m tekst{REPLACEMENT}"]


def test_newline_and_tab_are_kept_and_line_ends_become_lf() -> None:
    assert clean_text("a\tb\r\nc\rd\n") == "a\tb\nc\nd"
    assert clean_text("\n\n  \nindhold\n  \n") == "indhold"


def test_the_escapes_are_those_documented() -> None:
    assert inline("# a") == "\\# a"
    assert inline("1. a\n- b") == "1\\. a\\\n\\- b"
    assert inline("1. a", mid_line=True) == "1. a"
    assert inline("  a\tb  ") == "&#32;&#32;a&#9;b&#32;&#32;"
    assert inline("https://x.dk www.x.dk a@b.dk") == "https\\://x.dk www\\.x.dk a\\@b.dk"
    assert table_cell("a | b") == "a \\| b"


def test_a_table_cell_refuses_more_than_one_line() -> None:
    with pytest.raises(ValueError):
        table_cell("to\nlinjer")


def test_surrogates_never_reach_the_file() -> None:
    text = render_markdown(FLOW, place("før \udce6 efter"))
    text.encode("utf-8")  # would raise UnicodeEncodeError on a lone surrogate
    assert f"før {REPLACEMENT} efter" in text


# Markdown's special characters and the strings that start its constructs, so that
# the arbitrary texts below hit them often, mixed with any Unicode at all.
SPECIAL = st.sampled_from(
    [
        *"#>-+=*_`~[]()!<&|\\:/.;$@^{}\"' \t\n\r0123456789",
        *("http://", "www.", "<!--", "-->", "&amp;", "&#32;", "```", "~~~", "    ", "1.", "1)", "---", "==="),
        *("<script>", "[a](b)", "![i](s)", "<https://x.dk>", "a@b.dk", "$x$", "\r\n"),
        *("\u00a0", "\u2028", "\x00", "\x1b", "\x85", "\ud800"),
    ]
)
ANY_CHARACTER = st.characters(exclude_categories=())  # every category, surrogates and controls included
TEXTS = st.one_of(
    st.text(ANY_CHARACTER),
    st.lists(st.one_of(SPECIAL, st.text(ANY_CHARACTER, max_size=3)), max_size=25).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_shows_as_typed_and_keeps_the_structure(text: str) -> None:
    assume(text.strip())  # whitespace only is "not answered"; tested above
    check(text)
