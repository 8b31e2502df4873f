"""The sections of the five sources, written down from the texts in /work/shared/seeds.

A flow cites ``section = "Kapitel: Afsnit"`` and, for a numbered list in the source,
``"Kapitel: Afsnit, nr. 3"``. The tables give each source's sections as the source
names them (with æ, ø and å where the OCR garbled them) and, for a numbered list, how
many items it has. ``tests/flows/test_sources.py`` checks every citation against them.
"""

from __future__ import annotations

# Source id in the flow -> seed file it was read from.
SEEDS = {
    "fremfaerd": "001_92dd14e2ef37f5af.txt",
    "vaeksthus": "000_cedce9902ef1793c.txt",
    "cok": "002_b215d84cc1638f6d.txt",
    "kl-coi": "003_026fe234ffa2a8ed.txt",
    "kl-ledelse": "004_ca7f8338085f0094.txt",
}

# Section -> number of items in its numbered list (0: not a numbered list).
SECTIONS: dict[str, dict[str, int]] = {
    # Fremfærd: Sammen om ny teknologi (the main source).
    "fremfaerd": {
        "Forord: Invitation til dialog og samarbejde": 0,
        "Ny teknologi i kommunerne": 0,
        "Ny teknologi i kommunerne: Ny teknologi er ofte digital": 0,
        "Ny teknologi i kommunerne: Stor forskel på teknologiprojekter": 0,
        "Ny teknologi i kommunerne: Teknologiprocessens typiske hovedfaser": 4,
        "Ny teknologi i kommunerne: Eksempler på teknologi i den kommunale hverdag": 0,
        "Ny teknologi i kommunerne: Kommunernes teknologiradar": 0,
        "1. Kerneopgave": 0,
        "1. Kerneopgave: Kerneopgaven som ledestjerne": 0,
        "1. Kerneopgave: Fire gode råd om teknologi og kerneopgave": 4,
        "1. Kerneopgave: Businesscase – en vurdering af fordele og ulemper": 6,
        "1. Kerneopgave: Med borgernes perspektiv": 0,
        "1. Kerneopgave: Beskyttelse af borgerens data": 0,
        "1. Kerneopgave: Utilsigtede effekter": 6,
        "1. Kerneopgave: Et spørgsmål om dataetik": 10,
        "1. Kerneopgave: Fem spørgsmål om teknologi og kerneopgave": 5,
        "2. Opgaveløsning": 3,
        "2. Opgaveløsning: Faglighed": 0,
        "2. Opgaveløsning: Relationer": 0,
        "2. Opgaveløsning: Arbejdsmiljø": 0,
        "2. Opgaveløsning: Digitalisering og det gode arbejde": 6,
        "2. Opgaveløsning: Fem spørgsmål om teknologi og opgaveløsning": 5,
        "3. Kompetenceudvikling": 0,
        "3. Kompetenceudvikling: De nødvendige kompetencer": 0,
        "3. Kompetenceudvikling: Kompetencehjulet og de fire hovedtyper af kompetencer": 4,
        "3. Kompetenceudvikling: At tilrettelægge kompetenceudvikling": 3,
        "3. Kompetenceudvikling: Fem spørgsmål om teknologi og kompetenceudvikling": 5,
        "4. Inddragelse": 0,
        "4. Inddragelse: Agile projektmetoder": 0,
        "4. Inddragelse: Ti principper for god inddragelse": 10,
        "4. Inddragelse: Samarbejdet om teknologien": 0,
        "4. Inddragelse: Fælles samarbejdsfora": 0,
        "4. Inddragelse: Fem gode råd om forandring og digitalisering": 5,
        "4. Inddragelse: Den tværgående koordinering": 0,
        "4. Inddragelse: Fem spørgsmål om teknologi og inddragelse": 5,
    },
    # Væksthus for Ledelse: Ledelse af digital innovation, kendetegn 1.
    "vaeksthus": {
        "1. Lederne fokuserer på digital innovations betydning for kerneopgaven": 0,
        "1. Lederne fokuserer på digital innovations betydning for kerneopgaven: Kerneopgaven i bevægelse": 0,
        "1. Lederne fokuserer på digital innovations betydning for kerneopgaven: Værd at overveje": 1,
    },
    # KL og COI: Digital innovation handler (mest) om mennesker.
    "kl-coi": {
        "Hverdagen som målestok": 0,
        "Fem kendetegn ved succesfuld ledelse af digital innovation": 5,
        "Definition af innovation tegner nye perspektiver": 0,
        "Lederen som innovativ igangsætter": 0,
        "Arbejdspladsen – en innovativ zone": 0,
        "Medarbejderen som digital aktør": 0,
    },
    # COK: Digitalisering kræver ledelse (gæsteblog) and its readers' comments.
    "cok": {
        "Vellykket digitalisering kræver målsætning, kompetencer og tillid": 0,
        "Digitalisering medfører forandringer": 0,
        "Digitalisering er en del af kommunal ledelse": 0,
        "Løsning af fremtidens kerneopgave kræver digitale kompetencer": 0,
        "Kommentarer": 0,
    },
    # KL: Ledelse i en digital tid.
    "kl-ledelse": {
        "Forord": 0,
        "Tre digitale bølger": 3,
        "1. Digitalt mindset": 0,
        "2. Omverdenen": 0,
        "2. Omverdenen: At læse det digitale landskab": 0,
        "2. Omverdenen: Ledelse hele vejen rundt": 0,
        "2. Omverdenen: Lederens viden om og ansvar for digitalisering": 0,
        "2. Omverdenen: Dialogspørgsmål": 4,
        "3. Organisationen": 0,
        "3. Organisationen: At give rum til innovation": 0,
        "3. Organisationen: At sikre sig, at løsninger forankres og bruges": 0,
        "3. Organisationen: En mere fleksibel organisering": 0,
        "3. Organisationen: At sætte det rigtige hold": 0,
        "3. Organisationen: Dialogspørgsmål": 3,
        "4. Medarbejderne": 0,
        "4. Medarbejderne: Ledelse med en stærk fortælling": 0,
        "4. Medarbejderne: Skab følgeskab og tryghed": 0,
        "4. Medarbejderne: Drøft og afklar dilemmaer og etiske spørgsmål": 0,
        "4. Medarbejderne: Brug teknologi og data på en sikker og ansvarlig måde": 0,
        "4. Medarbejderne: Dialogspørgsmål": 4,
        "Hvad er næste skridt?": 0,
    },
}
