"""models/clitics/words.tsv: token counts over the SaudiNewsNet training days (``make models``).

The clitic analyser (pipeline/clitics.py) splits a proclitic or a pronoun off only where what
is left is a word of the news: this table says which words are, and how often they occur.
Keys are the pipeline's lookup keys (``pipeline.lang.ar.key``); words of Arabic letters only,
seen at least three times; the held-out days (``pipeline.annotation.sample.HELD_DAYS``) are
never read.  Deterministic: sorted by key.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import regex

from pipeline.annotation.sample import HELD_DAYS, load_days
from pipeline.lang.ar import key
from pipeline.tokenize import TOKEN_RE

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "models" / "clitics" / "words.tsv"
MIN_COUNT = 3
_ARABIC_WORD = regex.compile(r"^[\u0621-\u064A]+$")


def counts(data_dir: Path) -> Counter:
    c: Counter = Counter()
    for day, arts in load_days(data_dir).items():
        if day[:10] in HELD_DAYS:
            continue
        for art in arts:
            for field in ("title", "content"):
                for m in TOKEN_RE.finditer(art.get(field) or ""):
                    c[m.group()] += 1
    out: Counter = Counter()
    for w, n in c.items():
        k = key(w)
        if _ARABIC_WORD.match(k):
            out[k] += n
    return out


def build(data_dir: Path, out: Path = OUT) -> None:
    c = counts(data_dir)
    rows = sorted((w, n) for w, n in c.items() if n >= MIN_COUNT)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# token counts over the SaudiNewsNet training days (models/clitics/build.py); {len(rows)} words seen >= {MIN_COUNT} times\n")
        for w, n in rows:
            f.write(f"{w}\t{n}\n")
    print(f"{len(rows)} words -> {out}")


if __name__ == "__main__":
    import sys

    build(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
