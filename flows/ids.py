"""Stable ASCII ids from Danish text: lowercase, hyphens, æ→ae, ø→oe, å→aa."""

from __future__ import annotations

import re
import unicodedata

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(text: str) -> str:
    """``"Grænseløshed og tillid"`` → ``"graenseloeshed-og-tillid"``."""
    transliterated = text.translate(_DANISH)
    # Other accents (é, ü) lose their marks rather than the letter.
    ascii_text = unicodedata.normalize("NFKD", transliterated).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
