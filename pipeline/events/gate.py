"""A learned precision gate for ASSAULT and PROTEST.

The rules decide *whether* a sentence contains an asserted ASSAULT/PROTEST
event; the gate, a logistic regression trained by ``models/events/build.py`` on
the TUNE part of the PLOVER gold (never the held-out part), scores whether the
sentence reports such an event as its news.  An asserted event of a gated type
is kept only when the sentence's score reaches the type's threshold.  The gate
is optional: without ``models/events/gate.json`` the rules alone decide.

Features (identical at build and run time): the sentence's normalised words
(with and without their proclitics), and, for the rule events of the gated
type, their mode, trigger word, and whether a death toll or a date was found.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from .triggers import candidates

GATE_PATH = Path(__file__).resolve().parents[2] / "models" / "events" / "gate.json"
GATED = ("ASSAULT", "PROTEST")
_PREFIXES = ("", "و", "ف", "ب", "ال", "وال", "بال", "لل", "ل")


def features(norms: list[str], events: list[dict], typ: str) -> dict[str, int]:
    f: dict[str, int] = {}
    for w in norms:
        for st, p, _ in candidates(w):
            if p in _PREFIXES:
                f["w:" + st] = 1
    for e in events:
        if e["type"] == typ:
            f["m:" + str(e["mode"])] = 1
            f["trig:" + e["trigger"]["text"]] = 1
            if e["dead"] is not None:
                f["dead"] = 1
            if e["date"] is not None:
                f["date"] = 1
    return f


@lru_cache(maxsize=4)
def load(path: str | None = None) -> dict | None:
    p = Path(path) if path else GATE_PATH
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def score(model: dict, typ: str, feats: dict[str, int]) -> float:
    m = model[typ]
    w = m["weights"]
    z = m["bias"] + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def passes(model: dict | None, typ: str, norms: list[str], events: list[dict]) -> bool:
    if model is None or typ not in model:
        return True
    return score(model, typ, features(norms, events, typ)) >= model[typ]["threshold"]


def info() -> dict:
    """For the run manifest: which gate file, and its hash."""
    import hashlib

    if not GATE_PATH.exists():
        return {"path": None}
    data = GATE_PATH.read_bytes()
    return {"path": "models/events/gate.json", "sha1": hashlib.sha1(data).hexdigest()[:12]}
