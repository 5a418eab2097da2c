"""The tokenizer of the spaCy NER model: whitespace-split words (the pipeline's
own tokens) annotated with Arabic features the model embeds.

It is registered as ``pipeline.ArabicNerTokenizer.v1`` and saved with the model
(``tokenizer/gazetteer.json``), so training (``nlp.make_doc``) and inference
(:meth:`ArabicNerTokenizer.from_words`) see exactly the same features:

* ``NORM``  = normalised form (also the key of the static vectors),
* ``LEMMA`` = normalised form without proclitics (:func:`features.stem`),
* ``TAG``   = gazetteer membership (:func:`features.gaz_tag`).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy
import spacy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.tokens import Doc

from .features import gaz_tag, word_features


class ArabicNerTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab
        self.gaz: dict[str, str] = {}
        self._cache: dict[str, tuple[int, int, int]] = {}

    # -- the features -------------------------------------------------------
    def _feats(self, word: str) -> tuple[int, int, int]:
        f = self._cache.get(word)
        if f is None:
            n, st = word_features(word)
            strings = self.vocab.strings
            f = (strings.add(n), strings.add(st), strings.add(gaz_tag(self.gaz, n, st)))
            if len(self._cache) < 500_000:
                self._cache[word] = f
        return f

    def from_words(self, words: list[str]) -> Doc:
        doc = Doc(self.vocab, words=words)
        if words:
            arr = numpy.array([self._feats(w) for w in words], dtype="uint64")
            doc.from_array([NORM, LEMMA, TAG], arr)
        return doc

    def __call__(self, text: str) -> Doc:
        return self.from_words([w for w in text.split(" ") if w])

    def pipe(self, texts, batch_size=1000):
        for t in texts:
            yield self(t)

    # -- initialise / serialise --------------------------------------------
    def initialize(self, get_examples=None, *, nlp=None, gazetteer_path: str | None = None):
        if gazetteer_path:
            self.gaz = json.loads(Path(gazetteer_path).read_text(encoding="utf-8"))
            self._cache.clear()

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps(self.gaz, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self.gaz = json.loads(data.decode("utf-8"))
        self._cache.clear()
        return self

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "gazetteer.json").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=tuple()):
        return self.from_bytes((Path(path) / "gazetteer.json").read_bytes())


@spacy.registry.tokenizers("pipeline.ArabicNerTokenizer.v1")
def create_tokenizer():
    def make(nlp):
        return ArabicNerTokenizer(nlp.vocab)

    return make
