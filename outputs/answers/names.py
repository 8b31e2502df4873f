"""The fixed names and limits of the answers file format (docs/answers-format.md)."""

from __future__ import annotations

from flows import Flow, Verdict
from outputs.toml import string

FORMAT_VERSION = 1

FILE_TABLE = "svarfil"
FORMAT_KEY = "format"
FLOW_KEY = "forloeb"
FLOW_VERSION_KEY = "forloeb-version"
# Where an organisation's own flow came from: a name in the organisation's flows folder, or a path.
# Absent for the built-in flow (docs/answers-format.md, "Et forløb, der huskes").
FLOW_SOURCE_KEY = "forloeb-fil"
FILE_KEYS = (FORMAT_KEY, FLOW_KEY, FLOW_VERSION_KEY, FLOW_SOURCE_KEY)


def file_table(flow: Flow, source: str | None = None) -> list[str]:
    """The [svarfil] table that opens every answers file and template written for ``flow``;
    ``source`` is where an organisation's own flow came from (``outputs.answers.flow_source``)."""
    return [
        f"[{FILE_TABLE}]",
        f"{FORMAT_KEY} = {FORMAT_VERSION}",
        f"{FLOW_KEY} = {string(flow.id)}",
        f"{FLOW_VERSION_KEY} = {string(flow.version)}",
        *([f"{FLOW_SOURCE_KEY} = {string(source)}"] if source else []),
    ]


JUDGEMENT_TABLE = "vurdering"
JUDGEMENT_KEY = "egen-vurdering"
REASON_KEY = "begrundelse"
TRAITS_KEY = "traek"
JUDGEMENT_KEYS = (JUDGEMENT_KEY, REASON_KEY, TRAITS_KEY)

NOTES_TABLE = "noter"
DISCUSS_TABLE = "til-droeftelse"
# Answers to questions that an older version of the flow had and this one does not.
RETIRED_TABLE = "tidligere-svar"

# Per answered question, the fingerprint of its text and options when it was answered (flows.fingerprint).
FINGERPRINT_TABLE = "fingeraftryk"

RESERVED_TABLES = (FILE_TABLE, JUDGEMENT_TABLE, NOTES_TABLE, DISCUSS_TABLE, RETIRED_TABLE, FINGERPRINT_TABLE)

# The leader's own judgement is one of the two answers to the triage question;
# "uafklaret" is what the triage says when it has too little to go on, not a judgement.
JUDGEMENTS = (Verdict.SIMPLE, Verdict.CHANGE)

# The longest free text (an answer, a note, the reason for a judgement) the file may
# hold: about ten pages. Longer text is reported, never silently cut; it is almost
# always a pasted document that belongs in a file of its own.
MAX_TEXT_CHARS = 20_000
