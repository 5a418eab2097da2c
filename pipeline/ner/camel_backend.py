"""camel-tools NER backend: ``camel_tools.ner.NERecognizer`` (AraBERT fine-tuned
on ANERcorp) when camel-tools' data is installed.

camel-tools downloads its catalogue when ``camel_tools.ner`` is imported and
raises offline unless ``$CAMELTOOLS_DATA/catalogue.json`` exists, and
``camel_data`` exits 0 even when its download failed: so the data is checked on
disk *before* the import, and a missing piece is reported as E204 naming what
to install.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import PipelineError
from .labels import map_label
from .spacy_backend import dir_hash
from .stanza_backend import bioes_spans

INSTALL = ("install camel-tools' NER data: `camel_data -i ner-arabert` (needs internet; it writes to "
           "$CAMELTOOLS_DATA, default ~/.camel_tools, and exits 0 even when the download fails: check that "
           "{need} exists)")


def data_dir() -> Path:
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


class CamelNER:
    name = "camel"

    def __init__(self, model: str | None = None):
        root = data_dir()
        catalogue = root / "catalogue.json"
        self.path = Path(model) if model else root / "data" / "ner" / "arabert"
        for need in (catalogue, self.path / "config.json"):
            if not need.is_file():
                raise PipelineError("E204", name="camel", detail=INSTALL.format(need=need))
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from camel_tools.ner import NERecognizer
        except Exception as exc:  # e.g. a broken catalogue.json
            raise PipelineError("E204", name="camel", detail=f"importing camel_tools.ner failed ({type(exc).__name__}: {exc}); "
                                + INSTALL.format(need=catalogue)) from None
        try:
            self.ner = NERecognizer(str(self.path), use_gpu=False)
        except Exception as exc:
            raise PipelineError("E206", path=str(self.path), detail=f"{type(exc).__name__}: {exc}") from None

    def info(self) -> dict:
        return {"backend": self.name, "model": str(self.path), "sha256_16": dir_hash(self.path)}

    def predict(self, sents: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        out: list[list[tuple[int, int, str]]] = [[] for _ in sents]
        idx = [i for i, s in enumerate(sents) if s]
        if not idx:
            return out
        labels = self.ner.predict([sents[i] for i in idx])
        tok = self.ner.tokenizer
        for i, labs in zip(idx, labels):
            words = sents[i]
            if len(labs) != len(words):
                # NERecognizer drops words that have no word pieces: put O back for them
                it = iter(labs)
                labs = [next(it, "O") if tok.tokenize(w) else "O" for w in words]
            out[i] = [(a, b, map_label(t)) for a, b, t in bioes_spans(list(labs))]
        return out
