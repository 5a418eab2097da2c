"""The one record model that flows through every stage.

A record is a plain ``dict`` (fast to build, to serialise and to ship between
processes) with this shape; ``pipeline/schema/record.schema.json`` is its
published JSON Schema::

    {"id": str, "text": str, "meta": {...},
     "norm": {"text": str, "align": [[norm_pos, orig_pos], ...]},   # normalise
     "sentences": [{"start", "end"}],                                # tokenise
     "tokens": [{"start", "end", "text", "norm", "seg"?}],           # tokenise
                      # seg: [proclitics end, article end, enclitic start] (pipeline/clitics.py)
     "entities": [{"id", "start", "end", "text", "label", ...}],     # entities
     "events": [{"id", "type", "trigger": span, ...}],               # events
     "attributions": [{"id", "cue": span, "source": span, "content": span}]}

``text`` is the article exactly as read and is never changed.  Every span is
``{"start", "end", "text"}`` with ``text == record["text"][start:end]``.
"""
from __future__ import annotations

from typing import Any, Iterator

from .errors import RecordError

Record = dict[str, Any]

# field order in serialised records (deterministic output)
FIELD_ORDER = ("id", "text", "meta", "lang", "norm", "sentences", "tokens", "entities", "events", "attributions")


def new_record(id: str, text: str, meta: dict | None = None) -> Record:
    return {"id": id, "text": text, "meta": dict(meta or {})}


def span(text: str, start: int, end: int, **extra) -> dict:
    """A span dict over ``text`` (the record's text)."""
    d = {"start": start, "end": end, "text": text[start:end]}
    d.update(extra)
    return d


def ordered(rec: Record) -> Record:
    """The record with its top-level fields in the canonical order."""
    out = {k: rec[k] for k in FIELD_ORDER if k in rec}
    for k in rec:
        if k not in out:
            out[k] = rec[k]
    return out


def iter_spans(rec: Record) -> Iterator[tuple[str, dict]]:
    """Every span in the record, with a path saying where it is."""
    for i, t in enumerate(rec.get("tokens") or ()):
        yield f"tokens[{i}]", t
    for i, e in enumerate(rec.get("entities") or ()):
        yield f"entities[{i}]", e
    for i, ev in enumerate(rec.get("events") or ()):
        for key, val in ev.items():
            if isinstance(val, dict) and "start" in val and "end" in val:
                yield f"events[{i}].{key}", val
    for i, a in enumerate(rec.get("attributions") or ()):
        for key, val in a.items():
            if isinstance(val, dict) and "start" in val and "end" in val:
                yield f"attributions[{i}].{key}", val
            if isinstance(val, dict):
                for k2, v2 in val.items():
                    if isinstance(v2, dict) and "start" in v2 and "end" in v2:
                        yield f"attributions[{i}].{key}.{k2}", v2


def check_spans(rec: Record) -> None:
    """Raise :class:`RecordError` E104 unless every span matches the text."""
    text = rec["text"]
    n = len(text)
    for s in rec.get("sentences") or ():
        if not (isinstance(s.get("start"), int) and isinstance(s.get("end"), int) and 0 <= s["start"] <= s["end"] <= n):
            raise RecordError("E104", id=rec.get("id"), where="sentences", detail=f"{s}")
    for k, t in enumerate(rec.get("tokens") or ()):
        seg = t.get("seg")
        if seg is not None and not (len(seg) == 3 and t["start"] <= seg[0] <= seg[1] <= seg[2] <= t["end"]):
            raise RecordError("E104", id=rec.get("id"), where=f"tokens[{k}].seg", detail=f"{seg} not within [{t['start']}, {t['end']}]")
    for where, sp in iter_spans(rec):
        st, en = sp.get("start"), sp.get("end")
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st <= en <= n):
            raise RecordError("E104", id=rec.get("id"), where=where, detail=f"[{st}, {en}) outside [0, {n}]")
        if "text" in sp and text[st:en] != sp["text"]:
            raise RecordError("E104", id=rec.get("id"), where=where, detail=f"{sp['text']!r} != text[{st}:{en}]")
