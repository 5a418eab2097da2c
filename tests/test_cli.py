"""The CLI end to end on the seed article: files, schema, determinism, summary."""
from __future__ import annotations

import json

import pytest

from pipeline.record import check_spans
from pipeline.schema import validate

from helpers import ROOT, cli, read_jsonl

STAGE_FILES = ["01-normalise.jsonl", "02-tokenise.jsonl", "03-entities.jsonl", "04-events.jsonl", "05-attributions.jsonl"]


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run1")
    p = cli("run", ROOT / "seeds", "--out", out, check=True)
    return out, p


def test_run_writes_the_contract_files(seed_run):
    out, p = seed_run
    for name in STAGE_FILES + ["feed.jsonl", "errors.jsonl", "manifest.json"]:
        assert (out / name).is_file(), name
    assert not list(out.glob("*.part"))
    assert "feed:" in p.stdout and "entities" in p.stdout  # one summary line per stage


def test_feed_records_are_valid_and_text_is_untouched(seed_run):
    out, _ = seed_run
    recs = read_jsonl(out / "feed.jsonl")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(recs) == len(seeds)
    seed = next(r for r in recs if r["id"] == "000_b6ed659c7353c9c8")
    assert seed["text"] == (ROOT / "seeds" / "000_b6ed659c7353c9c8.txt").read_text(encoding="utf-8")
    for r in recs:
        validate(r)
        check_spans(r)
        assert list(r)[:3] == ["id", "text", "meta"]
        for key in ("sentences", "tokens", "entities", "events", "attributions"):
            assert isinstance(r[key], list)


def test_each_stage_file_adds_its_fields(seed_run):
    out, _ = seed_run
    fields = [set(read_jsonl(out / f)[0]) for f in STAGE_FILES]
    assert {"norm", "lang"} <= fields[0] and "tokens" not in fields[0]
    assert {"tokens", "sentences"} <= fields[1] and "entities" not in fields[1]
    assert "entities" in fields[2] and "events" not in fields[2]
    assert "events" in fields[3] and "attributions" not in fields[3]
    assert "attributions" in fields[4]


def test_manifest_has_versions_models_counts_timings(seed_run):
    out, _ = seed_run
    m = json.loads((out / "manifest.json").read_text())
    assert m["counts"]["inputs"] == m["counts"]["records"] + m["counts"]["errors"]
    assert [s["name"] for s in m["stages"]] == ["normalise", "tokenise", "entities", "events", "attributions"]
    ent = next(s for s in m["stages"] if s["name"] == "entities")
    assert len(ent["model"]["sha256_16"]) == 16
    assert "spacy" in m["versions"] and "camel-tools" in m["versions"]
    assert set(m["timings_s"]) >= {"total", "normalise", "entities"}


def test_two_runs_give_byte_identical_feed(seed_run, tmp_path):
    out, _ = seed_run
    cli("run", ROOT / "seeds", "--out", tmp_path, check=True)
    assert (tmp_path / "feed.jsonl").read_bytes() == (out / "feed.jsonl").read_bytes()
    for f in STAGE_FILES:
        assert (tmp_path / f).read_bytes() == (out / f).read_bytes()


@pytest.mark.parametrize("stage,prev", list(zip(["normalise", "tokenise", "entities", "events", "attributions"], ["00-input.jsonl"] + STAGE_FILES[:-1])))
def test_each_stage_alone_reproduces_the_full_run(seed_run, tmp_path, stage, prev):
    out, _ = seed_run
    target = tmp_path / f"{stage}.jsonl"
    p = cli(stage, "--in", out / prev, "--out", target, check=True)
    assert "1 in -> 1 out, 0 errors" in p.stdout
    expected = out / STAGE_FILES[["normalise", "tokenise", "entities", "events", "attributions"].index(stage)]
    assert target.read_bytes() == expected.read_bytes()


def test_stage_alone_rejects_records_that_lack_its_prerequisites(seed_run, tmp_path):
    out, _ = seed_run
    target = tmp_path / "ents.jsonl"
    # entities needs tokens: feed it the normalise output
    p = cli("entities", "--in", out / "01-normalise.jsonl", "--out", target)
    assert p.returncode == 0
    assert "0 out, 1 errors" in p.stdout
    err = read_jsonl(tmp_path / "ents.errors.jsonl")[0]
    assert err["code"] == "E102" and "tokens" in err["reason"]


def test_missing_input_is_one_clear_line(tmp_path):
    p = cli("run", tmp_path / "nope", "--out", tmp_path / "o")
    # a missing path is an input error: recorded, the run completes
    assert p.returncode == 0
    errs = read_jsonl(tmp_path / "o" / "errors.jsonl")
    assert errs[0]["code"] == "E001"
