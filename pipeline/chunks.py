"""Running the stages over one chunk of records: what every engine calls
(inline, process pool, Dask), in one module that the runner and the engines
both import.

A record that fails a stage is isolated (it becomes an error entry), not the
chunk; spans a stage provides are checked right after it.
"""
from __future__ import annotations

import time

from .errors import PipelineError, RecordError
from .jsonl import dump_record
from .record import check_spans
from .registry import Stage


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


def process_chunk(stages: list[Stage], recs: list[dict], timings: dict | None = None) -> list[tuple[list[bytes], bytes | None, dict | None, list[tuple[str, ...]]]]:
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
