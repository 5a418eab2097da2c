"""Run stages over records: the whole pipeline over input files, or one stage
over an earlier stage's JSONL.  Writes per-stage JSONL, the feed, the errors
file and the manifest (see the README for the layout)."""
from __future__ import annotations

import gc
import os
import platform
import sys
import time
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .errors import PipelineError, RecordError
from .jsonl import AtomicWriter, dump_record, dumps, read_jsonl
from .readers import Item, discover, error_entry, read_inputs
from .record import check_spans
from .registry import STAGE_ORDER, Stage, build, get_stage_class, provided_before

INPUT_FILE = "00-input.jsonl"
STAGE_FILES = {name: f"{i:02d}-{name}.jsonl" for i, name in enumerate(STAGE_ORDER, 1)}
CHUNK = 32
PACKAGES = ("camel-tools", "spacy", "stanza", "pandas", "orjson", "regex", "torch", "dask")


def _versions() -> dict:
    out = {"python": platform.python_version(), "pipeline": __version__}
    for p in PACKAGES:
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            pass
    return out


def _check_new(stage: Stage, rec: dict) -> None:
    """Check the spans of the fields ``stage`` provides (earlier fields were
    checked after the stage that made them)."""
    view = {"id": rec.get("id"), "text": rec["text"]}
    for f in stage.provides:
        if f in rec:
            view[f] = rec[f]
    check_spans(view)


def _apply(stage: Stage, recs: list[dict]) -> tuple[list[dict], list[tuple[dict, RecordError]]]:
    """Apply one stage to a chunk; a record that fails is isolated, not the chunk."""
    batch = getattr(stage, "process_batch", None)
    if batch is not None and len(recs) > 1:
        try:
            done = batch(recs)
            ok, bad = [], []
            for r in done:
                try:
                    _check_new(stage, r)
                    ok.append(r)
                except RecordError as err:
                    bad.append((r, err))
            return ok, bad
        except Exception:
            pass  # fall through: find the culprit record by record
    ok, bad = [], []
    for r in recs:
        try:
            out = batch([r])[0] if batch is not None else stage(r)
            _check_new(stage, out)
            ok.append(out)
        except RecordError as err:
            bad.append((r, err))
        except PipelineError:
            raise
        except Exception as exc:  # a bug or a pathological input: record it, go on
            bad.append((r, RecordError("E207", stage=stage.name, id=r.get("id"), detail=f"{type(exc).__name__}: {exc}")))
    return ok, bad


def process_chunk_full(stages: list[Stage], recs: list[dict], timings: dict | None = None) -> list[tuple[list[bytes], bytes | None, dict | None, list[tuple[str, ...]]]]:
    """Run every stage over a chunk of records.

    Returns, per input record in order, ``(stage_lines, feed_line, error, keys)``:
    the serialised snapshot after each stage it passed, either the final line
    or an error entry, and the record's top-level fields after each stage."""
    results: dict[int, list] = {i: [[], None, None, []] for i in range(len(recs))}
    alive = list(range(len(recs)))
    cur = recs
    for stage in stages:
        t0 = time.perf_counter()
        for r, i in zip(cur, alive):
            r["__i"] = i
        ok, bad = _apply(stage, cur)
        for r, err in bad:
            i = r.pop("__i")
            results[i][2] = {"path": r.get("meta", {}).get("path"), "id": r.get("id"), "stage": stage.name, "code": err.code, "reason": str(err)}
        alive = [r.pop("__i") for r in ok]
        cur = ok
        t1 = time.perf_counter()
        for r, i in zip(cur, alive):
            res = results[i]
            res[0].append(dump_record(r))
            res[3].append(tuple(r))
        if timings is not None:
            timings[stage.name] = timings.get(stage.name, 0.0) + t1 - t0
            timings["serialise"] = timings.get("serialise", 0.0) + time.perf_counter() - t1
    for i in alive:
        results[i][1] = results[i][0][-1]
    return [tuple(results[i]) for i in range(len(recs))]


def process_chunk(stages: list[Stage], recs: list[dict], timings: dict | None = None) -> list[tuple[list[bytes], bytes | None, dict | None]]:
    """Run every stage over a chunk of records.

    Returns, per input record in order, ``(stage_lines, feed_line, error)``:
    the serialised snapshot after each stage it passed, and either the final
    line or an error entry."""
    return [r[:3] for r in process_chunk_full(stages, recs, timings)]


def _chunks(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while True:
        c = list(islice(it, n))
        if not c:
            return
        yield c


def _file_of(item: Item) -> str:
    path = item.record["meta"].get("path", "") if item.record is not None else (item.error or {}).get("path", "")
    return str(path).split("!", 1)[0]


def count_files(inputs) -> int:
    """How many input files a run will read (for the progress bar)."""
    return sum(1 for x in discover(inputs) if not isinstance(x, Item))


def run(
    inputs: list[str | os.PathLike],
    out_dir: str | os.PathLike,
    stage_names=STAGE_ORDER,
    config: dict | None = None,
    progress=None,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: bool = True,
    cache_dir: str | os.PathLike | None = None,
    chunk_size: int = CHUNK,
) -> dict:
    """Run the pipeline over input files and folders; returns the manifest.

    ``workers``: processes on this machine (``engine="local"``) or LocalCluster
    workers (``engine="dask"``, default 2; ``scheduler`` names an existing
    cluster instead).  ``cache``: reuse results of articles already processed
    with the same content, models and code (``OUT/.cache`` unless
    ``cache_dir``), and checkpoint new ones as chunks complete, so an
    interrupted run resumes where it stopped.  ``progress(files, articles,
    words, cached, final=False)`` is called as chunks complete.  The feed and
    every stage file are byte-identical whatever the engine, workers or cache."""
    from . import cache as cache_mod
    from .engines import InlineEngine, make_engine, make_spec

    t_start = time.perf_counter()
    if not isinstance(workers, int) or workers < 1:
        raise PipelineError("E313", n=workers)
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise PipelineError("E314", n=chunk_size)
    if engine not in ("local", "dask"):
        raise PipelineError("E310", name=engine)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError("E301", path=str(out), detail=exc.strerror or str(exc)) from None
    if not os.access(out, os.W_OK):
        raise PipelineError("E301", path=str(out), detail="permission denied")
    stages = build(list(stage_names), config or {})
    infos = [s.info() for s in stages]
    base = cache_mod.pipeline_key(infos)
    store = None
    if cache:
        try:
            store = cache_mod.Cache(cache_dir or out / ".cache")
        except OSError as exc:
            raise PipelineError("E301", path=str(cache_dir or out / ".cache"), detail=exc.strerror or str(exc)) from None
    n_stages = len(stages)
    names = [s.name for s in stages]
    eng = make_engine(engine, make_spec(stage_names, config), stages, workers, scheduler)
    if not isinstance(eng, InlineEngine):
        # the models were loaded here only to check them and to key the cache;
        # the workers have their own: free this copy
        del stages
        gc.collect()
    for stale in [out / "feed.jsonl", out / "manifest.json"]:
        if stale.exists():
            stale.unlink()  # never leave an old feed beside a new, failed run
    files_of = {n: STAGE_FILES.get(n, f"{i:02d}-{n}.jsonl") for i, n in enumerate(names, 1)}
    writers = {n: AtomicWriter(out / files_of[n]) for n in names}
    inputs_w = AtomicWriter(out / INPUT_FILE)
    feed = AtomicWriter(out / "feed.jsonl")
    errors = AtomicWriter(out / "errors.jsonl")
    all_w = [inputs_w, *writers.values(), feed, errors]
    n_in = n_out = n_err = words = n_cached = n_done = 0
    files: list[str] = []
    timings: dict[str, float] = {"setup": time.perf_counter() - t_start}

    def jobs():
        # per chunk: one slot per input item, and the records still to process
        for chunk in _chunks(read_inputs(inputs), chunk_size):
            slots, todo = [], []
            for it in chunk:
                f = _file_of(it)
                if not files or files[-1] != f:
                    files.append(f)
                if it.record is None:
                    slots.append((it.error, None, 0, None, None))
                    continue
                rec = it.record
                key = cache_mod.record_key(base, rec) if store is not None else None
                hit = store.get(key) if store is not None else None
                if hit is not None and hit[1] is None and len(hit[0]) != n_stages:
                    hit = None
                slots.append((None, dump_record(rec), len(rec["text"].split()), key, hit))
                if hit is None:
                    todo.append(rec)
            yield slots, todo, store is not None

    ok = False
    try:
        for slots, result in eng.ordered(jobs()):
            if result is not None:
                res_iter = iter(result[0])
                for k, v in result[1].items():
                    timings[k] = timings.get(k, 0.0) + v
            for in_err, in_line, w, key, hit in slots:
                n_in += 1
                if in_err is not None:
                    errors.write(dumps(in_err) + b"\n")
                    n_err += 1
                    continue
                inputs_w.write(in_line)
                words += w
                if hit is not None:
                    lines, err = hit
                    feed_line = lines[-1] if err is None else None
                    n_cached += 1
                else:
                    lines, feed_line, err, entry = next(res_iter)
                    n_done += 1
                    if store is not None and entry is not None:
                        store.put(key, entry)  # checkpoint: the next run reuses it
                for n, line in zip(names, lines):
                    writers[n].write(line)
                if feed_line is not None:
                    feed.write(feed_line)
                    n_out += 1
                else:
                    errors.write(dumps(err) + b"\n")
                    n_err += 1
            if progress:
                progress(len(files), n_in, words, n_cached)
        if progress:
            progress(len(files), n_in, words, n_cached, final=True)
        if n_in != n_out + n_err:
            raise PipelineError("E303", n_in=n_in, n_out=n_out, n_err=n_err)
        for w in [inputs_w, *writers.values(), errors, feed]:  # feed last: it marks completion
            w.commit()
        ok = True
    finally:
        if not ok:
            for w in all_w:
                w.abort()
        eng.close(abort=not ok)
    elapsed = time.perf_counter() - t_start
    manifest = {
        "pipeline": __version__,
        "versions": _versions(),
        "platform": platform.platform(),
        "inputs": [str(p) for p in inputs],
        "stages": infos,
        "engine": eng.info(),
        "chunk_size": chunk_size,
        "cache": {"dir": str(store.root), "pipeline_key": base.hex()[:16]} if store is not None else None,
        "files": {"input": INPUT_FILE, "feed": "feed.jsonl", "errors": "errors.jsonl", **files_of},
        "counts": {"inputs": n_in, "records": n_out, "errors": n_err, "words": words, "processed": n_done, "cached": n_cached, "check": "inputs == records + errors"},
        "timings_s": {"total": round(elapsed, 3), **{k: round(v, 3) for k, v in timings.items()}},
        "timings_note": "total is wall-clock; stage, serialise and cache times are summed over worker processes",
        "words_per_s": round(words / elapsed, 1) if elapsed else None,
    }
    with AtomicWriter(out / "manifest.json") as w:
        w.write(dumps(manifest) + b"\n")
    return manifest


def run_stage(name: str, in_path: str | os.PathLike, out_path: str | os.PathLike, config: dict | None = None) -> dict:
    """Run one stage over an earlier stage's JSONL.  Bad lines and records that
    lack what the stage requires go to ``OUT.errors.jsonl``; the rest go on."""
    from .schema import validate

    cls = get_stage_class(name)
    (stage,) = build([name], config or {}, available=provided_before(name))
    out_path = Path(out_path)
    err_path = out_path.with_name(out_path.stem + ".errors.jsonl")
    n_in = n_out = n_err = 0
    t0 = time.perf_counter()
    in_path = Path(in_path)
    if not in_path.is_file():
        raise PipelineError("E001", path=str(in_path))
    with AtomicWriter(out_path) as w, AtomicWriter(err_path) as ew:
        def bad(lineno, rec, err):
            ew.write(dumps({"path": str(in_path), "line": lineno, "id": rec.get("id") if isinstance(rec, dict) else None, "stage": name, "code": err.code, "reason": str(err)}) + b"\n")

        for lineno, rec in read_jsonl(in_path):
            n_in += 1
            if isinstance(rec, RecordError):
                bad(lineno, {}, rec)
                n_err += 1
                continue
            try:
                stage.check_input(rec)
                validate(rec)
                check_spans(rec)
            except RecordError as err:
                bad(lineno, rec, err)
                n_err += 1
                continue
            (res,) = process_chunk([stage], [rec])
            if res[1] is not None:
                w.write(res[1])
                n_out += 1
            else:
                ew.write(dumps({"path": str(in_path), "line": lineno, **res[2]}) + b"\n")
                n_err += 1
    return {"stage": cls.name, "in": n_in, "out": n_out, "errors": n_err, "seconds": round(time.perf_counter() - t0, 3), "errors_file": str(err_path)}
