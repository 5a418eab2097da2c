"""Command line: a thin layer over :mod:`pipeline.runner`.

    python -m pipeline run PATH [PATH ...] --out DIR [--ner spacy|stanza|camel]
    python -m pipeline STAGE --in IN.jsonl --out OUT.jsonl
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
    for name in STAGE_ORDER:
        s = sub.add_parser(name, help=f"run the {name} stage alone on JSONL")
        s.add_argument("--in", dest="inp", required=True, help="input JSONL (the previous stage's output)")
        s.add_argument("--out", required=True, help="output JSONL")
        if name == "entities":
            _add_ner_args(s)
    return ap


def _summary(manifest: dict) -> str:
    c = manifest["counts"]
    lines = [f"{c['inputs']} inputs -> {c['records']} records, {c['errors']} errors, {c['words']} words in {manifest['timings_s']['total']} s"]
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
            m = runner.run(args.paths, args.out, config=_stage_config(args))
            if not args.quiet:
                print(_summary(m))
                print(f"feed: {args.out}/feed.jsonl  errors: {args.out}/errors.jsonl  manifest: {args.out}/manifest.json")
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
