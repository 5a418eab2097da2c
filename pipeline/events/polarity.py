"""Negation: is the event word negated?  "لم يقتل", "لن يتظاهروا", "ما هاجم",
"لا احتجاجات", "عدم رصد", "دون أن تواجه", "نفى/نفت … أن" earlier in the
clause."""
from __future__ import annotations

from ..lang import ar
from .triggers import candidates

NEG = ar.words("ev_neg")
AUX = ar.words("ev_aux")
DENY = ar.words("ev_deny")
BOUNDARY = {".", "،", ",", "؛", ";", ":", "؟", "?", "!", "«", "»", "(", ")", "\""}


def is_negated(norms: list[str], i: int, start: int, nominal: bool) -> bool:
    k = i - 1
    if k >= start and norms[k] in AUX:
        k -= 1
    if k >= start:
        w = norms[k]
        if w in NEG:
            return True
        if w in ("ما", "وما") and not nominal:
            return True
        if nominal and w in ("عدم", "بعدم", "لعدم"):
            return True
        if w == "ان" and k - 1 >= start and norms[k - 1] in ("دون", "بدون", "من دون"):
            return True
    # denial verb earlier in the clause ("نفت الشرطة أن يكون … اعتدى")
    for k in range(i - 1, max(start, i - 10) - 1, -1):
        w = norms[k]
        if w in BOUNDARY:
            break
        if any(s in DENY for s, _, _ in candidates(w)):
            return True
    return False
