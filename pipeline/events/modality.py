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

from .polarity import BOUNDARY
from .triggers import candidates

CUES = {
    "future": {"سوف", "سيتم", "ستتم", "المقرر", "المتوقع", "غدا", "المقبل", "المقبله"},
    "planned": {"يخطط", "تخطط", "خطط", "يخططون", "يعتزم", "تعتزم", "اعتزم", "يعتزمون", "ينوي", "تنوي", "نوي",
                "تستعد", "يستعد", "عزم", "عزمه", "عزمها", "عزمهم", "يستعدون", "يحضرون", "يعد", "تعد", "يعدون", "مخطط", "مخططا", "فكره", "لتنفيذ"},
    "attempted": {"حاول", "حاولت", "حاولوا", "يحاول", "تحاول", "يحاولون"},
    "prevented": {"احبط", "احبطت", "احباط", "منع", "منعت", "يمنع", "تمنع", "لمنع", "افشل", "افشلت", "احبطوا"},
    "hypothetical": {"اذا", "لو", "حال", "احتمال", "امكان", "امكانيه", "يمكن", "ربما", "حذر", "حذرت", "يحذر", "تحذر",
                     "محذرا", "تحذير", "يتوقع", "توقع", "المرتقب", "مرتقب", "يخشي", "خشيه", "مخاوف", "المحتمل", "محتمل"},
    "demanded": {"طالب", "يطالب", "طالبت", "تطالب", "طالبوا", "يطالبون", "طالبين", "مطالبين", "مطالبا", "دعا", "يدعو", "دعت", "تدعو",
                 "دعوا", "داعيا", "داعين", "اوامر", "اوامره", "اوامرها", "امر", "امرت", "يامر", "مطالبه", "دعوه", "للمطالبه", "طالبا"},
    "threatened": {"هدد", "يهدد", "هددت", "تهدد", "هددوا", "تهديد", "تهديدات", "توعد", "توعدت", "يتوعد", "بالتهديد"},
}
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
