"""Reading an exported note back the way a wiki does (CommonMark + GFM tables).

The safety tests use these helpers to find what a reader would see: the heading
outline, the text of an answer, a note or a table cell, with entities and
backslash escapes decoded, hard line breaks as newlines.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from outputs.note.markdown import wiki_parser

HTML_TOKENS = {"html_block", "html_inline"}


def parse(text: str) -> list[Token]:
    return wiki_parser().parse(text)


def all_tokens(tokens: list[Token]) -> list[Token]:
    """Block tokens and their inline children, flattened in document order."""
    flat = []
    for token in tokens:
        flat.append(token)
        flat.extend(token.children or [])
    return flat


def rendered_text(children: list[Token]) -> str:
    """What a reader sees of inline tokens: text as shown, line breaks as newlines."""
    parts = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def outline(tokens: list[Token]) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order."""
    result = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            result.append((int(token.tag[1]), rendered_text(tokens[index + 1].children or [])))
    return result


def part(tokens: list[Token], title: str) -> list[Token]:
    """The tokens under the H2 ``title``, up to the next H2."""
    start = end = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            if start is not None:
                end = index
                break
            if rendered_text(tokens[index + 1].children or []) == title:
                start = index + 3
    assert start is not None, f"no part {title!r}"
    return tokens[start:end]


def paragraphs(tokens: list[Token]) -> list[list[Token]]:
    """The inline children of every paragraph (also those inside lists)."""
    return [
        tokens[index + 1].children or []
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open" and tokens[index + 1].type == "inline"
    ]


def _significant(children: list[Token]) -> list[Token]:
    return [child for child in children if not (child.type == "text" and child.content == "")]


@dataclass(frozen=True)
class QuestionBlock:
    question: str
    answer: str  # what follows the question's first line break


def question_blocks(tokens: list[Token]) -> list[QuestionBlock]:
    """Paragraphs that start with a question in bold followed by a hard line break."""
    blocks = []
    for children in paragraphs(tokens):
        kids = _significant(children)
        if len(kids) >= 4 and kids[0].type == "strong_open":
            close = next(i for i, kid in enumerate(kids) if kid.type == "strong_close")
            if close + 1 < len(kids) and kids[close + 1].type == "hardbreak":
                question = rendered_text(kids[1:close])
                blocks.append(QuestionBlock(question, rendered_text(kids[close + 2 :])))
    return blocks


def labelled(tokens: list[Token], label: str) -> list[str]:
    """The text after an emphasised lead-in such as "*Note:*", for every such paragraph."""
    found = []
    for children in paragraphs(tokens):
        kids = _significant(children)
        if len(kids) >= 3 and kids[0].type == "em_open" and rendered_text(kids[1:2]) == label:
            assert kids[2].type == "em_close", "the lead-in must be the whole emphasis"
            text = rendered_text(kids[3:])
            assert text.startswith(" "), "one space separates the lead-in from the text"
            found.append(text[1:])
    return found


def table_rows(tokens: list[Token]) -> list[list[str]]:
    """The body rows of every table, as the text of each cell."""
    rows: list[list[str]] = []
    row: list[str] | None = None
    in_body = False
    for index, token in enumerate(tokens):
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif in_body and token.type == "tr_open":
            row = []
        elif in_body and token.type == "td_open" and row is not None:
            row.append(rendered_text(tokens[index + 1].children or []))
        elif in_body and token.type == "tr_close" and row is not None:
            rows.append(row)
            row = None
    return rows


def structure(tokens: list[Token]) -> list[tuple[str, ...]]:
    """The document's shape without its words: block token types with their inline child types.

    Two notes with the same structure differ only in the text of their words.
    Adjacent text pieces count as one (entities and escapes split them).
    """
    shape: list[tuple[str, ...]] = []
    for token in tokens:
        if token.type != "inline":
            shape.append((token.type, token.tag))
            continue
        kinds: list[str] = []
        for child in _significant(token.children or []):
            kind = "text" if child.type == "text_special" else child.type
            if not (kind == "text" and kinds and kinds[-1] == "text"):
                kinds.append(kind)
        shape.append(("inline", *kinds))
    return shape
