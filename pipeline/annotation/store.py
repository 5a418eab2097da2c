"""Annotators' batches → standoff files in the repository, agreement between
two independent passes, and the alignment check against the shared articles.

    python -m pipeline.annotation.store ner --work /tmp/annot --out tests/data/news_ner.jsonl
    python -m pipeline.annotation.store attributions --work /tmp/annot --out tests/data/news_attributions.jsonl
    python -m pipeline.annotation.store events --work /tmp/annot --out tests/data/news_events.jsonl

Inputs in ``--work``: ``TASK-index.jsonl`` (from :mod:`.sample`), the
annotators' ``out/PREFIX-NN.tsv`` files, the second pass of 10% in
``out/PREFIX-D.tsv`` and, where the two passes differed, the adjudicated lines
in ``out/PREFIX-A.tsv`` (which replace the first pass).  Every stored span is
absolute (offsets into the article's ``content``); a line stores no text.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from ..digest import text_sha1
from .markup import MarkupError, parse_entities, parse_fields, parse_tags

PREFIX = {"ner": "ner", "attributions": "attr", "events": "ev"}
LETTERS = {"attributions": "csq", "events": "tar"}
ROLE = {"c": "cue", "s": "source", "q": "content", "t": "trigger", "a": "actor", "r": "recipient"}


def read_tsv(path: Path) -> dict[str, list[str]]:
    out = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            parts = line.split("\t")
            out.setdefault(parts[0], parts)
    return out


def _int_or_none(v: str | None):
    if v is None or v.lower() in ("null", "none", ""):
        return None
    try:
        return int(v)
    except ValueError:
        return None


def parse_unit(task: str, parts: list[str], text: str, offset: int) -> dict:
    """One annotated unit → ``{"entities": …}`` / ``{"attributions": …}`` / ``{"events": …}``."""
    if task == "ner":
        if len(parts) < 2:
            raise MarkupError("no marked column")
        return {"entities": [[s + offset, e + offset, t] for s, e, t in parse_entities(parts[1], text)]}
    if len(parts) < 3:
        raise MarkupError("expected 3 columns")
    spans = parse_tags(parts[1], text, LETTERS[task], repeat="ar" if task == "events" else "")
    fields = parse_fields(parts[2])
    items = []
    for n in sorted(fields):
        f = fields[n]
        item = {"n": n}
        for letter in LETTERS[task]:
            sp = spans.get((letter, n))
            item[ROLE[letter]] = [sp[0] + offset, sp[1] + offset] if sp else None
            more = [spans[k] for k in sorted(k for k in spans if len(k) == 3 and k[:2] == (letter, n))]
            if more:
                item[ROLE[letter] + "_more"] = [[a + offset, b + offset] for a, b in more]
        if task == "attributions":
            item["named"] = f.get("named") in ("1", "true", "True")
            item["count"] = _int_or_none(f.get("count"))
            item["kind"] = f.get("kind")
            if f.get("in"):
                item["in"] = _int_or_none(f["in"])
            if f.get("src"):
                item["src"] = _int_or_none(f["src"].lstrip("s"))  # None: src=none (no antecedent)
                item["src_given"] = True
            if f.get("resolved"):
                item["resolved"] = f["resolved"]
        else:
            item["category"] = f.get("category")
            item["mode"] = f.get("mode")
            item["status"] = f.get("status")
            item["modality"] = f.get("modality")
            item["bg"] = f.get("bg") in ("1", "true")
        items.append(item)
    return {task: items}


def load_articles(data_dir: Path, index: list[dict]) -> dict[tuple[str, int], str]:
    import zipfile

    out = {}
    for day in sorted({r["zip"] for r in index}):
        with zipfile.ZipFile(Path(data_dir) / "saudinewsnet" / day) as z:
            arts = json.loads(z.read(z.namelist()[0]).decode("utf-8"))
        for r in index:
            if r["zip"] == day:
                out[(day, r["index"])] = arts[r["index"]]["content"]
    return out


def unit_texts(data_dir: Path, rows: list[dict]) -> list[tuple[dict, str]]:
    """``(row, text of its unit)`` for stored standoff rows, in order; a row whose
    text no longer matches its sha1 (the shared data changed) is left out."""
    arts = load_articles(data_dir, rows)
    out = []
    for r in rows:
        s, e = r["span"]
        text = arts[(r["zip"], r["index"])][s:e]
        if text_sha1(text) == r["sha1"]:
            out.append((r, text))
    return out


# ---------------------------------------------------------------- agreement

def _f1(agree: int, n_second: int, n_first: int) -> dict:
    p = agree / n_second if n_second else 1.0
    r = agree / n_first if n_first else 1.0
    return {"n_first": n_first, "n_second": n_second, "agree": agree, "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _with_ci(d: dict, units: list[tuple[int, int, int]]) -> dict:
    """The F1 of ``d`` with its 95% bootstrap interval over units ((agree, n_second, n_first) each)."""
    from ..eval.stats import prf_ci

    d["f1_ci"] = prf_ci(units)["f_ci"]
    return d


def agreement(task: str, first: dict[str, dict], second: dict[str, dict]) -> dict:
    """Agreement of two independent passes over the same units (exact spans), with 95%
    bootstrap intervals over units."""
    ids = sorted(set(first) & set(second))
    out: dict = {"units": len(ids)}
    if task == "ner":
        for typ in ("PER", "ORG", "LOC", "MISC", None):
            per_unit = []  # (agree, n_second, n_first) per unit: the totals and the bootstrap's units
            for u in ids:
                a = {(s, e, t) for s, e, t in first[u]["entities"] if typ in (None, t)}
                b = {(s, e, t) for s, e, t in second[u]["entities"] if typ in (None, t)}
                per_unit.append((len(a & b), len(b), len(a)))
            agree, n_second, n_first = (sum(u[k] for u in per_unit) for k in range(3))
            out[typ or "all"] = _with_ci(_f1(agree, n_second, n_first), per_unit)
        return out
    key = "attributions" if task == "attributions" else "events"
    main_role = "source" if task == "attributions" else "trigger"

    def overlap_pairs(x, y):
        pairs = []
        used = set()
        for i in x:
            for k, j in enumerate(y):
                if k in used or not (i[main_role] and j[main_role]):
                    continue
                if i[main_role][0] < j[main_role][1] and j[main_role][0] < i[main_role][1]:
                    pairs.append((i, j))
                    used.add(k)
                    break
        return pairs

    n1 = n2 = m = exact = 0
    fields = Counter()
    per_unit = []
    for u in ids:
        x = [i for i in first[u][key] if i[main_role]]
        y = [i for i in second[u][key] if i[main_role]]
        n1, n2 = n1 + len(x), n2 + len(y)
        pairs = overlap_pairs(x, y)
        m += len(pairs)
        per_unit.append((len(pairs), len(y), len(x)))
        for i, j in pairs:
            exact += i[main_role] == j[main_role]
            for f in (("named", "count", "kind") if task == "attributions" else ("category", "status")):
                fields[f] += i.get(f) == j.get(f)
    out[main_role + "_overlap"] = _with_ci(_f1(m, n2, n1), per_unit)
    out[main_role + "_exact_of_matched"] = round(exact / m, 3) if m else None
    for f, c in fields.items():
        out[f + "_agree_of_matched"] = round(c / m, 3) if m else None
    empty1 = sum(1 for u in ids if not first[u][key])
    empty2 = sum(1 for u in ids if not second[u][key])
    both_empty = sum(1 for u in ids if not first[u][key] and not second[u][key])
    out["units_without"] = {"first": empty1, "second": empty2, "both": both_empty}
    return out


def build(task: str, work: Path, data_dir: Path, only: set[str] | None = None) -> tuple[list[dict], list[dict], dict, list[str]]:
    """``(rows, second_pass_rows, agreement, problems)``; ``only``: the finished
    batches (e.g. {"ner-01", "ner-02"}), others are left out."""
    pre = PREFIX[task]
    index = [json.loads(x) for x in (work / f"{task}-index.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    if only is not None:
        index = [r for r in index if r["id"].rsplit("-", 1)[0] in only]
    texts = load_articles(data_dir, index)
    first: dict[str, list[str]] = {}
    for p in sorted((work / "out").glob(f"{pre}-[0-9][0-9].tsv")):
        if only is None or p.stem in only:
            first.update(read_tsv(p))
    second = read_tsv(work / "out" / f"{pre}-D.tsv")
    adjudicated = read_tsv(work / "out" / f"{pre}-A.tsv")
    rows, rows2, problems = [], [], []
    parsed1, parsed2 = {}, {}
    for r in index:
        content = texts[(r["zip"], r["index"])]
        s, e = r["span"]
        unit = content[s:e]
        if text_sha1(unit) != r["sha1"]:
            problems.append(f"{r['id']}: text changed in the shared data")
            continue
        base = {"id": r["id"], "zip": r["zip"], "index": r["index"], "span": [s, e], "sha1": r["sha1"],
                "split": r["split"], "source": r["source"]}
        for store, passes, out in ((first, parsed1, rows), (second, parsed2, rows2)):
            if r["id"] not in store:
                continue
            try:
                ann = parse_unit(task, store[r["id"]], unit, s)
            except MarkupError as exc:
                problems.append(f"{r['id']}: {exc}")
                continue
            passes[r["id"]] = ann
            out.append({**base, **ann})
        if r["id"] in adjudicated and r["id"] in parsed1:
            try:
                ann = parse_unit(task, adjudicated[r["id"]], unit, s)
                rows[-1] = {**base, **ann, "adjudicated": True}
            except MarkupError as exc:
                problems.append(f"{r['id']} (adjudicated): {exc}")
    agree = agreement(task, parsed1, parsed2)
    return rows, rows2, agree, problems


def merge_stored(rows: list[dict], path: Path) -> list[dict]:
    """``rows`` with the rows already stored in ``path`` for other units, ordered by id."""
    stored = []
    if path.exists():
        stored = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    new = {r["id"] for r in rows}
    return sorted([r for r in stored if r["id"] not in new] + rows, key=lambda r: r["id"])


def write_jsonl(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description="annotators' batches -> standoff")
    ap.add_argument("task", choices=sorted(PREFIX))
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", default="", help="comma-separated finished batches (default: every batch file)")
    ap.add_argument("--merge", action="store_true",
                    help="keep the rows already stored in --out (and its _second file) for units this build does not "
                         "hold: a later round's batches join the stored set without the earlier rounds' work files")
    a = ap.parse_args(argv)
    only = {b for b in a.only.split(",") if b} or None
    rows, rows2, agree, problems = build(a.task, Path(a.work), Path(a.data), only)
    out = Path(a.out)
    second = out.with_name(out.stem + "_second.jsonl")
    if a.merge:
        rows, rows2 = merge_stored(rows, out), merge_stored(rows2, second)
    write_jsonl(rows, out)
    write_jsonl(rows2, second)
    print(json.dumps({"units": len(rows), "second_pass": len(rows2), "problems": len(problems), "agreement": agree},
                     ensure_ascii=False, indent=1))
    for p in problems[:50]:
        print("  ", p)


if __name__ == "__main__":
    main()
