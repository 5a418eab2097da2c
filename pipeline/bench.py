"""Speed and memory of the whole pipeline: ``make bench`` (= ``python -m pipeline.bench --data DIR``).

1. The full default pipeline (all five stages, every stage's JSONL, feed,
   errors, manifest) over one day of SaudiNewsNet (``--day``, default
   2015-07-23: 1,318 articles, ~340k words), with 1 and 2 workers
   (``--workers``), no cache: wall time, words/s, articles/s, peak RSS of the
   whole process tree, and each stage's share of the time and words/s.
2. Memory as input grows: the same run over ``--mem-sizes`` articles (200 and
   2000 by default, streamed from a JSONL file), peak RSS for each.

Every run is a separate ``python -m pipeline run`` process, sampled with
psutil.  Stage times come from the run's manifest: with N workers they are
CPU-seconds summed over the workers, so per-stage words/s are per core.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DAY = "2015-07-23"


def _day_file(data: Path, day: str | None) -> Path:
    d = Path(day) if day else None
    if d and d.is_file():
        return d
    folder = data / "saudinewsnet" if (data / "saudinewsnet").is_dir() else data
    cand = folder / f"{day or DEFAULT_DAY}.zip"
    if cand.is_file():
        return cand
    zips = sorted(folder.glob("*.zip"))
    if not zips:
        raise SystemExit(f"error: no SaudiNewsNet day found under {folder} (pass --data DIR or --day FILE)")
    return zips[0]


def _articles(first: Path):
    """Articles of ``first``, then of the other days (for the larger memory run)."""
    folder = first.parent
    days = [first] + [p for p in sorted(folder.glob("*.zip")) if p != first]
    for p in days:
        with zipfile.ZipFile(p) as zf:
            for name in sorted(zf.namelist()):
                if name.endswith(".json"):
                    yield from orjson.loads(zf.read(name))


def _write_jsonl(path: Path, arts) -> tuple[int, int]:
    n = words = 0
    with open(path, "wb") as fh:
        for a in arts:
            fh.write(orjson.dumps(a) + b"\n")
            n += 1
            words += len(str(a.get("content", "")).split())
    return n, words


def _measure(args: list[str], env: dict) -> tuple[int, float, int, int, float, str]:
    """Run a command; return (exit code, wall seconds, peak tree RSS, peak tree
    PSS (shared pages divided among the processes sharing them), CPU seconds
    of all its processes (user + system), stderr)."""
    import psutil

    t0 = time.perf_counter()
    p = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = peak_pss = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample():
        nonlocal peak, peak_pss
        try:
            proc = psutil.Process(p.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            try:
                procs = [proc, *proc.children(recursive=True)]
                rss = pss = 0
                for q in procs:
                    try:
                        ct = q.cpu_times()
                        cpu[q.pid] = max(cpu.get(q.pid, 0.0), ct.user + ct.system)
                        mi = q.memory_full_info()
                        rss += mi.rss
                        pss += getattr(mi, "pss", mi.rss)
                    except psutil.Error:
                        pass
                peak = max(peak, rss)
                peak_pss = max(peak_pss, pss)
            except psutil.Error:
                pass
            stop.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = p.communicate()
    stop.set()
    th.join()
    return p.returncode, time.perf_counter() - t0, peak, peak_pss, sum(cpu.values()), err.decode(errors="replace")


def _run(inp: Path, out: Path, workers: int, env: dict, extra: list[str]) -> dict:
    cmd = [sys.executable, "-m", "pipeline", "run", str(inp), "--out", str(out), "--no-cache", "--no-progress", "--quiet", "--workers", str(workers), *extra]
    rc, wall, peak, pss, cpu, err = _measure(cmd, env)
    if rc != 0:
        raise SystemExit(f"error: the run failed ({rc}): {err.strip()[-800:]}")
    m = orjson.loads((out / "manifest.json").read_bytes())
    return {"wall": wall, "peak": peak, "pss": pss, "cpu": cpu, "manifest": m}


def _mb(b: int) -> str:
    return f"{b / 2**20:,.0f} MiB"


def report_run(label: str, r: dict) -> None:
    m = r["manifest"]
    c, t = m["counts"], m["timings_s"]
    total = t["total"]
    w = c["words"]
    print(f"\n== {label}")
    print(f"   {c['inputs']} articles, {w:,} words; run {total:.1f} s (process incl. start-up {r['wall']:.1f} s)")
    print(f"   whole pipeline: {w / total:,.0f} words/s, {c['inputs'] / total:,.1f} articles/s   "
          f"(incl. start-up: {w / r['wall']:,.0f} words/s)")
    print(f"   CPU time of all its processes {r['cpu']:.1f} s: {w / r['cpu']:,.0f} words per CPU-second "
          f"(what the machine's load does not change)")
    print(f"   peak memory of all its processes: RSS {_mb(r['peak'])}, PSS {_mb(r['pss'])} (PSS counts shared pages once)")
    names = [s["name"] for s in m["stages"]]
    busy = sum(t.get(n, 0.0) for n in names) + t.get("serialise", 0.0) + t.get("cache", 0.0)
    workers = m["engine"]["workers"]
    print(f"   {'stage':<14}{'seconds':>9}{'share':>8}{'words/s':>12}   (seconds summed over {workers} worker(s))")
    for n in [*names, "serialise"]:
        s = t.get(n, 0.0)
        wps = f"{w / s:12,.0f}" if s >= 0.01 else f"{'> ' + format(int(w / 0.01), ','):>12}"
        print(f"   {n:<14}{s:9.2f}{s / busy:8.1%}{wps}")
    setup = t.get("setup", 0.0)
    print(f"   {'setup':<14}{setup:9.2f}   (building the stages, loading models, starting workers: once per run)")
    if workers == 1:
        other = max(total - busy - setup, 0.0)
        print(f"   {'read+write':<14}{other:9.2f}   (reading inputs, hashing, writing 8 files)")
        print(f"   shares are of the stage+serialise time; the run's wall time is {total:.1f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="the shared data folder (with saudinewsnet/)")
    ap.add_argument("--day", default=None, help=f"a day name (default {DEFAULT_DAY}) or a .zip/.json/.jsonl file")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of the day")
    ap.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    ap.add_argument("--mem-sizes", default="200,2000", help="article counts for the memory runs (default 200,2000; '' to skip)")
    ap.add_argument("--ner", default=None, help="NER backend (default: the pipeline's default)")
    ap.add_argument("--keep", default=None, help="keep the run outputs under this folder")
    a = ap.parse_args(argv)
    data = Path(a.data)
    if not data.exists() and not a.day:
        print(f"error: no data at {data} (pass --data DIR, e.g. ../shared/data)", file=sys.stderr)
        return 2
    day = _day_file(data, a.day)
    env = {**os.environ, "PYTHONHASHSEED": "0", "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    extra = ["--ner", a.ner] if a.ner else []
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    print(f"bench: {os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} before start (other work on the machine slows every figure)")
    inp = day
    if a.limit or day.suffix != ".zip":
        arts = _articles(day) if day.suffix == ".zip" else (orjson.loads(x) for x in open(day, "rb") if x.strip())
        inp = tmp / f"{day.stem}-{a.limit or 'all'}.jsonl"
        it = (x for i, x in enumerate(arts) if a.limit is None or i < a.limit)
        n, words = _write_jsonl(inp, it)
        print(f"input: {day.name}, first {n} articles ({words:,} whitespace words) -> {inp}")
    else:
        print(f"input: {day} (one day of SaudiNewsNet as published: one JSON array)")
    ws = [int(x) for x in a.workers.split(",") if x.strip()]
    results = {}
    for nw in ws:
        r = _run(inp, tmp / f"day-w{nw}", nw, env, extra)
        results[nw] = r
        report_run(f"{inp.name}, {nw} worker(s)", r)
    if len(ws) > 1:
        feeds = {nw: (tmp / f"day-w{nw}" / "feed.jsonl").read_bytes() for nw in ws}
        same = len(set(feeds.values())) == 1
        print(f"\nfeed.jsonl byte-identical across workers {ws}: {same}")
    sizes = [int(x) for x in a.mem_sizes.split(",") if x.strip()]
    if sizes:
        print("\n== memory as input grows (1 worker, streamed JSONL input)")
        for n in sizes:
            f = tmp / f"mem-{n}.jsonl"
            got, words = _write_jsonl(f, (x for i, x in enumerate(_articles(day)) if i < n))
            r = _run(f, tmp / f"mem-{n}", 1, env, extra)
            t = r["manifest"]["timings_s"]["total"]
            print(f"   {got:>6} articles {words:>10,} words: peak RSS {_mb(r['peak'])}, PSS {_mb(r['pss'])}, {words / t:,.0f} words/s")
    if not a.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
