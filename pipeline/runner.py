"""Run stages over records: the whole pipeline over input files, or one stage
over an earlier stage's JSONL.  Writes per-stage JSONL, the feed, the errors
file and the manifest (see the README for the layout)."""
from __future__ import annotations

import gc
import os
import platform
import signal
import threading
import time
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from . import cache as cache_mod
from .chunks import process_chunk
from .engines import InlineEngine, make_engine, make_spec
from .errors import PipelineError, RecordError
from .jsonl import AtomicWriter, dump_record, dumps, read_jsonl
from .lock import OutputLock
from .readers import Item, discover, read_inputs
from .record import check_spans
from .registry import STAGE_ORDER, build, get_stage_class, provided_before

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


def _check_args(workers, chunk_size, engine) -> None:
    if not isinstance(workers, int) or workers < 1:
        raise PipelineError("E313", n=workers)
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise PipelineError("E314", n=chunk_size)
    if engine not in ("local", "dask"):
        raise PipelineError("E310", name=engine)


def _prepare_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError("E301", path=str(out), detail=exc.strerror or str(exc)) from None
    if not os.access(out, os.W_OK):
        raise PipelineError("E301", path=str(out), detail="permission denied")


def _open_cache(cache: bool, cache_dir, out: Path):
    if not cache:
        return None
    try:
        return cache_mod.Cache(cache_dir or out / ".cache")
    except OSError as exc:
        raise PipelineError("E301", path=str(cache_dir or out / ".cache"), detail=exc.strerror or str(exc)) from None


class _Counts:
    def __init__(self):
        self.n_in = self.n_out = self.n_err = self.words = self.cached = self.done = 0
        self.files: list[str] = []


def _jobs(inputs, chunk_size: int, base: bytes, store, n_stages: int, counts: _Counts):
    """Per chunk: one slot per input item ``(error, input line, words, key,
    cache hit)``, and the records still to process."""
    for chunk in _chunks(read_inputs(inputs), chunk_size):
        slots, todo = [], []
        for it in chunk:
            f = _file_of(it)
            if not counts.files or counts.files[-1] != f:
                counts.files.append(f)
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


class _Outputs:
    """The run's files, each written to NAME.part and renamed on commit."""

    def __init__(self, out: Path, names: list[str], files_of: dict[str, str]):
        for stale in [out / "feed.jsonl", out / "manifest.json"]:
            try:
                stale.unlink(missing_ok=True)  # never leave an old feed beside a new, failed run
            except OSError as exc:
                raise PipelineError("E302", path=str(stale), detail=exc.strerror or str(exc)) from None
        self.all: list[AtomicWriter] = []
        self.stages = {n: self._open(out / files_of[n]) for n in names}
        self.inputs = self._open(out / INPUT_FILE)
        self.feed = self._open(out / "feed.jsonl")
        self.errors = self._open(out / "errors.jsonl")

    def _open(self, path: Path) -> AtomicWriter:
        w = AtomicWriter(path)
        self.all.append(w)
        return w

    def commit(self) -> None:
        for w in [self.inputs, *self.stages.values(), self.errors, self.feed]:  # feed last: it marks completion
            w.commit()

    def abort(self) -> None:
        for w in self.all:
            w.abort()


class _Interrupt:
    """Ctrl-C during a run is taken at a safe point: between two chunks.

    The first SIGINT only sets a flag; the run raises KeyboardInterrupt after the
    chunk in hand is written (its cache entries are checkpoints), so the signal
    never lands inside the process pool's own locks and queues (where it could
    leave the pool unable to shut down).  A second SIGINT interrupts at once.
    Only installed in the main thread (the only one that receives signals)."""

    def __init__(self):
        self.hit = False
        self._old = None

    def __enter__(self):
        if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            self._old = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, _signum, _frame):
        self.hit = True
        signal.signal(signal.SIGINT, self._old if self._old is not None else signal.default_int_handler)

    def check(self) -> None:
        if self.hit:
            raise KeyboardInterrupt

    def __exit__(self, *exc):
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)


def _write_results(eng, jobs, outs: _Outputs, names: list[str], store, counts: _Counts, timings: dict, progress,
                   interrupt: _Interrupt) -> None:
    """Write every input's lines in input order, from the cache or the engine."""
    for slots, result in eng.ordered(jobs):
        interrupt.check()
        if result is not None:
            res_iter = iter(result[0])
            for k, v in result[1].items():
                timings[k] = timings.get(k, 0.0) + v
        for in_err, in_line, w, key, hit in slots:
            counts.n_in += 1
            if in_err is not None:
                outs.errors.write(dumps(in_err) + b"\n")
                counts.n_err += 1
                continue
            outs.inputs.write(in_line)
            counts.words += w
            if hit is not None:
                lines, err = hit
                feed_line = lines[-1] if err is None else None
                counts.cached += 1
            else:
                lines, feed_line, err, entry = next(res_iter)
                counts.done += 1
                if store is not None and entry is not None:
                    store.put(key, entry)  # checkpoint: the next run reuses it
            for n, line in zip(names, lines):
                outs.stages[n].write(line)
            if feed_line is not None:
                outs.feed.write(feed_line)
                counts.n_out += 1
            else:
                outs.errors.write(dumps(err) + b"\n")
                counts.n_err += 1
        if progress:
            progress(len(counts.files), counts.n_in, counts.words, counts.cached)
    if progress:
        progress(len(counts.files), counts.n_in, counts.words, counts.cached, final=True)
    if counts.n_in != counts.n_out + counts.n_err:
        raise PipelineError("E303", n_in=counts.n_in, n_out=counts.n_out, n_err=counts.n_err)


def _manifest(inputs, infos, eng, chunk_size, store, base, files_of, counts: _Counts, timings, elapsed) -> dict:
    return {
        "pipeline": __version__,
        "versions": _versions(),
        "platform": platform.platform(),
        "inputs": [str(p) for p in inputs],
        "stages": infos,
        "engine": eng.info(),
        "chunk_size": chunk_size,
        "cache": {"dir": str(store.root), "pipeline_key": base.hex()[:16]} if store is not None else None,
        "files": {"input": INPUT_FILE, "feed": "feed.jsonl", "errors": "errors.jsonl", **files_of},
        "counts": {"inputs": counts.n_in, "records": counts.n_out, "errors": counts.n_err, "words": counts.words,
                   "processed": counts.done, "cached": counts.cached, "check": "inputs == records + errors"},
        "timings_s": {"total": round(elapsed, 3), **{k: round(v, 3) for k, v in timings.items()}},
        "timings_note": "total is wall-clock; stage, serialise and cache times are summed over worker processes",
        "words_per_s": round(counts.words / elapsed, 1) if elapsed else None,
    }


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
    every stage file are byte-identical whatever the engine, workers or cache.
    One run at a time writes into a folder (E315 for a second one)."""
    t_start = time.perf_counter()
    _check_args(workers, chunk_size, engine)
    out = Path(out_dir)
    _prepare_out(out)
    with OutputLock(out):
        stages = build(list(stage_names), config or {})
        infos = [s.info() for s in stages]
        base = cache_mod.pipeline_key(infos)
        store = _open_cache(cache, cache_dir, out)
        names = [s.name for s in stages]
        eng = make_engine(engine, make_spec(stage_names, config), stages, workers, scheduler)
        if not isinstance(eng, InlineEngine):
            # the models were loaded here only to check them and to key the cache;
            # the workers have their own: free this copy
            del stages
            gc.collect()
        files_of = {n: STAGE_FILES.get(n, f"{i:02d}-{n}.jsonl") for i, n in enumerate(names, 1)}
        counts = _Counts()
        timings: dict[str, float] = {"setup": time.perf_counter() - t_start}
        ok = False
        outs = None
        try:
            outs = _Outputs(out, names, files_of)
            jobs = _jobs(inputs, chunk_size, base, store, len(names), counts)
            with _Interrupt() as interrupt:
                _write_results(eng, jobs, outs, names, store, counts, timings, progress, interrupt)
                interrupt.check()
            outs.commit()
            ok = True
        finally:
            if not ok and outs is not None:
                outs.abort()
            eng.close(abort=not ok)
        manifest = _manifest(inputs, infos, eng, chunk_size, store, base, files_of, counts, timings,
                             time.perf_counter() - t_start)
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
