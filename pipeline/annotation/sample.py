"""Draw annotation batches from the SaudiNewsNet days (text goes to ``--work``,
outside the repository; only the standoff keys come back into it).

    python -m pipeline.annotation.sample --data ../shared/data --work /tmp/annot

Deterministic (fixed seed).  Sentences and paragraphs are drawn round-robin
over outlets and days, at any position in the article (not only leads), and
deduplicated by text.  Whole days are held out (``HELD_DAYS``): never used for
training or for choosing rules, scored once per round.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import zipfile
from collections import defaultdict
from pathlib import Path

from ..tokenize import sentences, tokens

HELD_DAYS = ("2015-08-03", "2015-08-07", "2015-08-08", "2015-08-09", "2015-08-10")
SEED = 20261202

# cue words for the attribution strata (a sampling aid, not the stage's lexicon)
CUE_RE = re.compile(r"(?:^|\s)[وف]?(?:قال|قالت|أكد|أكدت|أفاد|أفادت|أعلن|أعلنت|كشف|كشفت|أشار|أشارت|ذكر|ذكرت|نقل|نقلت|"
                    r"أوضح|أوضحت|صرح|صرحت|نفى|نفت|أضاف|أضافت|بحسب|وفقا|وفقاً|حسبما|نقلا|نقلاً|يقول|تقول|أبلغ|أبلغت|لفت|لفتت)\b")
MULTI_RE = re.compile(r"(?:مصدران|مصدرين|مسؤولان|مسؤولين|الجانبان|الطرفان|البلدان|الوزيران|شاهدا|شهود|"
                      r"ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|عشرة|اثنان|اثنين|قياديان|أكدا|أعربا|قالا|أشارا|مسؤولون|مصادر|"
                      r"\b\d+\s+(?:مسؤول|شخص|مصادر|شهود))")
EVENT_RE = re.compile(r"(?:هجوم|هاجم|قتل|مقتل|اغتيال|تفجير|انفجار|قصف|غارة|غارات|اشتباك|اشتباكات|اعتقال|اعتقل|"
                      r"القبض|داهم|مداهمة|تظاهر|مظاهرة|مظاهرات|احتجاج|احتجاجات|اعتصام|إضراب|مسيرة|اتفاق|اتفاقية|"
                      r"وقع|توقيع|زيارة|زار|التقى|استقبل|اجتماع|محادثات|عقوبات|حظر|هدد|تهديد|اتهم|انتقد|أدان|"
                      r"ندد|رفض|طالب|دعا|مساعدات|دعم|انسحاب|انسحب|أفرج|الإفراج|حشد|نشر قوات|اختطاف|خطف|إرهابي)")
ARABIC = re.compile(r"[\u0600-\u06FF]")
# the targeted draw of dual and numbered sources (batch attr-07): a dual source noun, a dual
# subject, or a number word / digits before a plural source noun
DUAL_RE = re.compile(r"(?:^|\s)[وف]?(?:مصدران|مصدرين|مسؤولان|مسئولان|قياديان|شاهدا|شاهدان|الجانبان|الطرفان|البلدان|الوزيران|الرئيسان|خبيران|محللان|مسؤولين اثنين|"
                     r"(?:ثلاثة|أربعة|خمسة|ستة|سبعة|ثلاث|أربع|خمس|عشرة|\d+)\s+(?:مسؤولين|مسؤولون|مصادر|أشخاص|شهود|دبلوماسيين|خبراء|ناشطين|مسؤولي))(?=\s|$|[،.])")


def load_days(data_dir: Path) -> dict[str, list[dict]]:
    out = {}
    for z in sorted(Path(data_dir, "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            out[z.name] = json.loads(zf.read(zf.namelist()[0]).decode("utf-8"))
    return out


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def units(content: str, kind: str):
    """``(start, end, n_tokens)`` of each sentence or paragraph of an article."""
    if kind == "paragraph":
        pos = 0
        for line in content.split("\n"):
            s = pos + len(line) - len(line.lstrip())
            e = pos + len(line.rstrip())
            pos += len(line) + 1
            if e > s:
                yield s, e, sum(1 for _ in tokens(content[s:e]))
        return
    toks = list(tokens(content))
    for s, e, a, b in sentences(content, toks):
        yield s, e, b - a


def candidates(days, kind, lo, hi, held: bool, pred=None):
    """Units per (outlet, day), shuffled, filtered by length and predicate."""
    pools = defaultdict(list)
    for day, arts in days.items():
        if (day[:10] in HELD_DAYS) != held:
            continue
        for idx, art in enumerate(arts):
            content = art.get("content") or ""
            for s, e, n in units(content, kind):
                t = content[s:e]
                if not (lo <= n <= hi) or "\t" in t or len(ARABIC.findall(t)) < 0.5 * len(t.replace(" ", "")):
                    continue
                if pred is not None and not pred(t):
                    continue
                pools[(art.get("source", ""), day)].append((day, idx, s, e))
    return pools


def draw(pools, n: int, rng: random.Random, seen: set[str], days) -> list[tuple]:
    """Round-robin over (outlet, day) pools, at most one unit per article per pass."""
    keys = sorted(pools)
    for k in keys:
        rng.shuffle(pools[k])
    out, used_articles = [], defaultdict(int)
    while len(out) < n and any(pools[k] for k in keys):
        rng.shuffle(keys)
        for k in keys:
            while pools[k]:
                day, idx, s, e = pools[k].pop()
                text = days[day][idx]["content"][s:e]
                h = sha1(text)
                if h in seen or used_articles[(day, idx)] >= 2:
                    continue
                seen.add(h)
                used_articles[(day, idx)] += 1
                out.append((day, idx, s, e))
                break
            if len(out) >= n:
                break
    return out


def write_batches(items, days, prefix: str, size: int, work: Path, double_share: float, rng) -> list[dict]:
    work.mkdir(parents=True, exist_ok=True)
    index = []
    batches = [items[i:i + size] for i in range(0, len(items), size)]
    double = []
    for b, batch in enumerate(batches, 1):
        name = f"{prefix}-{b:02d}"
        with open(work / f"{name}.tsv", "w", encoding="utf-8") as f:
            for k, (day, idx, s, e) in enumerate(batch, 1):
                uid = f"{name}-{k:04d}"
                text = days[day][idx]["content"][s:e]
                f.write(f"{uid}\t{text}\n")
                index.append({"id": uid, "zip": day, "index": idx, "span": [s, e], "sha1": sha1(text),
                              "split": "held" if day[:10] in HELD_DAYS else "train",
                              "source": days[day][idx].get("source", "")})
        pick = sorted(rng.sample(range(len(batch)), max(1, round(double_share * len(batch)))))
        double += [(f"{name}-{k + 1:04d}", batch[k]) for k in pick]
    with open(work / f"{prefix}-D.tsv", "w", encoding="utf-8") as f:
        for uid, (day, idx, s, e) in double:
            f.write(f"{uid}\t{days[day][idx]['content'][s:e]}\n")
    return index


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--work", required=True)
    ap.add_argument("--task", choices=("ner", "attributions", "attributions-duals", "events"), required=True)
    a = ap.parse_args(argv)
    days = load_days(Path(a.data))
    rng = random.Random(SEED)
    work = Path(a.work)
    seen: set[str] = set()
    if a.task == "ner":
        # 3,000 sentences: 2,200 from training days, 800 from held-out days
        items = draw(candidates(days, "sentence", 10, 60, False), 2200, rng, seen, days)
        items += draw(candidates(days, "sentence", 10, 60, True), 800, rng, seen, days)
        rng.shuffle(items)
        index = write_batches(items, days, "ner", 300, work, 0.10, rng)
    elif a.task == "attributions":
        items = []
        for held, n in ((False, 420), (True, 200)):
            k = n // 3
            items += draw(candidates(days, "paragraph", 15, 110, held, lambda t: bool(MULTI_RE.search(t) and CUE_RE.search(t))),
                          k, rng, seen, days)
            items += draw(candidates(days, "paragraph", 15, 110, held, lambda t: bool(CUE_RE.search(t))), k, rng, seen, days)
            items += draw(candidates(days, "paragraph", 15, 110, held), n - 2 * k, rng, seen, days)
        rng.shuffle(items)
        index = write_batches(items, days, "attr", 104, work, 0.10, rng)
    elif a.task == "attributions-duals":
        # after the main draw (its paragraphs are excluded): 104 paragraphs, 70 + 34 held-out
        prev = work / "attributions-index.jsonl"
        seen |= {json.loads(x)["sha1"] for x in prev.read_text(encoding="utf-8").splitlines() if x.strip()}
        rng = random.Random(7)
        items = []
        for held, n in ((False, 70), (True, 34)):
            items += draw(candidates(days, "paragraph", 12, 120, held, lambda t: bool(DUAL_RE.search(t) and CUE_RE.search(t))),
                          n, rng, seen, days)
        rng.shuffle(items)
        index = []
        with open(work / "attr-07.tsv", "w", encoding="utf-8") as f:
            for k, (day, idx, s0, e0) in enumerate(items, 1):
                text = days[day][idx]["content"][s0:e0]
                f.write(f"attr-07-{k:04d}\t{text}\n")
                index.append({"id": f"attr-07-{k:04d}", "zip": day, "index": idx, "span": [s0, e0], "sha1": sha1(text),
                              "split": "held" if day[:10] in HELD_DAYS else "train", "source": days[day][idx].get("source", ""),
                              "stratum": "dual-or-number"})
        with open(prev, "a", encoding="utf-8") as f:  # one index for every attributions batch
            for row in index:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"attributions-duals: {len(index)} units in {work}")
        return
    else:
        items = []
        for held, n in ((False, 1400), (True, 600)):
            items += draw(candidates(days, "sentence", 6, 60, held, lambda t: bool(EVENT_RE.search(t))), n // 2, rng, seen, days)
            items += draw(candidates(days, "sentence", 6, 60, held), n - n // 2, rng, seen, days)
        rng.shuffle(items)
        index = write_batches(items, days, "ev", 250, work, 0.10, rng)
    with open(work / f"{a.task}-index.jsonl", "w", encoding="utf-8") as f:
        for row in index:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{a.task}: {len(index)} units in {work}")


if __name__ == "__main__":
    main()
