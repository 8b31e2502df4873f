"""Ids: stable ASCII ids from Danish text (lowercase, hyphens, æ→ae, ø→oe, å→aa), and the id
nearest a misspelt one, for "mente du ...?" in messages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(text: str) -> str:
    """``"Grænseløshed og tillid"`` → ``"graenseloeshed-og-tillid"``."""
    transliterated = text.translate(_DANISH)
    # Other accents (é, ü) lose their marks rather than the letter.
    ascii_text = unicodedata.normalize("NFKD", transliterated).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to a misspelt ``word``, if any is close enough."""
    import difflib  # only when something is misspelt: not on every command's start

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None
