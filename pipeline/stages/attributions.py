"""Stage 5: attributed sources (who says so, how many, named or anonymous, what
they claim).  The work is in :mod:`pipeline.attributions` (cue, source,
content); this stage adds ``attributions`` and sets ``event["attribution"]``."""
from __future__ import annotations

from ..attributions import extract
from ..registry import Stage, register


@register("attributions")
class Attributions(Stage):
    requires = ("tokens", "sentences", "entities", "events")
    provides = ("attributions",)
    version = "2"

    def __call__(self, rec: dict) -> dict:
        rec["attributions"] = extract(rec)
        return rec
