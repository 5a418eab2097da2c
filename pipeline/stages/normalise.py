"""Stage 1: normalise.  Adds ``norm`` (normalised text + alignment) and ``lang``."""
from __future__ import annotations

from ..arabic import normalise_aligned, script_profile
from ..registry import Stage, register


@register("normalise")
class Normalise(Stage):
    requires = ("text",)
    provides = ("norm", "lang")

    def __call__(self, rec: dict) -> dict:
        norm, align = normalise_aligned(rec["text"])
        rec["lang"] = script_profile(rec["text"])["lang"]
        rec["norm"] = {"text": norm, "align": align}
        return rec
