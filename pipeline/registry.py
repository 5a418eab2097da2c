"""Stages registered by name, each declaring what it REQUIRES and PROVIDES.

After stanza's ``Processor``: a pipeline whose stage lacks a prerequisite fails
when it is built (E202), not in the middle of a run.  After spaCy's registered
components: stages are looked up by name and configured with plain data.
"""
from __future__ import annotations

import importlib
from typing import Any, ClassVar

from .errors import PipelineError, RecordError

#: the canonical order of the default pipeline
STAGE_ORDER = ("normalise", "tokenise", "entities", "events", "attributions")
#: what every input record carries before any stage
BASE_FIELDS = ("id", "text", "meta")

_REGISTRY: dict[str, type["Stage"]] = {}
_MODULES = {
    "normalise": "pipeline.stages.normalise",
    "tokenise": "pipeline.stages.tokenise",
    "entities": "pipeline.stages.entities",
    "events": "pipeline.stages.events",
    "attributions": "pipeline.stages.attributions",
}


def register(name: str):
    def deco(cls):
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return deco


class Stage:
    """One job, one entry point: ``stage(record) -> record``."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    version: ClassVar[str] = "1"

    def __init__(self, **config: Any):
        self.config = config

    def __call__(self, rec: dict) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def check_input(self, rec: dict) -> None:
        missing = [f for f in self.requires if f not in rec]
        if missing:
            raise RecordError("E102", id=rec.get("id"), missing=", ".join(missing), stage=self.name)

    def info(self) -> dict:
        """Run metadata for the manifest (name, version, models and their hashes)."""
        return {"name": self.name, "version": self.version, "requires": list(self.requires), "provides": list(self.provides)}


def get_stage_class(name: str) -> type[Stage]:
    if name not in _REGISTRY and name in _MODULES:
        importlib.import_module(_MODULES[name])
    if name not in _REGISTRY:
        raise PipelineError("E201", name=name, known=", ".join(STAGE_ORDER))
    return _REGISTRY[name]


def build(names: list[str] | tuple[str, ...] = STAGE_ORDER, config: dict | None = None, available: tuple[str, ...] = BASE_FIELDS) -> list[Stage]:
    """Instantiate stages in order, checking every prerequisite first.

    ``available`` is what the input records already carry (for a single stage
    run over an earlier stage's output, pass that stage's fields)."""
    config = config or {}
    classes = [get_stage_class(n) for n in names]
    have = set(available)
    for cls in classes:
        missing = [r for r in cls.requires if r not in have]
        if missing:
            raise PipelineError("E202", stage=cls.name, missing=", ".join(missing), order=" → ".join(names))
        have.update(cls.provides)
    return [cls(**config.get(cls.name, {})) for cls in classes]


def provided_before(name: str) -> tuple[str, ...]:
    """Fields present in the output of the stages before ``name`` in the default order."""
    have = list(BASE_FIELDS)
    for n in STAGE_ORDER:
        if n == name:
            break
        have.extend(get_stage_class(n).provides)
    return tuple(have)
