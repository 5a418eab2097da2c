"""NER experiments that were measured and NOT adopted (docs/ner.md, "Other
approaches measured").  Kept so the numbers can be reproduced:

    python -m models.ner.experiments crf    --data ../shared/data   # ~6 min
    python -m models.ner.experiments silver --data ../shared/data   # ~8 min

* ``crf``: a feature-rich linear-chain CRF (python-crfsuite, L-BFGS, c1 0.05,
  c2 0.01, 200 iterations) over the same Arabic features as the spaCy model
  (normalised form, clitic-stripped stem, affixes, ANERGazet and names.txt
  membership) plus k-means clusters (64/256/1024) of the committed model's
  floret vectors, in a ±2 window; trained on train + AQMAR, scored on tune and
  dev, alone and as a union with the committed spaCy model (spaCy's entities,
  plus CRF entities overlapping none of them).
* ``silver``: the committed spaCy model (without its known-entity list) tags
  the first 3 M words of SaudiNewsNet; token sequences it tagged at least N
  times with one label in ≥ 80/90 % of cases become an extra known-entity
  fallback, scored on tune and dev.

Model selection would be on tune; dev is printed for the record.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from pipeline.arabic import normalise
from pipeline.eval.ner import prf
from pipeline.ner import corpus as D
from pipeline.ner.features import gazetteer_index, stem

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "ner" / "spacy"
KS = (64, 256, 1024)


def cluster_centres(vector, words: list[str], ks=KS, seed: int = 0) -> dict[int, np.ndarray]:
    """k-means centres (unit-normalised vectors) for each k in ``ks``."""
    from sklearn.cluster import MiniBatchKMeans

    X = np.stack([vector(w) for w in words]).astype("float32")
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-8
    return {k: MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3,
                               max_iter=100).fit(X).cluster_centers_.astype("float32") for k in ks}


class Featurizer:
    """crfsuite feature strings for a sentence of tokens."""

    def __init__(self, vector, cents: dict, gaz: dict, names: set):
        self.vector, self.cents, self.gaz, self.names = vector, cents, gaz, names
        self.ks = sorted(cents)
        self.cache: dict[str, dict] = {}

    def word(self, w: str) -> dict:
        f = self.cache.get(w)
        if f is not None:
            return f
        n = normalise(w)
        s = stem(n)
        shape = ("D" if any(c.isdigit() for c in w) else "L" if any("a" <= c.lower() <= "z" for c in w)
                 else "A" if any(c.isalpha() for c in w) else "P")
        f = {"n": n, "s": s, "sh": shape, "p2": n[:2], "p3": n[:3], "x2": n[-2:], "x3": n[-3:],
             "sx2": s[-2:], "sp2": s[:2], "al": str(int(n.startswith("ال") or (len(n) > 3 and n[1:3] == "ال"))),
             "g": self.gaz.get(n) or self.gaz.get(s) or "O", "nm": str(int(n in self.names or s in self.names))}
        v = np.asarray(self.vector(n), dtype="float32")
        v = v / (np.linalg.norm(v) + 1e-8)
        for k in self.ks:
            f[f"c{k}"] = str(int(np.argmax(self.cents[k] @ v)))
        self.cache[w] = f
        return f

    def sent(self, toks: list[str]) -> list[list[str]]:
        W = [self.word(t) for t in toks]
        L, mid = len(W), self.ks[len(self.ks) // 2]
        out = []
        for i, f in enumerate(W):
            fs = ["b"] + [f"{k}={v}" for k, v in f.items()]
            for d in (-2, -1, 1, 2):
                j = i + d
                if not 0 <= j < L:
                    fs.append(f"{d}:{'BOS' if d < 0 else 'EOS'}")
                    continue
                g = W[j]
                keys = ["n", "s", "g", "nm", "sh", f"c{mid}"]
                if abs(d) == 1:
                    keys += ["al", "x2"] + [f"c{k}" for k in self.ks if k != mid]
                fs += [f"{d}:{k}={g[k]}" for k in keys]
            if i:
                fs.append(f"bg-={W[i - 1]['s']}|{f['s']}")
            if i + 1 < L:
                fs.append(f"bg+={f['s']}|{W[i + 1]['s']}")
            fs.append("gg=" + (W[i - 1]["g"] if i else "^") + "|" + f["g"] + "|" + (W[i + 1]["g"] if i + 1 < L else "$"))
            out.append(fs)
        return out


def train_crf(fz: Featurizer, sents, path: Path, c1=0.05, c2=0.01, iters=200):
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for toks, tags in sents:
        tr.append(fz.sent(toks), tags)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    tr.train(str(path))
    tg = pycrfsuite.Tagger()
    tg.open(str(path))
    return tg


def crf_predict(tagger, fz: Featurizer, sents: list[list[str]]):
    return [D.entities((toks, D._repair(tagger.tag(fz.sent(toks))))) for toks in sents]


def union(first, second):
    """``first``'s entities plus ``second``'s that overlap none of them."""
    out = []
    for a, b in zip(first, second):
        taken = {i for s, e, _ in a for i in range(s, e)}
        out.append(sorted(a + [x for x in b if not taken.intersection(range(x[0], x[1]))]))
    return out


def score(sents, preds) -> dict:
    gold = {(i, a, b, t) for i, s in enumerate(sents) for a, b, t in D.entities(s)}
    return prf(gold, {(i, a, b, t) for i, p in enumerate(preds) for a, b, t in p})


def line(name: str, sc: dict) -> str:
    m = sc["micro"]
    return (f"  {name:<22} P {m['p']:.3f} R {m['r']:.3f} F1 {m['f']:.3f}   "
            + "  ".join(f"{t} {sc[t]['f']:.3f}" for t in ("PER", "LOC", "ORG", "MISC")))


def _spacy(known=True):
    from pipeline.ner.spacy_backend import SpacyNER

    return SpacyNER(str(MODEL), known=known)


def run_crf(data: Path, work: Path) -> None:
    t0 = time.time()
    sp, aq = D.anercorp_splits(data), D.aqmar(data)
    model = _spacy()
    vocab = model.nlp.vocab
    cnt: Counter = Counter()
    for art in D.saudinewsnet_articles(data):
        for w in (art.get("content") or "").split():
            cnt[normalise(w)] += 1
    for toks, _ in sp["train"] + sp["tune"] + aq:
        for w in toks:
            cnt[normalise(w)] += 3
    words = sorted(w for w, _ in cnt.most_common(60000))
    cents = cluster_centres(vocab.get_vector, words)
    names = set((ROOT / "models" / "ner" / "names.txt").read_text(encoding="utf-8").split())
    fz = Featurizer(vocab.get_vector, cents, gazetteer_index(D.gazetteers(data)), names)
    tagger = train_crf(fz, sp["train"] + aq, work / "crf.crfsuite")
    print(f"CRF trained in {time.time() - t0:.0f} s")
    for part in ("tune", "dev"):
        toks = [t for t, _ in sp[part]]
        pc, ps = crf_predict(tagger, fz, toks), model.predict(toks)
        print(part)
        for name, p in (("spacy (committed)", ps), ("crf", pc), ("spacy ∪ crf", union(ps, pc))):
            print(line(name, score(sp[part], p)))
    fz.cache.clear()
    toks = [t for t, _ in sp["dev"]]
    t = time.perf_counter()
    crf_predict(tagger, fz, toks)
    print(f"crf speed (features from a cold cache): {sum(map(len, toks)) / (time.perf_counter() - t):,.0f} words/s")


def run_silver(data: Path, words: int = 3_000_000) -> None:
    import regex

    from pipeline.ner.known import KnownEntities
    from pipeline.tokenize import TOKEN_RE

    sp = D.anercorp_splits(data)
    bare, model = _spacy(known=False), _spacy()
    sents, n = [], 0
    for art in D.saudinewsnet_articles(data):
        for s in regex.split(r"(?<=[.!؟?])\s+|\n+", art.get("content") or ""):
            toks = [m.group() for m in TOKEN_RE.finditer(s)]
            if 3 <= len(toks) <= 120:
                sents.append(toks)
                n += len(toks)
        if n > words:
            break
    labels: dict[tuple, Counter] = defaultdict(Counter)
    for toks, ents in zip(sents, bare.predict(sents)):
        for a, b, t in ents:
            labels[tuple(normalise(w) for w in toks[a:b])][t] += 1
    base = {p: model.predict([t for t, _ in sp[p]]) for p in ("tune", "dev")}
    print(f"silver: {n:,} SaudiNewsNet words tagged")
    for p in ("tune", "dev"):
        print(line(f"{p} committed", score(sp[p], base[p])))
    for min_count in (3, 10):
        for min_len in (1, 2):
            rows = [[*k, c.most_common(1)[0][0]] for k, c in sorted(labels.items())
                    if sum(c.values()) >= min_count and c.most_common(1)[0][1] / sum(c.values()) >= 0.8
                    and len(k) >= min_len and any(ch.isalpha() for ch in "".join(k))]
            known = KnownEntities(rows)
            for p in ("tune", "dev"):
                pred = [known.add_to(t, e) for (t, _), e in zip(sp[p], base[p])]
                print(line(f"{p} +silver n≥{min_count} len≥{min_len} ({len(rows)})", score(sp[p], pred)))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["crf", "silver"])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--work", type=Path, default=ROOT / ".build" / "ner")
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    run_crf(a.data, a.work) if a.what == "crf" else run_silver(a.data)


if __name__ == "__main__":
    main()
