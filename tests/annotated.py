"""Hand-built records with entities, events and attributions (the shapes of
pipeline/schema/record.schema.json), for the frames and report tests.  The
Arabic text was written for these tests."""
from __future__ import annotations

from pipeline.record import span

TEXT_1 = (
    "قال مسؤول أمني طلب عدم ذكر اسمه إن الشرطة اعتقلت خمسة متظاهرين في الرياض.\n"
    "وأكد وزير الداخلية خالد العمر أن الوضع تحت السيطرة."
)
TEXT_2 = "ونقلت مصادر مطلعة أن المحتجين هاجموا مركزا للشرطة في جدة، وقال الناطق الرسمي إن التحقيق بدأ."


def at(text: str, sub: str, nth: int = 0, **extra) -> dict:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return span(text, i, i + len(sub), **extra)


def record_1() -> dict:
    t = TEXT_1
    ents = [
        {"id": "e1", **at(t, "الرياض"), "label": "LOC"},
        {"id": "e2", **at(t, "وزير الداخلية خالد العمر"), "label": "PER"},
        {"id": "e3", **at(t, "خالد العمر"), "label": "PER"},  # nested inside e2
    ]
    events = [{
        "id": "v1", "type": "COERCE", "trigger": at(t, "اعتقلت"), "source_actor": at(t, "الشرطة"),
        "target_actor": at(t, "خمسة متظاهرين في الرياض"), "location": at(t, "الرياض"), "date": None,
        "negated": False, "modality": None, "attribution": "a1",
    }]
    atts = [
        {"id": "a1", "cue": at(t, "قال"), "source": {**at(t, "مسؤول أمني"), "named": False, "count": 1, "kind": "anonymous"},
         # the claim ends inside the event's target actor: a partial overlap
         "content": at(t, "الشرطة اعتقلت خمسة متظاهرين")},
        {"id": "a2", "cue": at(t, "وأكد"), "source": {**at(t, "وزير الداخلية خالد العمر"), "named": True, "count": 1, "kind": "person"},
         "content": at(t, "الوضع تحت السيطرة")},
    ]
    return {"id": "riyadh/1", "text": t, "meta": {"source": "okaz", "date": "2015-07-21 09:00:00", "title": "اعتقالات", "url": "http://x.example/1", "path": "a.jsonl"},
            "sentences": [{"start": 0, "end": t.index("\n")}, {"start": t.index("\n") + 1, "end": len(t)}],
            "entities": ents, "events": events, "attributions": atts}


def record_2() -> dict:
    t = TEXT_2
    ents = [{"id": "e1", **at(t, "جدة"), "label": "LOC"}]
    events = [{"id": "v1", "type": "ASSAULT", "trigger": at(t, "هاجموا"), "source_actor": at(t, "المحتجين"),
               "target_actor": at(t, "مركزا للشرطة"), "location": at(t, "جدة"), "date": None, "attribution": "a1"}]
    atts = [
        {"id": "a1", "cue": at(t, "ونقلت"), "source": {**at(t, "مصادر مطلعة"), "named": False, "count": None, "kind": "anonymous"},
         "content": at(t, "المحتجين هاجموا مركزا للشرطة في جدة")},
        {"id": "a2", "cue": at(t, "وقال"), "source": {**at(t, "الناطق الرسمي"), "named": False, "count": 1, "kind": "person"},
         "content": at(t, "التحقيق بدأ")},
    ]
    return {"id": "jeddah/2", "text": t, "meta": {"source": "alriyadh", "date": "2015-07-22 11:30:00", "title": "هجوم", "path": "b.jsonl"},
            "sentences": [{"start": 0, "end": len(t)}], "entities": ents, "events": events, "attributions": atts}


def record_3() -> dict:
    """Same outlet as record 1, another day, one anonymous claim."""
    r = record_1()
    r["id"] = "riyadh/3"
    r["meta"] = {**r["meta"], "date": "2015-07-22 08:00:00"}
    r["attributions"] = r["attributions"][:1]
    r["events"][0]["attribution"] = "a1"
    return r
