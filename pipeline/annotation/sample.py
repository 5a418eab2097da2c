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
import json
import random
import re
import zipfile
from collections import defaultdict
from pathlib import Path

from ..digest import text_sha1
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
# violence words for the second events draw (a sampling aid, not the coder's lexicon): attacks,
# killings, strikes, fighting, casualties, in the verb and verbal-noun forms news uses
ASSAULT_RE = re.compile(r"(?:قتل|مقتل|قتلى|استشهد|استشهاد|شهيد|شهداء|قصف|غارة|غارات|هجوم|هجمات|هاجم|تفجير|تفجيرات|فجر|"
                        r"انفجار|عبوة|انتحاري|اشتباك|اشتباكات|معارك|اقتتال|اغتيال|إطلاق النار|اطلاق النار|رصاص|قذيفة|"
                        r"قذائف|صاروخ|صواريخ|استهدف|استهداف|مسلح|اعتداء|اعتدى|طعن|ذبح|أصيب|إصابة|جرحى|مصرع|اختطاف|"
                        r"خطف|إعدام|أعدم|تعذيب|مجزرة|دمر|تدمير)")
# organisation head words for the fourth NER draw (a sampling aid, not the model's features)
ORG_RE = re.compile(r"(?:^|\s)[وفبلك]?(?:ال)?(?:وزار|هيئ|مجلس|شرك|جامع|نادي|مؤسس|منظم|لجن|مستشفى|بنك|مصرف|صندوق|"
                    r"اتحاد|جمعي|مركز|وكال|قناة|صحيف|حزب|جماع|حرك|غرف|إدار|مديري|أمان|محكم|برلمان|جيش|قوات)")
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


sha1 = text_sha1  # the standoff key of an annotated unit


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


def _row(uid: str, item: tuple, days, stratum: str | None = None) -> dict:
    """The standoff index row of one unit (no text: its article key, offsets and hash)."""
    day, idx, s0, e0 = item
    row = {"id": uid, "zip": day, "index": idx, "span": [s0, e0], "sha1": sha1(days[day][idx]["content"][s0:e0]),
           "split": "held" if day[:10] in HELD_DAYS else "train", "source": days[day][idx].get("source", "")}
    if stratum is not None:
        row["stratum"] = stratum
    return row


def _write_units(path: Path, units: list[tuple[str, tuple]], days) -> None:
    """A batch file for the annotators: ``ID<TAB>text`` a line."""
    with open(path, "w", encoding="utf-8") as f:
        for uid, (day, idx, s0, e0) in units:
            f.write(f"{uid}\t{days[day][idx]['content'][s0:e0]}\n")


def write_batch(work: Path, name: str, batch: list[tuple], days, stratum: str | None = None) -> list[dict]:
    """``work/NAME.tsv`` (ids NAME-0001 …) and its index rows."""
    units = [(f"{name}-{k:04d}", item) for k, item in enumerate(batch, 1)]
    _write_units(work / f"{name}.tsv", units, days)
    return [_row(uid, item, days, stratum) for uid, item in units]


def pick_double(name: str, batch: list[tuple], rng, n: int | None = None, share: float = 0.10) -> list[tuple[str, tuple]]:
    """The units of a batch a second annotator reads again, blind (``n`` of them, else ``share``)."""
    n = max(1, round(share * len(batch))) if n is None else n
    return [(f"{name}-{k + 1:04d}", batch[k]) for k in sorted(rng.sample(range(len(batch)), n))]


def seen_in(index_file: Path) -> set[str]:
    """Hashes of the units an earlier draw took (they are never drawn again)."""
    return {json.loads(x)["sha1"] for x in index_file.read_text(encoding="utf-8").splitlines() if x.strip()}


def append_index(index_file: Path, rows: list[dict]) -> None:
    """One index for every batch of a task: later draws append to it."""
    with open(index_file, "a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_batches(items, days, prefix: str, size: int, work: Path, double_share: float, rng) -> list[dict]:
    work.mkdir(parents=True, exist_ok=True)
    index, double = [], []
    batches = [items[i:i + size] for i in range(0, len(items), size)]
    for b, batch in enumerate(batches, 1):
        name = f"{prefix}-{b:02d}"
        index += write_batch(work, name, batch, days)
        double += pick_double(name, batch, rng, share=double_share)
    _write_units(work / f"{prefix}-D.tsv", double, days)
    return index


# ------------------------------------------------ later draws (after the first one of a task)
# Each takes the days, the work folder and the hashes already drawn; it writes its batches and
# the file of doubly annotated units, and returns (index rows, doubles).  The index rows are
# appended to the task's one index.

def _pool(days, seen, rng, pred, counts, lo=12, hi=120, kind="paragraph"):
    items = []
    for held, n in counts:
        items += draw(candidates(days, kind, lo, hi, held, pred), n, rng, seen, days)
    return items


def _attributions_duals(days, work, seen):
    """attr-07: 104 paragraphs with a dual or numbered source word and a cue (70 + 34 held-out)."""
    rng = random.Random(7)
    items = _pool(days, seen, rng, lambda t: bool(DUAL_RE.search(t) and CUE_RE.search(t)), ((False, 70), (True, 34)))
    rng.shuffle(items)
    return write_batch(work, "attr-07", items, days, "dual-or-number"), []


def _attributions_round2(days, work, seen):
    """attr-08..10: 2 x 100 dual-or-number paragraphs, 60 with opinion verbs or at random."""
    rng = random.Random(8)
    duals = _pool(days, seen, rng, lambda t: bool(DUAL2_RE.search(t) and CUE_RE.search(t)), ((False, 140), (True, 60)))
    others = []
    for held, n in ((False, 21), (True, 9)):
        others += _pool(days, seen, rng, lambda t: bool(OPINION_RE.search(t)), ((held, n),))
        others += _pool(days, seen, rng, None, ((held, n),))
    rng.shuffle(duals)
    rng.shuffle(others)
    batches = {"attr-08": duals[:100], "attr-09": duals[100:], "attr-10": others}
    return _batches_with_doubles(work, batches, days, rng, "attr-D8",
                                 lambda name: "opinion-or-random" if name == "attr-10" else "dual-or-number")


def _attributions_round3(days, work, seen):
    """attr-11..13: every paragraph not drawn before that DUAL3_RE matches (the exhaustive pool)."""
    rng = random.Random(9)
    items = _pool(days, seen, rng, lambda t: bool(DUAL3_RE.search(t)), ((False, 10 ** 6), (True, 10 ** 6)))
    rng.shuffle(items)
    k = -(-len(items) // 3)
    batches = {f"attr-{11 + b}": items[b * k:(b + 1) * k] for b in range(3)}
    return _batches_with_doubles(work, batches, days, rng, "attr-D11", lambda _: "dual-or-number")


def _attributions_round45(name, seed, counts, n_double):
    """attr-14 (70 paragraphs, 20 double) and attr-15 (50, 5 double) of the DUAL4_RE pool."""
    def run(days, work, seen):
        rng = random.Random(seed)
        items = _pool(days, seen, rng, lambda t: bool(DUAL4_RE.search(t)), counts)
        rng.shuffle(items)
        index = write_batch(work, name, items, days, "dual-or-number")
        double = pick_double(name, items, rng, n=n_double)  # keeps the doubly annotated share at 10%
        _write_units(work / f"attr-D{name[5:]}.tsv", double, days)
        return index, double
    return run


def _ner_round(first: int, seed: int, org_share: float = 0.0):
    """ner-FIRST..FIRST+3: 1,200 more sentences of the training days only (the held-out part
    stays frozen), 30 of each batch read again blind (ner-D11 for round 2, ner-D15 for round 3,
    ner-D19 for round 4).  ``org_share`` of the draw comes from sentences with an organisation
    head word (``ORG_RE``), where the model's recall is lowest."""
    def run(days, work, seen):
        rng = random.Random(seed)
        n_org = int(1200 * org_share)
        items = draw(candidates(days, "sentence", 10, 60, False, lambda t: bool(ORG_RE.search(t))), n_org, rng, seen, days) if n_org else []
        items += draw(candidates(days, "sentence", 10, 60, False), 1200 - n_org, rng, seen, days)
        rng.shuffle(items)
        batches = {f"ner-{first + b}": items[b * 300:(b + 1) * 300] for b in range(4)}
        return _batches_with_doubles(work, batches, days, rng, f"ner-D{first}", lambda _: None, n_double=30)
    return run


def _events_round2(days, work, seen):
    """ev-09..11: 750 more sentences of the training days only (the held-out days stay frozen):
    375 with a violence word (``ASSAULT_RE``: the news set's attacks are where recall is lowest),
    225 with any event word (``EVENT_RE``), 150 at random; 75 of them (10%) read again blind
    (ev-D09)."""
    rng = random.Random(15)
    pool = candidates(days, "sentence", 6, 60, False, lambda t: bool(ASSAULT_RE.search(t)))
    items = draw(pool, 375, rng, seen, days)
    items += draw(candidates(days, "sentence", 6, 60, False, lambda t: bool(EVENT_RE.search(t))), 225, rng, seen, days)
    items += draw(candidates(days, "sentence", 6, 60, False), 150, rng, seen, days)
    rng.shuffle(items)
    batches = {f"ev-{9 + b:02d}": items[b * 250:(b + 1) * 250] for b in range(3)}
    return _batches_with_doubles(work, batches, days, rng, "ev-D09", lambda _: "round2", n_double=25)


def _batches_with_doubles(work, batches, days, rng, double_name, stratum, n_double=None):
    index, double = [], []
    for name, batch in batches.items():
        index += write_batch(work, name, batch, days, stratum(name))
        double += pick_double(name, batch, rng, n=n_double)
    _write_units(work / f"{double_name}.tsv", double, days)
    return index, double


LATER_ROUNDS = {
    "attributions-duals": _attributions_duals,
    "attributions-round2": _attributions_round2,
    "attributions-round3": _attributions_round3,
    "attributions-round4": _attributions_round45("attr-14", 10, ((False, 49), (True, 21)), 20),
    "attributions-round5": _attributions_round45("attr-15", 11, ((False, 35), (True, 15)), 5),
    "ner-round2": _ner_round(11, 12),
    "ner-round3": _ner_round(15, 13),
    "ner-round4": _ner_round(19, 14, org_share=0.5),
    "events-round2": _events_round2,
}
STORED = {"ner": "news_ner.jsonl", "attributions": "news_attributions.jsonl", "events": "news_events.jsonl"}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--work", required=True)
    ap.add_argument("--task", choices=("ner", "attributions", "events", *LATER_ROUNDS), required=True)
    a = ap.parse_args(argv)
    days = load_days(Path(a.data))
    rng = random.Random(SEED)
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    if a.task in LATER_ROUNDS:
        task = a.task.split("-")[0]
        index_file = work / f"{task}-index.jsonl"
        if index_file.exists():
            seen |= seen_in(index_file)
        # the units already stored are never drawn again, whether or not this work folder
        # still holds the earlier rounds' index
        stored = Path(__file__).resolve().parents[2] / "tests" / "data" / STORED[task]
        if stored.exists():
            seen |= seen_in(stored)
        index, double = LATER_ROUNDS[a.task](days, work, seen)
        append_index(index_file, index)
        print(f"{a.task}: {len(index)} units, {len(double)} double in {work}")
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
