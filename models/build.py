"""Rebuild every committed model from the shared data (``make models``).

    python -m models.build --data ../shared/data [--only ner]

Each builder is a ``(name, module)`` pair; the module's ``build(data_dir: Path)``
is called in list order.  Builders are reproducible (fixed seeds, pinned
versions) and write their dev scores next to their models.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

BUILDERS: list[tuple[str, str]] = [
    ("clitics", "models.clitics.build"),
    ("ner", "models.ner.build"),
    ("events", "models.events.build"),
    ("tagger", "models.events.tagger_build"),  # after events: its features read the derived lexicon
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m models.build")
    ap.add_argument("--data", default=os.environ.get("DATA_DIR", "../shared/data"), help="the shared data folder")
    ap.add_argument("--only", default="", help="comma-separated builders: " + ", ".join(n for n, _ in BUILDERS))
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"error: data folder {data} not found (pass --data or set DATA_DIR)", file=sys.stderr)
        return 2
    names = [n for n in args.only.split(",") if n] or [n for n, _ in BUILDERS]
    known = dict(BUILDERS)
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"error: unknown builder(s) {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    for name in names:
        t = time.time()
        print(f"== building {name} ({known[name]})", flush=True)
        importlib.import_module(known[name]).build(data)
        print(f"== {name} done in {time.time() - t:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
