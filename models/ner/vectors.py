"""floret vectors for the spaCy NER model, trained on unlabelled text.

Text: every SaudiNewsNet article (title + content) plus the tokens of the NER
TRAIN/tune sentences and AQMAR; the dev split is never included.  Tokens are the
pipeline's own tokens in their normalised form (``pipeline.arabic.normalise``),
which is the NORM attribute the spaCy model looks vectors up by.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.arabic import normalise
from pipeline.tokenize import TOKEN_RE

from pipeline.ner import corpus as D

# floret settings: 50k hashed rows x 100 dims = 20 MB of float32 in the model
FLORET = dict(model="cbow", mode="floret", hashCount=2, bucket=50000, minn=3, maxn=5,
              dim=100, epoch=3, minCount=3, thread=1, neg=10, lr=0.05)
# one thread: hogwild SGD with several threads is not reproducible


def _line(text: str) -> str:
    return " ".join(normalise(m.group()) for m in TOKEN_RE.finditer(text))


def write_corpus(data_dir: Path, out: Path, splits: dict) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for sents in (splits["train"], splits["tune"], D.aqmar(data_dir)):
            for toks, _ in sents:
                f.write(_line(" ".join(toks)) + "\n")
                n += len(toks)
        for art in D.saudinewsnet_articles(data_dir):
            for field in ("title", "content"):
                t = (art.get(field) or "").strip()
                if t:
                    line = _line(t)
                    f.write(line + "\n")
                    n += line.count(" ") + 1
    return n


def train_floret(corpus: Path, out_prefix: Path) -> Path:
    """Train floret and write ``<out_prefix>.floret`` (the table spaCy imports)."""
    import floret

    model = floret.train_unsupervised(str(corpus), verbose=0, **FLORET)
    path = out_prefix.with_suffix(".floret")
    model.save_floret_vectors(str(path))
    return path
