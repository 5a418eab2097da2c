"""Stage 5: attributed sources.  First version: emits an empty list."""
from __future__ import annotations

from ..registry import Stage, register


@register("attributions")
class Attributions(Stage):
    requires = ("tokens", "sentences", "entities", "events")
    provides = ("attributions",)

    def __call__(self, rec: dict) -> dict:
        rec["attributions"] = []
        return rec
