"""Where chunks of articles are processed: in this process, in N local worker
processes, or on a Dask cluster.  Every engine runs the same function,
:func:`process_job`, over the same chunks and hands results back in submission
order, so the output bytes never depend on the engine or the number of workers.

Each worker process builds its own stages once (per-process construction: a
spaCy or torch model is never pickled or shared between processes).
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator

import orjson

from .errors import PipelineError

# (stage names, config as canonical JSON): what a worker needs to build its stages
Spec = tuple[tuple[str, ...], bytes]

_STAGES: dict[Spec, list] = {}


def make_spec(names, config: dict | None) -> Spec:
    return tuple(names), orjson.dumps(config or {}, option=orjson.OPT_SORT_KEYS)


def stages_for(spec: Spec, prebuilt: list | None = None) -> list:
    """This process's stages for ``spec`` (built on first use, then reused)."""
    st = _STAGES.get(spec)
    if st is None:
        if prebuilt is not None:
            st = prebuilt
        else:
            from .registry import build

            st = build(list(spec[0]), orjson.loads(spec[1]))
        _STAGES.clear()
        _STAGES[spec] = st
    return st


def process_job(spec: Spec, recs: list[dict], want_cache: bool = True) -> tuple[list[tuple], dict]:
    """Process one chunk: ``([(lines, feed_line, error, cache_entry), ...], timings)``."""
    from . import cache
    from .chunks import process_chunk

    stages = stages_for(spec)
    timings: dict[str, float] = {}
    res = process_chunk(stages, recs, timings)
    out = []
    t0 = time.perf_counter()
    for lines, feed, err, keys in res:
        # failures are not cached: they are retried by the next run (they may be
        # transient, e.g. out of memory, and they are rare)
        entry = cache.encode(lines, keys, err) if want_cache and err is None else None
        out.append((lines, feed, err, entry))
    if want_cache:
        timings["cache"] = timings.get("cache", 0.0) + time.perf_counter() - t0
    return out, timings


class _Done:
    def __init__(self, fn: Callable[[], Any]):
        self.fn = fn

    def get(self):
        return self.fn()


class Engine:
    """Submit jobs; results come back in submission order through :meth:`ordered`."""

    name = "local"
    window = 1

    def __init__(self, spec: Spec):
        self.spec = spec

    def submit(self, recs: list[dict], want_cache: bool):
        spec = self.spec
        return _Done(lambda: process_job(spec, recs, want_cache))

    def ordered(self, jobs: Iterable[tuple[Any, list[dict] | None, bool]]) -> Iterator[tuple[Any, tuple | None]]:
        """For each ``(tag, recs, want_cache)`` yield ``(tag, result)`` in order,
        keeping at most ``window`` jobs in flight (memory stays bounded)."""
        pending: deque = deque()
        for tag, recs, want_cache in jobs:
            fut = self.submit(recs, want_cache) if recs else None
            pending.append((tag, fut))
            while len(pending) > self.window:
                yield self._pop(pending)
        while pending:
            yield self._pop(pending)

    def _pop(self, pending: deque):
        tag, fut = pending.popleft()
        return tag, (fut.get() if fut is not None else None)

    def info(self) -> dict:
        return {"engine": self.name, "workers": 1}

    def close(self, abort: bool = False) -> None:
        pass


class InlineEngine(Engine):
    """Everything in this process (``--workers 1``)."""

    name = "local"

    def __init__(self, spec: Spec, stages: list):
        super().__init__(spec)
        stages_for(spec, prebuilt=stages)


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _init_worker(spec: Spec) -> None:
    # Ctrl-C is the main process's business: it stops the pool and publishes nothing
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import torch

        torch.set_num_threads(1)
    except Exception:  # torch is optional for most stages
        pass
    stages_for(spec)


class PoolEngine(Engine):
    """``--workers N``: N local processes, ordered results, bounded look-ahead.

    Built on ``concurrent.futures.ProcessPoolExecutor``: when a worker dies
    (killed, out of memory), busy or idle, the executor marks the pool broken,
    stops the other workers and fails every pending task, so the run stops with
    E312 instead of waiting forever or silently replacing the worker (fail fast,
    one rule).  ``multiprocessing.Pool``, used before, replaced a dead worker
    and could hang in ``terminate()`` when the worker died holding the result
    queue's lock."""

    name = "local"

    def __init__(self, spec: Spec, workers: int):
        super().__init__(spec)
        self.workers = workers
        self.window = 2 * workers
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        # one thread per worker process: N workers must not each start a BLAS/OpenMP team
        saved = {k: os.environ.get(k) for k in _THREAD_VARS}
        os.environ.update({k: "1" for k in _THREAD_VARS})
        try:
            if ctx.get_start_method() == "forkserver":
                # workers fork from a server that has already imported the pipeline and
                # holds the one-thread environment (started here, inside this window)
                ctx.set_forkserver_preload(["pipeline.chunks", "pipeline.engines", "pipeline.registry"])
                from multiprocessing import forkserver

                forkserver.ensure_running()
            self.pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(spec,))
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    def submit(self, recs, want_cache):
        try:
            return self.pool.submit(process_job, self.spec, recs, want_cache)
        except BrokenProcessPool:
            raise PipelineError("E312", detail="a worker process died (killed or out of memory?)") from None

    def _pop(self, pending):
        tag, fut = pending.popleft()
        if fut is None:
            return tag, None
        try:
            return tag, fut.result()
        except PipelineError:
            raise
        except BrokenProcessPool:
            raise PipelineError("E312", detail="a worker process died (killed or out of memory?)") from None
        except Exception as exc:
            raise PipelineError("E312", detail=f"{type(exc).__name__}: {exc}") from None

    def info(self) -> dict:
        return {"engine": "local", "workers": self.workers}

    def close(self, abort: bool = False) -> None:
        if abort:
            # stop now (Ctrl-C, an error): the workers' results are not wanted
            for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
                proc.kill()
        self.pool.shutdown(wait=True, cancel_futures=abort)


class DaskEngine(Engine):
    """``--engine dask``: chunks are tasks on a Dask cluster (an existing one at
    ``scheduler``, or a LocalCluster of ``workers`` processes)."""

    name = "dask"

    def __init__(self, spec: Spec, workers: int = 2, scheduler: str | None = None):
        super().__init__(spec)
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise PipelineError("E311", address=scheduler or "local", detail=f"{exc}; pip install 'dask[distributed]'") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="5s")
            else:
                self.cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
        except Exception as exc:
            raise PipelineError("E311", address=scheduler or "LocalCluster", detail=f"{type(exc).__name__}: {exc}") from None
        n = len(self.client.scheduler_info().get("workers", {})) or workers
        self.workers = n
        self.scheduler = scheduler or self.client.scheduler.address
        self.window = 2 * n

    def submit(self, recs, want_cache):
        return self.client.submit(process_job, self.spec, recs, want_cache, pure=False)

    def _pop(self, pending):
        tag, fut = pending.popleft()
        if fut is None:
            return tag, None
        try:
            res = fut.result()
        except PipelineError:
            raise
        except Exception as exc:
            raise PipelineError("E312", detail=f"{type(exc).__name__}: {exc}") from None
        fut.release()
        return tag, res

    def info(self) -> dict:
        return {"engine": "dask", "workers": self.workers, "scheduler": "LocalCluster" if self.cluster else self.scheduler}

    def close(self, abort: bool = False) -> None:  # noqa: ARG002 (Engine interface; Dask has nothing to abort)
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def make_engine(engine: str, spec: Spec, stages: list, workers: int = 1, scheduler: str | None = None) -> Engine:
    if engine == "local":
        return InlineEngine(spec, stages) if workers == 1 else PoolEngine(spec, workers)
    if engine == "dask":
        return DaskEngine(spec, workers=workers if workers > 1 else 2, scheduler=scheduler)
    raise PipelineError("E310", name=engine)
