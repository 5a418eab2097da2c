"""The tokenizer of the spaCy NER model: whitespace-split words (the pipeline's
own tokens) annotated with Arabic features the model embeds.

It is registered as ``pipeline.ArabicNerTokenizer.v1`` and saved with the model
(``tokenizer/gazetteer.json``), so training (``nlp.make_doc``) and inference
(:meth:`ArabicNerTokenizer.from_words`) see exactly the same features:

* ``NORM``  = normalised form (also the key of the static vectors),
* ``LEMMA`` = normalised form without proclitics (:func:`features.stem`),
* ``TAG``   = gazetteer membership (:func:`features.gaz_tag`) and, where the
  model was built with a phrase index, the word's place in a whole listed
  name (:func:`features.phrase_tags`), as ``"ORG/B-ORG"``.

``tokenizer/gazetteer.json`` is either the word index alone (models built
before the phrase index: their TAG is the membership alone, as they were
trained) or ``{"__format__": 2, "words": {...}, "phrases": {...}}``.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy
import spacy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.tokens import Doc

from .features import gaz_tag, phrase_tags, word_features


class ArabicNerTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab
        self.gaz: dict[str, str] = {}
        self.phrases: dict[str, list[list]] = {}
        self._cache: dict[str, tuple[int, int, str, str]] = {}
        self._tags: dict[str, int] = {}

    # -- the features -------------------------------------------------------
    def _feats(self, word: str) -> tuple[int, int, str, str]:
        """(NORM id, LEMMA id, membership tag, normalised form) of a word."""
        f = self._cache.get(word)
        if f is None:
            n, st = word_features(word)
            strings = self.vocab.strings
            f = (strings.add(n), strings.add(st), gaz_tag(self.gaz, n, st), n)
            if len(self._cache) < 500_000:
                self._cache[word] = f
        return f

    def _tag(self, tag: str) -> int:
        t = self._tags.get(tag)
        if t is None:
            t = self._tags[tag] = self.vocab.strings.add(tag)
        return t

    def from_words(self, words: list[str]) -> Doc:
        doc = Doc(self.vocab, words=words)
        if words:
            feats = [self._feats(w) for w in words]
            if self.phrases:
                places = phrase_tags(self.phrases, [f[3] for f in feats])
                tags = [self._tag(f"{f[2]}/{p}") for f, p in zip(feats, places)]
            else:
                tags = [self._tag(f[2]) for f in feats]
            arr = numpy.array([(f[0], f[1], t) for f, t in zip(feats, tags)], dtype="uint64")
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
            self._load(json.loads(Path(gazetteer_path).read_text(encoding="utf-8")))

    def _load(self, data: dict) -> None:
        if data.get("__format__") == 2:
            self.gaz, self.phrases = data["words"], data["phrases"]
        else:  # the word index alone
            self.gaz, self.phrases = data, {}
        self._cache.clear()
        self._tags.clear()

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        data = {"__format__": 2, "words": self.gaz, "phrases": self.phrases} if self.phrases else self.gaz
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self._load(json.loads(data.decode("utf-8")))
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
