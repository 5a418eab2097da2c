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
# the second targeted draw (batches attr-08..10): a dual subject or a dual verb, or a cue followed
# closely by a dual / numbered source noun; plus paragraphs with opinion and perception verbs
# (the negatives: reporting-like verbs used otherwise)
_SRC_NOUN = (r"(?:مسؤول|مسئول|مصدر|شاهد|قيادي|خبير|محلل|دبلوماسي|ناشط|موظف|عضو|نائب|ضابط|طبيب|مواطن|وزير|"
             r"رئيس|باحث|مراقب|مقاتل|زعيم|قائد|متحدث|ممثل|سفير|مبعوث|نائب|مدير|الجانب|الطرف|البلد|الوزير|الرئيس|"
             r"الزعيم|المصدر|الخبير|المسؤول|الدولت|الشركت|المنظمت|الحكومت|الوزارت)")
_NUMBER = r"(?:اثنان|اثنين|ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة|ثلاث|أربع|خمس|ست|سبع|عشر|\d+)"
_PLURAL = (r"(?:مسؤولين|مسؤولون|مسئولين|مصادر|أشخاص|شهود|دبلوماسيين|خبراء|ناشطين|مسؤولي|أعضاء|نواب|ضباط|"
           r"أطباء|مواطنين|سكان|موظفين|عمال|جنود|مقاتلين|قياديين|محللين|وزراء)")
DUAL2_RE = re.compile(
    r"(?:^|\s)[وف]?(?:الجانبان|الطرفان|البلدان|الوزيران|الرئيسان|الزعيمان|الدولتان|المصدران|المسؤولان|"
    r"أكدا|قالا|أوضحا|أعربا|أشارا|أضافا|ذكرا|أفادا|شددا|أعلنا|أكدتا|قالتا|أعربتا|أشارتا|شددتا|أعلنتا|"
    + _SRC_NOUN + r"(?:ان|ا)|" + _NUMBER + r"\s+(?:من\s+)?(?:ال)?" + _PLURAL + r")(?=\s|$|[،.:])")
OPINION_RE = re.compile(r"(?:^|\s)[وف]?(?:يرى|ترى|يرون|رأى|يعتقد|تعتقد|اعتبر|اعتبرت|يعتبر|تعتبر|يظن|شعر|يشعر|لاحظ|"
                        r"يلاحظ|وجد|عرف|يعرف|علم|يعلم)(?=\s)")
# the third draw (batches attr-11..13): every paragraph not yet drawn where a cue is followed
# closely by a dual or numbered source noun, a dual subject comes before its complement, or a
# dual verb stands (the exhaustive pool of the 7M words, about 260 paragraphs)
_CUE3 = r"[وف]?(?:قال|قالت|أكد|أكدت|أفاد|أفادت|أعلن|أعلنت|كشف|كشفت|أشار|أشارت|ذكر|ذكرت|أوضح|أوضحت|صرح|صرحت|نفى|نفت|أضاف|أضافت|بحسب|وفقا ل|وفقاً ل|حسب|نقلا عن|نقلاً عن|يقول|تقول|أبلغ|أبلغت|لفت|لفتت|رجح|رجحت|توقع|توقعت|حذر|حذرت|شدد|شددت|أعرب|أعربت|اتفق|اتفقت|دعا|دعت|طالب|طالبت|يؤكد|تؤكد|يرى|ترى|أوضح)"
_SRC3 = r"(?:مسؤول|مسئول|مصدر|شاهد|قيادي|خبير|محلل|دبلوماسي|ناشط|موظف|عضو|نائب|ضابط|طبيب|مواطن|وزير|رئيس|باحث|مراقب|مقاتل|زعيم|قائد|متحدث|ممثل|سفير|مبعوث|مدير|جانب|طرف|مصدر|دولت|شركت|منظمت|حكومت|وزارت|مسؤول|لاعب|مدرب|عالم|شخص|ساكن|معارض|محامي|محام|قاض|عضو)"
_NUM3 = r"(?:اثنان|اثنين|ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة|ثلاث|أربع|خمس|ست|سبع|عشر|\d+)"
_PL3 = r"(?:مسؤولين|مسؤولون|مسئولين|مصادر|أشخاص|شهود|دبلوماسيين|خبراء|ناشطين|مسؤولي|أعضاء|نواب|ضباط|أطباء|مواطنين|سكان|موظفين|عمال|جنود|مقاتلين|قياديين|محللين|وزراء|مصادر|لاعبين|علماء|باحثين)"
DUAL3_RE = re.compile(r"(?:^|\s)"+_CUE3+r"\s+(?:\S+\s+)?(?:ال)?(?:"+_SRC3+r"(?:ان|ا)|"+_NUM3+r"\s+(?:من\s+)?(?:ال)?"+_PL3+r")(?=\s|$|[،.:])"
  r"|(?:^|\s)[وف]?(?:الجانبان|الطرفان|الوزيران|الرئيسان|الزعيمان|الدولتان|المصدران|المسؤولان|الشيخان|الأميران|الملكان)\s+(?:\S+\s+){0,6}?(?:أن|إن|على|عن|ب)"
  r"|(?:^|\s)[وف]?(?:أكدا|قالا|أوضحا|أعربا|أشارا|أضافا|ذكرا|أفادا|شددا|أعلنا|أكدتا|قالتا|أعربتا|أشارتا|شددتا|أعلنتا|اتفقا|اتفقتا|نفيا|رحبا|يؤكدان|تؤكدان|يريان|ترى الدولتان)(?=\s)")
# the fourth draw (batch attr-14): dual imperfects and participles, a relayed dual or counted
# source after a cue phrase, كلاهما / الاثنان, and dual subjects of every kind
DUAL4_RE = re.compile(r"(?:^|\s)[وف]?(?:يؤكدان|تؤكدان|يريان|تريان|يقولان|تقولان|يعتبران|يتوقعان|مؤكدين|مشيرين|موضحين|مضيفين)(?=\s)"
 r"|(?:بحسب|وفقا ل|وفقاً ل|نقلا عن|نقلاً عن|حسب)\s*(?:ال)?(?:مصدرين|مسؤولين اثنين|الطرفين|الجانبين|شاهدين|ثلاثة|أربعة|خمسة|\d+)"
 r"|(?:^|\s)[وف]?(?:قال|أكد|ذكر|أفاد|أوضح|أشار|كشف|أعلن)(?:ت)?\s+(?:\S+\s+){0,3}?(?:الاثنان|كلاهما|كلا\s+\S+|الثلاثة|الأربعة)(?=\s)"
 r"|(?:^|\s)[وف]?(?:السفيران|الرئيسان|الملكان|الوزيران|الزعيمان|المسؤولان|المصدران|الحزبان|الفريقان|الناديان|الشركتان|المنظمتان|الحكومتان|الدولتان|الصحيفتان|الوكالتان|اللاعبان|المدربان|العالمان|الباحثان|الخبيران|الطبيبان|المحاميان|الشاهدان|النائبان)(?=\s)")
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
    ap.add_argument("--task", choices=("ner", "attributions", "attributions-duals", "attributions-round2", "attributions-round3", "attributions-round4", "attributions-round5", "ner-round2", "events"),
                    required=True)
    a = ap.parse_args(argv)
    days = load_days(Path(a.data))
    rng = random.Random(SEED)
    work = Path(a.work)
    seen: set[str] = set()
    if a.task == "ner-round2":
        # 1,200 more sentences of the training days only (the held-out part stays as frozen), in
        # four batches ner-11..14, 10% of them annotated twice (ner-D11)
        prev = work / "ner-index.jsonl"
        seen |= {json.loads(x)["sha1"] for x in prev.read_text(encoding="utf-8").splitlines() if x.strip()}
        rng = random.Random(12)
        items = draw(candidates(days, "sentence", 10, 60, False), 1200, rng, seen, days)
        rng.shuffle(items)
        index = []
        double = []
        for b in range(4):
            name = f"ner-{11 + b}"
            batch = items[b * 300:(b + 1) * 300]
            with open(work / f"{name}.tsv", "w", encoding="utf-8") as f:
                for j, (day, idx, s0, e0) in enumerate(batch, 1):
                    text = days[day][idx]["content"][s0:e0]
                    f.write(f"{name}-{j:04d}\t{text}\n")
                    index.append({"id": f"{name}-{j:04d}", "zip": day, "index": idx, "span": [s0, e0], "sha1": sha1(text),
                                  "split": "train", "source": days[day][idx].get("source", "")})
            pick = sorted(rng.sample(range(len(batch)), 30))
            double += [(f"{name}-{j + 1:04d}", batch[j]) for j in pick]
        with open(work / "ner-D11.tsv", "w", encoding="utf-8") as f:
            for uid, (day, idx, s0, e0) in double:
                f.write(f"{uid}\t{days[day][idx]['content'][s0:e0]}\n")
        with open(prev, "a", encoding="utf-8") as f:
            for row in index:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"ner-round2: {len(index)} units, {len(double)} double in {work}")
        return
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
    elif a.task == "attributions-round2":
        # after the first two draws (their paragraphs are excluded): 2 x 100 dual-or-number paragraphs
        # and 60 paragraphs (30 with opinion/perception verbs, 30 at random), 70% / 30% held-out days
        prev = work / "attributions-index.jsonl"
        seen |= {json.loads(x)["sha1"] for x in prev.read_text(encoding="utf-8").splitlines() if x.strip()}
        rng = random.Random(8)
        duals, others = [], []
        for held, n in ((False, 140), (True, 60)):
            duals += draw(candidates(days, "paragraph", 12, 120, held, lambda t: bool(DUAL2_RE.search(t) and CUE_RE.search(t))),
                          n, rng, seen, days)
        for held, n in ((False, 21), (True, 9)):
            others += draw(candidates(days, "paragraph", 12, 120, held, lambda t: bool(OPINION_RE.search(t))), n, rng, seen, days)
            others += draw(candidates(days, "paragraph", 12, 120, held), n, rng, seen, days)
        rng.shuffle(duals)
        rng.shuffle(others)
        batches = {"attr-08": duals[:100], "attr-09": duals[100:], "attr-10": others}
        index, double = [], []
        for name, batch in batches.items():
            with open(work / f"{name}.tsv", "w", encoding="utf-8") as f:
                for k, (day, idx, s0, e0) in enumerate(batch, 1):
                    text = days[day][idx]["content"][s0:e0]
                    f.write(f"{name}-{k:04d}\t{text}\n")
                    index.append({"id": f"{name}-{k:04d}", "zip": day, "index": idx, "span": [s0, e0], "sha1": sha1(text),
                                  "split": "held" if day[:10] in HELD_DAYS else "train",
                                  "source": days[day][idx].get("source", ""),
                                  "stratum": "dual-or-number" if name != "attr-10" else "opinion-or-random"})
            pick = sorted(rng.sample(range(len(batch)), max(1, round(0.10 * len(batch)))))
            double += [(f"{name}-{k + 1:04d}", batch[k]) for k in pick]
        with open(work / "attr-D8.tsv", "w", encoding="utf-8") as f:
            for uid, (day, idx, s0, e0) in double:
                f.write(f"{uid}\t{days[day][idx]['content'][s0:e0]}\n")
        with open(prev, "a", encoding="utf-8") as f:
            for row in index:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"attributions-round2: {len(index)} units, {len(double)} double in {work}")
        return
    elif a.task == "attributions-round3":
        prev = work / "attributions-index.jsonl"
        seen |= {json.loads(x)["sha1"] for x in prev.read_text(encoding="utf-8").splitlines() if x.strip()}
        rng = random.Random(9)
        items = []
        for held in (False, True):
            items += draw(candidates(days, "paragraph", 12, 120, held, lambda t: bool(DUAL3_RE.search(t))), 10 ** 6, rng, seen, days)
        rng.shuffle(items)
        k = -(-len(items) // 3)
        batches = {f"attr-{11 + b}": items[b * k:(b + 1) * k] for b in range(3)}
        index, double = [], []
        for name, batch in batches.items():
            with open(work / f"{name}.tsv", "w", encoding="utf-8") as f:
                for j, (day, idx, s0, e0) in enumerate(batch, 1):
                    text = days[day][idx]["content"][s0:e0]
                    f.write(f"{name}-{j:04d}\t{text}\n")
                    index.append({"id": f"{name}-{j:04d}", "zip": day, "index": idx, "span": [s0, e0], "sha1": sha1(text),
                                  "split": "held" if day[:10] in HELD_DAYS else "train",
                                  "source": days[day][idx].get("source", ""), "stratum": "dual-or-number"})
            pick = sorted(rng.sample(range(len(batch)), max(1, round(0.10 * len(batch)))))
            double += [(f"{name}-{j + 1:04d}", batch[j]) for j in pick]
        with open(work / "attr-D11.tsv", "w", encoding="utf-8") as f:
            for uid, (day, idx, s0, e0) in double:
                f.write(f"{uid}\t{days[day][idx]['content'][s0:e0]}\n")
        with open(prev, "a", encoding="utf-8") as f:
            for row in index:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"attributions-round3: {len(index)} units, {len(double)} double in {work}")
        return
    elif a.task in ("attributions-round4", "attributions-round5"):
        # round 5: 50 more of the round-4 pool (35 + 15 held-out), 5 of them doubly annotated
        r5 = a.task == "attributions-round5"
        prev = work / "attributions-index.jsonl"
        seen |= {json.loads(x)["sha1"] for x in prev.read_text(encoding="utf-8").splitlines() if x.strip()}
        rng = random.Random(11 if r5 else 10)
        items = []
        for held, n in (((False, 35), (True, 15)) if r5 else ((False, 49), (True, 21))):
            items += draw(candidates(days, "paragraph", 12, 120, held, lambda t: bool(DUAL4_RE.search(t))), n, rng, seen, days)
        rng.shuffle(items)
        index = []
        name = "attr-15" if r5 else "attr-14"
        with open(work / f"{name}.tsv", "w", encoding="utf-8") as f:
            for j, (day, idx, s0, e0) in enumerate(items, 1):
                text = days[day][idx]["content"][s0:e0]
                f.write(f"{name}-{j:04d}\t{text}\n")
                index.append({"id": f"{name}-{j:04d}", "zip": day, "index": idx, "span": [s0, e0], "sha1": sha1(text),
                              "split": "held" if day[:10] in HELD_DAYS else "train",
                              "source": days[day][idx].get("source", ""), "stratum": "dual-or-number"})
        pick = sorted(rng.sample(range(len(items)), 5 if r5 else 20))  # keeps the doubly annotated share at 10%
        with open(work / f"attr-D{name[5:]}.tsv", "w", encoding="utf-8") as f:
            for j in pick:
                day, idx, s0, e0 = items[j]
                f.write(f"{name}-{j + 1:04d}\t{days[day][idx]['content'][s0:e0]}\n")
        with open(prev, "a", encoding="utf-8") as f:
            for row in index:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{a.task}: {len(index)} units, {len(pick)} double in {work}")
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
