"""Stage 4: events coded in PLOVER (who did what to whom, where, when).

See docs/events.md and :mod:`pipeline.events.coder`."""
from __future__ import annotations

from ..events.coder import code_record
from ..events.gate import check as gate_check
from ..events.gate import info as gate_info
from ..events.lexicon import derived_info
from ..events.tagger import check as tagger_check
from ..events.tagger import info as tagger_info
from ..registry import Stage, register


@register("events")
class Events(Stage):
    requires = ("tokens", "sentences", "entities")
    provides = ("events",)
    version = "2"

    def __init__(self, use_derived: bool = True, use_gate: bool = True, use_tagger: bool = True, **config):
        super().__init__(use_derived=use_derived, use_gate=use_gate, use_tagger=use_tagger, **config)
        self.use_derived = use_derived
        self.use_gate = use_gate
        self.use_tagger = use_tagger
        if use_gate:
            gate_check()  # fail at construction (E205/E206), not mid-run
        if use_tagger:
            tagger_check()

    def info(self) -> dict:
        d = super().info()
        d["lexicon"] = derived_info()
        d["gate"] = gate_info() if self.use_gate else None
        d["tagger"] = tagger_info() if self.use_tagger else None
        return d

    def __call__(self, rec: dict) -> dict:
        rec["events"] = code_record(rec, use_derived=self.use_derived, use_gate=self.use_gate, use_tagger=self.use_tagger)
        return rec
