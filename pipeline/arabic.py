"""Arabic character normalisation with an alignment back to the original text.

The mapping is built once, per code point, from camel-tools' own normalisers
(``normalize_unicode`` = NFKC plus its fixes, ``dediac_ar``, ``normalize_alef_ar``,
``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``) plus tatweel,
zero-width/bidi control removal and Arabic-Indic/Persian digit folding.  Because
it is per character, the normalised form of any slice of the text is the
normalisation of that slice, and an alignment of (normalised, original) anchor
pairs maps every normalised position back to an original offset.

Applying the table is one ``str.translate`` (C speed); the alignment only needs
to look at characters that are deleted or expand into several characters.
"""
from __future__ import annotations

import bisect
import sys
import unicodedata
from functools import lru_cache

import regex

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
# zero-width and bidi controls that carry no letter: ZWSP, ZWNJ, ZWJ, LRM, RLM,
# ALM, the embedding/override/isolate controls, word joiner, BOM.
_INVISIBLE = set(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad"
)
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}


def _fold_once(s: str) -> str:
    out = []
    for ch in s:
        if ch in _INVISIBLE or ch == TATWEEL:
            continue
        out.append(_DIGITS.get(ch, ch))
    s = "".join(out)
    s = dediac_ar(s)
    s = normalize_alef_ar(s)
    s = normalize_alef_maksura_ar(s)
    s = normalize_teh_marbuta_ar(s)
    return s


def _map_char(ch: str) -> str:
    # NFKC may leave combining marks (e.g. from presentation forms with harakat)
    s = normalize_unicode(ch)
    prev = None
    while s != prev:  # iterate to a fixed point so normalisation is idempotent
        prev = s
        s = _fold_once(unicodedata.normalize("NFKC", s))
    return s


# every camel-tools normaliser used above only touches these blocks (Arabic,
# Arabic Supplement/Extended-A, presentation forms A and B); outside them a
# character can change only through NFKC or the invisible/tatweel/digit folds
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _candidates():
    """Code points whose mapping may differ from themselves."""
    nfkc = unicodedata.normalize
    special = {ord(c) for c in _INVISIBLE} | {ord(TATWEEL)} | {ord(c) for c in _DIGITS}
    ranges = [range(a, b + 1) for a, b in _ARABIC_BLOCKS]
    arabic = set().union(*ranges)
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if cp in arabic or cp in special or nfkc("NFKC", ch) != ch:
            yield cp, ch


@lru_cache(maxsize=2)
def _tables(exhaustive: bool = False):
    """(translate table, regex of characters whose image is not exactly 1 char).

    Only :func:`_candidates` are mapped (fast, ~0.1 s); ``exhaustive=True``
    maps every assigned code point, for the test that both tables agree."""
    table: dict[int, str] = {}
    odd: list[str] = []
    if exhaustive:
        cands = ((cp, chr(cp)) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    else:
        cands = _candidates()
    for cp, ch in cands:
        # only code points that can change: skip unassigned quickly
        cat = unicodedata.category(ch)
        if cat == "Cn":
            continue
        m = _map_char(ch)
        if m != ch:
            table[cp] = m
            if len(m) != 1:
                odd.append(ch)
    odd_re = regex.compile("[" + "".join(regex.escape(c) for c in odd) + "]") if odd else None
    return table, odd_re


def normalise(text: str) -> str:
    """The normalised form of ``text`` (idempotent)."""
    table, _ = _tables()
    return text.translate(table)


def normalise_aligned(text: str) -> tuple[str, list[list[int]]]:
    """Return ``(norm, align)``.

    ``align`` is a sorted list of ``[norm_pos, orig_pos]`` anchors: from each
    anchor on, normalised position ``n`` corresponds to original position
    ``orig_pos + (n - norm_pos)`` until the next anchor.  It begins with
    ``[0, 0]`` and has one more anchor per deleted or expanded character, so it
    stays small for ordinary text.
    """
    table, odd_re = _tables()
    norm = text.translate(table)
    align = [[0, 0]]
    if odd_re is not None:
        shift = 0  # norm_pos - orig_pos
        for m in odd_re.finditer(text):
            ch = m.group()
            img = table[ord(ch)]
            o = m.start()
            n = o + shift
            if img == "":
                # deleted: original o maps nowhere; next char (o+1) is at norm n
                shift -= 1
                align.append([n, o + 1])
            else:
                # expanded: norm n..n+len-1 all map to original o, then resume at o+1
                for k in range(1, len(img)):
                    align.append([n + k, o])
                shift += len(img) - 1
                align.append([n + len(img), o + 1])
        # collapse anchors that are implied by the previous one
        compact = [align[0]]
        for a in align[1:]:
            pn, po = compact[-1]
            if a[1] - po == a[0] - pn and a[0] >= pn:
                continue
            if compact[-1][0] == a[0]:
                compact[-1] = a
            else:
                compact.append(a)
        align = compact
    return norm, align


def to_original(align: list[list[int]], norm_pos: int) -> int:
    """Map a normalised position to the original offset."""
    keys = [a[0] for a in align]
    i = bisect.bisect_right(keys, norm_pos) - 1
    n0, o0 = align[i]
    return o0 + (norm_pos - n0)


ARABIC_LETTER_RE = regex.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN_LETTER_RE = regex.compile(r"[A-Za-z\u00C0-\u024F]")


def script_profile(text: str) -> dict:
    """Share of Arabic and Latin letters: used to flag the article's language."""
    ar = len(ARABIC_LETTER_RE.findall(text))
    la = len(LATIN_LETTER_RE.findall(text))
    letters = ar + la
    if letters == 0:
        lang = "und"
    elif ar / letters >= 0.5:
        lang = "ar"
    elif la / letters >= 0.5:
        lang = "latin"
    else:
        lang = "mixed"
    return {"lang": lang, "arabic_share": round(ar / letters, 3) if letters else 0.0}
