"""Small synthetic Arabic news archives for batch, Dask and report tests.

Every sentence here was written for these tests (none comes from ../shared).
Articles are varied deterministically (numbers, outlets, days) so that each
has its own text and its own cache key.
"""
from __future__ import annotations

from pathlib import Path

import orjson

SENTENCES = [
    "قال وزير الخارجية أحمد سالم إن المحادثات مع الوفد الأردني كانت مثمرة.",
    "وأكد مصدر مسؤول طلب عدم الكشف عن اسمه أن الاجتماع سيعقد في الرياض الأسبوع المقبل.",
    "وتظاهر مئات الطلاب أمام مبنى الجامعة في القاهرة احتجاجا على رفع الرسوم.",
    "وأفادت وكالة الأنباء الرسمية بأن الشرطة اعتقلت ثلاثة أشخاص بعد الهجوم على مركز تجاري.",
    "ونقلت صحيفة محلية عن شهود عيان قولهم إن الانفجار وقع قرب السوق القديم.",
    "وأعلنت شركة أرامكو عن خطة لزيادة الإنتاج خلال العام المقبل.",
    "وقالت مصادر دبلوماسية إن الطرفين اتفقا على وقف إطلاق النار.",
    "ورفض المتحدث باسم الحكومة التعليق على التقارير التي تحدثت عن خلافات داخلية.",
    "وذكر بيان صادر عن وزارة الصحة أن عدد المصابين ارتفع إلى عشرين شخصا.",
    "وأشار مسؤولون في الأمم المتحدة إلى أن المساعدات وصلت إلى مدينة حلب.",
    "ودعا رئيس البرلمان الأحزاب إلى الحوار من أجل تجاوز الأزمة السياسية.",
    "وهدد زعيم المعارضة بتنظيم احتجاجات واسعة إذا لم تستجب الحكومة لمطالبهم.",
]
OUTLETS = ["okaz", "alriyadh", "aawsat", "alwatan"]
DAYS = ["2015-07-21", "2015-07-22", "2015-07-23"]


def article(i: int, n_sent: int = 3) -> dict:
    sents = [SENTENCES[(i * 5 + k * 7) % len(SENTENCES)] for k in range(n_sent)]
    body = " ".join(sents) + f"\nوبلغ عدد المشاركين {i + 3} شخصا في اليوم رقم {i % 29 + 1}."
    return {
        "source": OUTLETS[i % len(OUTLETS)],
        "url": f"http://news.example/{i}",
        "date_extracted": f"{DAYS[i % len(DAYS)]} 10:{i % 60:02d}:00",
        "title": f"خبر رقم {i}",
        "author": "مراسل",
        "content": body,
    }


def write_archive(folder: Path, n: int, files: int = 1, start: int = 0, n_sent: int = 3) -> list[Path]:
    """Write ``n`` articles as ``files`` JSONL files under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    per = -(-n // files)
    paths = []
    for f in range(files):
        p = folder / f"part-{start + f:03d}.jsonl"
        with open(p, "wb") as fh:
            for i in range(start + f * per, start + min(n, (f + 1) * per)):
                fh.write(orjson.dumps(article(i, n_sent)) + b"\n")
        paths.append(p)
    return paths


OUTPUT_FILES = ("00-input.jsonl", "01-normalise.jsonl", "02-tokenise.jsonl", "03-entities.jsonl",
                "04-events.jsonl", "05-attributions.jsonl", "feed.jsonl", "errors.jsonl")


def same_outputs(a: Path, b: Path) -> list[str]:
    """Names of output files that differ between two run directories."""
    return [f for f in OUTPUT_FILES if (a / f).read_bytes() != (b / f).read_bytes()]
