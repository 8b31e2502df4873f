"""A small flow for the answers-file tests, independent of the growing default flow.

It has every kind of question, a "ved ikke", a question and a section shown only
under a condition, and one trait, so every rule of the checker can be exercised.
"""

from __future__ import annotations

from flows import Flow, parse_flow

MINI_FLOW_TEXT = """
id = "mini"
version = "2.1"
title = "Et lille forløb"

[[sources]]
id = "kilde"
title = "En kilde"
publisher = "En udgiver"
year = 2020

[[traits]]
id = "medialisering"
title = "Medialisering"
description = "Kontakten går gennem teknologien."
source = { source = "kilde", section = "2. Opgaveløsning" }

[[traits]]
id = "standardisering"
title = "Standardisering"
description = "Arbejdsgangene bliver ens."
source = { source = "kilde", section = "2. Opgaveløsning" }

[triage]
section = "triage"
threshold = 2
min_answered = 1
simple_reason = "Intet peger på forandring."
unresolved_reason = "{answered} af {needed} besvaret."

[[criteria]]
id = "glider-ikke"
title = "Glider ikke ind"
when = 'glider-ind == "nej"'
points = 3
explanation = "Den skal indarbejdes."
traits = ["medialisering"]

[[criteria]]
id = "glider"
title = "Glider ind"
when = 'glider-ind == "ja"'
points = -3
explanation = "Den glider ind."

[[sections]]
id = "om"
title = "Om teknologien"
intro = "Først lidt om teknologien."

[[sections.questions]]
id = "navn"
text = "Hvad hedder den?"
kind = "fritekst"
help = "Navnet bruges som overskrift."
source = { source = "kilde", section = "Indledning" }

[[sections.questions]]
id = "kanaler"
text = "Hvilke kanaler bruges?"
kind = "flervalg"
help = "Vælg alle, der passer."
source = { source = "kilde", section = "1. Kerneopgave" }
options = [
  { id = "skaerm", label = "Skærm" },
  { id = "telefon", label = "Telefon" },
  { id = "brev", label = "Brev" },
]

[[sections.questions]]
id = "omfang"
text = "Hvor mange bruger den?"
kind = "skala"
allow_unknown = true
help = "Skalaen går fra få til mange."
source = { source = "kilde", section = "1. Kerneopgave" }
options = [
  { id = "faa", label = "Få" },
  { id = "mange", label = "Mange" },
]

[[sections]]
id = "triage"
title = "Redskab eller forandring?"

[[sections.questions]]
id = "glider-ind"
text = "Glider den ind uden besvær?"
kind = "ja-nej"
allow_unknown = true
help = "Et simpelt redskab glider ind."
source = { source = "kilde", section = "Ny teknologi" }

[[sections.questions]]
id = "hvorfor-ikke"
text = "Hvorfor glider den ikke ind?"
kind = "fritekst"
relevant_when = 'glider-ind == "nej"'
help = "Skriv kort hvorfor."
source = { source = "kilde", section = "Ny teknologi" }

[[sections]]
id = "forandring"
title = "En forandring"
relevant_when = 'vej == "forandring-af-kerneopgaven"'

[[sections.questions]]
id = "hvordan"
text = "Hvordan ændrer den arbejdet?"
kind = "fritekst"
help = "Beskriv ændringen."
source = { source = "kilde", section = "2. Opgaveløsning" }
"""


def mini_flow() -> Flow:
    return parse_flow(MINI_FLOW_TEXT, "mini.toml")


MINI_HEAD = '[svarfil]\nformat = 1\nforloeb = "mini"\nforloeb-version = "2.1"\n'
