"""The ASSAULT/PROTEST gate's dense (floret) features: which words each block
averages, the runtime short-cut (memoised per-word projections) equal to the
training-time features, and the committed gate reading the committed NER
model's vectors.  Own sentences."""
from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest

from pipeline.events import gate

ROOT = Path(__file__).resolve().parents[1]
SENT = ["وقتل", "مسلحون", "خمسه", "جنود", "امس", "في", "هجوم", "علي", "حاجز", "للجيش", "."]


def test_dense_words_blocks():
    words = gate.dense_words(SENT, "ASSAULT", 2)
    assert "." not in words["mean"] and len(words["mean"]) == 10  # Arabic words only
    assert words["trig"] == ["وقتل", "هجوم"]  # the candidate ASSAULT triggers
    # two tokens either side of each trigger, the triggers themselves excluded
    assert words["win"] == ["مسلحون", "خمسه", "امس", "في", "علي", "حاجز"]
    assert gate.dense_words(["ذهب", "الطالب", "الي", "المدرسه"], "ASSAULT", 3)["trig"] == []


def test_unit_vectors_cover_any_string():
    v = gate.unit_vector("كلمهغريبهجدا")  # floret: a vector from sub-words, even for an unseen string
    assert len(v) == 100 and abs(math.sqrt(sum(x * x for x in v)) - 1.0) < 1e-6


def _toy_model(thr=0.5):
    # weights written for the test: ASSAULT-ish direction = the vector of "قتل"
    w = list(gate.unit_vector("قتل"))
    return {"ASSAULT": {"bias": -0.5, "threshold": thr, "weights": {},
                        "dense": {"vectors": gate.VECTORS_DIR, "window": 3,
                                  "weights": {"mean": [0.0] * 100, "win": [0.0] * 100, "trig": [4 * x for x in w]}}}}


def test_runtime_projection_equals_training_features():
    model = _toy_model()
    dense = model["ASSAULT"]["dense"]
    feats = gate.dense_features(SENT, "ASSAULT", dense["window"])
    z = sum(dense["weights"][b][i] * feats.get(f"d:{b}:{i}", 0.0) for b in gate.DENSE_BLOCKS for i in range(100))
    assert gate.dense_score(dense, SENT, "ASSAULT") == pytest.approx(z, abs=1e-9)


def test_dense_part_moves_the_score():
    model = _toy_model()
    ev = [{"type": "ASSAULT", "mode": "kill", "trigger": {"text": "وقتل"}, "dead": 5, "date": None}]
    f = gate.features(SENT, ev, "ASSAULT")
    with_dense = gate.score(model, "ASSAULT", f, SENT)
    without = gate.score(model, "ASSAULT", f)  # no words given: sparse part only
    assert without == pytest.approx(1 / (1 + math.exp(0.5)))
    assert with_dense > without and gate.passes(model, "ASSAULT", SENT, ev)


def test_committed_gate_reads_the_committed_vectors():
    g = json.loads(gate.GATE_PATH.read_text(encoding="utf-8"))
    for m in g.values():
        d = m.get("dense")
        if not d:
            continue
        vec = ROOT / d["vectors"] / "vectors"
        assert vec.exists() and hashlib.sha1(vec.read_bytes()).hexdigest() == d["vectors_sha1"]
        assert all(len(d["weights"][b]) == 100 for b in gate.DENSE_BLOCKS)
    assert gate.GATE_PATH.stat().st_size < 1_000_000  # weights only (two ASSAULT gates over PLOVER TUNE + news words); the vectors stay in the NER model


def test_gate_check_fails_at_construction_on_bad_files(tmp_path):
    from pipeline.errors import PipelineError
    from pipeline.events import gate

    assert gate.check() is not None  # the committed gate and the NER model's vectors it reads
    bad = tmp_path / "gate.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        gate.check(str(bad))
    assert e.value.code == "E206"
    missing = tmp_path / "gate2.json"
    missing.write_text(json.dumps({"ASSAULT": {"dense": {"vectors": str(tmp_path / "nowhere")}}}), encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        gate.check(str(missing))
    assert e.value.code == "E205"
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "vectors").write_bytes(b"other vectors")
    other = tmp_path / "gate3.json"
    other.write_text(json.dumps({"ASSAULT": {"dense": {"vectors": str(tmp_path / "vocab"), "vectors_sha1": "0" * 40}}}), encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        gate.check(str(other))
    assert e.value.code == "E206"
