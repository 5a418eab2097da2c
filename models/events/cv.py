"""Cross-validation INSIDE the TUNE part of the PLOVER gold (held-out never read):
compares the rules alone, a gate over rule hits (as committed) and a full
detector (any sentence with a candidate trigger of the type), with and without
character 3-4-gram features, over C and thresholds.  Two seeds x 5 folds,
out-of-fold probabilities averaged.  Slow (~8 min on a busy 2-core machine):

    nice python -m models.events.cv

Results and the decision taken are in docs/events.md ("Cross-validated
alternatives")."""
import csv
from pathlib import Path
import numpy as np

from pipeline.events.coder import code_record
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
        evs = code_record(rec, use_gate=False)
        norms = [t["norm"] for t in rec["tokens"]]
        ms = find(norms, 0, len(norms))
        out.append((norms, evs, ms, row["label"] == "yes", row["label"]))

    return out

def prf(y, p):
    tp = int(((y == 1) & (p == 1)).sum()); fp = int(((y == 0) & (p == 1)).sum()); fn = int(((y == 1) & (p == 0)).sum())
    P_ = tp/(tp+fp) if tp+fp else 0; R = tp/(tp+fn) if tp+fn else 0
    return (round(P_,3), round(R,3), round(2*P_*R/(P_+R) if P_+R else 0, 3))

for typ in ("ASSAULT", "PROTEST"):
    data = load(typ)
    y = np.array([int(d[3]) for d in data])
    rule = np.array([int(any(e["type"] == typ and not e["negated"] and e["modality"] is None for e in d[1])) for d in data])
    cand = np.array([int(any(m.entry.type == typ or m.entry.alt_type == typ for m in d[2])) for d in data])
    print(typ, len(y), "yes", y.sum(), "rules", prf(y, rule), "cand-ceiling recall", prf(y, cand))
    for char in (False, True):
        X_all = [feats(d[0], d[1], d[2], typ, char=char) for d in data]
        for C in (0.03, 0.1, 0.3, 1.0):
            probs = np.zeros(len(y)); gatep = np.zeros(len(y))
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
