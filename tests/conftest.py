"""Shared fixtures.  Arabic sentences here are written for these tests."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATA_DIR", ROOT.parent / "shared" / "data"))
SEED = ROOT / "seeds" / "000_b6ed659c7353c9c8.txt"


def need_shared(*parts: str) -> Path:
    """Path under ../shared/data, or skip the test with a clear reason."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs shared data at {p} (not in this clone; set DATA_DIR)")
    return p


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_stages():
    from pipeline.registry import build

    return build()


@pytest.fixture(scope="session")
def seed_record(seed_text, default_stages):
    from pipeline.record import new_record

    rec = new_record("seed", seed_text, {})
    for st in default_stages:
        rec = st(rec)
    return rec
