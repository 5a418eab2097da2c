"""NER on the dev split (the last sixth of ANERcorp TRAIN), every available backend.

Entity-level precision/recall/F1, CoNLL convention: a predicted entity counts
only if its token span and its type both match a gold entity exactly.  Scores
are per type and micro-averaged.  Speed is words/s of the real ``entities``
stage over the dev text (records built with the normalise and tokenise stages,
which are not timed).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from ..errors import PipelineError
from ..ner import BACKENDS, get_backend
from ..ner.corpus import anercorp_splits, entities

TYPES = ("PER", "LOC", "ORG", "MISC")


def prf(gold: set, pred: set) -> dict:
    """Per-type and micro P/R/F1 of (sentence, start, end, type) tuples."""
    out = {}
    for typ in TYPES + ("micro",):
        g = gold if typ == "micro" else {x for x in gold if x[3] == typ}
        p = pred if typ == "micro" else {x for x in pred if x[3] == typ}
        tp = len(g & p)
        P = tp / len(p) if p else 0.0
        R = tp / len(g) if g else 0.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        out[typ] = {"p": round(P, 4), "r": round(R, 4), "f": round(F, 4), "gold": len(g), "pred": len(p)}
    return out


def score_backend(backend, sents) -> dict:
    gold = {(i, a, b, t) for i, s in enumerate(sents) for a, b, t in entities(s)}
    preds = backend.predict([toks for toks, _ in sents])
    pred = {(i, a, b, t) for i, ents in enumerate(preds) for a, b, t in ents}
    return prf(gold, pred)


def _records(sents, per_doc: int = 10) -> list[dict]:
    from ..record import new_record
    from ..registry import build

    stages = build(["normalise", "tokenise"])
    recs = []
    for k in range(0, len(sents), per_doc):
        text = "\n".join(" ".join(toks) for toks, _ in sents[k : k + per_doc])
        rec = new_record(f"dev{k}", text)
        for st in stages:
            rec = st(rec)
        recs.append(rec)
    return recs


def stage_speed(backend: str, model, recs: list[dict], chunk: int = 32) -> float:
    """Words per second of the entities stage (best of two passes, after a warm-up)."""
    from ..stages.entities import Entities

    stage = Entities(backend=backend, model=model)
    stage.process_batch([dict(r) for r in recs[:2]])
    words = sum(len(r["tokens"]) for r in recs)
    best = None
    for _ in range(2):
        batch = [dict(r) for r in recs]
        t = time.perf_counter()
        for k in range(0, len(batch), chunk):
            stage.process_batch(batch[k : k + chunk])
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return words / best


def table(name: str, sc: dict, wps: float | None) -> str:
    lines = [f"{name}: dev entity-level P/R/F1 (exact span+type)" + (f", {wps:,.0f} words/s" if wps else "")]
    lines.append(f"  {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for typ in TYPES + ("micro",):
        d = sc[typ]
        lines.append(f"  {typ:<6} {d['p']:6.3f} {d['r']:6.3f} {d['f']:6.3f} {d['gold']:5d} {d['pred']:5d}")
    return "\n".join(lines)


def main(data_dir: Path, args=None) -> dict:  # noqa: ARG001 (every eval module has this signature)
    split = anercorp_splits(Path(data_dir))["dev"]
    n_words = sum(len(t) for t, _ in split)
    print(f"dev split: last sixth of ANERcorp TRAIN, {len(split)} sentences, {n_words} words")
    backends = [b for b in (os.environ.get("NER_EVAL_BACKENDS") or ",".join(BACKENDS)).split(",") if b]
    recs = _records(split)
    results = {}
    for name in backends:
        try:
            be = get_backend(name)
        except PipelineError as exc:
            print(f"{name}: skipped, {exc}")
            results[name] = {"available": False, "reason": str(exc)}
            continue
        sc = score_backend(be, split)
        wps = stage_speed(name, None, recs)
        print(table(name, sc, wps))
        results[name] = {"available": True, "scores": sc, "words_per_s": round(wps)}
    return results
