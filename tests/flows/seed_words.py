"""Words of the source texts and of the flow, made comparable despite the OCR.

The seeds are OCR'd: æ, ø and å come out as "ee", "z", "g", "4", "&", "d" and
more ("velfeerd", "hgj", "szette", "p4"), and words are hyphenated across lines.
Each word is reduced to a skeleton that both spellings share: lower case, ASCII
consonants only, without the letters the OCR puts in place of æ, ø and å
(d, g, s, z). Twelve skeletons in a row that match are twelve words copied.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

SEEDS_DIR = Path("/work/shared/seeds")

_DROPPED = set("aeiouyæøådgsz")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def skeleton(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in folded if c.isascii() and c.isalpha() and c not in _DROPPED)


def skeletons(text: str) -> list[str]:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # words hyphenated across lines
    return [skeleton(word) for word in _WORD.findall(text)]


@cache
def seed_runs(length: int) -> frozenset[tuple[str, ...]]:
    """Every run of ``length`` consecutive word skeletons in any seed."""
    runs: set[tuple[str, ...]] = set()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        words = skeletons(path.read_text(encoding="utf-8"))
        runs.update(tuple(words[i : i + length]) for i in range(len(words) - length + 1))
    return frozenset(runs)


def copied_runs(text: str, length: int) -> list[str]:
    """The runs of ``length`` words in ``text`` that a seed also has, as they read in ``text``."""
    runs = seed_runs(length)
    words = _WORD.findall(text)
    shapes = [skeleton(word) for word in words]
    return [
        " ".join(words[i : i + length])
        for i in range(len(shapes) - length + 1)
        if tuple(shapes[i : i + length]) in runs
    ]
