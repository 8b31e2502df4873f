"""Putting any text into Markdown so that it shows exactly as typed.

Everything a leader types – and every text an organisation's own flow file
holds – passes through here before it reaches the exported note. The rules,
chosen so that no text can change the document's structure on any CommonMark +
GFM wiki (GitHub, GitLab, Gitea, Azure DevOps):

- Line ends become LF. Control characters other than newline and tab (and lone
  surrogates, which no file can hold) are shown as U+FFFD "�": they are
  invisible or unprintable, and a visible escape such as ``\\u0007`` could not be
  told apart from someone typing those six characters. Blank lines before and
  after the text are dropped (Markdown cannot end a paragraph with a line
  break); everything in between is kept.
- Characters that mean something to Markdown anywhere in a line are
  backslash-escaped: ``\\ ` * _ [ ] < > & | ~ # $ @``. That stops emphasis, code,
  links, images, raw HTML, entities, tables, strikethrough, headings, math and
  e-mail autolinks. ``://`` and ``www.`` get an escape too, so a typed address is
  shown as text instead of turning into a GFM autolink.
- Characters that only matter at the start of a line (``-``, ``+``, ``=``, and
  the ``.`` or ``)`` after a number) are escaped there: no lists, setext
  underlines or thematic breaks.
- Tabs, and whitespace at either end of a line, become numeric character
  references (``&#9;``, ``&#32;``): Markdown would otherwise strip them or read
  indentation as a code block, and markdownlint rejects hard tabs and trailing
  spaces.
- Line breaks inside a text become hard line breaks (a backslash at the end of
  the line), so a multi-line answer keeps its lines without ever ending the
  paragraph. Raw HTML such as ``<br>`` is never used.

Table cells take one line only: the caller keeps multi-line text out of tables.
"""

from __future__ import annotations

import re
from functools import lru_cache

REPLACEMENT = "\ufffd"

# Escaped wherever they stand (all are ASCII punctuation, so CommonMark
# guarantees that a backslash before them gives the character itself).
_ALWAYS = "\\`*_[]<>&|~#$@"
_ESCAPE_ALWAYS = str.maketrans({char: "\\" + char for char in _ALWAYS})
# Escaped only as the first character of a line.
_LINE_START = frozenset("-+=")
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])")
_SCHEME = re.compile(r":(?=//)")
_WWW = re.compile(r"(?i)(?<![0-9a-z])(www)\.")
# Control characters (Unicode category Cc) other than tab and newline, and lone
# surrogates (category Cs): exactly the characters shown as REPLACEMENT.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@lru_cache(maxsize=8192)
def clean_text(text: str) -> str:
    """The text as the note shows it: what tests compare the rendered text with."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNPRINTABLE.sub(REPLACEMENT, text)
    if text and not (text[0].isspace() or text[-1].isspace()):
        return text  # no blank line can stand at either end
    lines = text.split("\n")
    while lines and _blank(lines[0]):
        lines.pop(0)
    while lines and _blank(lines[-1]):
        lines.pop()
    return "\n".join(lines)


def one_line(text: str) -> str:
    """Text for a single-line place (a heading): whitespace runs, including line breaks, become one space."""
    return " ".join(clean_text(text).split())


def _blank(line: str) -> bool:
    return not line or line.isspace()


@lru_cache(maxsize=8192)  # question texts and option labels recur in every note
def inline(text: str, *, mid_line: bool = False) -> str:
    """Markdown for text inside a paragraph, a list item or a heading.

    Line breaks in ``text`` become hard line breaks; use :func:`one_line` first
    where a line break cannot stand (headings). ``mid_line`` says the text
    starts after other content on its line (or inside a heading), where a
    leading "1." or "-" cannot start a list, so it needs no escape there.
    """
    lines = clean_text(text).split("\n")
    return "\\\n".join(_escape_line(line, at_start=index > 0 or not mid_line) for index, line in enumerate(lines))


def table_cell(text: str) -> str:
    """Markdown for one GFM table cell; ``text`` must be a single line."""
    cleaned = clean_text(text)
    if "\n" in cleaned:
        raise ValueError("en tabelcelle kan kun rumme én linje")
    return _escape_line(cleaned, at_start=False)  # a cell's content is inline: no block can start there


def code_span(text: str) -> str:
    """A code span for a short technical value (an id, a condition) from the flow file."""
    cleaned = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", cleaned)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if cleaned.startswith("`") or cleaned.endswith("`") else ""
    return f"{fence}{padding}{cleaned}{padding}{fence}"


def autolink(url: str) -> str:
    """``<url>`` for a plain http(s) address from the flow file; empty when the text is not one."""
    cleaned = one_line(url)
    unsafe = any(char in cleaned for char in " <>\\`" + REPLACEMENT)
    return f"<{cleaned}>" if cleaned.startswith(("https://", "http://")) and not unsafe else ""


@lru_cache(maxsize=8192)  # the flow's own texts recur in every note of a batch export
def _escape_line(line: str, at_start: bool) -> str:
    # Whitespace at the ends is split off first: it is written as references,
    # and the line-start rules apply to the first visible character.
    body = line.strip()
    if not body:
        return _references(line)
    start = len(line) - len(line.lstrip())
    lead, trail = line[:start], line[start + len(body) :]
    escaped = body.translate(_ESCAPE_ALWAYS)
    if "://" in escaped:
        escaped = _SCHEME.sub(r"\\:", escaped)
    if "." in escaped:
        escaped = _WWW.sub(r"\1\\.", escaped)
    if at_start and not lead:
        if escaped[0] in _LINE_START:
            escaped = "\\" + escaped
        escaped = _ORDERED_MARKER.sub(r"\1\\\2", escaped)
    if "\t" in escaped:
        escaped = escaped.replace("\t", "&#9;")
    return _references(lead) + escaped + _references(trail)


def _references(whitespace: str) -> str:
    return "".join(f"&#{ord(char)};" for char in whitespace)
