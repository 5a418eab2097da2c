"""Date expressions in a sentence and their ISO 8601 value.

Found on normalised tokens, returned as token ranges; the stage turns them into
spans of the original text.  Resolution rules (``iso``):

* absolute: "عام 1971" / "سنة 1971" / "العام 1971" → "1971"; "21 مايو 2005" →
  "2005-05-21"; "مايو 2005" → "2005-05"; a day and month without a year take
  the article's year when the article is dated ("9 يونيو" → "YYYY-06-09").
  Levantine month names (كانون الثاني …) are read too.
* relative, resolved only against the article's date (``meta.date``):
  "اليوم" → that day, "أمس" → the day before, "أول من أمس" → two days before;
  a weekday name ("الخميس", "يوم الخميس") → the most recent such day on or
  before the article date.  Without an article date, iso is null.
* vague ("الأسبوع الماضي", "العام الماضي") → span only, iso null, except
  "العام الماضي" with a dated article → the previous year.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..lang import ar
from ..arabic import normalise

MONTHS = {k: int(v) for k, v in ar.table("ev_months").items()}
TWO_WORD_MONTHS = {tuple(k.split()): int(v) for k, v in ar.table("ev_months_two_word").items()}
WEEKDAYS = {k: int(v) for k, v in ar.table("ev_weekdays").items()}
YEAR_WORDS = ar.words("ev_dates_year_words")
PREFIXES = ("و", "ف", "ب", "ل", "وب", "فب", "منذ")


@dataclass
class DateExpr:
    first: int      # token index
    last: int       # token index + 1
    iso: str | None
    kind: str       # "absolute" | "relative" | "vague"


def article_date(meta: dict | None) -> dt.date | None:
    d = (meta or {}).get("date")
    if not isinstance(d, str) or len(d) < 10:
        return None
    try:
        return dt.date.fromisoformat(d[:10])
    except ValueError:
        return None


def _strip(w: str) -> str:
    for p in ("وب", "فب", "و", "ف", "ب", "ل"):
        if w.startswith(p) and (w[len(p):] in MONTHS or w[len(p):] in WEEKDAYS or w[len(p):] in ("امس", "الامس", "اليوم")):
            return w[len(p):]
    return w


def _year(w: str) -> int | None:
    if w.isdigit() and len(w) == 4 and 1800 <= int(w) <= 2100:
        return int(w)
    return None


def _month_at(norms, i, end):
    """(month, next index) if a month name starts at i."""
    if i >= end:
        return None
    w = _strip(norms[i])
    if i + 1 < end and (w, norms[i + 1]) in TWO_WORD_MONTHS:
        return TWO_WORD_MONTHS[(w, norms[i + 1])], i + 2
    if w in MONTHS:
        return MONTHS[w], i + 1
    return None


def _skip_paren(norms, j, end):
    """Skip a parenthesised month gloss: مايو (أيار) → after the closing paren."""
    if j < end and norms[j] == "(":
        k = j + 1
        while k < end and k < j + 5 and norms[k] != ")":
            k += 1
        if k < end and norms[k] == ")":
            return k + 1
    return j


def find_dates(norms: list[str], start: int, end: int, ref: dt.date | None) -> list[DateExpr]:
    out: list[DateExpr] = []
    i = start
    while i < end:
        w = norms[i]
        sw = _strip(w)
        # عام 1971
        if w in YEAR_WORDS and i + 1 < end and _year(norms[i + 1]):
            out.append(DateExpr(i, i + 2, str(_year(norms[i + 1])), "absolute"))
            i += 2
            continue
        # [day] month [year]
        day = int(w) if w.isdigit() and 1 <= int(w) <= 31 and len(w) <= 2 else None
        m = _month_at(norms, i + 1 if day else i, end)
        if m and (day or sw in MONTHS or (i + 1 < end and (sw, norms[i + 1]) in TWO_WORD_MONTHS)):
            month, j = m
            j2 = _skip_paren(norms, j, end)
            year = _year(norms[j2]) if j2 < end else None
            if year is None and j2 + 1 < end and norms[j2] in YEAR_WORDS:
                year = _year(norms[j2 + 1])
                if year:
                    j2 += 1
            if year:
                iso = f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"
                out.append(DateExpr(i, j2 + 1, iso, "absolute"))
                i = j2 + 1
                continue
            if day:
                iso = f"{ref.year:04d}-{month:02d}-{day:02d}" if ref else None
                last = j2 if j2 > j else j
                out.append(DateExpr(i, last, iso, "absolute" if iso else "vague"))
                i = last
                continue
            # a bare month name without a day or year is not coded (اب, مارس are also words)
        # relative days
        if sw in ("امس", "الامس"):
            first = i
            if i >= 2 and norms[i - 1] == "من" and norms[i - 2] in ("اول", "واول"):
                first, delta = i - 2, 2
            else:
                delta = 1
            iso = (ref - dt.timedelta(days=delta)).isoformat() if ref else None
            out.append(DateExpr(first, i + 1, iso, "relative"))
            i += 1
            continue
        if sw == "اليوم" and not (i + 1 < end and norms[i + 1] in ("التالي", "نفسه", "الذي")):
            out.append(DateExpr(i, i + 1, ref.isoformat() if ref else None, "relative"))
            i += 1
            continue
        if sw in WEEKDAYS:
            first = i - 1 if i > start and norms[i - 1] in ("يوم", "ويوم", "ليله", "مساء", "صباح") else i
            iso = None
            if ref:
                back = (ref.weekday() - WEEKDAYS[sw]) % 7
                iso = (ref - dt.timedelta(days=back)).isoformat()
            out.append(DateExpr(first, i + 1, iso, "relative"))
            i += 1
            continue
        if w in ("الاسبوع", "العام", "الشهر", "السنه") and i + 1 < end and norms[i + 1] in ("الماضي", "الماضيه"):
            iso = str(ref.year - 1) if (ref and w in ("العام", "السنه")) else None
            out.append(DateExpr(i, i + 2, iso, "relative" if iso else "vague"))
            i += 2
            continue
        i += 1
    return out


def nearest(dates: list[DateExpr], index: int) -> DateExpr | None:
    """The date expression closest to token ``index`` (ties: the later one)."""
    best = None
    for d in dates:
        dist = 0 if d.first <= index < d.last else min(abs(d.first - index), abs(d.last - 1 - index))
        key = (dist, -d.first)
        if best is None or key < best[0]:
            best = (key, d)
    return best[1] if best else None


__all__ = ["DateExpr", "article_date", "find_dates", "nearest", "normalise"]
