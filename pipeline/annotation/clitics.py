"""Clitic segmentation gold (docs/annotation/clitics.md): draw word tokens, store the
annotators' segmentations standoff, score the analyser.

    python -m pipeline.annotation.clitics sample --data ../shared/data --work /tmp/cl
    python -m pipeline.annotation.clitics store --data ../shared/data --work /tmp/cl \
        --out tests/data/news_clitics.jsonl
    python -m pipeline.annotation.clitics score --data ../shared/data   (or: make eval)

Tokens are drawn from the training days only (``sample.HELD_DAYS`` are never read): half
uniformly over Arabic word tokens, half from the tokens where the analyser has a choice to
make (a first letter that may be a proclitic or a last letter that may start a pronoun), so
both the everyday rate and the hard cases are measured.  A stored row keeps the article
key, the token's offsets into the article's content, its boundaries as offsets and the
token's hash, never the text.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from ..tokenize import sentences, tokens
from .sample import HELD_DAYS, load_days, sha1
from .store import read_tsv

SEED = 20261203
PRO_LETTERS = "وفبلكس"
ENC_LAST = "هاكمنيا"
N_UNIFORM, N_HARD, N_DOUBLE = 200, 200, 40


def _is_word(t: str) -> bool:
    return len(t) >= 2 and all("\u0621" <= c <= "\u064a" or "\u064b" <= c <= "\u0652" or c == "\u0640" for c in t)


def _hard(t: str) -> bool:
    return t[0] in PRO_LETTERS or t[-1] in ENC_LAST


def draw(days: dict, rng: random.Random) -> list[tuple]:
    """(zip, article index, token start, token end, sentence start, sentence end), one token
    per article at most, deduplicated by token text."""
    uniform, hard = [], []
    for day in sorted(days):
        if day[:10] in HELD_DAYS:
            continue
        for idx, art in enumerate(days[day]):
            content = art.get("content") or ""
            toks = list(tokens(content))
            sents = sentences(content, toks)
            if not sents:
                continue
            s0, e0, a, b = sents[rng.randrange(len(sents))]
            words = [(s, e) for s, e in toks[a:b] if _is_word(content[s:e])]
            if not words:
                continue
            s, e = words[rng.randrange(len(words))]
            (hard if _hard(content[s:e]) else uniform).append((day, idx, s, e, s0, e0))
            # the uniform pool holds every kind of token: a hard one may be drawn there too
            uniform.append((day, idx, s, e, s0, e0))
    rng.shuffle(uniform)
    rng.shuffle(hard)
    out, seen_tok, seen_art = [], set(), set()
    for pool, n in ((uniform, N_UNIFORM), (hard, N_HARD)):
        k = 0
        for item in pool:
            if k >= n:
                break
            t = days[item[0]][item[1]]["content"][item[2]:item[3]]
            if t in seen_tok or item[:2] in seen_art:
                continue
            seen_tok.add(t)
            seen_art.add(item[:2])
            out.append((*item, "uniform" if pool is uniform else "hard"))
            k += 1
    return out


def cmd_sample(a) -> int:
    days = load_days(Path(a.data))
    rng = random.Random(SEED)
    items = draw(days, rng)
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    with open(work / "cl-01.tsv", "w", encoding="utf-8") as f:
        for k, (day, idx, s, e, s0, e0, stratum) in enumerate(items, 1):
            c = days[day][idx]["content"]
            uid = f"cl-01-{k:04d}"
            f.write(f"{uid}\t{c[s:e]}\t{c[s0:s]}[[{c[s:e]}]]{c[e:e0]}\n")
            rows.append({"id": uid, "zip": day, "index": idx, "span": [s, e], "sha1": sha1(c[s:e]), "stratum": stratum,
                         "source": days[day][idx].get("source", "")})
    doubles = sorted(rng.sample(range(len(items)), N_DOUBLE))
    lines = (work / "cl-01.tsv").read_text(encoding="utf-8").splitlines()
    (work / "cl-D.tsv").write_text("".join(lines[i] + "\n" for i in doubles), encoding="utf-8")
    with open(work / "clitics-index.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(items)} tokens ({sum(r['stratum'] == 'hard' for r in rows)} hard), {N_DOUBLE} doubles -> {work}")
    return 0


def parse_seg(token: str, seg: str) -> tuple[int, int, int] | None:
    """``و+ال+حكومة`` -> (proclitic end, article end, enclitic start) as offsets into the
    token; None when removing the ``+`` does not give back the token."""
    if seg.replace("+", "") != token:
        return None
    parts = seg.split("+")
    starts = [sum(len(x) for x in parts[:i]) for i in range(len(parts))]
    i = pro_end = 0
    while i < len(parts) - 1 and parts[i] in tuple(PRO_LETTERS) and not (parts[i] == "ل" and i and parts[i - 1] == "ل"):
        i += 1
        pro_end = starts[i]
    art_end = pro_end
    if i < len(parts) - 1 and (parts[i] == "ال" or (parts[i] == "ل" and i > 0 and parts[i - 1] == "ل")):
        i += 1
        art_end = starts[i]
    enc = len(token)
    rest = len(parts) - i
    if parts[-1] in PRONOUNS and (rest >= 2 or (rest == 1 and i > 0)):
        enc = starts[-1]
    return pro_end, art_end, enc


PRONOUNS = ("ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "نا", "ني", "ي")


def cmd_store(a) -> int:
    days = load_days(Path(a.data))
    work = Path(a.work)
    index = {r["id"]: r for r in map(json.loads, (work / "clitics-index.jsonl").read_text(encoding="utf-8").splitlines())}
    gold = _read(work / "out" / "cl-01.tsv")
    adj = _read(work / "out" / "cl-A.tsv")  # adjudications (none: an empty file or no file)
    out = []
    for uid, row in index.items():
        tok = days[row["zip"]][row["index"]]["content"][row["span"][0]:row["span"][1]]
        seg = adj.get(uid, gold.get(uid))
        b = parse_seg(tok, seg) if seg else None
        if b is None:
            print(f"{uid}: no usable segmentation ({seg!r})", file=sys.stderr)
            continue
        out.append({**row, "seg": list(b)})
    Path(a.out).write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in out), encoding="utf-8")
    print(f"{len(out)} of {len(index)} tokens stored -> {a.out}")
    return 0


def _read(path: Path) -> dict[str, str]:
    """``{id: segmentation}`` of an annotator's file (``ID<TAB>token<TAB>segmentation``)."""
    return {uid: parts[2].strip() for uid, parts in read_tsv(path).items() if len(parts) >= 3}


def agreement(work: Path) -> dict:
    """Token-level exact agreement of the blind doubles with the first annotation."""
    first, second = _read(work / "out" / "cl-01.tsv"), _read(work / "out" / "cl-D.tsv")
    both = [u for u in second if u in first]
    same = [u for u in both if first[u] == second[u]]
    return {"n": len(both), "agree": len(same), "differ": sorted(set(both) - set(same))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.annotation.clitics")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("sample", "store", "agree"):
        p = sub.add_parser(name)
        p.add_argument("--data", default="../shared/data")
        p.add_argument("--work", required=True)
        p.add_argument("--out", default="tests/data/news_clitics.jsonl")
    a = ap.parse_args(argv)
    if a.cmd == "sample":
        return cmd_sample(a)
    if a.cmd == "store":
        return cmd_store(a)
    print(json.dumps(agreement(Path(a.work)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
