"""PLOVER magnitudes: ``dead``, ``injured`` and ``size`` numbers in a sentence.

A number counts when a casualty word sits next to it: "مقتل سبعة أشخاص",
"قتل 28 شخصاً", "28 قتيلاً", "ثمانية أشخاص قتلوا", "إصابة ستة", "جرح 55 شخصاً",
"60 جريحاً"; for size: "تظاهر 500 شخص", "آلاف المتظاهرين" is vague (null),
"500 متظاهر".  When a sentence gives several figures of one kind, the largest
is kept (a headline toll usually includes the partial ones: "مقتل 15 شخصاً
بينهم سبعة من الشرطة" → 15); figures are never summed."""
from __future__ import annotations

from ..lang import ar
from ..numbers import read_number
from .triggers import candidates

DEAD_BEFORE = ar.words("ev_dead_before")
DEAD_AFTER = ar.words("ev_dead_after")
INJ_BEFORE = ar.words("ev_inj_before")
INJ_AFTER = ar.words("ev_inj_after")
SIZE_AFTER = ar.words("ev_size_after")
ADJECTIVE_ONE = ar.words("ev_adjective_one")
NOUN_FILLER = ar.words("ev_noun_filler")


def _stems(w: str) -> set[str]:
    return {s for s, p, _ in candidates(w) if p in ("", "و", "ف", "ب", "ل")}


def find_magnitudes(norms: list[str], start: int, end: int, protest: bool = False) -> dict:
    """{"dead": int|None, "injured": int|None, "size": int|None}."""
    out = {"dead": None, "injured": None, "size": None}
    i = start
    while i < end:
        r = read_number(norms, i, end)
        if r is None:
            i += 1
            continue
        val, j = r
        if norms[i].isdigit() and len(norms[i]) == 4 and 1800 <= val <= 2100:
            i = j
            continue  # a year
        before = set()
        k = i - 1
        steps = 0
        while k >= start and steps < 5:  # skip fillers: "مقتل ما لا يقل عن 28"
            s = _stems(norms[k])
            before |= s
            if not (s & NOUN_FILLER):
                break
            k -= 1
            steps += 1
        after = set()
        for k in range(j, min(end, j + 4)):
            after |= _stems(norms[k])
        kind = None
        if norms[i] in ADJECTIVE_ONE:
            # "واحد / واحدة" follows its noun: "قتيل واحد" is one dead; "سيارة واحدة وقتل" no count
            kind = "dead" if before & DEAD_AFTER else "injured" if before & INJ_AFTER else None
        elif before & DEAD_BEFORE or after & DEAD_AFTER:
            kind = "dead"
        elif before & INJ_BEFORE or after & INJ_AFTER:
            kind = "injured"
        elif protest and after & SIZE_AFTER and not (after & DEAD_AFTER):
            kind = "size"
        if kind and (out[kind] is None or val > out[kind]):
            out[kind] = val
        i = j
    return out
