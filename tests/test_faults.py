"""Faults between stages, in models and in output: one clear message, nothing lost."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.errors import PipelineError
from pipeline.jsonl import read_jsonl as lib_read_jsonl
from pipeline.record import check_spans, new_record
from pipeline.registry import build

from helpers import ROOT, cli, read_jsonl

AR = "أعلنت وزارة الصحة في الرياض اليوم عن افتتاح مستشفى جديد في جدة."


@pytest.fixture(scope="module")
def tokenised(tmp_path_factory):
    """A valid tokenise-stage output line, made by the real stages."""
    rec = new_record("ok", AR, {})
    for st_ in build(["normalise", "tokenise"]):
        rec = st_(rec)
    return rec


def test_malformed_lines_between_stages_go_to_errors_and_the_rest_goes_on(tmp_path, tokenised):
    good = json.dumps(tokenised, ensure_ascii=False)
    bad_span = dict(tokenised, id="bad_span", tokens=[dict(tokenised["tokens"][0], end=10_000)])
    wrong_text = dict(tokenised, id="wrong_text", tokens=[dict(tokenised["tokens"][0], text="غير")])
    no_text = {k: v for k, v in tokenised.items() if k != "text"}
    no_text["id"] = "no_text"
    no_tokens = {k: v for k, v in tokenised.items() if k != "tokens"}
    bad_type = dict(tokenised, id="bad_type", tokens="not a list")
    lines = [good, good[: len(good) // 2], "[1, 2, 3]", json.dumps(bad_span, ensure_ascii=False), json.dumps(wrong_text, ensure_ascii=False), json.dumps(no_tokens, ensure_ascii=False), json.dumps(no_text, ensure_ascii=False), json.dumps(bad_type), good]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = cli("entities", "--in", tmp_path / "in.jsonl", "--out", tmp_path / "out.jsonl", check=True)
    assert "9 in -> 2 out, 7 errors" in p.stdout
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 2
    errs = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [e["line"] for e in errs] == [2, 3, 4, 5, 6, 7, 8]
    assert [e["code"] for e in errs] == ["E101", "E105", "E104", "E104", "E102", "E103", "E103"]
    assert all(e["reason"] and "Traceback" not in e["reason"] for e in errs)


def test_missing_model_is_one_line_and_non_zero_exit(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(AR, encoding="utf-8")
    p = cli("run", tmp_path / "in", "--out", tmp_path / "out", "--ner-model", tmp_path / "no-model")
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "E205" in p.stderr and "make models" in p.stderr
    assert not (tmp_path / "out" / "feed.jsonl").exists()


def test_corrupt_model_is_one_line_and_non_zero_exit(tmp_path):
    model = tmp_path / "model"
    shutil.copytree(ROOT / "models" / "ner" / "spacy", model)
    for f in model.rglob("model"):
        f.write_bytes(b"\x00garbage" * 100)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(AR, encoding="utf-8")
    p = cli("run", tmp_path / "in", "--out", tmp_path / "out", "--ner-model", model)
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "E206" in p.stderr
    assert not (tmp_path / "out" / "feed.jsonl").exists()


def test_unknown_backend_is_one_line(tmp_path):
    p = cli("run", ROOT / "seeds", "--out", tmp_path / "out", "--ner", "nosuch")
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "E203" in p.stderr


def test_unknown_stage_and_missing_prerequisite_fail_at_construction():
    with pytest.raises(PipelineError) as ei:
        build(["normalise", "nosuch"])
    assert ei.value.code == "E201"
    with pytest.raises(PipelineError) as ei:
        build(["normalise", "entities"])  # tokenise missing
    assert ei.value.code == "E202" and "tokens" in str(ei.value)


def test_unwritable_output_directory(tmp_path):
    """A folder nobody may write in: one line, exit 2.  As root (CI), chmod
    does not stop writes, so use /proc, which even root cannot create files in."""
    if os.geteuid() == 0:
        out = "/proc"
    else:
        out = tmp_path / "ro"
        out.mkdir()
        out.chmod(0o500)
    p = cli("run", ROOT / "seeds", "--out", out)
    assert p.returncode == 2, p.stderr
    assert "E301" in p.stderr and p.stderr.count("\n") == 1


def test_output_path_that_is_a_file_is_a_clear_error(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    p = cli("run", ROOT / "seeds", "--out", f / "sub")
    assert p.returncode == 2 and "E301" in p.stderr and p.stderr.count("\n") == 1


def test_disk_full_write_leaves_no_feed(tmp_path):
    """A write that fails (file size limit: the kernel's EFBIG, as on a full disk)
    gives one clear message, a non-zero exit and no feed presented as complete."""
    code = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN);"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000));"
        "from pipeline.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-c", code, "run", str(ROOT / "seeds"), "--out", str(tmp_path / "out")], capture_output=True, text=True, env=env, cwd=ROOT)
    assert p.returncode == 2, p.stderr
    assert "E302" in p.stderr and p.stderr.count("\n") == 1
    assert not (tmp_path / "out" / "feed.jsonl").exists()
    assert not list((tmp_path / "out").glob("*.part"))


def test_count_check_holds_and_is_in_the_manifest(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text(" ", encoding="utf-8")
    (tmp_path / "in" / "b.jsonl").write_text('{"text": "نص"}\n{bad\n', encoding="utf-8")
    cli("run", tmp_path / "in", "--out", tmp_path / "out", check=True)
    m = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert m["counts"]["inputs"] == 4 and m["counts"]["records"] == 2 and m["counts"]["errors"] == 2
    assert len(read_jsonl(tmp_path / "out" / "feed.jsonl")) + len(read_jsonl(tmp_path / "out" / "errors.jsonl")) == 4


# ------------------------------------------------------------ property and fuzz tests
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_no_stage_raises_on_random_unicode(text):
    rec = new_record("u", text, {})
    for stage in _stages():
        rec = stage(rec)
        check_spans(rec)
    assert rec["text"] == text


_CACHE = {}


def _stages():
    if "s" not in _CACHE:
        _CACHE["s"] = build()
    return _CACHE["s"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=80), st.text(max_size=40).map(lambda s: s.encode("utf-8", "surrogatepass")), st.dictionaries(st.text(max_size=5), st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=4).map(lambda d: json.dumps(d).encode())), max_size=12))
def test_fuzz_jsonl_reader_never_raises(tmp_path_factory, lines):
    p = tmp_path_factory.mktemp("fz") / "f.jsonl"
    p.write_bytes(b"\n".join(l.replace(b"\n", b" ") for l in lines))
    n = 0
    for _lineno, obj in lib_read_jsonl(p):
        n += 1
        assert isinstance(obj, (dict, Exception))
    assert n <= len(lines)


STAGES = ["normalise", "tokenise", "entities", "events", "attributions"]


@pytest.mark.parametrize("stage", STAGES)
def test_fuzz_each_stage_reader_on_random_records(tmp_path, stage):
    """Valid input records for ``stage`` with one field replaced by junk, plus
    random byte lines: every line ends as an output record or an error entry."""
    import random

    from pipeline.runner import run_stage

    rnd = random.Random(STAGES.index(stage))
    base = new_record("r", "قال مصدر مطلع إن قوات الأمن اعتقلت ثلاثة أشخاص في بغداد أمس.", {"date": "2015-07-21"})
    for s in build(STAGES[: STAGES.index(stage)]):
        base = s(base)
    fields = [k for k in base if k != "meta"] + ["meta"]
    junk = [None, 5, "x", [], [{"start": -1}], {"a": 1}, [{"start": 0, "end": 2, "text": "zz", "norm": "zz"}], [[0, 0]], True]
    lines = []
    for i in range(40):
        r = json.loads(json.dumps(base))
        r["id"] = f"r{i}"
        r[rnd.choice(fields)] = rnd.choice(junk)
        lines.append(json.dumps(r, ensure_ascii=False).encode())
    for _ in range(10):
        lines.append(bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 60))).replace(b"\n", b" "))
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    res = run_stage(stage, tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    outs = read_jsonl(tmp_path / "out.jsonl")
    errs = read_jsonl(tmp_path / "out.errors.jsonl")
    blank = sum(1 for l in lines if not l.strip())
    assert res["in"] == len(lines) - blank == len(outs) + len(errs)
    assert all(e["code"].startswith("E") and e["reason"] for e in errs)
    for r in outs:
        check_spans(r)


# ------------------------------------------------------------ load
@pytest.mark.slow
def test_twenty_megabyte_article(tmp_path):
    para = "أعلنت وزارة الصحة السعودية في الرياض اليوم عن افتتاح مستشفى جديد في مدينة جدة بطاقة خمسمئة سرير. "
    text = (para * (20_000_000 // len(para.encode("utf-8")) + 1))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(text, encoding="utf-8")
    cli("run", tmp_path / "in", "--out", tmp_path / "out", "--quiet", check=True)
    with open(tmp_path / "out" / "feed.jsonl", encoding="utf-8") as fh:
        rec = json.loads(fh.readline())
    assert rec["text"] == text and len(rec["tokens"]) > 1_500_000
    assert rec["entities"]


def test_half_a_million_line_jsonl_is_streamed(tmp_path):
    """500k lines are read one at a time: every line yields a record or an error."""
    from pipeline.readers import read_inputs

    f = tmp_path / "big.jsonl"
    with open(f, "w", encoding="utf-8") as fh:
        for i in range(500_000):
            fh.write('{"text": "خبر رقم %d"}\n' % i if i % 1000 else "{broken\n")
    n_rec = n_err = 0
    for it in read_inputs([f]):
        if it.record is not None:
            n_rec += 1
        else:
            n_err += 1
    assert n_rec == 499_500 and n_err == 500


def test_pickled_code_in_a_model_file_is_never_executed(tmp_path):
    """A stanza model file carrying a pickled callable is refused (torch loads
    with weights_only=True): E206, and the payload never runs."""
    torch = pytest.importorskip("torch")
    from pipeline.ner import get_backend

    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    bad = tmp_path / "evil.pt"
    torch.save({"model": Payload()}, bad)
    assert not marker.exists()
    with pytest.raises(PipelineError) as ei:
        get_backend("stanza", str(bad))
    assert ei.value.code == "E206"
    assert not marker.exists()
