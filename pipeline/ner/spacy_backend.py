"""spaCy NER backend: a pipeline trained by ``make models`` under models/ner/spacy."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import PipelineError
from .labels import map_label

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "ner" / "spacy"


def dir_hash(path: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(path)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class SpacyNER:
    name = "spacy"

    def __init__(self, model: str | None = None):
        self.path = Path(model) if model else DEFAULT_MODEL
        if not (self.path / "meta.json").is_file() or not (self.path / "config.cfg").is_file():
            raise PipelineError("E205", path=str(self.path), detail="no spaCy pipeline (meta.json, config.cfg) there")
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
            raise PipelineError("E204", name="spacy", detail=f"{exc}; pip install spacy") from None
        try:
            self.nlp = spacy.load(self.path, exclude=["parser", "tagger", "lemmatizer"])
        except Exception as exc:  # corrupt weights, incompatible version…
            raise PipelineError("E206", path=str(self.path), detail=f"{type(exc).__name__}: {exc}") from None

    def info(self) -> dict:
        return {"backend": self.name, "model": str(self.path), "name": self.nlp.meta.get("name"), "sha256_16": dir_hash(self.path)}

    def predict(self, sents: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        from spacy.tokens import Doc

        docs = [Doc(self.nlp.vocab, words=ws) if ws else Doc(self.nlp.vocab, words=[]) for ws in sents]
        out = []
        for doc in self.nlp.pipe(docs, batch_size=256):
            out.append([(e.start, e.end, map_label(e.label_)) for e in doc.ents])
        return out
