"""Dev-set scores of the attributions stage (``make eval``, section attributions).

The dev set (``tests/data/attributions_dev*.jsonl``) is standoff: per line a
SaudiNewsNet article reference (zip, index in the day's JSON array, url), the
paragraph's character offsets in the article's ``content`` and a sha1 of the
paragraph, and per attribution the cue / source / content offsets plus the
named / count / kind labels.  The article text is read from the shared data,
never stored in the repository.

Scores: precision / recall / F1 of cue, source and content spans, exact and
overlap (one-to-one matching per paragraph), ``named`` and ``count`` accuracy
on the sources matched by overlap, pronoun-antecedent accuracy; overall, for
the tuning part and for the held-out part (never looked at while writing the
rules).  Sources resolved from a pronoun are scored apart (``antecedent``):
the ``source`` figures are over sources written in the sentence.

Speed: words per second of the attributions stage alone (after tokenising),
over the dev articles and over a SaudiNewsNet day not used by the dev set.
"""
from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

from ..digest import text_sha1

ROOT = Path(__file__).resolve().parents[2]
DEV_FILES = sorted((ROOT / "tests" / "data").glob("attributions_dev*.jsonl"))
#: the team's news set (docs/annotation/attributions.md; standoff from pipeline.annotation.store)
NEWS_FILE = ROOT / "tests" / "data" / "news_attributions.jsonl"
SPEED_DAY = "2015-08-10.zip"
SPEED_ARTICLES = 600


def load_dev(paths=None) -> list[dict]:
    items = []
    for p in paths or DEV_FILES:
        with open(p, encoding="utf-8") as f:
            items.extend(json.loads(line) for line in f if line.strip())
    return items


class Articles:
    """Articles of the SaudiNewsNet zips, one JSON array per day, cached."""

    def __init__(self, data_dir: Path):
        self.dir = Path(data_dir) / "saudinewsnet"
        self._days: dict[str, list] = {}

    def day(self, name: str) -> list[dict]:
        if name not in self._days:
            with zipfile.ZipFile(self.dir / name) as z:
                self._days[name] = json.loads(z.read(z.namelist()[0]))
        return self._days[name]

    def content(self, name: str, index: int) -> str:
        return self.day(name)[index]["content"]


def _prepare(text: str, stages) -> dict:
    from ..record import new_record

    rec = new_record("dev", text, {})
    for st in stages:
        rec = st(rec)
    return rec


def build_stages(with_ner: bool):
    """normalise, tokenise, entities (when the NER model loads) and events."""
    from ..registry import build

    names = ["normalise", "tokenise", "entities", "events"]
    if with_ner:
        try:
            return build(names), True
        except Exception as exc:  # no model: score without entities, and say so
            print(f"  (entities stage unavailable: {exc}; scoring without entities)")
    from ..stages.events import Events
    from ..stages.normalise import Normalise
    from ..stages.tokenise import Tokenise

    class NoEntities:
        name = "entities"

        def __call__(self, rec):
            rec["entities"] = []
            return rec

    return [Normalise(), Tokenise(), NoEntities(), Events()], False


def _overlap(a, b) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match(gold: list, pred: list, exact: bool) -> list[tuple[int, int]]:
    """One-to-one matching of spans (start, end): equal spans when ``exact``,
    else greatest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if exact:
                if g[0] == p[0] and g[1] == p[1]:
                    pairs.append((1, gi, pi))
            else:
                ov = _overlap(g, p)
                if ov > 0:
                    pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


class Counts:
    def __init__(self):
        self.c: dict[str, list[int]] = {}

    def add(self, name: str, tp: int, n_gold: int, n_pred: int):
        v = self.c.setdefault(name, [0, 0, 0])
        v[0] += tp
        v[1] += n_gold
        v[2] += n_pred

    def prf(self, name: str) -> dict:
        tp, g, p = self.c.get(name, [0, 0, 0])
        pr = tp / p if p else 0.0
        rc = tp / g if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"p": round(pr, 3), "r": round(rc, 3), "f1": round(f, 3), "tp": tp, "gold": g, "pred": p}


def score(items: list[dict], preds: list[list[dict]]) -> dict:
    cnt = Counts()
    named_ok = named_n = count_ok = count_n = ante_ok = ante_n = 0
    errors = []
    for it, pr in zip(items, preds):
        gold = it["attributions"]
        for part in ("cue", "content"):
            gs = [tuple(g[part]) for g in gold]
            ps = [(p[part]["start"], p[part]["end"]) for p in pr]
            for mode in ("exact", "overlap"):
                m = match(gs, ps, mode == "exact")
                cnt.add(f"{part}/{mode}", len(m), len(gs), len(ps))
        # sources written in the text
        g_src = [g for g in gold if not g.get("resolved")]
        p_src = [p for p in pr if not p["source"].get("resolved")]
        gs = [tuple(g["source"]) for g in g_src]
        ps = [(p["source"]["start"], p["source"]["end"]) for p in p_src]
        for mode in ("exact", "overlap"):
            m = match(gs, ps, mode == "exact")
            cnt.add(f"source/{mode}", len(m), len(gs), len(ps))
            if mode == "overlap":
                for gi, pi in m:
                    g, p = g_src[gi], p_src[pi]["source"]
                    named_n += 1
                    count_n += 1
                    named_ok += g["named"] == p["named"]
                    count_ok += g["count"] == p["count"]
                    if g["named"] != p["named"] or g["count"] != p["count"]:
                        errors.append((it, "fields", g, p))
        # pronoun continuations: matched by cue, antecedent span must overlap the gold one
        m = match([tuple(g["cue"]) for g in gold], [(p["cue"]["start"], p["cue"]["end"]) for p in pr], False)
        for gi, pi in m:
            g = gold[gi]
            if g.get("resolved") and g.get("source") is not None:
                ante_n += 1
                ps = pr[pi]["source"]
                ante_ok += _overlap(tuple(g["source"]), (ps["start"], ps["end"])) > 0
    out = {k: cnt.prf(k) for k in ("cue/exact", "cue/overlap", "source/exact", "source/overlap", "content/exact", "content/overlap")}
    out["named_acc"] = round(named_ok / named_n, 3) if named_n else None
    out["count_acc"] = round(count_ok / count_n, 3) if count_n else None
    out["named_n"] = named_n
    out["antecedent_acc"] = round(ante_ok / ante_n, 3) if ante_n else None
    out["antecedent_n"] = ante_n
    out["_errors"] = errors
    return out


def run_dev(data_dir: Path, items: list[dict], with_ner: bool = True):
    """Predictions for every dev paragraph: the stage runs over the whole
    article; attributions whose cue starts in the paragraph are kept."""
    from ..attributions import extract

    arts = Articles(data_dir)
    stages, ner = build_stages(with_ner)
    preds, kept, drift = [], [], 0
    cache: dict[tuple, dict] = {}
    t_attr = 0.0
    words = 0
    for it in items:
        text = arts.content(it["zip"], it["index"])
        s, e = it["para"]
        if text_sha1(text[s:e]) != it["sha1"]:
            drift += 1
            continue
        k = (it["zip"], it["index"])
        if k not in cache:
            rec = _prepare(text, stages)
            t0 = time.perf_counter()
            atts = extract(rec)
            t_attr += time.perf_counter() - t0
            words += len(text.split())
            for a in atts:
                for part in ("cue", "source", "content"):
                    assert text[a[part]["start"]:a[part]["end"]] == a[part]["text"]
            cache[k] = atts
        preds.append([a for a in cache[k] if s <= a["cue"]["start"] < e])
        kept.append(it)
    return kept, preds, {"drift": drift, "ner": ner, "words": words, "seconds": t_attr}


def speed(data_dir: Path, day: str = SPEED_DAY, n: int = SPEED_ARTICLES) -> dict:
    """Words/s of the attributions stage alone over ``n`` articles of a day."""
    from ..attributions import extract

    arts = Articles(data_dir)
    stages, _ = build_stages(False)
    recs = []
    for a in arts.day(day)[:n]:
        if a.get("content", "").strip():
            recs.append(_prepare(a["content"], stages))
    words = sum(len(r["text"].split()) for r in recs)
    t0 = time.perf_counter()
    n_att = 0
    for r in recs:
        n_att += len(extract(r))
    dt = time.perf_counter() - t0
    return {"day": day, "articles": len(recs), "words": words, "seconds": round(dt, 3), "words_per_s": round(words / dt) if dt else None, "attributions": n_att}


def load_news(path: Path | None = None) -> list[dict]:
    """The team's news set in the dev set's item shape: a pronoun continuation's
    source is its antecedent's span (``resolved``), a source with no antecedent
    in the paragraph is ``None``."""
    path = path or NEWS_FILE
    if not path.exists():
        return []
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        by_n = {a["n"]: a for a in r["attributions"]}
        atts = []
        for a in r["attributions"]:
            g = {"cue": a["cue"], "content": a["content"] or a["cue"], "source": a["source"], "named": a["named"],
                 "count": a["count"], "kind": a["kind"]}
            if a.get("src_given"):
                ante = by_n.get(a.get("src"))
                g["source"] = ante["source"] if ante else None
                g["resolved"] = "pronoun"
                if ante:
                    g.update(named=ante["named"], count=ante["count"], kind=ante["kind"])
            elif a.get("resolved"):
                g["resolved"] = "pronoun"
            if g["source"] is None and not g.get("resolved"):
                g["resolved"] = "none"
            atts.append(g)
        items.append({"zip": r["zip"], "index": r["index"], "para": r["span"], "sha1": r["sha1"], "split": r["split"],
                      "id": r["id"], "attributions": atts})
    return items


PARTS = ("source", "cue", "content")


def score_ci(items: list[dict], preds: list[list[dict]]) -> dict:
    """Source, cue and content P/R/F1 (exact and overlap), named and count
    accuracy (matched sources) and counted-source accuracy (gold sources with
    count >= 2 found with that count), each with a 95% bootstrap interval over
    paragraphs."""
    from .stats import accuracy_ci, prf_ci

    spans = {f"{part}_{mode}": [] for part in PARTS for mode in ("exact", "overlap")}
    named, count, counted = [], [], []
    for it, pr in zip(items, preds):
        sc = score([it], [pr])
        for part in PARTS:
            for mode in ("exact", "overlap"):
                c = sc[f"{part}/{mode}"]
                spans[f"{part}_{mode}"].append((c["tp"], c["pred"], c["gold"]))
        n = sc["named_n"]
        named.append((round((sc["named_acc"] or 0) * n), n))
        count.append((round((sc["count_acc"] or 0) * n), n))
        g_src = [g for g in it["attributions"] if not g.get("resolved")]
        p_src = [p for p in pr if not p["source"].get("resolved")]
        m = dict(match([tuple(g["source"]) for g in g_src], [(p["source"]["start"], p["source"]["end"]) for p in p_src], False))
        gold_counted = [gi for gi, g in enumerate(g_src) if (g["count"] or 0) >= 2]
        right = sum(1 for gi in gold_counted if gi in m and p_src[m[gi]]["source"]["count"] == g_src[gi]["count"])
        counted.append((right, len(gold_counted)))
    out = {k: prf_ci(v) for k, v in spans.items()}
    out.update(named=accuracy_ci(named), count=accuracy_ci(count), counted_sources=accuracy_ci(counted))
    return out


def _ci_table(title: str, sc: dict, n_par: int) -> str:
    from .stats import fmt

    lines = [f"  {title}: {n_par} paragraphs, {sc['source_overlap']['gold']} written sources, "
             f"{sc['cue_overlap']['gold']} attributions"]
    for part in PARTS:
        for mode in ("exact", "overlap"):
            d = sc[f"{part}_{mode}"]
            lines.append(f"    {part:<7} {mode:<7} P {fmt(d, 'p')}  R {fmt(d, 'r')}  F1 {fmt(d, 'f')}")
    lines += [
        f"    named accuracy {fmt(sc['named'], 'acc')} (of {sc['named']['n']} matched)   count accuracy {fmt(sc['count'], 'acc')}",
        f"    dual or numbered sources with the right count {fmt(sc['counted_sources'], 'acc')} (of {sc['counted_sources']['n']})",
    ]
    return "\n".join(lines)


def news_eval(data_dir: Path, with_ner: bool) -> dict:
    """The team's news set: dev part (training days) and the frozen held-out days."""
    items = load_news()
    if not items:
        print(f"  news set: none ({NEWS_FILE.name} missing)")
        return {}
    kept, preds, info = run_dev(data_dir, items, with_ner=with_ner)
    out = {}
    for part, title in (("train", "news dev (training days)"), ("held", "news held-out (whole days; scored once per round, errors never read)")):
        sel = [i for i, it in enumerate(kept) if it["split"] == part]
        if sel:
            sc = score_ci([kept[i] for i in sel], [preds[i] for i in sel])
            out[part] = sc
            print(_ci_table(title, sc, len(sel)))
    return out


def _table(name: str, sc: dict, n_par: int) -> str:
    lines = [f"  {name}: {n_par} paragraphs"]
    lines.append(f"    {'':<8} {'exact P':>8} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6} | gold pred")
    for part in ("source", "cue", "content"):
        ex, ov = sc[f"{part}/exact"], sc[f"{part}/overlap"]
        lines.append(f"    {part:<8} {ex['p']:>8.3f} {ex['r']:>6.3f} {ex['f1']:>6.3f} | {ov['p']:>9.3f} {ov['r']:>6.3f} {ov['f1']:>6.3f} | {ov['gold']:>4} {ov['pred']:>4}")
    lines.append(f"    named accuracy {sc['named_acc']}  count accuracy {sc['count_acc']}  (on {sc['named_n']} matched sources);"
                 f" pronoun antecedents {sc['antecedent_acc']} (of {sc['antecedent_n']})")
    return "\n".join(lines)


def main(data_dir: Path, args=None) -> dict:  # noqa: ARG001 (every eval module has this signature)
    data_dir = Path(data_dir)
    if not (data_dir / "saudinewsnet").exists():
        print(f"  skipped: no SaudiNewsNet data at {data_dir / 'saudinewsnet'}")
        return {"skipped": True}
    items = load_dev()
    with_ner = os.environ.get("ATTR_EVAL_NER", "1") != "0"
    kept, preds, info = run_dev(data_dir, items, with_ner=with_ner)
    if info["drift"]:
        print(f"  warning: {info['drift']} paragraphs changed in the data (sha1 differs) and were skipped")
    print(f"  dev set: {', '.join(p.name for p in DEV_FILES)}; entities {'from the entities stage' if info['ner'] else 'absent'}")
    res = {}
    parts = {
        "all": ("all", lambda _it: True),
        "tune": ("tune", lambda it: it["split"] == "tune"),
        "held": ("held (never looked at while tuning)", lambda it: it["split"] == "held"),
        "held_old": ("held, batches 1-2 (no longer blind: their errors were read for the rules of batch 3's round)", lambda it: it["split"] == "held" and it.get("batch") != 3),
        "held_batch2": ("held, batch 2 only (annotated after the rules were first frozen)", lambda it: it.get("batch") == 2),
        "held_batch3": ("held, batch 3 only (annotated before the second round of rules; never tuned on)", lambda it: it.get("batch") == 3),
    }
    for part, (title, keep) in parts.items():
        sel = [i for i, it in enumerate(kept) if keep(it)]
        if not sel:
            continue
        sc = score([kept[i] for i in sel], [preds[i] for i in sel])
        errs = sc.pop("_errors")
        res[part] = sc
        print(_table(title, sc, len(sel)))
        # ATTR_EVAL_ERRORS=1 lists the tuning part's field errors, =held_old also
        # those of the old held-out batches; batch 3's errors are never printed
        show = os.environ.get("ATTR_EVAL_ERRORS", "")
        if show and (part == "tune" or (show == "held_old" and part == "held_old")):
            for it, what, g, p in errs:
                print("   ", what, it["zip"], it["index"], g, {k: p.get(k) for k in ("text", "named", "count")})
    res["news"] = news_eval(data_dir, with_ner)
    dev_wps = round(info["words"] / info["seconds"]) if info["seconds"] else None
    res["speed_dev"] = {"words": info["words"], "seconds": round(info["seconds"], 3), "words_per_s": dev_wps}
    print(f"  speed (attributions stage alone, dev articles): {info['words']} words in {info['seconds']:.3f} s = {dev_wps} words/s")
    try:
        sp = speed(data_dir)
        res["speed_day"] = sp
        print(f"  speed (attributions stage alone, {sp['articles']} articles of {sp['day']}): {sp['words']} words in {sp['seconds']} s = {sp['words_per_s']} words/s, {sp['attributions']} attributions")
    except FileNotFoundError as exc:
        print(f"  speed over a SaudiNewsNet day skipped: {exc}")
    return res
