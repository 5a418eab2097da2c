"""spaCy NER backend: a pipeline trained by ``make models`` under models/ner/spacy."""
from __future__ import annotations

from pathlib import Path

from .. import digest
from ..errors import PipelineError
from .labels import map_label

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "ner" / "spacy"


def dir_hash(path: Path) -> str:
    """16 hex digits of sha256 over the model folder (paths and bytes), for the manifest."""
    return digest.tree(path)


class SpacyNER:
    name = "spacy"

    def __init__(self, model: str | None = None, known: bool = True):
        self.path = Path(model) if model else DEFAULT_MODEL
        if not (self.path / "meta.json").is_file() or not (self.path / "config.cfg").is_file():
            raise PipelineError("E205", path=str(self.path), detail="no spaCy pipeline (meta.json, config.cfg) there")
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
            raise PipelineError("E204", name="spacy", detail=f"{exc}; pip install spacy") from None
        from . import spacy_lang  # noqa: F401  registers the model's tokenizer

        try:
            self.nlp = spacy.load(self.path, exclude=["parser", "tagger", "lemmatizer"])
        except Exception as exc:  # corrupt weights, incompatible version…
            raise PipelineError("E206", path=str(self.path), detail=f"{type(exc).__name__}: {exc}") from None
        # known-entity fallback list shipped with the model (see pipeline/ner/known.py)
        self.known = None
        kpath = self.path / "known_entities.json"
        if known and kpath.is_file():
            import json

            from .known import KnownEntities

            try:
                self.known = KnownEntities(json.loads(kpath.read_text(encoding="utf-8")))
            except (ValueError, TypeError) as exc:
                raise PipelineError("E206", path=str(kpath), detail=f"{type(exc).__name__}: {exc}") from None

    def info(self) -> dict:
        return {"backend": self.name, "model": str(self.path), "name": self.nlp.meta.get("name"), "sha256_16": dir_hash(self.path)}

    def predict(self, sents: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        from spacy.tokens import Doc

        from_words = getattr(self.nlp.tokenizer, "from_words", None)
        if from_words is not None:  # the model's own features (spacy_lang.ArabicNerTokenizer)
            docs = [from_words(ws) for ws in sents]
        else:  # a stock spaCy pipeline
            docs = [Doc(self.nlp.vocab, words=ws) for ws in sents]
        out = []
        for ws, doc in zip(sents, self.nlp.pipe(docs, batch_size=256)):
            ents = [(e.start, e.end, map_label(e.label_)) for e in doc.ents]
            out.append(self.known.add_to(ws, ents) if self.known is not None else ents)
        return out
