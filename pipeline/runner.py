"""Run stages over records: the whole pipeline over input files, or one stage
over an earlier stage's JSONL.  Writes per-stage JSONL, the feed, the errors
file and the manifest (see the README for the layout)."""
from __future__ import annotations

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
from .readers import Item, error_entry, read_inputs
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


def _apply(stage: Stage, recs: list[dict]) -> tuple[list[dict], list[tuple[dict, RecordError]]]:
    """Apply one stage to a chunk; a record that fails is isolated, not the chunk."""
    batch = getattr(stage, "process_batch", None)
    if batch is not None and len(recs) > 1:
        try:
            done = batch(recs)
            ok, bad = [], []
            for r in done:
                try:
                    check_spans(r)
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
            check_spans(out)
            ok.append(out)
        except RecordError as err:
            bad.append((r, err))
        except PipelineError:
            raise
        except Exception as exc:  # a bug or a pathological input: record it, go on
            bad.append((r, RecordError("E207", stage=stage.name, id=r.get("id"), detail=f"{type(exc).__name__}: {exc}")))
    return ok, bad


def process_chunk(stages: list[Stage], recs: list[dict], timings: dict | None = None) -> list[tuple[list[bytes], bytes | None, dict | None]]:
    """Run every stage over a chunk of records.

    Returns, per input record in order, ``(stage_lines, feed_line, error)``:
    the serialised snapshot after each stage it passed, and either the final
    line or an error entry."""
    results: dict[int, list] = {i: [[], None, None] for i in range(len(recs))}
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
        for r, i in zip(cur, alive):
            results[i][0].append(dump_record(r))
        if timings is not None:
            timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - t0
    for i in alive:
        results[i][1] = results[i][0][-1]
    return [tuple(results[i]) for i in range(len(recs))]


def _chunks(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while True:
        c = list(islice(it, n))
        if not c:
            return
        yield c


def run(inputs: list[str | os.PathLike], out_dir: str | os.PathLike, stage_names=STAGE_ORDER, config: dict | None = None, progress=None) -> dict:
    """Run the pipeline over input files and folders; returns the manifest."""
    t_start = time.perf_counter()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError("E301", path=str(out), detail=exc.strerror or str(exc)) from None
    if not os.access(out, os.W_OK):
        raise PipelineError("E301", path=str(out), detail="permission denied")
    stages = build(list(stage_names), config or {})
    for stale in [out / "feed.jsonl", out / "manifest.json"]:
        if stale.exists():
            stale.unlink()  # never leave an old feed beside a new, failed run
    writers = {s.name: AtomicWriter(out / STAGE_FILES[s.name]) for s in stages}
    inputs_w = AtomicWriter(out / INPUT_FILE)
    feed = AtomicWriter(out / "feed.jsonl")
    errors = AtomicWriter(out / "errors.jsonl")
    all_w = [inputs_w, *writers.values(), feed, errors]
    n_in = n_out = n_err = words = 0
    timings: dict[str, float] = {}
    try:
        for chunk in _chunks(read_inputs(inputs), CHUNK):
            recs = [it.record for it in chunk if it.record is not None]
            n_in += len(chunk)
            for r in recs:
                inputs_w.write_record(r)
            for it in chunk:
                if it.error is not None:
                    errors.write(dumps(it.error) + b"\n")
                    n_err += 1
            for lines, feed_line, err in process_chunk(stages, recs, timings):
                for s, line in zip(stages, lines):
                    writers[s.name].write(line)
                if feed_line is not None:
                    feed.write(feed_line)
                    n_out += 1
                else:
                    errors.write(dumps(err) + b"\n")
                    n_err += 1
            words += sum(len(r["text"].split()) for r in recs)
            if progress:
                progress(n_in, words)
        if n_in != n_out + n_err:
            raise PipelineError("E303", n_in=n_in, n_out=n_out, n_err=n_err)
        for w in [inputs_w, *writers.values(), errors, feed]:  # feed last: it marks completion
            w.commit()
    except BaseException:
        for w in all_w:
            w.abort()
        raise
    elapsed = time.perf_counter() - t_start
    manifest = {
        "pipeline": __version__,
        "versions": _versions(),
        "platform": platform.platform(),
        "inputs": [str(p) for p in inputs],
        "stages": [s.info() for s in stages],
        "files": {"input": INPUT_FILE, "feed": "feed.jsonl", "errors": "errors.jsonl", **{s.name: STAGE_FILES[s.name] for s in stages}},
        "counts": {"inputs": n_in, "records": n_out, "errors": n_err, "words": words, "check": "inputs == records + errors"},
        "timings_s": {"total": round(elapsed, 3), **{k: round(v, 3) for k, v in timings.items()}},
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
