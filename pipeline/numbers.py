"""One number reader for every stage: digits (Western; Arabic-Indic digits are folded to
Western by :func:`pipeline.arabic.normalise`) and Arabic number words in every gender and
case, read off normalised tokens.

The word tables are data (``pipeline/lang/ar/num_units.txt``, ``num_teen_first.txt``,
``num_tens.txt``, ``num_hundreds.txt``), looked up in the one key (hamza seats folded).

What it reads, from token ``i``:

* digits: ``28`` (at most nine: a longer string is an identifier, not a count);
* a unit word: ``ثلاثة``، ``ثلاث``، ``اثنين``، ``واحدة``;
* teens: ``أربعة عشر``، ``أحد عشر``، ``اثنتا عشرة`` (the first words of 11 and 12 are no
  number alone: ``أحد المسؤولين``, unless ``lone_teen_first``);
* unit + tens: ``خمسة وعشرين`` and ``خمسة و عشرين``;
* tens, hundreds and thousands: ``عشرين``، ``مئة``، ``مئتين``، ``ألف``، ``ألفين``; a unit
  before مئة or آلاف multiplies (``ثلاث مئة``، ``ثلاثة آلاف``); ``آلاف`` alone is no number
  (آلاف المتظاهرين: a vague quantity).

A proclitic may stand on the first word: و ب ل (``و20``، ``بثلاثة``), and with ``article``
also ف and the article (``الثلاثة``، ``والاثنين``: the attributions' counted phrases; the
events stage leaves the article out, where ``الاثنين`` is Monday).

Where it is wrong: ``ست`` is also "lady" and ``لست`` "I am not" (read as 6); compound
hundreds written as one word (``ثلاثمئة``) and ordinals (``الثالث``) are not read.
"""
from __future__ import annotations

from functools import lru_cache

from . import clitics
from .lang import ar

UNITS = {k: int(v) for k, v in ar.table("num_units").items()}
TEEN_FIRST = {k: int(v) for k, v in ar.table("num_teen_first").items()}
TENS = {k: int(v) for k, v in ar.table("num_tens").items()}
BIG = {k: int(v) for k, v in ar.table("num_hundreds").items()}
TEN = frozenset(("عشر", "عشره"))
HUNDRED = frozenset(k for k, v in BIG.items() if v == 100)
THOUSANDS = frozenset(("الاف", "الف", "الفا"))
#: every number word (for lists that must know them: the attributions' source-noun lexicon)
WORDS = frozenset(UNITS) | frozenset(TEEN_FIRST) | frozenset(TENS) | frozenset(BIG)

@lru_cache(maxsize=1 << 16)
def _stems(word: str, article: bool) -> tuple[str, ...]:
    """The word and its stems after a simple proclitic chain (clitics.Chain.simple: و ف ب ل,
    and with ``article`` also ال، وال، بال، لل …), in the lookup key."""
    k = ar.fold(word)
    return (k,) + tuple(st for st, ch in clitics.readings(k, min_stem=1) if ch is not None and ch.simple and (article or not ch.article))


def word_value(word: str, article: bool = False, lone_teen_first: bool = True) -> int | None:
    """Value of one normalised token (digits or a number word), else None."""
    for st in _stems(word, article):
        if st.isdigit():
            return int(st) if len(st) <= 9 else None
        for table in (UNITS, TENS, BIG):
            if st in table:
                return table[st]
        if lone_teen_first and st in TEEN_FIRST:
            return TEEN_FIRST[st]
    return None


def read_number(words: list[str], i: int, end: int, article: bool = False,
                lone_teen_first: bool = True) -> tuple[int, int] | None:
    """Read a number starting at token ``i`` of ``words`` (normalised tokens or keys):
    ``(value, index after it)``, or None."""
    if i >= end:
        return None
    first = next((st for st in _stems(words[i], article) if st in TEEN_FIRST or st in UNITS), None)
    nxt = ar.fold(words[i + 1]) if i + 1 < end else ""
    if first is not None and nxt in TEN:
        return 10 + (TEEN_FIRST.get(first) or UNITS[first]), i + 2
    v = word_value(words[i], article, lone_teen_first)
    if v is None:
        return None
    j = i + 1
    if v < 10:
        if nxt in HUNDRED:
            v, j = v * 100, j + 1
        elif nxt == "و" and j + 1 < end and ar.fold(words[j + 1]) in TENS:
            return v + TENS[ar.fold(words[j + 1])], j + 2
        elif nxt.startswith("و") and nxt[1:] in TENS:
            return v + TENS[nxt[1:]], j + 1
    if j < end and v < 1000 and ar.fold(words[j]) in THOUSANDS:
        v, j = v * 1000, j + 1
    return v, j
