"""NER backends behind one interface (``--ner spacy|stanza|camel``).

A backend takes sentences as lists of token strings and returns, per sentence,
``(first_token, last_token+1, label)`` triples with labels PER, ORG, LOC, MISC.
The entities stage turns those into character spans of the original text.
"""
from __future__ import annotations

import importlib

from ..errors import PipelineError

BACKENDS = {
    "spacy": "pipeline.ner.spacy_backend:SpacyNER",
    "stanza": "pipeline.ner.stanza_backend:StanzaNER",
    "camel": "pipeline.ner.camel_backend:CamelNER",
}
DEFAULT_BACKEND = "spacy"


def get_backend(name: str, model: str | None = None):
    if name not in BACKENDS:
        raise PipelineError("E203", name=name, known=", ".join(sorted(BACKENDS)))
    mod, cls = BACKENDS[name].split(":")
    return getattr(importlib.import_module(mod), cls)(model)
