"""Command line: a thin layer over :mod:`pipeline.runner`, :mod:`pipeline.frames`
and :mod:`pipeline.report`.

    python -m pipeline run PATH [PATH ...] --out DIR [--ner spacy|stanza|camel]
                       [--workers N] [--engine local|dask] [--scheduler ADDRESS] [--no-cache]
    python -m pipeline STAGE --in IN.jsonl --out OUT.jsonl
    python -m pipeline export DIR [--format parquet|csv|plover] [--out DIR/export]
    python -m pipeline report DIR [--out DIR/report]
"""
from __future__ import annotations

import argparse
import sys

from .errors import PipelineError
from .registry import STAGE_ORDER


def _stage_config(args) -> dict:
    cfg: dict = {}
    ner = {}
    if getattr(args, "ner", None):
        ner["backend"] = args.ner
    if getattr(args, "ner_model", None):
        ner["model"] = args.ner_model
    if ner:
        cfg["entities"] = ner
    return cfg


def _add_ner_args(p):
    p.add_argument("--ner", default=None, help="NER backend: spacy (default), stanza or camel")
    p.add_argument("--ner-model", default=None, help="path of the NER model (default: the backend's committed or installed model)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline", description="Arabic news extraction pipeline")
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run every stage over files and folders")
    r.add_argument("paths", nargs="+", help=".txt/.json/.jsonl/.zip files or folders (searched recursively)")
    r.add_argument("--out", required=True, help="output directory")
    r.add_argument("--quiet", action="store_true", help="no per-stage summary")
    _add_ner_args(r)
    r.add_argument("--workers", type=int, default=1, help="processes on this machine (local engine) or LocalCluster workers (dask engine, default 2)")
    r.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes (default) or a Dask cluster")
    r.add_argument("--scheduler", default=None, help="address of an existing Dask scheduler (with --engine dask), e.g. tcp://10.0.0.5:8786")
    r.add_argument("--no-cache", dest="cache", action="store_false", help="process every article again (no reuse of OUT/.cache, no checkpoints)")
    r.add_argument("--cache-dir", default=None, help="where finished articles are cached (default OUT/.cache)")
    r.add_argument("--chunk-size", type=int, default=None, help="articles per chunk (the unit of work and of checkpointing; default 32)")
    pg = r.add_mutually_exclusive_group()
    pg.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show the progress bar")
    pg.add_argument("--no-progress", dest="progress", action="store_false", help="never show the progress bar (default: shown when stderr is a terminal)")
    e = sub.add_parser("export", help="write the documents/entities/events/attributions tables of a run")
    e.add_argument("dir", help="a run's output directory (with feed.jsonl)")
    e.add_argument("--format", default="parquet", help="parquet (default), csv, or plover (one PLOVER JSON record per event)")
    e.add_argument("--out", default=None, help="output directory (default DIR/export)")
    rp = sub.add_parser("report", help="write a static HTML report of a run")
    rp.add_argument("dir", help="a run's output directory (with feed.jsonl)")
    rp.add_argument("--out", default=None, help="output directory (default DIR/report)")
    rp.add_argument("--max-articles", type=int, default=None, help="article pages to write (default: all)")
    for name in STAGE_ORDER:
        s = sub.add_parser(name, help=f"run the {name} stage alone on JSONL")
        s.add_argument("--in", dest="inp", required=True, help="input JSONL (the previous stage's output)")
        s.add_argument("--out", required=True, help="output JSONL")
        if name == "entities":
            _add_ner_args(s)
    return ap


def _summary(manifest: dict) -> str:
    c = manifest["counts"]
    lines = [f"{c['inputs']} inputs -> {c['records']} records, {c['errors']} errors, {c['words']} words in {manifest['timings_s']['total']} s"
             f" ({c.get('processed', c['inputs'])} processed, {c.get('cached', 0)} from cache; engine {manifest.get('engine', {}).get('engine', 'local')}, {manifest.get('engine', {}).get('workers', 1)} worker(s))"]
    for st in manifest["stages"]:
        t = manifest["timings_s"].get(st["name"], 0.0)
        wps = round(c["words"] / t) if t else 0
        lines.append(f"  {st['name']:<13} {t:8.3f} s  {wps:>9} words/s  -> {manifest['files'][st['name']]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        from . import runner

        if args.cmd == "run":
            from .progress import Progress

            bar = Progress(enabled=args.progress)
            if bar.enabled:
                bar.total = runner.count_files(args.paths)
            kw = {"chunk_size": args.chunk_size} if args.chunk_size else {}
            m = runner.run(
                args.paths, args.out, config=_stage_config(args), progress=bar if bar.enabled else None,
                workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                cache=args.cache, cache_dir=args.cache_dir, **kw,
            )
            if not args.quiet:
                print(_summary(m))
                print(f"feed: {args.out}/feed.jsonl  errors: {args.out}/errors.jsonl  manifest: {args.out}/manifest.json")
            return 0
        if args.cmd == "export":
            from .frames import export

            if args.format == "plover":
                from .plover_export import export_plover

                paths = [export_plover(args.dir, out_dir=args.out)]
            else:
                paths = export(args.dir, fmt=args.format, out_dir=args.out)
            print("wrote " + "  ".join(str(p) for p in paths))
            return 0
        if args.cmd == "report":
            from .report import write_report

            index = write_report(args.dir, out_dir=args.out, max_articles=args.max_articles)
            print(f"report: {index}")
            return 0
        if args.cmd in STAGE_ORDER:
            res = runner.run_stage(args.cmd, args.inp, args.out, config=_stage_config(args))
            print(f"{res['stage']}: {res['in']} in -> {res['out']} out, {res['errors']} errors ({res['errors_file']}) in {res['seconds']} s")
            return 0
    except PipelineError as exc:
        print(f"error {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: no feed was published for this run", file=sys.stderr)
        return 130
    return 1
