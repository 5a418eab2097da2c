"""The clitic analyser (pipeline/clitics.py) against the team's hand segmentations
(``tests/data/news_clitics.jsonl``, docs/annotation/clitics.md): tokens of the SaudiNewsNet
training days in their sentences, half drawn uniformly, half where a first letter may be a
proclitic or a last letter may start a pronoun.

Scores, with 95% bootstrap intervals over tokens: the token right (all three boundaries),
and per boundary kind (proclitics, article, enclitic) P/R/F1 of "there is a boundary here".
"""
from __future__ import annotations

import json
from pathlib import Path

from .. import clitics
from ..annotation.sample import load_days, sha1
from .stats import accuracy_ci, fmt, prf_ci

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "news_clitics.jsonl"


def gold_tokens(data_dir: Path, path: Path = GOLD) -> list[tuple[str, str, tuple[int, int, int]]]:
    """``(stratum, token, (pro, art, enc))`` of every stored token whose text still hashes the same."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    days = load_days(data_dir)
    out = []
    for r in rows:
        tok = days[r["zip"]][r["index"]]["content"][r["span"][0]:r["span"][1]]
        if sha1(tok) == r["sha1"]:
            out.append((r["stratum"], tok, tuple(r["seg"])))
    return out


def _has(b: tuple[int, int, int], i: int, n: int) -> bool:
    """Whether segmentation ``b`` has a boundary of kind ``i`` (0 proclitics, 1 article, 2 enclitic)."""
    return b[0] > 0 if i == 0 else b[1] > b[0] if i == 1 else b[2] < n


def score(items) -> dict:
    pred = [(tok, g, (s.pro, s.art, s.enc)) for _, tok, g in items for s in (clitics.analyse(tok),)]
    out = {"token": accuracy_ci([(int(p == g), 1) for _, g, p in pred])}
    for name, i in (("proclitics", 0), ("article", 1), ("enclitic", 2)):
        units = [(int(_has(p, i, len(t)) and _has(g, i, len(t)) and p[i] == g[i]), int(_has(p, i, len(t))), int(_has(g, i, len(t))))
                 for t, g, p in pred]
        out[name] = prf_ci(units)
    return out


def main(data_dir: Path, _args=None) -> dict:
    if not GOLD.exists():
        print(f"no {GOLD.name}: nothing to score")
        return {}
    items = gold_tokens(Path(data_dir))
    res = {}
    print(f"Clitic segmentation against {len(items)} hand-segmented tokens (docs/annotation/clitics.md)")
    print(f"  {'part':10} {'n':>4}  token right [95% CI]     proclitic F1            article F1              enclitic F1")
    for part in ("uniform", "hard", "all"):
        sel = [it for it in items if part == "all" or it[0] == part]
        if not sel:
            continue
        r = score(sel)
        res[part] = r
        print(f"  {part:10} {len(sel):4}  {fmt(r['token'], 'acc'):22}  {fmt(r['proclitics']):22}  {fmt(r['article']):22}  {fmt(r['enclitic'])}")
    return res
