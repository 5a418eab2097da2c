"""Modality: reported as having happened (null) or not.

The set (documented in docs/events.md):

* ``future``       – سوف / س+present / من المقرر / سيتم: "ستتظاهر النقابات غداً"
* ``planned``      – يخطط، يعتزم، ينوي، تستعد، ل+present (purpose): "يعتزم تنفيذ هجوم"
* ``attempted``    – حاول: "حاول الاعتداء على رجال الأمن"
* ``prevented``    – أحبط، منع: "أحبطت الشرطة محاولة اختطاف"
* ``hypothetical`` – إذا، لو، في حال، قد+present, احتمال
* ``demanded``     – طالب، دعا، أمر/أوامر … بـ: "أصدر أوامره بالفرار" (the flight)
* ``threatened``   – هدد، توعد: "هدد بنسف المباني"

Cues are looked for in the same clause, up to 8 tokens before the trigger
(stopping at clause punctuation).
"""
from __future__ import annotations

from ..lang import ar
from .polarity import BOUNDARY
from .triggers import candidates

CUES = {name: ar.words(f"ev_modality_{name}") for name in ("future", "planned", "attempted", "prevented", "hypothetical", "demanded", "threatened")}
ORDER = ("prevented", "attempted", "threatened", "demanded", "planned", "hypothetical", "future")
WINDOW = 8


def modality(norms: list[str], i: int, start: int, future_prefix: bool, purpose: bool) -> str | None:
    if future_prefix:
        return "future"
    found = set()
    for k in range(i - 1, max(start, i - WINDOW) - 1, -1):
        w = norms[k]
        if w in BOUNDARY:
            break
        stems = {s for s, p, _ in candidates(w) if p in ("", "و", "ف", "ب", "ل", "لل", "ال", "ول", "فل")}
        stems.add(w)
        for name, cues in CUES.items():
            if stems & cues:
                found.add(name)
    if i - 1 >= start and norms[i - 1] == "قد" and norms[i][:1] in "ين":
        found.add("hypothetical")
    if purpose:
        found.add("planned")
    for name in ORDER:
        if name in found:
            return name
    return None
