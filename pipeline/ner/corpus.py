"""Read the labelled corpora in ../shared and cut the fixed splits.

* ANERcorp (CAMeL Lab TRAIN part): the LAST SIXTH of its sentences is ``dev``
  and is never trained on (nor used for vectors).  Of the rest, the last 5 % of
  sentences is ``tune`` (early stopping / model selection) and the remainder is
  ``train``.
* AQMAR: extra training data; MIS0-MIS3 -> MISC, misspelled tags cleaned.

Sentences are ``(tokens, tags)`` with IOB2 tags over PER/ORG/LOC/MISC.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Iterator

from .labels import map_label

Sentence = tuple[list[str], list[str]]
ANER = ("anercorp", "ANERCorp_CamelLab_train.txt")
_WS = re.compile(r"\s+")


def _clean_tag(tag: str) -> str:
    """IOB2 tag over PER/ORG/LOC/MISC from a corpus tag (also the misspelled ones)."""
    tag = tag.strip().rstrip("`'")
    if tag in ("O", "OO", "IO", ""):
        return "O"
    m = re.match(r"^([BI])-+(.+)$", tag)
    if not m:
        return "O"
    bio, typ = m.group(1), m.group(2).upper().replace("-", "")
    if typ.startswith("MIS"):
        typ = "MISC"
    if typ not in ("PERS", "PER", "ORG", "LOC", "MISC"):
        return "O"  # e.g. B-ENGLISH / B-SPANISH: language labels, not entities
    return f"{bio}-{map_label(typ)}"


def _repair(tags: list[str]) -> list[str]:
    """IOB2: an I- that does not continue an entity of its type starts one."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("I-"):
            prev = out[i - 1] if i else "O"
            if prev == "O" or prev[2:] != t[2:]:
                t = "B-" + t[2:]
        out.append(t)
    return out


def read_conll(path: Path) -> list[Sentence]:
    sents: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if toks:
                sents.append((toks, _repair(tags)))
                toks, tags = [], []
            continue
        parts = _WS.split(line)
        if len(parts) < 2:
            continue
        tok = "".join(parts[:-1])
        tok = _WS.sub("", tok)
        if not tok:
            continue
        toks.append(tok)
        tags.append(_clean_tag(parts[-1]))
    if toks:
        sents.append((toks, _repair(tags)))
    return sents


def anercorp_splits(data_dir: Path) -> dict[str, list[Sentence]]:
    """{"train", "tune", "dev"}: dev = last sixth of sentences (fixed)."""
    sents = read_conll(Path(data_dir).joinpath(*ANER))
    n_dev = len(sents) // 6
    cut = len(sents) - n_dev
    rest, dev = sents[:cut], sents[cut:]
    n_tune = len(rest) // 20
    return {"train": rest[: len(rest) - n_tune], "tune": rest[len(rest) - n_tune :], "dev": dev,
            "dev_dedup": dedup(dev, rest)}


def dedup(sents: list[Sentence], against: list[Sentence]) -> list[Sentence]:
    """``sents`` minus the sentences whose words also occur, as a whole sentence,
    in ``against`` (ANERcorp repeats some passages word for word) or earlier in
    ``sents`` itself."""
    seen = {tuple(t) for t, _ in against}
    out = []
    for toks, tags in sents:
        k = tuple(toks)
        if k not in seen:
            seen.add(k)
            out.append((toks, tags))
    return out


def aqmar(data_dir: Path) -> list[Sentence]:
    out: list[Sentence] = []
    for p in sorted(Path(data_dir, "aqmar").glob("*.txt")):
        out.extend(read_conll(p))
    return out


def gazetteers(data_dir: Path) -> dict[str, list[str]]:
    """{"PER": [...], "LOC": [...], "ORG": [...]} entries (header lines dropped)."""
    out = {}
    for typ, fn in (("PER", "ANERGazet_Pers.txt"), ("LOC", "ANERGazet_Loc.txt"), ("ORG", "ANERGazet_Org.txt")):
        lines = Path(data_dir, "gazetteers", fn).read_text(encoding="utf-8").splitlines()
        out[typ] = [l.strip() for l in lines if l.strip() and not set(l.strip()) <= set("=-*#")]
    return out


def saudinewsnet_articles(data_dir: Path) -> Iterator[dict]:
    """Every SaudiNewsNet article (a dict with title, content, …), zips and
    members in sorted order: the unlabelled text for vectors and pretraining."""
    for z in sorted(Path(data_dir, "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if name.endswith(".json"):
                    yield from json.loads(zf.read(name).decode("utf-8"))


def entities(sent: Sentence) -> list[tuple[int, int, str]]:
    """(first, last+1, type) spans of an IOB2 sentence."""
    toks, tags = sent
    out, start, typ = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if start is not None and (t == "O" or t.startswith("B-") or t[2:] != typ):
            out.append((start, i, typ))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, typ = i, t[2:]
    return out


def write_conll(sents: list[Sentence], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for toks, tags in sents:
            for w, t in zip(toks, tags):
                f.write(f"{w} {t}\n")
            f.write("\n")


NEWS_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "news_ner.jsonl"


def news(data_dir: Path, split: str = "train", path: Path = NEWS_FILE) -> list[Sentence]:
    """The team's news NER corpus (standoff over SaudiNewsNet, see
    docs/annotation/ner.md) as ``(tokens, IOB2 tags)`` on the pipeline's own
    tokens: a token is inside an entity when it overlaps the entity's
    characters (a proclitic glued to a name goes with the name's token, as the
    entities stage reads it back).  Rows whose sentence changed are skipped."""

    from ..annotation.store import unit_texts
    from ..tokenize import tokens

    if not path.exists():
        return []
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r["split"] == split]
    out: list[Sentence] = []
    for r, unit in unit_texts(Path(data_dir), rows):
        s = r["span"][0]
        toks = [(a + s, b + s) for a, b in tokens(unit)]
        tags = ["O"] * len(toks)
        for es, ee, typ in sorted(r["entities"]):
            inside = [i for i, (a, b) in enumerate(toks) if a < ee and es < b]
            if inside and all(tags[i] == "O" for i in inside):
                tags[inside[0]] = "B-" + typ
                for i in inside[1:]:
                    tags[i] = "I-" + typ
        out.append(([unit[a - s:b - s] for a, b in toks], tags))
    return out
