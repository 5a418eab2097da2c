"""Arabic-aware token features shared by training and inference.

* ``norm``: the pipeline's character normalisation (dediacritised, alef/yeh/teh
  marbuta folded, tatweel dropped).
* ``stem``: ``norm`` without its proclitics (و ف, then ب ل ك, then the article
  ال; "لل" = ل + ال), e.g. والأسد -> اسد, لموسكو -> موسكو, بدمشق -> دمشق.  It
  is a *feature* (the model also sees the full form), so an over-eager cut such
  as بشار -> شار costs nothing: the two forms together disambiguate.
* ``gaz``: which ANERGazet lists (PER/LOC/ORG) contain the word as a word of an
  entry, by full form or stem; "O" if none.
"""
from __future__ import annotations

from functools import lru_cache

from ..arabic import normalise

CONJ = "وف"
PREP = "بلك"


def stem(norm: str) -> str:
    s = norm
    if len(s) > 3 and s[0] in CONJ:
        s = s[1:]
    if len(s) > 3 and s[0] in PREP:
        if s[0] == "ل" and s.startswith("لل") and len(s) > 3:
            return s[2:]  # ل + ال with the alef dropped: للحكومة -> حكومة
        s = s[1:]
    if len(s) > 3 and s.startswith("ال"):
        s = s[2:]
    return s


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, str]:
    n = normalise(word)
    return n, stem(n)


def gazetteer_index(entries: dict[str, list[str]]) -> dict[str, str]:
    """word (normalised) -> "LOC", "ORG|PER", ... from gazetteer entries."""
    idx: dict[str, set] = {}
    for typ, names in entries.items():
        for name in names:
            for w in name.split():
                n = normalise(w)
                for key in {n, stem(n)}:
                    if len(key) >= 2:
                        idx.setdefault(key, set()).add(typ)
    return {k: "|".join(sorted(v)) for k, v in sorted(idx.items())}


def gaz_tag(gaz: dict[str, str], norm: str, st: str) -> str:
    return gaz.get(norm) or gaz.get(st) or "O"
