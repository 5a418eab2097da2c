"""Arabic-aware token features shared by training and inference.

* ``norm``: the pipeline's character normalisation (dediacritised, alef/yeh/teh
  marbuta folded, tatweel dropped).
* ``stem``: ``norm`` without its proclitics (و ف, then ب ل ك, then the article
  ال; "لل" = ل + ال), e.g. والأسد -> اسد, لموسكو -> موسكو, بدمشق -> دمشق.  It
  is a *feature* (the model also sees the full form), so an over-eager cut such
  as بشار -> شار costs nothing: the two forms together disambiguate.
* ``gaz``: which ANERGazet lists (PER/LOC/ORG) contain the word as a word of an
  entry, by full form or stem; "O" if none.
* ``phrase_tags``: where a whole list entry is written in the sentence (longest
  match first, left to right), the entry's position tag for each of its words:
  ``B-ORG`` / ``I-ORG`` for a multi-word entry, ``S-LOC`` for a one-word entry,
  types joined by ``|`` when the same words are listed under several types.  The
  first word is compared without its proclitics (بوزارة الداخلية matches وزارة
  الداخلية), the others as normalised.  This is what a word-level membership
  cannot say: that هيئة السياحة والتراث الوطني is one listed name, while هيئة
  and الوطني alone are common words.
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


#: the longest entry (in words) the phrase match looks for
MAX_PHRASE = 10


def phrase_index(entries: dict[str, list[str]]) -> dict[str, list[list]]:
    """first word (normalised) -> [[rest words (normalised)..., "TYPE|TYPE"], ...], longest first.

    One-word entries shorter than three letters are left out (too ambiguous)."""
    types: dict[tuple[str, ...], set] = {}
    for typ, names in entries.items():
        for name in names:
            toks = [t for t in (normalise(w) for w in name.split()) if t]
            if not toks or len(toks) > MAX_PHRASE or (len(toks) == 1 and len(toks[0]) < 3):
                continue
            types.setdefault(tuple(toks), set()).add(typ)
    idx: dict[str, list[list]] = {}
    for key, ts in sorted(types.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        idx.setdefault(key[0], []).append([*key[1:], "|".join(sorted(ts))])
    return dict(sorted(idx.items()))


@lru_cache(maxsize=200_000)
def first_forms(norm: str) -> tuple[str, ...]:
    """The forms a listed name's first word may take under proclitics: the word
    itself, without و/ف, then without ب/ل/ك (ل + ال written لل gives ال back):
    ووزارة -> وزاره, بالرياض -> الرياض, وللحكومة -> الحكومه."""
    forms = [norm]
    if len(norm) > 3 and norm[0] in CONJ:
        forms.append(norm[1:])
    for base in list(forms):
        if len(base) > 3 and base[0] in PREP:
            forms.append("ال" + base[2:] if base.startswith("لل") else base[1:])
    return tuple(dict.fromkeys(forms))


def phrase_tags(index: dict[str, list[list]], norms: list[str]) -> list[str]:
    """One tag a word ("O", "B-ORG", "I-ORG", "S-LOC" ...): the longest listed entry
    starting at each word (over the first word's proclitic forms), left to right,
    without overlaps."""
    out = ["O"] * len(norms)
    i, n = 0, len(norms)
    while i < n:
        found = None
        for form in first_forms(norms[i]):
            for cand in index.get(form, ()):
                if len(cand) <= (len(found) if found else 0):
                    break  # longest first: nothing longer under this form
                if i + len(cand) <= n and all(norms[i + 1 + j] == w for j, w in enumerate(cand[:-1])):
                    found = cand
                    break
        if found is None:
            i += 1
            continue
        typ, k = found[-1], len(found)
        if k == 1:
            out[i] = "S-" + typ
        else:
            out[i] = "B-" + typ
            for j in range(i + 1, i + k):
                out[j] = "I-" + typ
        i += k
    return out
