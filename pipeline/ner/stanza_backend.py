"""stanza NER backend, loaded through stanza's real ``Pipeline`` offline.

Which model (first that exists):
1. ``--ner-model PATH`` (a ``.pt`` file trained by stanza's ner_tagger; a model
   trained with pretrained word vectors needs them beside it as ``PATH`` with
   ``.pretrain.pt`` for ``.pt``: stanza does not store them in the model);
2. models/ner/stanza/ar_ner.pt (built by ``make models``);
3. stanza's own Arabic NER model in ``$STANZA_RESOURCES_DIR`` (default
   ``~/stanza_resources``), installed with
   ``python -c "import stanza; stanza.download('ar', processors='tokenize,ner')"``.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from ..errors import PipelineError
from .labels import map_label
from .spacy_backend import dir_hash

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "ner" / "stanza" / "ar_ner.pt"
INSTALL = ("run `make models` (builds models/ner/stanza/ar_ner.pt), pass --ner-model FILE.pt, or install "
           "stanza's Arabic models: python -c \"import stanza; stanza.download('ar', processors='tokenize,ner')\"")


def _resources_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR") or Path.home() / "stanza_resources")


def bioes_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last+1, label) from BIOES or BIO tags; a stray I-/E- starts an entity."""
    out, start, typ = [], None, None
    for i, t in enumerate(tags):
        p, _, lab = t.partition("-")
        if p in ("B", "S") or (p in ("I", "E") and (start is None or lab != typ)):
            if start is not None:
                out.append((start, i, typ))
            start, typ = i, lab
        elif p == "O" or not lab:
            if start is not None:
                out.append((start, i, typ))
            start = None
            continue
        if p in ("S", "E"):
            out.append((start, i + 1, typ))
            start = None
    if start is not None:
        out.append((start, len(tags), typ))
    return [(a, b, map_label(t)) for a, b, t in out]


class StanzaNER:
    name = "stanza"

    def __init__(self, model: str | None = None):
        try:
            import stanza
        except ImportError as exc:
            raise PipelineError("E204", name="stanza", detail=f"{exc}; pip install stanza==1.15.0") from None
        logging.getLogger("stanza").setLevel(logging.ERROR)
        kw = dict(lang="ar", processors="tokenize,ner", tokenize_pretokenized=True, download_method=None,
                  use_gpu=False, logging_level="ERROR")
        res = _resources_dir()
        if model or DEFAULT_MODEL.is_file():
            self.path = Path(model) if model else DEFAULT_MODEL
            if not self.path.is_file():
                raise PipelineError("E205", path=str(self.path), detail="no stanza NER model file there")
            # stanza wants a resources.json even with explicit model paths: a stub in a private dir
            self._tmp = tempfile.TemporaryDirectory(prefix="stanza-res-")
            Path(self._tmp.name, "resources.json").write_text(json.dumps({"ar": {"lang_name": "Arabic"}}))
            kw.update(dir=self._tmp.name, ner_model_path=str(self.path))
            self.pretrain = _pretrain_for(self.path)
            if self.pretrain is not None:
                kw.update(ner_pretrain_path=str(self.pretrain))
        elif (res / "resources.json").is_file() and any((res / "ar" / "ner").glob("*.pt")):
            self.path = res / "ar" / "ner"
            kw.update(dir=str(res))
        else:
            raise PipelineError("E204", name="stanza", detail=f"no stanza Arabic NER model found; {INSTALL}")
        try:
            self.nlp = stanza.Pipeline(**kw)
        except Exception as exc:
            raise PipelineError("E206", path=str(self.path), detail=f"{type(exc).__name__}: {exc}") from None

    def info(self) -> dict:
        h = dir_hash(self.path) if self.path.is_dir() else dir_hash_file(self.path, getattr(self, "pretrain", None))
        return {"backend": self.name, "model": str(self.path), "sha256_16": h}

    def predict(self, sents: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        out: list[list[tuple[int, int, str]]] = [[] for _ in sents]
        idx = [i for i, s in enumerate(sents) if s]
        if not idx:
            return out
        doc = self.nlp([sents[i] for i in idx])
        for i, sent in zip(idx, doc.sentences):
            out[i] = bioes_spans([t.ner or "O" for t in sent.tokens])
        return out


def pretrain_name(model: Path) -> Path:
    """Where the word vectors of a stanza model live: ``X.pt`` -> ``X.pretrain.pt``."""
    return model.with_name(model.stem + ".pretrain.pt")


def _pretrain_for(model: Path) -> Path | None:
    """The word-vector file a stanza model needs, or None when it was trained
    without one.  Without it stanza would run with random word vectors and tag
    nonsense, so a missing file stops the run (E205) instead."""
    import torch

    try:
        ck = torch.load(model, map_location="cpu", weights_only=True)
        uses = bool(ck.get("config", {}).get("pretrain")) and "delta" in ck.get("vocab", {})
    except Exception as exc:  # not a checkpoint, truncated, pickled code…
        raise PipelineError("E206", path=str(model), detail=f"{type(exc).__name__}: {exc}") from None
    if not uses:
        return None
    pre = pretrain_name(model)
    if not pre.is_file():
        raise PipelineError("E205", path=str(pre), detail="the stanza model was trained with these word vectors (stanza keeps them apart from the model)")
    return pre


def dir_hash_file(path: Path, extra: Path | None = None) -> str:
    """16 hex digits of sha256 over a model file and the word vectors it was trained with."""
    from .. import digest

    return digest.files([path] + ([extra] if extra is not None else []), n=16)
