"""Train the default spaCy NER model into models/ner/spacy (reproducible: fixed
seeds, one-thread floret, pinned versions).

    python -m models.build --only ner          # everything under models/ner
    python -m models.ner.spacy_build --data ../shared/data [--no-aqmar] [--no-vectors]

Data: ANERcorp TRAIN minus its last sixth (dev) minus a 5 % "tune" slice used for
model selection, plus AQMAR (MIS0-3 -> MISC).  Writes ``dev_scores.json`` beside
the model (scored by pipeline.eval.ner on the dev split).
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
from pipeline.ner.features import gazetteer_index, phrase_index

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUT = ROOT / "models" / "ner" / "spacy"
WORK = Path(os.environ.get("NER_WORK", ROOT / ".build" / "ner"))
#: SaudiNewsNet words the tok2vec is pretrained on (spacy pretrain, characters objective)
PRETRAIN_WORDS = 3_600_000


def _docbin(sents, path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin, Span

    nlp = spacy.blank("ar")
    db = DocBin(store_user_data=False)
    for toks, tags in sents:
        doc = spacy.tokens.Doc(nlp.vocab, words=toks, spaces=[True] * (len(toks) - 1) + [False])
        doc.ents = [Span(doc, a, b, label=t) for a, b, t in D.entities((toks, tags))]
        db.add(doc)
    db.to_disk(path)


def vectors(data_dir: Path, splits: dict, work: Path) -> Path:
    """floret table -> spaCy vectors pipeline (keyed by NORM)."""
    from . import vectors as V

    out = work / "vectors"
    if (out / "meta.json").exists():
        return out
    corpus = work / "vector-corpus.txt"
    t = time.time()
    n = V.write_corpus(data_dir, corpus, splits)
    print(f"[ner] vector corpus: {n} words ({time.time() - t:.0f} s)", flush=True)
    table = V.train_floret(corpus, work / "floret")
    print(f"[ner] floret trained ({time.time() - t:.0f} s)", flush=True)
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "ar", str(table), str(out),
                    "--mode", "floret", "--attr", "NORM", "--name", "saudinewsnet_floret"], check=True)
    return out


def pretrain_text(data_dir: Path, path: Path, max_words: int) -> int:
    """SaudiNewsNet sentences as JSONL {"text": tokens joined by spaces}, in
    file order, up to ``max_words`` words (raw tokens, as the model sees them)."""
    from pipeline.tokenize import sentences, tokens

    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for art in D.saudinewsnet_articles(data_dir):
            text = art.get("content") or ""
            toks = list(tokens(text))
            for _, _, a, b in sentences(text, toks):
                if b - a >= 5:
                    f.write(json.dumps({"text": " ".join(text[s:e] for s, e in toks[a:b])}, ensure_ascii=False) + "\n")
                    n += b - a
                if n >= max_words:
                    return n
    return n


def pretrain(data_dir: Path, overrides: dict, work: Path, max_words: int) -> Path:
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    raw = work / "pretrain.jsonl"
    out = work / "pretrain-out"
    stamp = out / "words.txt"  # reuse the weights of an identical earlier pretraining
    if (out / "model0.bin").is_file() and stamp.is_file() and stamp.read_text() == str(max_words):
        return out / "model0.bin"
    n = pretrain_text(data_dir, raw, max_words)
    shutil.rmtree(out, ignore_errors=True)
    t = time.time()
    out.mkdir(parents=True)
    config = load_config(HERE / "spacy.cfg", overrides={**overrides, "paths.raw_text": str(raw)}, interpolate=False).interpolate()
    spacy_pretrain(config, out, use_gpu=-1, silent=False)
    stamp.write_text(str(max_words))
    print(f"[ner] pretrained tok2vec on {n} words ({time.time() - t:.0f} s)", flush=True)
    return out / "model0.bin"


def news_split(data_dir: Path) -> tuple[list, list]:
    """The team's news sentences of the training days: every 10th goes to
    model selection (tune), the rest to training.  Held-out days never."""
    sents = D.news(data_dir, "train")
    return [s for i, s in enumerate(sents) if i % 10], [s for i, s in enumerate(sents) if not i % 10]


def gazetteer_entries(data_dir: Path) -> dict[str, list[str]]:
    """ANERGazet plus the compiled name lists of pipeline/lang/ar/names."""
    from pipeline.lang.ar import name_lists

    out = {k: list(v) for k, v in D.gazetteers(data_dir).items()}
    for typ, names in name_lists().items():
        out.setdefault(typ, []).extend(names)
    return out


def build(data_dir: Path, *, aqmar: bool = True, news: bool = True, use_vectors: bool = True, phrases: bool = True, steps: int | None = None,
          pretrain_words: int = PRETRAIN_WORDS, out: Path = OUT, work: Path = WORK) -> dict:
    from spacy.cli.train import train as spacy_train

    import pipeline.ner.spacy_lang  # noqa: F401  registers the tokenizer

    data_dir = Path(data_dir)
    work.mkdir(parents=True, exist_ok=True)
    splits = D.anercorp_splits(data_dir)
    news_train, news_tune = news_split(data_dir) if news else ([], [])
    train = list(splits["train"]) + (D.aqmar(data_dir) if aqmar else []) + news_train
    _docbin(train, work / "train.spacy")
    _docbin(list(splits["tune"]) + news_tune, work / "tune.spacy")
    print(f"[ner] training sentences: {len(train)} ({len(news_train)} news); tune {len(splits['tune']) + len(news_tune)}", flush=True)
    gaz = work / "gazetteer.json"
    entries = gazetteer_entries(data_dir)
    index = gazetteer_index(entries)
    if phrases:  # the TAG feature also says where a whole listed name is written (features.phrase_tags)
        index = {"__format__": 2, "words": index, "phrases": phrase_index(entries)}
    gaz.write_text(json.dumps(index, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "tune.spacy"), "paths.gazetteer": str(gaz)}
    if use_vectors:
        overrides["paths.vectors"] = str(vectors(data_dir, splits, work))
    else:
        overrides["components.tok2vec.model.embed.include_static_vectors"] = False
    if steps:
        overrides["training.max_steps"] = steps
    if pretrain_words:
        overrides["paths.init_tok2vec"] = str(pretrain(data_dir, overrides, work, pretrain_words))
    run = work / "train-out"
    shutil.rmtree(run, ignore_errors=True)
    t = time.time()
    spacy_train(HERE / "spacy.cfg", run, overrides=overrides, use_gpu=-1)
    print(f"[ner] spaCy training took {time.time() - t:.0f} s", flush=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(run / "model-best", out)
    portable_config(out)
    write_known(data_dir, out, news=news)
    return write_dev_scores(data_dir, out, extra={"aqmar": aqmar, "news": news, "news_train_sentences": len(news_train),
                                                 "vectors": use_vectors, "phrases": phrases, "pretrain_words": pretrain_words})


def portable_config(out: Path) -> None:
    """Blank the [paths] of the saved config: they name this machine's build
    folder, are used only when training or initialising, and would make the
    committed model differ from one machine to the next."""
    cfg = out / "config.cfg"
    lines, section = [], None
    for line in cfg.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            section = line.strip()
        elif section == "[paths]" and "=" in line:
            line = f"{line.split('=', 1)[0].strip()} = null"
        lines.append(line)
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_known(data_dir: Path, out: Path, news: bool = True) -> int:
    """known_entities.json beside the model: TRAIN/tune/AQMAR (and news training
    days) entities that are (almost) always that entity, plus the compiled lists'
    multi-word names that text does not contradict (pipeline/ner/known.py);
    never dev, never the news held-out days."""
    from pipeline.lang.ar import name_lists
    from pipeline.ner.known import build_known, listed_names

    s = D.anercorp_splits(Path(data_dir))
    sents = s["train"] + s["tune"] + D.aqmar(Path(data_dir)) + (D.news(Path(data_dir), "train") if news else [])
    rows = build_known(sents, D.entities)
    have = {tuple(r[:-1]) for r in rows}
    rows = sorted(rows + [r for r in listed_names(name_lists(), sents, D.entities) if tuple(r[:-1]) not in have])
    (out / "known_entities.json").write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return len(rows)


def write_dev_scores(data_dir: Path, out: Path, extra: dict | None = None) -> dict:
    from pipeline.eval.ner import score_backend
    from pipeline.ner.spacy_backend import SpacyNER

    dev = D.anercorp_splits(Path(data_dir))["dev"]
    sc = score_backend(SpacyNER(str(out)), dev)
    sc_model = score_backend(SpacyNER(str(out), known=False), dev)
    res = {"split": "dev = last sixth of ANERcorp TRAIN (CAMeL Lab)", "scores": sc,
           "scores_without_known_entities": sc_model, **(extra or {})}
    (out / "dev_scores.json").write_text(json.dumps(res, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"[ner] spacy dev micro F1 {sc['micro']['f']:.4f}  ({out})", flush=True)
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m models.ner.spacy_build")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--no-aqmar", action="store_true")
    ap.add_argument("--no-news", action="store_true", help="leave out the team's news NER corpus")
    ap.add_argument("--no-vectors", action="store_true")
    ap.add_argument("--no-phrases", action="store_true", help="TAG = word-level list membership only (no whole-name matches)")
    ap.add_argument("--steps", type=int, default=None)
    ap.add_argument("--pretrain-words", type=int, default=PRETRAIN_WORDS, help="spacy pretrain on this many SaudiNewsNet words first (0: no pretraining)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--work", default=str(WORK))
    a = ap.parse_args(argv)
    build(Path(a.data), aqmar=not a.no_aqmar, news=not a.no_news, use_vectors=not a.no_vectors, phrases=not a.no_phrases, steps=a.steps, pretrain_words=a.pretrain_words, out=Path(a.out), work=Path(a.work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
