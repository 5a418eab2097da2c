"""Cross-validation INSIDE the TUNE part of the PLOVER gold (held-out never read).

``nice python -m models.events.cv [--section grid|dense|all]``

* ``grid`` (~8 min on a busy 2-core machine): the rules alone, a gate over rule
  hits and a full detector (any sentence with a candidate trigger of the type),
  with and without character 3-4-gram features, over C and thresholds.  Two
  seeds x 5 folds, out-of-fold probabilities averaged.
* ``relaxed`` (~3 min): the second ASSAULT gate over the candidates only the rules' soft
  doubts held back (``relaxed_section``).
* ``dense`` (~4 min): the sparse gate (as committed before the floret round)
  against the sparse gate + dense floret blocks (``pipeline.events.gate.
  dense_features``: mean of the sentence's word vectors, of the words around
  the candidate triggers, of the triggers), 5 seeds x 5 folds over (scale, C,
  threshold); then NESTED cross-validation (outer 5 folds x 3 seeds, the
  hyper-parameters chosen by an inner 5-fold CV on each outer training part), so
  that the comparison does not reward the wider grid.

Results and the decision taken are in docs/events.md ("Cross-validated
alternatives")."""

import csv
import numpy as np

from pipeline.events.coder import code_families
from pipeline.events.triggers import find, candidates
from pipeline.events.split import is_held_out
from pipeline.record import new_record
from pipeline.registry import build as build_stages
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

P = ("", "و", "ف", "ب", "ال", "وال", "بال", "لل", "ل")
def feats(norms, evs, matches, typ, char=True, rule=True):
    f = {}
    for w in norms:
        for st, p, _ in candidates(w):
            if p in P:
                f["w:" + st] = 1
        if char:
            s = "<" + w + ">"
            for n in (3, 4):
                for i in range(len(s) - n + 1):
                    f["c:" + s[i:i+n]] = 1
    if rule:
        for m in matches:
            if m.entry.type == typ or m.entry.alt_type == typ:
                f["cand"] = 1
                f["cand_nom" if m.nominal else "cand_verb"] = 1
                f["cl:" + m.entry.lemma] = 1
        for e in evs:
            if e["type"] == typ:
                if e["negated"]: f["neg"] = 1
                elif e["modality"]: f["mod:" + e["modality"]] = 1
                else: f["asserted"] = 1
                f["m:" + str(e["mode"])] = 1
                f["trig:" + e["trigger"]["text"]] = 1
                if e["dead"] is not None: f["dead"] = 1
                if e["date"] is not None: f["date"] = 1
    return f

def load(typ):

    stages = build_stages(["normalise", "tokenise"])
    out = []
    for row in csv.DictReader(open(f'../shared/data/plover_gsr/{typ.lower()}_gsr.csv', encoding='utf-8')):
        if row["label"] == "ambiguous" or is_held_out(row["id"]): continue
        rec = new_record(row["id"], row["text"], {})
        for st in stages: rec = st(rec)
        rec["entities"] = []
        evs = code_families(rec, use_gate=False)
        norms = [t["norm"] for t in rec["tokens"]]
        ms = find(norms, 0, len(norms))
        out.append((norms, evs, ms, row["label"] == "yes", row["label"]))

    return out

def prf(y, p):
    tp = int(((y == 1) & (p == 1)).sum()); fp = int(((y == 0) & (p == 1)).sum()); fn = int(((y == 1) & (p == 0)).sum())
    P_ = tp/(tp+fp) if tp+fp else 0; R = tp/(tp+fn) if tp+fn else 0
    return (round(P_,3), round(R,3), round(2*P_*R/(P_+R) if P_+R else 0, 3))

def old_grid(typ):
    data = load(typ)
    y = np.array([int(d[3]) for d in data])
    rule = np.array([int(any(e["type"] == typ and not e["negated"] and e["modality"] is None for e in d[1])) for d in data])
    cand = np.array([int(any(m.entry.type == typ or m.entry.alt_type == typ for m in d[2])) for d in data])
    print(typ, len(y), "yes", y.sum(), "rules", prf(y, rule), "cand-ceiling recall", prf(y, cand))
    for char in (False, True):
        X_all = [feats(d[0], d[1], d[2], typ, char=char) for d in data]
        for C in (0.03, 0.1, 0.3, 1.0):
            probs = np.zeros(len(y))
            for seed in (0, 1):
                skf = StratifiedKFold(5, shuffle=True, random_state=seed)
                for tr, te in skf.split(np.zeros(len(y)), y):
                    dv = DictVectorizer()
                    from collections import Counter
                    df = Counter(k for i in tr for k in X_all[i])
                    keep = {k for k, n in df.items() if n >= 2}
                    Xtr = dv.fit_transform([{k: v for k, v in X_all[i].items() if k in keep} for i in tr])
                    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(Xtr, y[tr])
                    probs[te] += clf.predict_proba(dv.transform([X_all[i] for i in te]))[:, 1] / 2
            res = []
            for thr in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
                det = ((probs >= thr) & (cand == 1)).astype(int)
                gate = ((probs >= thr) & (rule == 1)).astype(int)
                res.append((thr, prf(y, det)[2], prf(y, gate)[2], prf(y, det)))
            best = max(res, key=lambda r: r[1])
            print(f" char={char} C={C}", " ".join(f"{t}:{a}/{b}" for t, a, b, _ in res), "best det", best[0], best[3])


# -- dense floret blocks (the ASSAULT gate since the floret round) -------------------------
from collections import Counter
import scipy.sparse as sp

from pipeline.events.gate import dense_features, features

THRS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
SPARSE_GRID = [(None, C) for C in (0.03, 0.1, 0.3, 1.0)]
DENSE_GRID = [(3, 0.1), (10, 0.1), (10, 0.03), (30, 0.03), (30, 0.01)]  # (scale of the dense block, C)


def f1(y, p):
    return prf(y, p)[2]


def dense_data(typ, window=3):
    data = load(typ)
    y = np.array([int(d[3]) for d in data])
    rule = np.array([int(any(e["type"] == typ and not e["negated"] and e["modality"] is None for e in d[1])) for d in data])
    F = [features(d[0], d[1], typ) for d in data]
    names = [f"d:{b}:{i}" for b in ("mean", "win", "trig") for i in range(100)]
    Xd = np.array([[g.get(k, 0.0) for k in names] for g in (dense_features(d[0], typ, window) for d in data)])
    return y, rule, F, Xd


def fit_predict(F, Xd, y, tr, te, scale, C):
    """The build's recipe (models/events/build.py: min_df 2 on sparse features, balanced LR)."""
    df = Counter(k for i in tr for k in F[i])
    keep = {k for k, n in df.items() if n >= 2}
    dv = DictVectorizer()
    A = dv.fit_transform([{k: v for k, v in F[i].items() if k in keep} for i in tr])
    B = dv.transform([F[i] for i in te])
    if scale is not None:
        A = sp.hstack([A, sp.csr_matrix(Xd[tr] * scale)]).tocsr()
        B = sp.hstack([B, sp.csr_matrix(Xd[te] * scale)]).tocsr()
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(A, y[tr])
    return clf.predict_proba(B)[:, 1]


def grid_cv(y, rule, F, Xd, grid, seeds=range(5)):
    """Mean (over seeds) out-of-fold F1 of the gate on rule hits, per (scale, C, threshold)."""
    out = {}
    for scale, C in grid:
        per = {t: [] for t in THRS}
        for seed in seeds:
            probs = np.zeros(len(y))
            for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
                probs[te] = fit_predict(F, Xd, y, tr, te, scale, C)
            for t in THRS:
                per[t].append(f1(y, ((probs >= t) & (rule == 1)).astype(int)))
        for t in THRS:
            out[(scale, C, t)] = (float(np.mean(per[t])), float(np.std(per[t])))
    return out


def nested_cv(y, rule, F, Xd, grid, outer_seeds=(0, 1, 2)):
    """Outer 5-fold F1 per seed, the (scale, C, threshold) chosen by an inner 5-fold CV each time."""
    scores, chosen = [], Counter()
    for seed in outer_seeds:
        pred = np.zeros(len(y), int)
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=100 + seed).split(np.zeros(len(y)), y):
            best = None
            for scale, C in grid:
                pr = np.zeros(len(y))
                for itr, ite in StratifiedKFold(5, shuffle=True, random_state=seed).split(np.zeros(len(tr)), y[tr]):
                    pr[tr[ite]] = fit_predict(F, Xd, y, tr[itr], tr[ite], scale, C)
                for t in THRS:
                    f = f1(y[tr], ((pr[tr] >= t) & (rule[tr] == 1)).astype(int))
                    if best is None or f > best[0]:
                        best = (f, scale, C, t)
            _, scale, C, t = best
            chosen[(scale, C, t)] += 1
            pred[te] = ((fit_predict(F, Xd, y, tr, te, scale, C) >= t) & (rule[te] == 1)).astype(int)
        scores.append(f1(y, pred))
    return scores, chosen.most_common(3)


def dense_section(typ):
    y, rule, F, Xd = dense_data(typ)
    print(f"{typ}: {len(y)} TUNE sentences, {y.sum()} yes; rules alone F1 {f1(y, rule)}", flush=True)
    for label, grid in (("sparse gate", SPARSE_GRID), ("sparse + dense gate", DENSE_GRID)):
        res = grid_cv(y, rule, F, Xd, grid)
        (bs, bc, bt), (bm, bsd) = max(res.items(), key=lambda kv: kv[1][0])
        print(f"  {label}: best of grid (5 seeds x 5 folds) scale={bs} C={bc} thr={bt}: F1 {bm:.3f} ± {bsd:.3f}", flush=True)
        if grid is SPARSE_GRID:
            m, sd = res[(None, 0.1, {"ASSAULT": 0.4, "PROTEST": 0.2}[typ])]
            print(f"  sparse gate as committed before (C=0.1, thr {'0.4' if typ == 'ASSAULT' else '0.2'}): F1 {m:.3f} ± {sd:.3f}", flush=True)
        scores, chosen = nested_cv(y, rule, F, Xd, grid)
        print(f"  {label}: NESTED CV F1 {np.mean(scores):.3f} (per seed {[round(s, 3) for s in scores]}), chosen {chosen}", flush=True)


def relaxed_section(data_dir="../shared/data"):
    """The second ASSAULT gate (coder.RELAXABLE): 5-fold CV grouped by sentence id over the
    PLOVER TUNE part and the news set's training days, the features exactly as
    models/events/build.py trains them.  Compares the committed first gate alone (rule-kept
    candidates, C 0.1, threshold 0.4) with the first gate + the second over the sentences
    where the rules kept nothing, per (C, threshold); F1 per sentence with 95% bootstrap
    intervals on each set."""
    from collections import Counter
    from pathlib import Path

    from sklearn.model_selection import GroupKFold

    from models.events import build as B
    from pipeline.eval.stats import prf_ci

    data_dir = Path(data_dir)
    first = B.gate_examples(data_dir, "ASSAULT")
    second = B.gate_examples(data_dir, "ASSAULT_RELAXED")
    n_plover = len(first) - len(B.news_gate_examples(data_dir, "ASSAULT", False, build_stages(["normalise", "tokenise"])))
    y = [int(lab) for _, lab in first]
    strict = [bool(f.get("strict")) for f, _ in second]
    cand = [any(k.startswith("trig:") for k in f) for f, _ in second]
    folds = list(GroupKFold(n_splits=5).split(y, groups=list(range(len(y)))))

    def oof(ex, C):
        prob = [0.0] * len(ex)
        for tr, te in folds:
            df = Counter(k for i in tr for k in ex[i][0])
            keep = {k for k, n in df.items() if n >= B.GATE_MIN_DF}
            dv = DictVectorizer()
            X = dv.fit_transform([{k: v for k, v in ex[i][0].items() if k in keep} for i in tr])
            clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X, [y[i] for i in tr])
            p = clf.predict_proba(dv.transform([{k: v for k, v in ex[i][0].items() if k in keep} for i in te]))[:, 1]
            for i, v in zip(te, p):
                prob[i] = v
        return prob

    def show(name, pred):
        out = []
        for part, idx in (("PLOVER TUNE", range(n_plover)), ("news dev", range(n_plover, len(y)))):
            c = prf_ci([(int(pred[i] and y[i]), int(pred[i]), y[i]) for i in idx])
            out.append(f"{part} F1 {c['f']:.3f} [{c['f_ci'][0]:.3f}, {c['f_ci'][1]:.3f}] P {c['p']:.3f} R {c['r']:.3f}")
        print(f"  {name:28} " + " | ".join(out), flush=True)

    p1 = oof(first, B.GATE["ASSAULT"]["C"])
    asserted = strict  # the rules kept an asserted ASSAULT (where the first gate decides)
    print(f"ASSAULT second gate: {n_plover} PLOVER TUNE + {len(y) - n_plover} news dev sentences, {sum(y)} yes")
    show("first gate only", [asserted[i] and p1[i] >= B.GATE["ASSAULT"]["threshold"] for i in range(len(y))])
    for C in (0.1, 0.3, 1.0):
        p2 = oof(second, C)
        for t in (0.5, 0.6, 0.7, 0.8):
            show(f"+ second C {C} t {t}", [(asserted[i] and p1[i] >= B.GATE["ASSAULT"]["threshold"])
                                           or (not asserted[i] and cand[i] and p2[i] >= t) for i in range(len(y))])


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--section", choices=("grid", "dense", "relaxed", "all"), default="dense")
    section = ap.parse_args().section
    for typ in ("ASSAULT", "PROTEST"):
        if section in ("grid", "all"):
            old_grid(typ)
        if section in ("dense", "all"):
            dense_section(typ)
    if section in ("relaxed", "all"):
        relaxed_section()
