"""Train the stanza NER model into models/ner/stanza/ar_ner.pt.

Same data as the spaCy model (ANERcorp TRAIN minus dev minus tune, plus AQMAR);
model selection on "tune"; stanza's own BiLSTM-CRF tagger with character
embeddings and pretrained word vectors, no charlm, run on CPU through
``python -m stanza.models.ner_tagger`` with a fixed seed.

The word vectors (``ar_ner.pretrain.pt``, stanza's ``Pretrain`` format, loaded
beside the model) are the committed spaCy model's floret vectors looked up for
the 30,000 most useful surface forms: every token of train/tune/AQMAR, then the
most frequent words of the first 20,000 SaudiNewsNet articles.  So the spaCy
model must be built first (models/ner/build.py does).

    python -m models.ner.stanza_build --data ../shared/data [--steps 2500]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pipeline.ner import corpus as D
from pipeline.ner.stanza_backend import pretrain_name

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "models" / "ner" / "stanza"
WORK = Path(os.environ.get("NER_WORK", ROOT / ".build" / "ner")) / "stanza"
STEPS = 2500
#: a smaller, faster-converging setting than stanza's defaults (SGD lr 0.1 left the
#: tune score at 0 after 150 steps on this machine): Adam, narrower LSTMs
TRAIN_ARGS = ["--optim", "adam", "--lr", "0.002", "--hidden_dim", "128", "--char_hidden_dim", "64",
              "--word_emb_dim", "100", "--char_emb_dim", "50"]
PRETRAIN_WORDS = 30_000
PRETRAIN_ARTICLES = 20_000
SPACY_MODEL = ROOT / "models" / "ner" / "spacy"


def pretrain_words(data_dir: Path, labelled) -> list[str]:
    """Every labelled token first (by frequency), then SaudiNewsNet's most frequent words."""
    from collections import Counter

    cnt: Counter = Counter()
    for toks, _ in labelled:
        for w in toks:
            cnt[w] += 1000
    for i, art in enumerate(D.saudinewsnet_articles(data_dir)):
        if i >= PRETRAIN_ARTICLES:
            break
        for w in (art.get("content") or "").split():
            cnt[w] += 1
    ranked = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, _ in ranked[:PRETRAIN_WORDS]]


def write_pretrain(words: list[str], vector, work: Path) -> Path:
    """stanza ``Pretrain`` file from ``vector(word)`` (the floret look-up) for ``words``."""
    from stanza.models.common.pretrain import Pretrain

    work.mkdir(parents=True, exist_ok=True)
    vec = work / "vectors.txt"
    dim = len(vector(words[0]))
    with open(vec, "w", encoding="utf-8") as f:
        f.write(f"{len(words)} {dim}\n")
        for w in words:
            f.write(w + " " + " ".join(f"{x:.5f}" for x in vector(w)) + "\n")
    pt = work / "pretrain.pt"
    pt.unlink(missing_ok=True)
    Pretrain(str(pt), str(vec)).load()  # converts and saves
    resave(pt)
    return pt


def resave(pt: Path) -> None:
    """stanza saves a Pretrain with torch's legacy format, whose storage keys are
    memory addresses (different bytes on every run); torch's zip format numbers
    them, so the same vectors give the same file."""
    import torch

    torch.save(torch.load(pt, map_location="cpu", weights_only=True), pt)


def floret_lookup(model_dir: Path = SPACY_MODEL):
    """``word -> vector`` from the spaCy model's floret table (by the normalised form)."""
    from pipeline.arabic import normalise
    from pipeline.vectors import floret_table

    vectors = floret_table(str(model_dir / "vocab"))
    return lambda w: [float(x) for x in vectors.get_batch([normalise(w)])[0]]


def train_stanza(train, tune, out_file: Path, work: Path, steps: int, extra: list[str] | tuple = tuple(TRAIN_ARGS),
                 pretrain: Path | None = None) -> Path:
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    work.mkdir(parents=True, exist_ok=True)
    for name, sents in (("train", train), ("tune", tune)):
        D.write_conll(sents, work / f"{name}.bio")
        process_dataset(str(work / f"{name}.bio"), str(work / f"{name}.json"))
    save = work / "save"
    shutil.rmtree(save, ignore_errors=True)
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
           "--train_file", str(work / "train.json"), "--eval_file", str(work / "tune.json"),
           "--shorthand", "ar_anercorp",
           *(["--wordvec_pretrain_file", str(Path(pretrain).resolve())] if pretrain else ["--no_pretrain"]), "--save_dir", str(save), "--save_name", "ar_ner.pt",
           "--max_steps", str(steps), "--eval_interval", str(max(50, steps // 8)), "--seed", "1234", "--cpu", *extra]
    subprocess.run(cmd, check=True)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(save / "ar_ner.pt", out_file)
    portable_checkpoint(out_file, work)
    if pretrain:
        shutil.copyfile(pretrain, pretrain_name(out_file))
    return out_file


def portable_checkpoint(path: Path, work: Path) -> None:
    """Stanza stores its training paths in the checkpoint's config; make them
    relative to the build folder so the committed model is the same bytes on
    every machine (loaded with weights_only=True: plain data only)."""
    import torch

    ck = torch.load(path, map_location="cpu", weights_only=True)
    prefix = str(Path(work).resolve()) + "/"
    for k, v in list(ck.get("config", {}).items()):
        if isinstance(v, str) and v.startswith(prefix):
            ck["config"][k] = v[len(prefix):]
    torch.save(ck, path)


def build(data_dir: Path, steps: int = STEPS, out: Path = OUT, work: Path = WORK, news: bool = True) -> dict:
    data_dir = Path(data_dir)
    s = D.anercorp_splits(data_dir)
    t = time.time()
    aq = D.aqmar(data_dir)
    # the team's news sentences of the training days, split as the spaCy model's are
    from .spacy_build import news_split

    news_train, news_tune = news_split(data_dir) if news else ([], [])
    words = pretrain_words(data_dir, s["train"] + s["tune"] + aq + news_train + news_tune)
    pretrain = write_pretrain(words, floret_lookup(), work)
    model = train_stanza(s["train"] + aq + news_train, s["tune"] + news_tune, out / "ar_ner.pt", work, steps, pretrain=pretrain)
    print(f"[ner] stanza training took {time.time() - t:.0f} s", flush=True)
    from pipeline.eval.ner import score_backend
    from pipeline.ner.stanza_backend import StanzaNER

    sc = score_backend(StanzaNER(str(model)), s["dev"])
    res = {"split": "dev = last sixth of ANERcorp TRAIN (CAMeL Lab)", "scores": sc, "steps": steps,
           "pretrain_words": len(words), "news_train_sentences": len(news_train)}
    (out / "dev_scores.json").write_text(json.dumps(res, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"[ner] stanza dev micro F1 {sc['micro']['f']:.4f} ({model})", flush=True)
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m models.ner.stanza_build")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--steps", type=int, default=STEPS)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--work", default=str(WORK))
    ap.add_argument("--no-news", action="store_true", help="leave out the team's news NER corpus")
    a = ap.parse_args(argv)
    build(Path(a.data), steps=a.steps, out=Path(a.out), work=Path(a.work), news=not a.no_news)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
