"""Code one record's events: triggers → filters → actors, place, date,
polarity, modality, magnitudes.  Pure function of the record (deterministic)."""
from __future__ import annotations

from ..record import span
from ..stages.entities import strip_proclitics
from . import actors as A
from .dates import article_date, find_dates, nearest
from .lexicon import VIOLENCE_CUES, verb_forms
from .magnitudes import find_magnitudes
from .modality import modality as find_modality
from .polarity import is_negated
from .triggers import candidates, find

_CUES = set(VIOLENCE_CUES)
SPORTS = set("مباراه المباراه مباريات الفريق فريق اللاعب لاعب لاعبين الدوري المنتخب الكره المرمي شوط هدف اهداف البطوله بطوله الملعب ملعب المدرب".split())
ALLEGED = set("بتهمه تهمه بتهم تهم اتهام اتهامات متهم متهمين المتهمين يشتبه المشتبه بتورطه".split())
_ANCHOR_LEMMAS = [("وقع", "قع"), ("نفذ", "نفذ"), ("شن", "شن"), ("تعرض", "تعرض"), ("ادي", "ؤدي"), ("اسفر", "سفر"),
                  ("استهدف", "ستهدف"), ("اندلع", "ندلع"), ("خرج", "خرج"), ("عم", None), ("تجدد", "تجدد"), ("نظم", "نظم"),
                  ("جري", "جري"), ("شهد", "شهد"), ("انطلق", "نطلق"), ("تواصل", "تواصل"), ("تصاعد", "تصاعد"), ("قام", "قوم"),
                  ("تم", None), ("نجا", "نجو"), ("اوقع", "وقع"), ("راح", None), ("سقط", "سقط"), ("احتشد", "حتشد"),
                  ("تجمع", "تجمع"), ("نزل", "نزل"), ("هتف", "هتف"), ("ردد", "ردد"), ("تدفق", "تدفق"), ("اصيب", None),
                  ("لقي", None), ("قتل", None), ("جرح", None), ("تسبب", "تسبب"), ("ادت", None), ("عمت", None)]
ANCHOR_VERBS = set()
for _p, _s in _ANCHOR_LEMMAS:
    ANCHOR_VERBS |= verb_forms(_p, _s)
ANCHOR_VERBS -= {"عم", "ادي"}  # "عم" (uncle/about), "ادي" ambiguous bare


def _stems(w):
    return {s for s, p, _ in candidates(w) if p in ("", "و", "ف", "ب", "ل", "ال", "بال", "وال", "لل", "فال")}


def _tok_span(rec, a, b, strip=True):
    toks = rec["tokens"]
    s, e = toks[a]["start"], toks[b - 1]["end"]
    if strip:
        s += strip_proclitics(rec["text"][s:toks[a]["end"]])
        if s >= e:
            s = toks[a]["start"]
    return s, e


def _with_entity(rec, s, e, ents):
    """Widen [s, e) to overlapping entities; return span dict with entity id."""
    best = None
    for ent in ents:
        if ent["start"] < e and s < ent["end"]:
            ov = min(e, ent["end"]) - max(s, ent["start"])
            if best is None or ov > best[0]:
                best = (ov, ent)
    if best:
        ent = best[1]
        s, e = min(s, ent["start"]), max(e, ent["end"])
        return span(rec["text"], s, e, entity=ent["id"])
    return span(rec["text"], s, e)


def code_record(rec: dict, use_derived: bool = True) -> list[dict]:
    toks = rec["tokens"]
    norms = [t["norm"] for t in toks]
    ents = rec.get("entities") or []
    ref = article_date(rec.get("meta"))
    # entity token ranges
    starts = {t["start"]: i for i, t in enumerate(toks)}
    ends = {t["end"]: i for i, t in enumerate(toks)}
    loc_ranges = []
    for ent in ents:
        if ent.get("label") in ("LOC",):
            a = next((i for i, t in enumerate(toks) if t["end"] > ent["start"]), None)
            b = next((i for i, t in enumerate(toks) if t["end"] >= ent["end"]), None)
            if a is not None and b is not None:
                loc_ranges.append((a, b + 1))
    events = []
    for sent in rec["sentences"]:
        a, b = sent["tokens"]
        matches = find(norms, a, b, use_derived=use_derived)
        if not matches:
            continue
        sent_stems = set()
        for w in norms[a:b]:
            sent_stems |= _stems(w)
        has_cue = bool(sent_stems & _CUES)
        sports = bool(sent_stems & SPORTS)
        dates = find_dates(norms, a, b, ref)
        protest = any(m.entry.type == "PROTEST" for m in matches)
        mags = find_magnitudes(norms, a, b, protest=protest)
        has_mag = any(v is not None for v in mags.values())
        finite = any(not m.nominal and m.entry.type not in ("OTHER",) for m in matches)
        anchored = has_mag or bool(dates) or bool(set(norms[a:b]) & ANCHOR_VERBS) or finite
        trig_idx = {k for m in matches for k in range(m.index, m.end_index)}
        kept = []
        for m in matches:
            e = m.entry
            typ = e.type
            if e.cue and not has_cue:
                if not e.alt_type:
                    continue
                typ = e.alt_type
            if typ in ("ASSAULT", "FIGHT") and sports:
                continue
            if m.nominal and e.anchor and not anchored:
                continue
            if any(k_typ == typ and abs(k_i - m.index) <= 2 for k_typ, k_i in kept):
                continue
            kept.append((typ, m.index))
            neg = is_negated(norms, m.index, a, m.nominal)
            purpose = (not m.nominal) and m.prefix in ("ل", "ول", "فل") and norms[m.index][len(m.prefix):][:1] in "يتن"
            mod = find_modality(norms, m.index, a, m.future, purpose)
            if mod is None and any(w in ALLEGED for w in norms[max(a, m.index - 4):m.index]):
                mod = "alleged"
            src, tgt = A.find_actors(norms, m.index, m.end_index, a, b, m.entry.kind, e.mode, m.nominal, trig_idx,
                                     e.needs_next, typ, m.suffix)
            loc = A.find_location(norms, m.index, a, b, loc_ranges, trig_idx)
            d = nearest(dates, m.index)
            ts, te = toks[m.index]["start"], toks[m.end_index - 1]["end"]
            ev = {
                "id": "",
                "type": "OTHER" if typ == "EXT" else typ,
                "mode": e.mode if typ == e.type and typ != "EXT" else None,
                "context": [],
                "trigger": span(rec["text"], ts, te),
                "source_actor": _with_entity(rec, *_tok_span(rec, *src), ents) if src else None,
                "target_actor": _with_entity(rec, *_tok_span(rec, *tgt), ents) if tgt else None,
                "location": _with_entity(rec, *_tok_span(rec, *loc), ents) if loc else None,
                "date": span(rec["text"], *_tok_span(rec, d.first, d.last, strip=False), iso=d.iso) if d else None,
                "negated": neg,
                "modality": mod,
                "attribution": None,
                "dead": mags["dead"] if typ in ("ASSAULT", "FIGHT") else None,
                "injured": mags["injured"] if typ in ("ASSAULT", "FIGHT") else None,
                "size": mags["size"] if typ == "PROTEST" else None,
            }
            if ev["source_actor"] is None and norms[m.index].startswith("و") and not m.nominal:
                # conjoined verb with a dropped subject ("دخل المسلحون … وأعلنوا"): same agent
                prev = next((p for p in reversed(events) if p["trigger"]["start"] >= toks[a]["start"]), None)
                if prev and prev["source_actor"]:
                    ev["source_actor"] = dict(prev["source_actor"])
            if mod == "demanded" and src is None:
                prev = next((p for p in reversed(events) if p["type"] == "DEMAND" and p["trigger"]["start"] >= toks[a]["start"]), None)
                if prev and prev["target_actor"]:
                    ev["source_actor"] = dict(prev["target_actor"])
            if typ == "EXT":
                ev["extension"] = e.extension
            if e.source != "curated":
                ev["lexicon"] = e.source
            events.append(ev)
    for k, ev in enumerate(events, 1):
        ev["id"] = f"v{k}"
    return events
