"""``python -m pipeline.eval --data DIR [--only ner,events,attributions]``"""
from __future__ import annotations

import argparse
import importlib
from pathlib import Path

# each module has main(data_dir: Path, args) -> dict and prints its own table
SECTIONS = [
    "clitics",
    "ner",
    "events",
    "attributions",
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.eval")
    ap.add_argument("--data", default="../shared/data", help="the shared data folder")
    ap.add_argument("--only", default="", help="comma-separated sections: " + ",".join(SECTIONS))
    ap.add_argument("--tune-only", action="store_true",
                    help="events: run and print only the TUNE part of the PLOVER gold (for iterating; the held-out part stays unread)")
    args = ap.parse_args(argv)
    only = [s for s in args.only.split(",") if s] or SECTIONS
    for name in only:
        mod = importlib.import_module(f"pipeline.eval.{name}")
        print(f"\n=== {name} ===")
        mod.main(Path(args.data), args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
