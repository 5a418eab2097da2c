"""Stage 2: tokenise.  Adds ``sentences`` and ``tokens`` (with ``norm`` forms and, where a
token carries clitics, its segmentation ``seg``: pipeline/clitics.py)."""
from __future__ import annotations

from .. import clitics
from ..arabic import normalise
from ..registry import Stage, register
from ..tokenize import sentences, tokens


@register("tokenise")
class Tokenise(Stage):
    requires = ("text", "norm")
    provides = ("sentences", "tokens")

    def __init__(self, **config):
        super().__init__(**config)
        clitics.digests()  # E205 now, not at the first record, when a model file is missing

    def info(self) -> dict:
        d = super().info()
        d["clitics"] = clitics.digests()
        return d

    def __call__(self, rec: dict) -> dict:
        text = rec["text"]
        toks = list(tokens(text))
        out = []
        for s, e in toks:
            tok = text[s:e]
            # normalisation is per character, so a token's norm is the normalisation
            # of its own characters (identical to slicing norm.text through align)
            d = {"start": s, "end": e, "text": tok, "norm": normalise(tok)}
            seg = clitics.analyse(tok)
            if seg.pro or seg.art or seg.enc < len(tok):
                d["seg"] = [s + seg.pro, s + seg.art, s + seg.enc]
            out.append(d)
        rec["tokens"] = out
        rec["sentences"] = [{"start": s, "end": e, "tokens": [a, b]} for s, e, a, b in sentences(text, toks)]
        return rec

