"""Mine the SaudiNewsNet days for reporting constructions (training days only).

    python -m pipeline.annotation.mine nominal [--data ../shared/data] [--top 300]

``nominal``: the words that open a reporting verb's nominal complement
(أعلن/كشف/أشار/لفت/أكد/شدد/نفى/أفصح … عن/إلى/على/من + WORD, at most eight
tokens after the verb, before any أن/إن, comma or quotation mark), counted and
ranked.  The ranked list is read by hand into
``pipeline/lang/ar/attribution_fact_heads.txt`` (facts and assessments kept;
topics, stances and performatives left out).  Held-out days are never read.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..lang.ar import key
from ..tokenize import tokens
from .sample import HELD_DAYS, load_days

#: verb (as written, 3rd person perfect) -> the preposition of its nominal complement
NOMINAL_VERBS = {"أعلن": "عن", "أعلنت": "عن", "كشف": "عن", "كشفت": "عن", "لفت": "إلى", "لفتت": "إلى", "أشار": "إلى",
                 "أشارت": "إلى", "أكد": "على", "أكدت": "على", "شدد": "على", "شددت": "على", "نفى": "-", "نفت": "-",
                 "أفصح": "عن", "أفصحت": "عن"}
_STOP = {key(w) for w in ("أن", "إن", "بأن", "أنه", "أنها", "إنه")}


def nominal_heads(days: dict[str, list[dict]]) -> Counter:
    c: Counter = Counter()
    for day, arts in days.items():
        if day[:10] in HELD_DAYS:
            continue
        for art in arts:
            content = art.get("content") or ""
            toks = [content[s:e] for s, e in tokens(content)]
            for i, t in enumerate(toks):
                v = t[1:] if t[:1] in "وف" and t[1:] in NOMINAL_VERBS else t
                prep = NOMINAL_VERBS.get(v)
                if prep is None or prep == "-":
                    continue
                for k in range(i + 1, min(i + 9, len(toks) - 1)):
                    if toks[k] in ("،", ".", ":", "«", '"') or key(toks[k]) in _STOP:
                        break
                    if key(toks[k]) == key(prep):
                        if key(toks[k + 1]) not in _STOP and toks[k + 1][:1].isalpha():
                            c[key(toks[k + 1])] += 1
                        break
    return c


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("nominal",))
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--top", type=int, default=300)
    a = ap.parse_args(argv)
    days = load_days(Path(a.data))
    for w, n in nominal_heads(days).most_common(a.top):
        print(f"{n}\t{w}")


if __name__ == "__main__":
    main()
