"""A learned precision gate for ASSAULT and PROTEST.

The rules decide *whether* a sentence contains an asserted ASSAULT/PROTEST
event; the gate, a logistic regression trained by ``models/events/build.py`` on
the TUNE part of the PLOVER gold (never the held-out part), scores whether the
sentence reports such an event as its news.  An asserted event of a gated type
is kept only when the sentence's score reaches the type's threshold.  The gate
is optional: without ``models/events/gate.json`` the rules alone decide.

Features (identical at build and run time):

* sparse: the sentence's normalised words (with and without their proclitics),
  and, for the rule events of the gated type, their mode, trigger word, and
  whether a death toll or a date was found;
* dense (only for a type whose entry in gate.json has a ``dense`` part): the
  mean of the unit-length floret vectors of the sentence's Arabic words, of the
  words within ``window`` tokens of a candidate trigger of the type (the
  triggers themselves excluded), and of those candidate triggers.  The vectors
  are those of the committed spaCy NER model (``models/ner/spacy/vocab``, read,
  never copied; floret builds a vector for any string from its sub-words).

The model is linear, so a block's contribution ``w · mean(v)`` equals the mean
of the per-word projections ``w · v``: those are memoised per word, and a
gated sentence costs a few dictionary look-ups.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from .. import clitics
from .triggers import find

ROOT = Path(__file__).resolve().parents[2]
GATE_PATH = ROOT / "models" / "events" / "gate.json"
VECTORS_DIR = "models/ner/spacy/vocab"  # relative to the repository root
GATED = ("ASSAULT", "PROTEST")
RELAXED = "ASSAULT_RELAXED"  # the second gate: over candidates only the rules' soft doubts held back
DENSE_BLOCKS = ("mean", "win", "trig")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")


def features(norms: list[str], events: list[dict], typ: str) -> dict[str, int]:
    f: dict[str, int] = {}
    for w in norms:
        for st, ch in clitics.readings(w):
            if ch is None or ch.simple:  # the word and its stems after a simple chain (و، بال، لل، فال …)
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


def relaxed_features(norms: list[str], events: list[dict], typ: str, doubts: set[str], ruled: bool) -> dict[str, int]:
    """The second gate's features: the first gate's, over the rule-kept and relaxed events,
    plus the relaxed candidates' doubts (``why:no_cue`` …) and whether the rules kept one."""
    f = features(norms, events, typ)
    for w in doubts:
        f["why:" + w] = 1
    if ruled:
        f["strict"] = 1
    return f


def passes_relaxed(model: dict | None, typ: str, norms: list[str], events: list[dict], doubts: set[str]) -> bool:
    """Does the second gate keep a sentence's relaxed candidates of ``typ``?  (No second
    gate: no.)"""
    if model is None or typ != "ASSAULT" or RELAXED not in model:
        return False
    return score(model, RELAXED, relaxed_features(norms, events, typ, doubts, False)) >= model[RELAXED]["threshold"]


def dense_words(norms: list[str], typ: str, window: int) -> dict[str, list[str]]:
    """The words whose vectors are averaged, per dense block."""
    idx = sorted({m.index for m in find(norms, 0, len(norms)) if m.entry.type == typ or m.entry.alt_type == typ})
    trig = set(idx)
    near = sorted({k for i in idx for k in range(max(0, i - window), min(len(norms), i + window + 1))} - trig)
    keep = lambda ws: [w for w in ws if _ARABIC_WORD.fullmatch(w)]  # noqa: E731
    return {"mean": keep(norms), "win": keep(norms[k] for k in near), "trig": keep(norms[i] for i in idx)}


def _vectors(vectors_dir: str):
    from ..vectors import floret_table

    return floret_table(str(ROOT / vectors_dir))


@lru_cache(maxsize=1 << 18)
def unit_vector(word: str, vectors_dir: str = VECTORS_DIR) -> tuple[float, ...]:
    """The floret vector of a normalised word, scaled to unit length (zeros if it has none)."""
    v = [float(x) for x in _vectors(vectors_dir).get_batch([word])[0]]
    n = math.sqrt(sum(x * x for x in v))
    return tuple(x / n for x in v) if n else tuple(0.0 for _ in v)


def dense_features(norms: list[str], typ: str, window: int, vectors_dir: str = VECTORS_DIR) -> dict[str, float]:
    """Training-time form: ``d:BLOCK:i`` = mean of the block's unit vectors (absent when the block is empty)."""
    f: dict[str, float] = {}
    for block, words in dense_words(norms, typ, window).items():
        if words:
            vs = [unit_vector(w, vectors_dir) for w in words]
            for i in range(len(vs[0])):
                f[f"d:{block}:{i}"] = sum(v[i] for v in vs) / len(vs)
    return f


def _projection(dense: dict, block: str, word: str) -> float:
    cache = dense.setdefault("_memo", {})  # per loaded model: (block, word) -> w_block · v(word)
    p = cache.get((block, word))
    if p is None:
        p = sum(a * b for a, b in zip(dense["weights"][block], unit_vector(word, dense["vectors"])))
        if len(cache) < 1 << 20:
            cache[(block, word)] = p
    return p


def dense_score(dense: dict, norms: list[str], typ: str) -> float:
    z = 0.0
    for block, words in dense_words(norms, typ, dense["window"]).items():
        if words:
            z += sum(_projection(dense, block, w) for w in words) / len(words)
    return z


@lru_cache(maxsize=4)
def load(path: str | None = None) -> dict | None:
    p = Path(path) if path else GATE_PATH
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def check(path: str | None = None) -> dict | None:
    """Load the gate and the vectors it needs, at stage construction: a corrupt
    gate file, missing vectors or vectors other than those it was trained on stop
    the run there with E205/E206, not in the middle of a batch."""
    from ..digest import files
    from ..errors import PipelineError

    p = Path(path) if path else GATE_PATH
    try:
        model = load(str(p) if path else None)
    except (OSError, ValueError) as exc:
        raise PipelineError("E206", path=str(p), detail=f"{type(exc).__name__}: {exc}") from None
    for typ, m in (model or {}).items():
        dense = m.get("dense") if isinstance(m, dict) else None
        if not dense:
            continue
        vfile = ROOT / dense["vectors"] / "vectors"
        if not vfile.is_file():
            raise PipelineError("E205", path=str(vfile), detail=f"the {typ} event gate reads the NER model's floret vectors")
        if dense.get("vectors_sha1") and files([vfile], "sha1") != dense["vectors_sha1"]:
            raise PipelineError("E206", path=str(vfile), detail=f"not the vectors the {typ} event gate was trained with (models/events/gate.json)")
        try:
            _vectors(dense["vectors"])
        except Exception as exc:  # unreadable table
            raise PipelineError("E206", path=str(vfile), detail=f"{type(exc).__name__}: {exc}") from None
    return model


def score(model: dict, typ: str, feats: dict[str, int], norms: list[str] | None = None) -> float:
    m = model[typ]
    w = m["weights"]
    z = m["bias"] + sum(w.get(k, 0.0) * v for k, v in feats.items())
    if m.get("dense") and norms is not None:
        z += dense_score(m["dense"], norms, typ)
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def passes(model: dict | None, typ: str, norms: list[str], events: list[dict]) -> bool:
    if model is None or typ not in model:
        return True
    return score(model, typ, features(norms, events, typ), norms) >= model[typ]["threshold"]


def info() -> dict:
    """For the run manifest: which gate file, and its hash."""
    from ..digest import files

    if not GATE_PATH.exists():
        return {"path": None}
    return {"path": "models/events/gate.json", "sha1": files([GATE_PATH], "sha1", n=12)}
