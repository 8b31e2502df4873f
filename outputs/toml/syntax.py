"""Parsing TOML with Danish, located syntax messages, reporting more than the first.

``tomllib`` stops at the first mistake. A leader who forgot the quotes on five
answers should hear about all five at once, so after a mistake on a line that
stands on its own (no multi-line string or list starts there) that line is blanked
and the text parsed again. A line that opens something spanning several lines is
not blanked: what follows would be misread, and the messages would be noise.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from outputs.reporting import ERROR, Problem, printable
from outputs.toml.layout import Layout, LazyLayout, scan

MAX_SYNTAX_PROBLEMS = 20

_LOCATION = re.compile(
    r"^(?P<message>.*?) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$", re.S
)
_WORD = re.compile(r"[^\s#,\]\}]+")

_QUOTE_HINT = 'tekst og id\'er skal stå i anførselstegn, fx glider-ind = "ja"; en liste skrives ["a", "b"]'

# tomllib's messages (by their start) in plain Danish, each with what to do.
_TRANSLATIONS: tuple[tuple[str, str, str], ...] = (
    ("Invalid value", "værdien kan ikke læses", _QUOTE_HINT),
    (
        "Invalid statement",
        "linjen kan ikke læses",
        'en linje skal være et afsnit som [triage], et svar som id = "værdi" eller en kommentar, der starter med #',
    ),
    (
        "Expected '=' after a key",
        "der mangler et lighedstegn efter nøglen",
        'skriv id = "værdi", fx glider-ind = "ja"',
    ),
    (
        "Invalid initial character for a key part",
        "nøglen starter med et tegn, der ikke er tilladt",
        "et id består af små bogstaver, tal og bindestreger, fx glider-ind",
    ),
    (
        "Expected ']]'",
        "afsnitsnavnet mangler de afsluttende ]]",
        "skriv afsnittet med én klamme på hver side, fx [triage]",
    ),
    ("Expected ']'", "afsnitsnavnet mangler en afsluttende ]", "skriv fx [triage]"),
    (
        "Unterminated string",
        "teksten slutter aldrig: der mangler et afsluttende anførselstegn",
        'sæt " i slutningen af teksten; tekst over flere linjer skrives mellem """ og """',
    ),
    ("Unclosed array", "listen mangler en afsluttende ]", 'skriv listen som ["a", "b"]'),
    ("Unclosed inline table", "tabellen mangler en afsluttende }", "skriv hvert svar på sin egen linje i stedet"),
    ("Cannot overwrite a value", "samme nøgle står to gange", "slet den ene linje, eller ret id'et"),
    ("Duplicate inline table key", "samme nøgle står to gange", "slet den ene"),
    ("Cannot declare", "afsnittet står to gange", "saml svarene under én overskrift"),
    (
        "Expected newline or end of document after a statement",
        "der står mere efter værdien på samme linje",
        "hvert svar skal stå på sin egen linje, og en kommentar skal starte med #",
    ),
    (
        "Illegal character",
        "linjen indeholder et kontroltegn, som ikke er tilladt",
        "slet tegnet; det er usynligt i de fleste editorer (skriv et linjeskift i tekst som \\n)",
    ),
    (
        "Unescaped '\\' in a string",
        "en omvendt skråstreg (\\) i en tekst skal skrives dobbelt",
        "skriv \\\\, eller brug enkelte anførselstegn: 'C:\\mappe'",
    ),
    ("Found invalid character", "et tegn her er ikke tilladt", "tekst skal stå i anførselstegn"),
    ("Invalid hex value", "en \\u-kode i teksten kan ikke læses", "skriv tegnet direkte i stedet"),
    ("Escaped character is not a Unicode scalar value", "en \\u-kode i teksten er ikke et tegn", "slet koden"),
    ("Invalid date or datetime", "datoen kan ikke læses", 'skriv den som tekst i anførselstegn, fx "5. marts"'),
    ("Cannot mutate immutable namespace", "afsnittet er allerede skrevet på en anden måde", "skriv det som [afsnit]"),
    ("Cannot redefine namespace", "afsnittet er allerede skrevet på en anden måde", "skriv det som [afsnit]"),
    (
        "Expected \"'''\"",
        "teksten slutter aldrig: der mangler ''' til sidst",
        "afslut teksten med ''' (tre enkelte anførselstegn)",
    ),
    (
        'Expected "\'"',
        "teksten slutter aldrig: der mangler et afsluttende enkelt anførselstegn (')",
        "sæt ' i slutningen af teksten på samme linje",
    ),
    ("Expected", "der mangler et tegn her", "se formatet med kommandoen: wizard help format"),
)


_UNFINISHED_HEADER = (
    "en afsnitsoverskrift er ikke skrevet færdig",
    "skriv afsnittets id mellem klammerne, fx [triage], eller slet linjen",
)

_UNCLOSED_LINE = (
    "teksten slutter ikke på samme linje: der mangler et afsluttende anførselstegn",
    'sæt " i slutningen af teksten; tekst over flere linjer skrives mellem """ og """',
)


@dataclass
class Parsed:
    data: dict[str, Any] | None  # None when nothing could be parsed
    problems: list[Problem]
    layout: Layout | LazyLayout  # of the text that was parsed (with any blanked lines)
    # False when a blanked line was a table header: the keys after it would be read
    # as belonging to the table before, so checking their meaning would mislead.
    tables_intact: bool = True


def parse_toml(text: str, name: str) -> Parsed:
    """Parse ``text``; every syntax mistake found becomes an unreadable-file error."""
    problems: list[Problem] = []
    tables_intact = True
    current = text
    while len(problems) < MAX_SYNTAX_PROBLEMS:
        try:
            data = tomllib.loads(current)
        except tomllib.TOMLDecodeError as error:
            layout = scan(current)
            problem = _problem(str(error), layout, name)
            problems.append(problem)
            lines = current.split("\n")
            line_text = lines[problem.line - 1] if problem.line <= len(lines) else ""
            if not _stands_alone(line_text):
                return Parsed(None, problems, layout)
            tables_intact = tables_intact and not line_text.lstrip().startswith("[")
            lines[problem.line - 1] = ""
            current = "\n".join(lines)
            continue
        except RecursionError:
            layout = scan(current)
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    ERROR,
                    "filen indeholder lister i for mange lag",
                    "skriv enkle lister",
                    True,
                    code="too-deep",
                )
            )
            return Parsed(None, problems, layout)
        return Parsed(data, problems, LazyLayout(current), tables_intact)
    return Parsed(None, problems, scan(current))


def _stands_alone(line: str) -> bool:
    """A non-empty line that does not open a value spanning several lines."""
    if not line.strip() or '"""' in line or "'''" in line:
        return False
    return line.count("[") == line.count("]") and line.count("{") == line.count("}")


def _problem(raw: str, layout: Layout, name: str) -> Problem:
    match = _LOCATION.match(raw)
    english = match.group("message") if match else raw
    if match and match.group("line"):
        line, column = int(match.group("line")), int(match.group("column"))
    else:
        # "at end of document": point at what the scanner saw go wrong instead.
        duplicate = layout.first_duplicate() if english.startswith("Cannot overwrite") else None
        if duplicate is not None:
            line, column = layout.position(duplicate.key_offset)
        elif layout.broken_at is not None:
            line, column = layout.position(layout.broken_at)
        else:
            line, column = layout.position(len(layout.text))
    message, hint = _translate(english)
    if english.startswith("Invalid value"):
        message, hint = _invalid_value(layout, line, column)
    elif english.startswith("Illegal character '\\n'"):
        # A line break inside a one-line string: the closing quote is missing. Point
        # at the opening quote, not at the end of a possibly very long line.
        message, hint = _UNCLOSED_LINE
        if layout.broken_at is not None and layout.position(layout.broken_at)[0] == line:
            line, column = layout.position(layout.broken_at)
    elif english.startswith("Invalid initial character for a key part") and _in_bare_header(layout, line, column):
        message, hint = _UNFINISHED_HEADER  # e.g. a file cut off right after "["
    elif english.startswith("Cannot overwrite") and (duplicate := layout.first_duplicate()) is not None:
        line, column = layout.position(duplicate.key_offset)
        where = f" i [{printable(duplicate.path[0])}]" if len(duplicate.path) > 1 else ""
        message = f"'{printable(duplicate.path[-1], limit=60)}' står to gange{where}"
    return Problem(name, line, column, ERROR, message, hint, unreadable=True, code="syntax")


def _translate(english: str) -> tuple[str, str]:
    for prefix, message, hint in _TRANSLATIONS:
        if english.startswith(prefix):
            return message, hint
    # A message this program has no words for yet: said in Danish, without tomllib's English.
    return "linjen kan ikke læses (fejl i TOML-syntaksen)", "se formatet med kommandoen: wizard help format"


def _invalid_value(layout: Layout, line: int, column: int) -> tuple[str, str]:
    """The most common hand-editing mistake: a value written without quotes."""
    lines = layout.text.split("\n")
    rest = lines[line - 1][column - 1 :] if line <= len(lines) else ""
    if not rest.strip() or rest.lstrip().startswith("#"):
        return "der mangler en værdi efter lighedstegnet", 'skriv fx navn = "…", eller slet linjen'
    before = lines[line - 1][: column - 1]
    # Right after "=" the whole value up to a comment is the unquoted text; inside a
    # list only the element is.
    word = rest.split("#")[0].strip() if before.rstrip().endswith("=") else _first_word(rest)
    if word and word not in ("true", "false"):
        shown = printable(word, limit=60)
        return "værdien kan ikke læses", f'tekst og id\'er skal stå i anførselstegn: skriv "{shown}"'
    return "værdien kan ikke læses", _QUOTE_HINT


def _in_bare_header(layout: Layout, line: int, column: int) -> bool:
    """The line is only "[" or "[[" up to the error, and nothing comes after it."""
    lines = layout.text.split("\n")
    text = lines[line - 1] if line <= len(lines) else ""
    return text[: column - 1].strip() in ("[", "[[") and not text[column - 1 :].strip()


def _first_word(text: str) -> str:
    match = _WORD.match(text)
    return match.group() if match else ""
