"""``python -m models.build --data DIR``: rebuild every committed model.

Each entry is (name, module); the module's ``build(data_dir: Path)`` is called."""
from __future__ import annotations

import argparse
import importlib
from pathlib import Path

SECTIONS = [
    ("events", "models.events.build"),
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m models.build")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--only", default="")
    args = ap.parse_args(argv)
    only = [s for s in args.only.split(",") if s]
    for name, mod in SECTIONS:
        if only and name not in only:
            continue
        importlib.import_module(mod).build(Path(args.data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
