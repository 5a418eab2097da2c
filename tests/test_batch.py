"""Batch runs: workers, incremental cache, resume after kill -9, progress bar."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from arabic_corpus import same_outputs, write_archive
from conftest import ROOT
from pipeline import runner
from pipeline.errors import PipelineError


def manifest(out: Path) -> dict:
    return orjson.loads((out / "manifest.json").read_bytes())


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    d = tmp_path_factory.mktemp("archive")
    write_archive(d, 40, files=3)
    (d / "broken.json").write_bytes(b"{not json")  # one input error, in the middle of the order
    return d


@pytest.fixture(scope="module")
def reference(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref")
    m = runner.run([archive], out, cache=False, chunk_size=5)
    assert m["counts"]["inputs"] == 41 and m["counts"]["errors"] == 1
    return out


def test_two_workers_give_the_same_bytes_as_one(archive, reference, tmp_path):
    m = runner.run([archive], tmp_path, workers=2, cache=False, chunk_size=3)
    assert m["engine"] == {"engine": "local", "workers": 2}
    assert same_outputs(reference, tmp_path) == []
    assert m["counts"]["processed"] == 40 and m["counts"]["cached"] == 0


def test_second_run_reuses_the_cache_and_new_articles_are_processed(archive, reference, tmp_path):
    src = tmp_path / "in"
    write_archive(src, 40, files=3)
    (src / "broken.json").write_bytes(b"{not json")
    out = tmp_path / "out"
    m1 = runner.run([src], out, chunk_size=5)
    assert (m1["counts"]["processed"], m1["counts"]["cached"]) == (40, 0)
    assert same_outputs(reference, out) == []
    m2 = runner.run([src], out, chunk_size=7)  # another chunking: same keys
    assert (m2["counts"]["processed"], m2["counts"]["cached"]) == (0, 40)
    assert same_outputs(reference, out) == []
    # a new file and one edited article: only those are processed
    write_archive(src, 4, files=1, start=50)
    lines = (src / "part-001.jsonl").read_bytes().splitlines()
    obj = orjson.loads(lines[2])
    obj["content"] += " وأضاف أن التحقيق مستمر."
    lines[2] = orjson.dumps(obj)
    (src / "part-001.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    m3 = runner.run([src], out, chunk_size=5)
    assert (m3["counts"]["processed"], m3["counts"]["cached"]) == (4 + 1, 39)
    fresh = tmp_path / "fresh"
    runner.run([src], fresh, cache=False, chunk_size=5)
    assert same_outputs(fresh, out) == []


def test_damaged_cache_entries_are_misses_not_wrong_output(archive, reference, tmp_path):
    runner.run([archive], tmp_path, chunk_size=5)
    entries = sorted(p for p in (tmp_path / ".cache").rglob("*") if p.is_file())
    assert len(entries) == 40
    entries[0].write_bytes(entries[0].read_bytes()[:-100])  # truncated
    entries[1].write_bytes(b"")  # empty
    entries[2].write_bytes(b"garbage\n" + entries[2].read_bytes())
    m = runner.run([archive], tmp_path, chunk_size=5)
    assert (m["counts"]["processed"], m["counts"]["cached"]) == (3, 37)
    assert same_outputs(reference, tmp_path) == []


def test_cache_key_covers_the_models(archive, tmp_path):
    """Another stage configuration (here: a pipeline without the last stage)
    never reuses entries of the full pipeline."""
    runner.run([archive], tmp_path / "a", cache_dir=tmp_path / "c", chunk_size=5)
    m = runner.run([archive], tmp_path / "b", stage_names=("normalise", "tokenise", "entities", "events"), cache_dir=tmp_path / "c", chunk_size=5)
    assert (m["counts"]["processed"], m["counts"]["cached"]) == (40, 0)


def test_bad_worker_and_chunk_numbers_are_numbered_errors(archive, tmp_path):
    with pytest.raises(PipelineError) as e:
        runner.run([archive], tmp_path, workers=0)
    assert e.value.code == "E313"
    with pytest.raises(PipelineError) as e:
        runner.run([archive], tmp_path, chunk_size=0)
    assert e.value.code == "E314"


_STARTED: list[subprocess.Popen] = []


def _cli(*args, **kw):
    """Start the CLI in its own process group (reaped by the fixture below)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    p = subprocess.Popen([sys.executable, "-m", "pipeline", *map(str, args)], cwd=ROOT, env=env, start_new_session=True, **kw)
    _STARTED.append(p)
    return p


@pytest.fixture(autouse=True)
def _reap_processes():
    """Whatever a test does or fails to do, no run it started outlives it."""
    yield
    while _STARTED:
        p = _STARTED.pop()
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        p.wait()



def _cached(cache) -> int:
    """Finished entries in a run's cache (not the .tmp files being written)."""
    return sum(1 for x in cache.rglob("*") if x.is_file() and not x.name.endswith(".tmp")) if cache.exists() else 0


def _wait_for_cache(p, cache, n: int, timeout: float = 120) -> int:
    """Poll until the running ``p`` has cached ``n`` records (or ended, or timed out)."""
    deadline = time.time() + timeout
    seen = 0
    while time.time() < deadline and p.poll() is None:
        seen = _cached(cache)
        if seen >= n:
            break
        time.sleep(0.05)
    return seen


@pytest.mark.slow
def test_kill_9_mid_run_then_resume_loses_nothing(tmp_path):
    src = tmp_path / "in"
    write_archive(src, 1200, files=6, n_sent=2)
    ref = tmp_path / "ref"
    runner.run([src], ref, cache=False, chunk_size=8)

    out = tmp_path / "out"
    p = _cli("run", src, "--out", out, "--chunk-size", "8", "--quiet", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    cache = out / ".cache"
    n_seen = _wait_for_cache(p, cache, 200)
    assert p.poll() is None, "the run finished before it could be killed: give it more work"
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    # nothing presented as complete: no feed, no manifest under their final names
    assert not (out / "feed.jsonl").exists() and not (out / "manifest.json").exists()
    checkpointed = _cached(cache)
    assert checkpointed >= n_seen >= 200

    p2 = _cli("run", src, "--out", out, "--chunk-size", "8", "--quiet", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = p2.communicate(timeout=300)
    assert p2.returncode == 0, err.decode()
    m = manifest(out)
    c = m["counts"]
    assert c["inputs"] == 1200 == c["records"] + c["errors"]
    assert c["cached"] == checkpointed  # finished chunks were not processed again
    assert c["processed"] == 1200 - checkpointed
    assert same_outputs(ref, out) == []
    assert not list(out.glob("*.part"))


def test_progress_is_quiet_when_stderr_is_not_a_terminal(archive, tmp_path):
    p = _cli("run", archive, "--out", tmp_path / "q", "--quiet", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0 and err == b""
    p = _cli("run", archive, "--out", tmp_path / "v", "--quiet", "--progress", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0
    last = err.decode().strip().split("\r")[-1]
    assert "41 articles" in last and "articles/s" in last and "4/4 files" in last


def test_fast_normalisation_table_equals_the_exhaustive_one():
    """The table is built from candidate code points only (start-up speed);
    it must equal the table built from every code point."""
    from pipeline import arabic

    fast, exhaustive = arabic._tables(), arabic._tables(True)
    assert fast[0] == exhaustive[0] and fast[1].pattern == exhaustive[1].pattern


@pytest.mark.slow
def test_ctrl_c_with_workers_publishes_nothing_then_resumes(tmp_path):
    src = tmp_path / "in"
    write_archive(src, 600, files=2, n_sent=2)
    out = tmp_path / "out"
    # SIGINT must reach Python's default handler even if this shell ignores it
    p = _cli("run", src, "--out", out, "--workers", "2", "--chunk-size", "8", "--quiet",
             stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    cache = out / ".cache"
    _wait_for_cache(p, cache, 40)
    assert p.poll() is None, "the run finished before it could be interrupted"
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130
    assert err.decode().strip() == "interrupted: no feed was published for this run"
    assert not (out / "feed.jsonl").exists() and not list(out.glob("*.part"))
    done = _cached(cache)
    m = runner.run([src], out, chunk_size=8)
    assert m["counts"]["cached"] == done and m["counts"]["processed"] == 600 - done
    ref = tmp_path / "ref"
    runner.run([src], ref, cache=False, chunk_size=8)
    assert same_outputs(ref, out) == []


def test_failed_records_are_not_cached_but_retried(tmp_path):
    """A record a stage rejects goes to errors.jsonl on every run, identically,
    and is processed again rather than served from the cache."""
    from pipeline.registry import Stage, register

    @register("test_fragile")
    class Fragile(Stage):
        requires = ("text",)
        provides = ("fragile",)

        def __call__(self, rec):
            if "الانفجار" in rec["text"]:
                raise ValueError("cannot handle this one")
            rec["fragile"] = True
            return rec

    src = tmp_path / "in"
    write_archive(src, 24)
    names = ("normalise", "test_fragile")
    m1 = runner.run([src], tmp_path / "out", stage_names=names, chunk_size=5)
    bad = m1["counts"]["errors"]
    assert 0 < bad < 24 and m1["counts"]["processed"] == 24
    errs = (tmp_path / "out" / "errors.jsonl").read_bytes()
    assert errs.count(b'"code":"E207"') == bad and b'"stage":"test_fragile"' in errs
    m2 = runner.run([src], tmp_path / "out", stage_names=names, chunk_size=5)
    assert (m2["counts"]["processed"], m2["counts"]["cached"], m2["counts"]["errors"]) == (bad, 24 - bad, bad)
    assert (tmp_path / "out" / "errors.jsonl").read_bytes() == errs
    assert (tmp_path / "out" / "02-test_fragile.jsonl").exists()


@pytest.mark.slow
def test_a_worker_killed_mid_run_stops_the_run_with_a_numbered_error(tmp_path):
    import psutil

    src = tmp_path / "in"
    write_archive(src, 600, files=2, n_sent=2)
    out = tmp_path / "out"
    p = _cli("run", src, "--out", out, "--workers", "2", "--chunk-size", "8", "--quiet", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    cache = out / ".cache"
    _wait_for_cache(p, cache, 40)
    assert p.poll() is None, "the run finished before a worker could be killed"
    # pool workers are forked by the forkserver: grandchildren of the run
    workers = [c for c in psutil.Process(p.pid).children(recursive=True) if c.ppid() != p.pid]
    assert workers
    workers[0].kill()
    _, err = p.communicate(timeout=60)
    assert p.returncode == 2, err.decode()
    assert err.decode().startswith("error E312:") and err.decode().count("\n") == 1
    assert not (out / "feed.jsonl").exists() and not list(out.glob("*.part"))


@pytest.fixture
def ctrl_c_reaches_python():
    """Python's own SIGINT handler for the test's duration: a test process started in the
    background by a non-interactive shell (nohup, `cmd &`) inherits SIGINT ignored, and the
    runner then (rightly) installs no handler, so the test would depend on how it was launched."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


def test_ctrl_c_is_taken_between_chunks(tmp_path, ctrl_c_reaches_python):
    """The first SIGINT is held until the chunk in hand is written: the run then
    stops with KeyboardInterrupt, publishes no feed, and keeps its checkpoints."""
    import os

    src = tmp_path / "in"
    write_archive(src, 40)
    out = tmp_path / "out"
    sent = []

    def progress(*_a, final=False):
        if not sent:
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        runner.run([src], out, stage_names=("normalise", "tokenise"), chunk_size=8, progress=progress)
    assert not (out / "feed.jsonl").exists() and not list(out.glob("*.part"))
    assert 8 <= _cached(out / ".cache") < 40
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
