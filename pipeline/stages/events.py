"""Stage 4: events (PLOVER).  First version: emits an empty list."""
from __future__ import annotations

from ..registry import Stage, register


@register("events")
class Events(Stage):
    requires = ("tokens", "sentences", "entities")
    provides = ("events",)

    def __call__(self, rec: dict) -> dict:
        rec["events"] = []
        return rec
