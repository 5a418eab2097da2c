"""Numbers written as digits (ASCII or Arabic-Indic, folded by normalise) or
as Arabic number words, read off normalised tokens."""
from __future__ import annotations

from .triggers import candidates

_UNITS = {
    "واحد": 1, "احد": 1, "اثنان": 2, "اثنين": 2, "اثنا": 2, "اثني": 2, "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
    "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
_BIG = {"مئه": 100, "مائه": 100, "مئتين": 200, "مئتان": 200, "مائتين": 200, "الف": 1000, "الفين": 2000, "الفا": 1000}
# words that are numbers only in a counting context are left out (e.g. عشرات = tens)


def word_value(norm: str) -> int | None:
    """Value of one normalised token (digits or number word), else None."""
    w = norm
    if w.isdigit() and len(w) <= 9:
        return int(w)
    for stem, prefix, _ in candidates(w):
        if prefix not in ("", "و", "ب", "ل"):
            continue
        if prefix and stem.isdigit() and len(stem) <= 9:
            return int(stem)
        for table in (_UNITS, _TENS, _BIG):
            if stem in table:
                return table[stem]
    return None


def read_number(norms: list[str], i: int, end: int) -> tuple[int, int] | None:
    """Read a number starting at token ``i``.  Returns (value, next index).

    Handles "خمسة وعشرين" (5 + 20), "أربعة عشر" (4 + 10), "ثلاث مئة" and
    "ثلاثة آلاف"."""
    v = word_value(norms[i]) if i < end else None
    if v is None:
        return None
    j = i + 1
    if j < end and v < 10 and norms[j] in ("عشر", "عشره"):
        return v + 10, j + 1
    if j < end and v < 10 and norms[j] in ("مئه", "مائه"):
        v, j = v * 100, j + 1
    if j < end and v < 1000 and norms[j] in ("الاف", "الف", "الفا"):
        v, j = v * 1000, j + 1
    if j < end and norms[j].startswith("و") and v < 10:
        t = _TENS.get(norms[j][1:])
        if t:
            return v + t, j + 1
    return v, j
