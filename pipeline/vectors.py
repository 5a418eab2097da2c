"""The floret word-vector table, shared by the NER models and the events gate
(a neutral module, so that events never import an NER backend)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=2)
def floret_table(vocab_dir: str):
    """The floret vectors of a spaCy model's ``vocab`` folder alone (no pipeline,
    no strings); ``.get_batch([word])`` builds a vector for any string."""
    from spacy.vocab import Vocab

    return Vocab().from_disk(Path(vocab_dir), exclude=["strings", "lookups"]).vectors
