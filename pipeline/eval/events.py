"""``python -m pipeline.eval --only events``: PLOVER event detection and actor
spans on the PLOVER gold (DEV half in ../shared/data/plover_gsr), plus speed.

Detection (per event type, ASSAULT and PROTEST): each gold sentence is run as
a one-article record through normalise → tokenise → entities → events; a
sentence is predicted positive when it yields an event of that type that is
asserted (``negated`` false and ``modality`` null).  "yes" sentences are
positives, "easy no" and "difficult no" negatives, "ambiguous" ignored.

Actor overlap (source and target, micro-averaged over both types): for each
span-gold sentence with a non-empty ``source_gold`` / ``target_gold``, the
predicted actor is taken from the event of that type whose trigger overlaps
``verb_gold`` (else the first event of the type).  It is correct when it shares
at least one normalised word (clitics stripped) with the gold span.
Precision = correct / predicted actors, recall = correct / gold actors.

Every figure is printed for the whole dev half, the TUNE part (used while
building the lexicon) and the HELD-OUT part (30% by a hash of the sentence id,
fixed before tuning; see pipeline/events/split.py).
"""
from __future__ import annotations

import csv
import json
import os
import time
import zipfile
from pathlib import Path

from ..arabic import normalise
from ..events.split import is_held_out
from ..events.triggers import candidates
from ..record import new_record
from ..registry import build
from .stats import prf_ci

TYPES = ("ASSAULT", "PROTEST")
_CPU: list[float] = []  # CPU seconds of the events stage per run_sentences call (robust to a busy machine)
PARTS = ("all", "tune", "held-out")


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def _part(sid: str) -> str:
    return "held-out" if is_held_out(sid) else "tune"


def _words(s: str) -> set[str]:
    out = set()
    for w in normalise(s).split():
        for st, p, _ in candidates(w):
            if p in ("", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "فال"):
                out.add(st)
    return out


def run_sentences(texts: list[tuple[str, str]], upstream, events_stage):
    """Run upstream stages then the events stage; returns (records, events seconds, whitespace words)."""
    recs = []
    for sid, text in texts:
        r = new_record(sid, text, {})
        for st in upstream:
            r = st(r)
        recs.append(r)
    words = sum(len(r["text"].split()) for r in recs)  # whitespace words, as the runner counts
    t0, c0 = time.perf_counter(), time.process_time()
    for r in recs:
        events_stage(r)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    _CPU.append(cpu)
    return recs, wall, words


def detection(gold_dir: Path, upstream, ev_stage, tune_only: bool = False) -> tuple[dict, float, int, dict]:
    scores, seconds, words, preds = {}, 0.0, 0, {}
    _CPU.clear()
    for typ in TYPES:
        path = gold_dir / f"{typ.lower()}_gsr.csv"
        rows = [r for r in csv.DictReader(path.open(encoding="utf-8"))
                if r["label"] != "ambiguous" and not (tune_only and is_held_out(r["id"]))]
        recs, sec, w = run_sentences([(r["id"], r["text"]) for r in rows], upstream, ev_stage)
        seconds += sec
        words += w
        counts = {p: [0, 0, 0] for p in PARTS}
        unanimous = {p: [0, 0, 0] for p in PARTS}  # "difficult no" (a dissenting annotator) left out
        units = {p: [] for p in PARTS}  # per sentence (tp, predicted, gold): the bootstrap's units
        for row, rec in zip(rows, recs):
            pos = any(e["type"] == typ and not e["negated"] and e["modality"] is None for e in rec["events"])
            preds[(typ, row["id"])] = rec
            gold = row["label"] == "yes"
            k = 0 if pos and gold else 1 if pos else 2 if gold else None
            if k is None:
                continue
            for part in ("all", _part(row["id"])):
                counts[part][k] += 1
                units[part].append((int(k == 0), int(pos), int(gold)))
                if row["label"] != "difficult no":
                    unanimous[part][k] += 1
        scores[typ] = {p: {**_prf(*counts[p]), "f1_ci": prf_ci(units[p])["f_ci"] if units[p] else None} for p in PARTS}
        scores[typ].update({f"{p} unanimous": _prf(*unanimous[p]) for p in PARTS})
    return scores, seconds, words, preds


def actor_overlap(gold_dir: Path, upstream, ev_stage, tune_only: bool = False) -> dict:
    """Actor overlap F1 per part; ``"given event"`` is the same restricted to the
    gold actors of sentences where an event of the type was found (the actor
    rules' own quality, detection aside); ``"no event"`` counts the gold actors
    of sentences without one, which no actor rule can reach."""
    counts = {p: {"source": [0, 0, 0], "target": [0, 0, 0]} for p in PARTS}  # correct, predicted, gold
    given = {p: [0, 0, 0] for p in PARTS}  # both roles, sentences with an event of the type
    missing = {p: 0 for p in PARTS}
    for typ in TYPES:
        items = json.loads((gold_dir / f"{typ.lower()}_spans.json").read_text(encoding="utf-8"))
        items = [it for it in items if not (tune_only and is_held_out(it["source"]))]
        recs, _, _ = run_sentences([(it["source"], it["text"]) for it in items], upstream, ev_stage)
        for it, rec in zip(items, recs):
            evs = [e for e in rec["events"] if e["type"] == typ]
            verb = _words(it.get("verb_gold") or "")
            ev = next((e for e in evs if _words(e["trigger"]["text"]) & verb), evs[0] if evs else None)
            for role, key in (("source", "source_gold"), ("target", "target_gold")):
                g = _words(it.get(key) or "")
                if not g:
                    continue
                pred = ev.get(f"{role}_actor") if ev else None
                hit = bool(pred) and bool(_words(pred["text"]) & g)
                for part in ("all", _part(it["source"])):
                    for c in ((counts[part][role], given[part]) if ev else (counts[part][role],)):
                        c[2] += 1
                        c[1] += bool(pred)
                        c[0] += hit
                    missing[part] += ev is None
    out = {}
    for part in PARTS:
        res = {}
        for role in ("source", "target"):
            c = counts[part][role]
            res[role] = _prf(c[0], c[1] - c[0], c[2] - c[0])
        tot = [sum(counts[part][r][k] for r in ("source", "target")) for k in range(3)]
        res["both"] = _prf(tot[0], tot[1] - tot[0], tot[2] - tot[0])
        g = given[part]
        res["given event"] = _prf(g[0], g[1] - g[0], g[2] - g[0])
        res["no event"] = missing[part]
        out[part] = res
    return out


def saudinewsnet_speed(data_dir: Path, upstream, ev_stage, max_articles: int = 300) -> dict | None:
    zips = sorted((data_dir / "saudinewsnet").glob("*.zip"))
    if not zips:
        return None
    with zipfile.ZipFile(zips[0]) as z:
        name = sorted(n for n in z.namelist() if n.endswith(".json"))[0]
        arts = json.loads(z.read(name).decode("utf-8"))
    arts = [a for a in arts if isinstance(a, dict) and a.get("content")][:max_articles]
    texts = [(f"snn{i}", a["content"]) for i, a in enumerate(arts)]
    _CPU.clear()
    recs, sec, words = run_sentences(texts, upstream, ev_stage)
    cpu = sum(_CPU)
    n_ev = sum(len(r["events"]) for r in recs)
    return {"file": f"{zips[0].name}:{name}", "articles": len(recs), "words": words, "seconds": round(sec, 3),
            "words_per_s": round(words / sec) if sec else None, "cpu_seconds": round(cpu, 3),
            "words_per_cpu_s": round(words / cpu) if cpu else None, "events": n_ev}


def main(data_dir: Path, args=None) -> dict:
    gold_dir = Path(data_dir) / "plover_gsr"
    if not gold_dir.exists():
        print(f"events: no PLOVER gold at {gold_dir}; skipped")
        return {}
    stages = build()
    upstream = [s for s in stages if s.name in ("normalise", "tokenise", "entities")]
    ev_stage = next(s for s in stages if s.name == "events")
    tune_only = bool(getattr(args, "tune_only", False))
    parts = ("tune",) if tune_only else PARTS
    if tune_only:
        print("TUNE part only (--tune-only): held-out sentences are neither run nor printed")
    det, sec, words, _ = detection(gold_dir, upstream, ev_stage, tune_only)
    cpu_gold = sum(_CPU)
    def rows(scores, suffix="", indent=""):
        for typ in TYPES:
            for part in parts:
                s = scores[typ][part + suffix]
                ci = f"   F1 95% CI [{s['f1_ci'][0]:.3f}, {s['f1_ci'][1]:.3f}]" if s.get("f1_ci") else ""
                print(f"{indent}{typ:8} {part:9} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}{ci}")

    print("Sentence-level detection (asserted events only; ambiguous ignored)")
    print(f"{'type':8} {'part':9} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    rows(det)
    print("  the same on unanimous labels only (\"difficult no\", where one annotator said yes, left out as well):")
    rows(det, " unanimous", "  ")
    # the same, with the learned gate switched off: what the rules alone do
    (rules_stage,) = build(["events"], {"events": {"use_gate": False}}, available=("id", "text", "meta", "norm", "lang", "sentences", "tokens", "entities"))
    det_rules, _, _, _ = detection(gold_dir, upstream, rules_stage, tune_only)
    print("  rules alone (use_gate=False):")
    rows(det_rules, "", "  ")
    act = actor_overlap(gold_dir, upstream, ev_stage, tune_only)
    print("\nActor overlap on the span gold (any shared word)")
    print(f"{'role':7} {'part':9} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for role in ("source", "target", "both"):
        for part in parts:
            s = act[part][role]
            print(f"{role:7} {part:9} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    print("  the same (both roles) only where an event of the type was found: the actor rules alone, detection aside")
    for part in parts:
        s = act[part]["given event"]
        print(f"  {'given':7} {part:9} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}"
              f"   ({act[part]['no event']} gold actors in sentences with no event of the type)")
    aud = audit(Path(data_dir), stages=upstream + [ev_stage])  # the stages already built: the models load once
    if aud and tune_only:
        aud = {k: v for k, v in aud.items() if k == "tune"}
    if aud:
        print("\nPrecision of all event types on news, from hand judgments (tests/data/events_audit.jsonl; single annotator)")
        for split, c in aud.items():
            print(f"  {split:9} {c['precision']:.3f}   {c['right']} right of the {c['present']} judged events still produced"
                  f" ({c['judged']} judged{'; ' + str(c['misaligned']) + ' misaligned' if c['misaligned'] else ''})")
    news = news_eval(Path(data_dir), upstream + [ev_stage], tune_only)
    speed = {"gold_sentences": {"words": words, "seconds": round(sec, 3), "words_per_s": round(words / sec) if sec else None,
                                "cpu_seconds": round(cpu_gold, 3), "words_per_cpu_s": round(words / cpu_gold) if cpu_gold else None}}
    snn = saudinewsnet_speed(Path(data_dir), upstream, ev_stage)
    if snn:
        speed["saudinewsnet"] = snn
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    speed["load_average_1min"] = round(load, 2)
    print(f"\nSpeed of the events stage alone, one process (upstream stages run beforehand, not timed; "
          f"machine load average {load:.1f}: wall-clock figures drop on a busy machine, CPU-time figures do not)")
    g = speed["gold_sentences"]
    print(f"  gold sentences: {g['words']} words: {g['words_per_s']} words/s wall ({g['seconds']} s), "
          f"{g['words_per_cpu_s']} words/s CPU ({g['cpu_seconds']} s)")
    if snn:
        print(f"  SaudiNewsNet {snn['file']} first {snn['articles']} articles, {snn['words']} words: "
              f"{snn['words_per_s']} words/s wall ({snn['seconds']} s), {snn['words_per_cpu_s']} words/s CPU "
              f"({snn['cpu_seconds']} s); {snn['events']} events")
    return {"detection": det, "detection_rules_only": det_rules, "actors": act, "audit": aud, "news": news, "speed": speed}


NEWS_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "news_events.jsonl"


def news_units(data_dir: Path, split: str | None = None) -> list[tuple[dict, str]]:
    """``(row, sentence text)`` of the team's news event set, of one split ("train": the
    training days, "held": the held-out days) or of all; a row whose text changed is left out."""
    import json

    from ..annotation.store import unit_texts

    rows = [json.loads(x) for x in NEWS_FILE.read_text(encoding="utf-8").splitlines() if x.strip()]
    return unit_texts(Path(data_dir), [r for r in rows if split is None or r["split"] == split])


def news_scores(rows: list[dict], recs: list[dict]) -> dict:
    """Per category, precision and recall of asserted events against the team's
    news set: a gold event counts when its status is asserted and it is not a
    background mention (``bg``); a predicted one when it is asserted (not
    negated, no modality).  A prediction is right when a gold event of the same
    category has an overlapping trigger (one-to-one); predictions that overlap
    a gold background or modal event of that category count neither way."""
    from .stats import prf_ci

    cats = sorted({e["category"] for r in rows for e in r["events"] if e.get("category")})
    units = {c: [] for c in (*cats, "all")}
    for r, rec in zip(rows, recs):
        off = r["span"][0]
        gold = [(e["category"], e["trigger"][0] - off, e["trigger"][1] - off, e["status"] == "asserted" and not e.get("bg"))
                for e in r["events"] if e.get("trigger")]
        pred = [(e["type"], e["trigger"]["start"], e["trigger"]["end"]) for e in rec["events"]
                if e["type"] != "OTHER" and not e["negated"] and e["modality"] is None]
        for c in (*cats, "all"):
            g = [x for x in gold if c in ("all", x[0])]
            p = [x for x in pred if c in ("all", x[0])]
            used, tp, dont_care = set(), 0, 0
            for pc, ps, pe in p:
                hit = next((k for k, (gc, gs, ge, _) in enumerate(g) if k not in used and gc == pc and gs < pe and ps < ge), None)
                if hit is None:
                    continue
                used.add(hit)
                if g[hit][3]:
                    tp += 1
                else:
                    dont_care += 1
            units[c].append((tp, len(p) - dont_care, sum(1 for x in g if x[3])))
    return {c: prf_ci(u) for c, u in units.items()}


def news_eval(data_dir: Path, stages, tune_only: bool = False) -> dict:
    """The team's news event set (docs/annotation/events.md): every sentence run
    alone through the stages; the held-out days are scored once per round."""
    from .stats import fmt

    if not NEWS_FILE.exists() or not (data_dir / "saudinewsnet").exists():
        return {}
    units = news_units(data_dir)
    out = {}
    for part in (("train",) if tune_only else ("train", "held")):
        sel = [r for r, _ in units if r["split"] == part]
        texts = [t for r, t in units if r["split"] == part]
        recs = []
        for k, text in enumerate(texts):
            rec = new_record(f"news{k}", text, {})
            for st in stages:
                rec = st(rec)
            recs.append(rec)
        sc = news_scores(sel, recs)
        out[part] = sc
        title = "news dev (training days)" if part == "train" else "news held-out (whole days; scored once per round)"
        print(f"\nAsserted events on the team's news set, {title}: {len(sel)} sentences (background mentions don't count either way)")
        print(f"  {'category':10} {'P [95% CI]':>22} {'R [95% CI]':>22} {'gold':>5} {'pred':>5}")
        for c, d in sorted(sc.items(), key=lambda kv: (kv[0] == "all", -kv[1]["gold"])):
            print(f"  {c:10} {fmt(d, 'p'):>22} {fmt(d, 'r'):>22} {d['gold']:5d} {d['pred']:5d}")
    return out


AUDIT_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "events_audit.jsonl"


def audit(data_dir: Path, stages=None, path: Path | None = None) -> dict | None:
    """Precision of the events of every PLOVER type on news, from hand judgments.

    ``tests/data/events_audit.jsonl`` is standoff (no article text): per line a
    SaudiNewsNet article (zip, index in the day's array, url), a trigger's
    offsets and the sha1 of its text, the event type, and ``ok`` (a reader
    judged it an event of that type, with its negation/modality right).  The
    ``tune`` part (one day, a sample stratified by type) is where the precision
    rules of the events3 round were found; the ``held-out`` part (another day,
    a uniform sample of the union of two versions' events) was judged after
    them.  Each judged article is run through the stages; precision = judged
    right / judged events the stages still produce.  The judgments are a sample:
    an event the current rules produce outside the judged pool is not scored
    (after a change that adds events, judge a new sample)."""
    path = path or AUDIT_FILE
    if not path.exists() or not (Path(data_dir) / "saudinewsnet").exists():
        return None
    from ..digest import text_sha1
    from .attributions import Articles

    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    arts = Articles(Path(data_dir))
    if stages is None:
        stages = build(["normalise", "tokenise", "entities", "events"])
    by_article: dict[tuple, list] = {}
    for it in items:
        by_article.setdefault((it["zip"], it["index"]), []).append(it)
    out: dict[str, dict] = {}
    for (zname, index), judged in sorted(by_article.items()):
        art = arts.day(zname)[index]
        text = art["content"]
        rec = new_record(art.get("url") or f"{zname}:{index}", text, {"date": judged[0].get("date") or None})
        for st in stages:
            rec = st(rec)
        produced = {(e["trigger"]["start"], e["type"]) for e in rec["events"]}
        for it in judged:
            c = out.setdefault(it["split"], {"judged": 0, "present": 0, "right": 0, "misaligned": 0})
            c["judged"] += 1
            if text_sha1(text[it["start"]:it["end"]]) != it["sha1"]:
                c["misaligned"] += 1  # the shared data is not the one judged
                continue
            if (it["start"], it["type"]) in produced:
                c["present"] += 1
                c["right"] += bool(it["ok"])
    for c in out.values():
        c["precision"] = round(c["right"] / c["present"], 3) if c["present"] else None
    return out
