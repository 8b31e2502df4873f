"""The complete example in docs/answers-format.md, written by the program itself.

``python -m tools.answers_doc [DOC]`` rewrites the example between the markers
in the document with what ``dumps_answers`` writes for ``example_answers`` today.
A test compares the document with this and checks the example with the checker,
so the documentation cannot drift from the flow or from the format.
"""

from __future__ import annotations

import sys
from pathlib import Path

from flows import Answers, Flow, Verdict, default_flow
from flows.fingerprint import refreshed
from outputs.answers import dumps_answers
from outputs.storage import atomic_write_text

START = "<!-- eksempel: start (skrevet af python -m tools.answers_doc; ret ikke i hånden) -->"
END = "<!-- eksempel: slut -->"
DEFAULT_DOC = Path("docs/answers-format.md")

_VALUES: dict[str, str] = {
    "navn": "Skærmbesøg i hjemmeplejen",
    "beskrivelse": (
        "Borgere i eget hjem får nogle af deres besøg over en skærm.\n"
        'Målet er at frigøre tid til de besøg, hvor der skal "en hånd på".'
    ),
    "fagomraade": "social-og-sundhed",
    "fase": "konsekvensvurdering",
    "oprindelse": "oppefra",
    "moede": "MED-udvalget, 12. marts",
    "glider-ind": "nej",
    "aendrer-opgaveloesning": "betydeligt",
    "aendrer-resultater": "lidt",
    "borgere-moeder": "direkte",
    "kontakt-aendres": "erstattes",
    "ensretter": "ved-ikke",
}


def example_answers(flow: Flow) -> Answers:
    """A realistic set of answers; ids the flow does not have are left out."""
    values = {
        qid: value
        for qid, value in _VALUES.items()
        if qid in flow.questions and (not flow.questions[qid].is_choice or value in flow.questions[qid].choice_ids)
    }
    traits = tuple(trait.id for trait in flow.traits if trait.id == "medialisering")
    noted = "kontakt-aendres" if "kontakt-aendres" in flow.questions else next(iter(flow.questions))
    given = Answers(
        values=values,
        judgement=Verdict.CHANGE,
        judgement_reason="Skærmen ændrer mødet med borgeren; det skal drøftes med medarbejderne.",
        traits=traits,
        notes={noted: "Hvad med borgere med demens?"},
        discuss=frozenset({noted}),
    )
    return refreshed(flow, Answers(), given)  # answered in the guide: each answer with its question's fingerprint


def example_text(flow: Flow) -> str:
    return dumps_answers(flow, example_answers(flow))


def example_block(doc: str) -> str:
    """The TOML between the markers (without the code fence)."""
    inner = doc.split(START, 1)[1].split(END, 1)[0]
    return inner.split("```toml\n", 1)[1].rsplit("```", 1)[0]


def with_example(doc: str, flow: Flow) -> str:
    before, rest = doc.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n\n```toml\n{example_text(flow)}```\n\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_DOC
    doc = path.read_text(encoding="utf-8")
    updated = with_example(doc, default_flow())
    if updated != doc:
        atomic_write_text(path, updated)
    print(f"{path}: {'opdateret' if updated != doc else 'uændret'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
