"""Train the stanza NER model into models/ner/stanza/ar_ner.pt.

Same data as the spaCy model (ANERcorp TRAIN minus dev minus tune, plus AQMAR);
model selection on "tune"; stanza's own BiLSTM-CRF tagger with character
embeddings, no pretrained word vectors, no charlm (``--no_pretrain``), run on CPU
through ``python -m stanza.models.ner_tagger`` with a fixed seed.

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

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "models" / "ner" / "stanza"
WORK = Path(os.environ.get("NER_WORK", ROOT / ".build" / "ner")) / "stanza"
STEPS = 400
#: a smaller, faster-converging setting than stanza's defaults (SGD lr 0.1 left the
#: tune score at 0 after 150 steps on this machine): Adam, narrower LSTMs
TRAIN_ARGS = ["--optim", "adam", "--lr", "0.002", "--hidden_dim", "128", "--char_hidden_dim", "64",
              "--word_emb_dim", "64", "--char_emb_dim", "50"]


def train_stanza(train, tune, out_file: Path, work: Path, steps: int, extra: list[str] | tuple = tuple(TRAIN_ARGS)) -> Path:
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    work.mkdir(parents=True, exist_ok=True)
    for name, sents in (("train", train), ("tune", tune)):
        D.write_conll(sents, work / f"{name}.bio")
        process_dataset(str(work / f"{name}.bio"), str(work / f"{name}.json"))
    save = work / "save"
    shutil.rmtree(save, ignore_errors=True)
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
           "--train_file", str(work / "train.json"), "--eval_file", str(work / "tune.json"),
           "--shorthand", "ar_anercorp", "--no_pretrain", "--save_dir", str(save), "--save_name", "ar_ner.pt",
           "--max_steps", str(steps), "--eval_interval", str(max(50, steps // 8)), "--seed", "1234", "--cpu", *extra]
    subprocess.run(cmd, check=True)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(save / "ar_ner.pt", out_file)
    portable_checkpoint(out_file, work)
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


def build(data_dir: Path, steps: int = STEPS, out: Path = OUT, work: Path = WORK) -> dict:
    data_dir = Path(data_dir)
    s = D.anercorp_splits(data_dir)
    t = time.time()
    model = train_stanza(s["train"] + D.aqmar(data_dir), s["tune"], out / "ar_ner.pt", work, steps)
    print(f"[ner] stanza training took {time.time() - t:.0f} s", flush=True)
    from pipeline.eval.ner import score_backend
    from pipeline.ner.stanza_backend import StanzaNER

    sc = score_backend(StanzaNER(str(model)), s["dev"])
    res = {"split": "dev = last sixth of ANERcorp TRAIN (CAMeL Lab)", "scores": sc, "steps": steps}
    (out / "dev_scores.json").write_text(json.dumps(res, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"[ner] stanza dev micro F1 {sc['micro']['f']:.4f} ({model})", flush=True)
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m models.ner.stanza_build")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--steps", type=int, default=STEPS)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--work", default=str(WORK))
    a = ap.parse_args(argv)
    build(Path(a.data), steps=a.steps, out=Path(a.out), work=Path(a.work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
