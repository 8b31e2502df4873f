"""Realistic triage answers for technologies named in the sources (Fremfærd, "Ny teknologi i kommunerne"
and "Eksempler på teknologi i den kommunale hverdag"), answered as a leader plausibly would."""

from __future__ import annotations

NEW_OVEN = {
    "navn": "Ny ovn i institutionskøkkenet",
    "glider-ind": "ja",
    "aendrer-opgaveloesning": "nej",
    "aendrer-resultater": "nej",
    "borgere-moeder": "nej",
    "kontakt-aendres": "nej",
    "ensretter": "nej",
    "paa-formel": "nej",
    "personoplysninger": "nej",
    "profilering": "nej",
    "modenhed": "afproevet",
    "skala": "arbejdsplads",
    "paa-tvaers": "nej",
    "inddragelse-behov": "lidt",
    "varighed": "uger",
}

SIT_STAND_DESKS = {
    **NEW_OVEN,
    "navn": "Hæve-sænkeborde på kontoret",
    "skala": "omraade",  # the whole administration gets them
    "aendrer-opgaveloesning": "lidt",  # people stand at some meetings
}

SCREEN_VISITS = {
    "navn": "Skærmbesøg i hjemmeplejen",
    "fagomraade": "social-og-sundhed",
    "glider-ind": "nej",
    "aendrer-opgaveloesning": "betydeligt",
    "aendrer-resultater": "lidt",
    "borgere-moeder": "direkte",
    "kontakt-aendres": "erstattes",
    "ensretter": "nej",
    "paa-formel": "nej",
    "personoplysninger": "ja",
    "profilering": "nej",
    "modenhed": "ny-for-os",
    "skala": "omraade",
    "paa-tvaers": "nej",
    "inddragelse-behov": "meget",
    "varighed": "maaneder",
}

SOFTWARE_ROBOT = {
    "navn": "Softwarerobot til adresseændringer i borgerservice",
    "fagomraade": "borgerservice",
    "glider-ind": "nej",
    "aendrer-opgaveloesning": "betydeligt",
    "aendrer-resultater": "nej",  # the same result, only faster
    "borgere-moeder": "indirekte",
    "kontakt-aendres": "nej",
    "ensretter": "ja",
    "paa-formel": "ja",
    "personoplysninger": "ja",
    "profilering": "nej",
    "modenhed": "afproevet",
    "skala": "arbejdsplads",
    "paa-tvaers": "nej",
    "inddragelse-behov": "noget",
    "varighed": "maaneder",
}

UNEMPLOYMENT_ALGORITHM = {
    "navn": "Algoritme, der forudsiger risiko for langtidsledighed",
    "fagomraade": "beskaeftigelse",
    "glider-ind": "nej",
    "aendrer-opgaveloesning": "betydeligt",
    "aendrer-resultater": "betydeligt",
    "borgere-moeder": "indirekte",
    "kontakt-aendres": "suppleres",
    "ensretter": "ja",
    "paa-formel": "ja",
    "personoplysninger": "ja",
    "profilering": "ja",
    "modenhed": "umoden",
    "skala": "kommune",
    "paa-tvaers": "ja",
    "inddragelse-behov": "meget",
    "varighed": "aar",
}

SPORTS_HALL_BOOKING = {
    "navn": "Digital booking af hallen",
    "fagomraade": "teknik-og-miljoe",
    "glider-ind": "nej",
    "aendrer-opgaveloesning": "lidt",
    "aendrer-resultater": "lidt",
    "borgere-moeder": "direkte",
    "kontakt-aendres": "erstattes",  # bookings no longer go through the hall inspector
    "ensretter": "ja",
    "paa-formel": "nej",
    "personoplysninger": "ja",
    "profilering": "nej",
    "modenhed": "afproevet",
    "skala": "arbejdsplads",
    "paa-tvaers": "nej",
    "inddragelse-behov": "lidt",
    "varighed": "uger",
}
