"""``export --format plover``: every record carries the PLOVER manual's fields,
in today's categories and modes, with the attribution it rests on."""
import json
import subprocess
import sys

import orjson

from annotated import record_1, record_2, record_3
from conftest import ROOT
from pipeline.events.plover import CATEGORIES, MODES
from pipeline.plover_export import FIELDS, PROJECT_FIELDS, export_plover


def test_every_exported_record_has_the_manual_fields(tmp_path, seed_record):
    run = tmp_path / "run"
    run.mkdir()
    recs = [seed_record, record_1(), record_2(), record_3()]
    (run / "feed.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    path = export_plover(run)
    assert path == run / "export" / "plover.jsonl"
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    n_events = sum(1 for r in recs for e in r.get("events") or () if e["type"] != "OTHER")
    assert len(rows) == n_events > 0
    for row in rows:
        assert list(row) == list(FIELDS) + list(PROJECT_FIELDS)
        assert row["event"] in CATEGORIES
        assert row["mode"] is None or row["mode"] in MODES[row["event"]], (row["event"], row["mode"])
        assert isinstance(row["context"], list)
        assert row["asserted"] == (not row["negated"] and row["modality"] is None)
    # the seed's events rest on its attributions: the named/count of the source come along
    seed_rows = [r for r in rows if r["article"] == seed_record["id"]]
    linked = [r for r in seed_rows if r["attribution"]]
    assert linked and all({"named", "count", "source"} <= set(r["attribution"]) for r in linked)
    kremlin = [r for r in seed_rows if r["event"] == "REQUEST" and r["actor"] == "الكرملين"]
    assert kremlin and kremlin[0]["attribution"]["kind"] == "media"


def test_cli_writes_plover(tmp_path, seed_record):
    run = tmp_path / "run"
    run.mkdir()
    (run / "feed.jsonl").write_bytes(orjson.dumps(seed_record) + b"\n")
    p = subprocess.run([sys.executable, "-m", "pipeline", "export", str(run), "--format", "plover"],
                       cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert (run / "export" / "plover.jsonl").stat().st_size > 0
