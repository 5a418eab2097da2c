"""pipeline.frames(): four DataFrames with stable ids and meta joined in; export."""
from __future__ import annotations

import subprocess
import sys

import orjson
import pandas as pd
import pytest

import pipeline
from annotated import record_1, record_2, record_3
from arabic_corpus import write_archive
from conftest import ROOT
from pipeline import runner
from pipeline.errors import PipelineError
from pipeline.frames import export
from pipeline.record import check_spans


@pytest.fixture()
def recs():
    rs = [record_1(), record_2(), record_3()]
    for r in rs:
        check_spans(r)  # the hand-built records are valid
    return rs


def test_ids_are_stable_and_meta_is_joined(recs):
    f = pipeline.frames(recs)
    assert list(f.documents.doc_id) == ["riyadh/1", "jeddah/2", "riyadh/3"]
    assert list(f.entities.id[:3]) == ["riyadh/1/e1", "riyadh/1/e2", "riyadh/1/e3"]
    assert f.events.id.tolist() == ["riyadh/1/v1", "jeddah/2/v1", "riyadh/3/v1"]
    assert f.attributions.id.tolist() == ["riyadh/1/a1", "riyadh/1/a2", "jeddah/2/a1", "jeddah/2/a2", "riyadh/3/a1"]
    for df in (f.entities, f.events, f.attributions):
        assert df.id.is_unique
    ev = f.events.set_index("id")
    assert ev.loc["riyadh/1/v1", "source"] == "okaz" and ev.loc["riyadh/1/v1", "day"] == "2015-07-21"
    assert ev.loc["riyadh/1/v1", "attribution_id"] == "riyadh/1/a1"
    assert ev.loc["jeddah/2/v1", "trigger_text"] == "هاجموا"
    assert pd.isna(ev.loc["jeddah/2/v1", "date_text"])  # a null span keeps its columns
    e = f.entities.set_index("id")
    assert e.loc["riyadh/1/e1", "url"] == "http://x.example/1" and e.loc["riyadh/1/e3", "sentence"] == 1
    d = f.documents.set_index("doc_id")
    assert d.loc["jeddah/2", "n_attributions"] == 2 and d.loc["riyadh/3", "n_events"] == 1


def test_offsets_point_into_the_document_text(recs):
    f = pipeline.frames(recs)
    text = f.documents.set_index("doc_id").text
    for row in f.attributions.itertuples():
        t = text[row.doc_id]
        assert t[row.source_start:row.source_end] == row.source_text
        assert t[row.content_start:row.content_end] == row.content_text
    for row in f.entities.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text


def test_anonymous_claims_by_outlet_by_day_is_one_groupby(recs):
    f = pipeline.frames(recs)
    a = f.attributions
    # the documented example (docs/analysts.md)
    anon = a[a.anonymous].groupby(["source", "day"]).size()
    assert anon.to_dict() == {("alriyadh", "2015-07-22"): 2, ("okaz", "2015-07-21"): 1, ("okaz", "2015-07-22"): 1}
    share = a.groupby("source").anonymous.mean()
    assert share.to_dict() == {"alriyadh": 1.0, "okaz": pytest.approx(2 / 3)}
    # named=False counts as anonymous even when the kind is a person
    assert a.set_index("id").loc["jeddah/2/a2", "anonymous"]
    assert not a.set_index("id").loc["riyadh/1/a2", "anonymous"]


def test_frames_from_a_run_dir_equal_frames_from_its_records(tmp_path):
    write_archive(tmp_path / "in", 6)
    runner.run([tmp_path / "in"], tmp_path / "out", cache=False)
    recs = [orjson.loads(x) for x in (tmp_path / "out" / "feed.jsonl").read_bytes().splitlines()]
    a, b = pipeline.frames(tmp_path / "out"), pipeline.frames(recs)
    for (name, x), (_, y) in zip(a.items(), b.items()):
        pd.testing.assert_frame_equal(x, y, obj=name)
    assert len(a.documents) == 6 and set(a.documents.source) == {"okaz", "alriyadh", "aawsat", "alwatan"}
    assert len(a.entities) == a.documents.n_entities.sum()
    # empty tables still have their columns
    assert "anonymous" in a.attributions.columns and "trigger_text" in a.events.columns


def test_export_parquet_and_csv_round_trip(recs, tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    (run / "feed.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    f = pipeline.frames(run)
    paths = export(run, "parquet")
    assert [p.name for p in paths] == ["documents.parquet", "entities.parquet", "events.parquet", "attributions.parquet"]
    assert all(p.parent == run / "export" for p in paths)
    back = pd.read_parquet(run / "export" / "attributions.parquet")
    assert back.id.tolist() == f.attributions.id.tolist() and back.anonymous.tolist() == f.attributions.anonymous.tolist()
    export(run, "csv", out_dir=tmp_path / "csv")
    back = pd.read_csv(tmp_path / "csv" / "entities.csv")
    assert back.text.tolist() == f.entities.text.tolist()
    assert not list((run / "export").glob("*.part"))
    with pytest.raises(PipelineError) as e:
        export(run, "xlsx")
    assert e.value.code == "E304"


def test_export_cli_errors_are_one_line(tmp_path):
    p = subprocess.run([sys.executable, "-m", "pipeline", "export", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "E305" in p.stderr and "Traceback" not in p.stderr
