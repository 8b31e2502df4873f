"""Texts a leader might type that mean something to Markdown, and where they land.

Shared by the safety tests (the text shows as typed) and the markdownlint tests
(the note stays lint-clean whatever the text).
"""

from __future__ import annotations

from dataclasses import replace

from flows import Answers, Verdict

TEXT_ANSWERS = ("navn", "beskrivelse", "moede", "ker-vaerdi", "med-til-moedet")
NOTED = ("fase", "kontakt-aendres", "ker-bivirkninger")
# Written before the leader's judgement hid the short overview: shown under "Tekst, der ikke længere tæller".
HIDDEN_TEXT = "kort-formaal"
HIDDEN_NOTED = "kort-gevinst"
BASE = Answers(
    values={
        "fagomraade": "social-og-sundhed",
        "fase": "ved-ikke",
        "glider-ind": "ja",
        "aendrer-opgaveloesning": "nej",
        "aendrer-resultater": "nej",
        "borgere-moeder": "direkte",
        "kontakt-aendres": "suppleres",
        "ensretter": "nej",
        "paa-formel": "nej",
        "personoplysninger": "nej",
        "profilering": "nej",
    },
    # The tool says "simpelt redskab"; the leader disagrees, so the change sections show.
    judgement=Verdict.CHANGE,
    traits=("medialisering",),
    discuss=frozenset({"kontakt-aendres", "med-til-moedet"}),
)

NASTY = [
    "# Overskrift",
    "Se nedenfor",  # the words the note puts in the table for a long answer
    "## To\n### Tre",
    "> citat",
    "- punkt\n+ punkt\n* punkt",
    "1. første\n2) anden",
    "Titel\n===",
    "Titel\n---",
    "***\n___\n- - -",
    "a | b | c\n| --- | --- |\n| 1 | 2 |",
    "`kode` og ``mere kode``",
    "```python\nprint('hej')\n```",
    "~~~\nhegn\n~~~",
    "<script>alert('x')</script>",
    "<!-- kommentar -->",
    "<div>\n\n*blok*\n\n</div>",
    "<b>fed</b> &amp; &lt;tag&gt; &#35; &copy;",
    "[link](https://eksempel.dk) ![billede](x.png) [ref]: /url",
    "<https://eksempel.dk> og <mail@eksempel.dk>",
    "https://eksempel.dk og www.eksempel.dk og mail@eksempel.dk",
    "*kursiv* _kursiv_ **fed** __fed__ ~~slettet~~ ~sl~",
    "back\\slash \\* \\\\ slut\\",
    "$x^2$ og $$y$$",
    "[^1] og [ ] opgave\n[x] færdig",
    "    indrykket kode\n\tmed tab",
    "  to mellemrum foran\nog to bagefter  \nlinje",
    "linje 1\n\nlinje 3\n\n\n\nlinje 7",
    "Windows\r\nlinjer\rog gamle Mac",
    "kontrol\x00tegn\x07og\x1b[31mfarve\x7f\x85",
    "Æble, øl og år – «citat» “citat” 🙂 中文 עברית",
    "\u202eomvendt\u202c og\u00a0hårdt mellemrum og\u2028linjeskift",
    "sidste linje med tegn til sidst #",
    "  ",  # only whitespace: unanswered
    ":emoji: og @navn og #123",
    "=",
    "|",
    "\\",
    "-",
]


def place(text: str) -> Answers:
    """``text`` in every place a leader's words can land."""
    values = {**BASE.values, **dict.fromkeys((*TEXT_ANSWERS, HIDDEN_TEXT), text)}
    notes = dict.fromkeys((*NOTED, HIDDEN_NOTED), text)
    return replace(BASE, values=values, notes=notes, judgement_reason=text)
