"""NER scores, every available backend, each figure with a 95% bootstrap
interval (sentences resampled):

* ANERcorp dev (the last sixth of TRAIN) with the sentences that also occur in
  TRAIN removed (``dev_dedup``): entity-level P/R/F1, CoNLL convention (token
  span and type both exact), per type and micro;
* news held-out (``tests/data/news_ner.jsonl``, split ``held``: whole
  SaudiNewsNet days annotated by the team, never trained on): the entities
  stage run on each sentence, scored on character spans, exact and overlap
  (a gold entity is found when a predicted span of the same type overlaps it,
  one-to-one), PER/ORG/LOC micro and per type.

Speed is words/s of the real ``entities`` stage over the dev text (records
built with the normalise and tokenise stages, which are not timed).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from ..errors import PipelineError
from ..ner import BACKENDS, get_backend
from ..ner.corpus import anercorp_splits, entities
from .stats import fmt, prf_ci

TYPES = ("PER", "LOC", "ORG", "MISC")
NEWS_TYPES = ("PER", "ORG", "LOC")
NEWS_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "news_ner.jsonl"


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


def per_unit(gold: list[set], pred: list[set], types, overlap: bool = False) -> dict[str, list[tuple[int, int, int]]]:
    """Per unit and type, ``(tp, n_pred, n_gold)`` of ``(start, end, type)``
    spans; ``overlap``: a gold span is found by one predicted span of the same
    type that overlaps it (one-to-one, greedy in order)."""
    out = {t: [] for t in (*types, "micro")}
    for g, p in zip(gold, pred):
        g = {x for x in g if x[2] in types}
        p = {x for x in p if x[2] in types}
        if overlap:
            used, hits = set(), set()
            for x in sorted(g):
                for y in sorted(p):
                    if y not in used and y[2] == x[2] and y[0] < x[1] and x[0] < y[1]:
                        used.add(y)
                        hits.add(x)
                        break
        else:
            hits = g & p
        for t in types:
            out[t].append((sum(1 for x in hits if x[2] == t), sum(1 for x in p if x[2] == t), sum(1 for x in g if x[2] == t)))
        out["micro"].append((len(hits), len(p), len(g)))
    return out


def score_ci(backend, sents) -> dict:
    """Dev scores with intervals (exact token span and type)."""
    gold = [{(a, b, t) for a, b, t in entities(s)} for s in sents]
    preds = backend.predict([toks for toks, _ in sents])
    pred = [{(a, b, t) for a, b, t in ents} for ents in preds]
    return {t: prf_ci(u) for t, u in per_unit(gold, pred, TYPES).items()}


def load_news(path: Path = NEWS_FILE, split: str = "held") -> list[dict]:
    import json

    if not path.exists():
        return []
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if split in (None, r["split"])]


def news_sentences(data_dir: Path, rows: list[dict]) -> list[tuple[str, set]]:
    """``(sentence text, gold spans relative to it)``; rows whose text changed are left out."""
    from ..annotation.store import unit_texts

    return [(text, {(a - r["span"][0], b - r["span"][0], t) for a, b, t in r["entities"]})
            for r, text in unit_texts(data_dir, rows)]


def score_news(backend_name: str, sents: list[tuple[str, set]], model: str | None = None) -> dict:
    """The entities stage over each sentence (as a record), scored on characters."""
    from ..record import new_record
    from ..registry import build

    stages = build(["normalise", "tokenise", "entities"], {"entities": {"backend": backend_name, "model": model}})
    pred = []
    for k, (text, _) in enumerate(sents):
        rec = new_record(f"n{k}", text)
        for st in stages:
            rec = st(rec)
        pred.append({(e["start"], e["end"], e["label"]) for e in rec["entities"]})
    gold = [g for _, g in sents]
    return {mode: {t: prf_ci(u) for t, u in per_unit(gold, pred, NEWS_TYPES, overlap=mode == "overlap").items()}
            for mode in ("overlap", "exact")}


def table_ci(title: str, sc: dict, types) -> str:
    lines = [title, f"  {'type':<6} {'P [95% CI]':>22} {'R [95% CI]':>22} {'F1 [95% CI]':>22} {'gold':>5} {'pred':>5}"]
    for typ in (*types, "micro"):
        d = sc[typ]
        lines.append(f"  {typ:<6} {fmt(d, 'p'):>22} {fmt(d, 'r'):>22} {fmt(d, 'f'):>22} {d['gold']:5d} {d['pred']:5d}")
    return "\n".join(lines)


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
    splits = anercorp_splits(Path(data_dir))
    split = splits["dev_dedup"]
    n_words = sum(len(t) for t, _ in split)
    print(f"dev split: last sixth of ANERcorp TRAIN minus {len(splits['dev']) - len(split)} sentences that also occur "
          f"in TRAIN: {len(split)} sentences, {n_words} words")
    news_rows = load_news()
    news = news_sentences(Path(data_dir), news_rows) if news_rows else []
    if news:
        print(f"news held-out: {len(news)} sentences of {len({r['zip'] for r in news_rows})} SaudiNewsNet days "
              f"({NEWS_FILE.name}, split held), {sum(len(g) for _, g in news)} entities")
    else:
        print(f"news held-out: none ({NEWS_FILE.name} missing or empty)")
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
        sc = score_ci(be, split)
        wps = stage_speed(name, None, recs)
        print(table_ci(f"{name}: ANERcorp dev (deduplicated), exact span+type, {wps:,.0f} words/s", sc, TYPES))
        results[name] = {"available": True, "scores": sc, "words_per_s": round(wps)}
        if news:
            ns = score_news(name, news)
            for mode in ("overlap", "exact"):
                print(table_ci(f"{name}: news held-out, {mode} span + type", ns[mode], NEWS_TYPES))
            results[name]["news_held"] = ns
    return results
