"""Stage 2: tokenise.  Adds ``sentences`` and ``tokens`` (with ``norm`` forms)."""
from __future__ import annotations

from ..arabic import normalise
from ..registry import Stage, register
from ..tokenize import sentences, tokens


@register("tokenise")
class Tokenise(Stage):
    requires = ("text", "norm")
    provides = ("sentences", "tokens")

    def __call__(self, rec: dict) -> dict:
        text = rec["text"]
        toks = list(tokens(text))
        # normalisation is per character, so a token's norm is the normalisation
        # of its own characters (identical to slicing norm.text through align)
        rec["tokens"] = [{"start": s, "end": e, "text": text[s:e], "norm": normalise(text[s:e])} for s, e in toks]
        rec["sentences"] = [{"start": s, "end": e, "tokens": [a, b]} for s, e, a, b in sentences(text, toks)]
        return rec
