"""Every input format and every kind of dirty input: a record or an error entry."""
from __future__ import annotations

import json
import os
import zipfile

import pytest

from pipeline.readers import decode, read_inputs
from pipeline.errors import RecordError

from helpers import cli, read_jsonl

AR = "أعلنت وزارة الصحة في الرياض اليوم عن افتتاح مستشفى جديد في جدة."
AR2 = "وقال المتحدث باسم الوزارة إن المستشفى سيخدم نصف مليون نسمة."


def items(*paths):
    out = list(read_inputs(list(paths)))
    return [i.record for i in out if i.record], [i.error for i in out if i.error]


# ------------------------------------------------------------ formats
def test_txt_one_article_id_from_relative_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(AR, encoding="utf-8")
    recs, errs = items(tmp_path)
    assert errs == []
    assert recs[0]["id"] == "sub/a" and recs[0]["text"] == AR
    assert recs[0]["meta"] == {"path": "sub/a.txt", "encoding": "utf-8"}


def test_json_object_and_array_with_ids_and_meta(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": 42, "content": AR, "title": "عنوان", "source": "was", "url": "http://x", "author": "م", "date": "2015-07-21", "junk": 1}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": AR}, {"text": AR2, "date_extracted": "2015-07-22 10:00:00"}], ensure_ascii=False), encoding="utf-8")
    recs, errs = items(tmp_path)
    assert errs == []
    by_id = {r["id"]: r for r in recs}
    assert set(by_id) == {"42", "many#0", "many#1"}
    assert by_id["42"]["meta"] == {"path": "one.json", "title": "عنوان", "date": "2015-07-21", "source": "was", "url": "http://x", "author": "م"}
    assert by_id["many#1"]["meta"]["date"] == "2015-07-22 10:00:00"
    # input order is file order then position
    assert [r["id"] for r in recs] == ["many#0", "many#1", "42"]


def test_jsonl_one_object_a_line_with_bad_lines_reported(tmp_path):
    lines = [json.dumps({"text": AR}, ensure_ascii=False), "", "{not json", json.dumps([1, 2]), json.dumps({"title": "بلا نص"}, ensure_ascii=False), json.dumps({"id": "x", "content": AR2}, ensure_ascii=False)]
    (tmp_path / "f.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    recs, errs = items(tmp_path)
    assert [r["id"] for r in recs] == ["f#1", "x"]
    assert [e["code"] for e in errs] == ["E004", "E010", "E005"]
    assert all(e["path"] == "f.jsonl" for e in errs)


def test_zip_of_json_day_files_like_saudinewsnet(tmp_path):
    day = [{"source": "alriyadh", "url": "http://a", "date_extracted": "2015-07-21 02:51:32", "title": "ت", "author": "", "content": AR}, {"source": "okaz", "url": "http://b", "date_extracted": "2015-07-21 03:00:00", "title": "ت2", "author": "ك", "content": AR2}]
    with zipfile.ZipFile(tmp_path / "2015-07-21.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps(day, ensure_ascii=False))
        z.writestr("notes.md", "x")
    recs, errs = items(tmp_path)
    assert [r["id"] for r in recs] == ["2015-07-21.zip!2015-07-21#0", "2015-07-21.zip!2015-07-21#1"]
    assert recs[0]["meta"]["source"] == "alriyadh" and recs[0]["meta"]["date"] == "2015-07-21 02:51:32"
    assert "author" not in recs[0]["meta"]  # empty values are dropped
    assert [e["code"] for e in errs] == ["E006"]


def test_corrupt_zip_is_an_error_entry(tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    recs, errs = items(tmp_path)
    assert recs == [] and errs[0]["code"] == "E008" and errs[0]["path"] == "bad.zip"


def test_real_saudinewsnet_day_reads_every_article():
    from conftest import need_shared

    z = need_shared("saudinewsnet", "2015-07-21.zip")
    n = len(json.loads(zipfile.ZipFile(z).read("2015-07-21.json")))
    recs, errs = items(z)
    assert len(recs) + len(errs) == n and len(recs) > 0.95 * n


# ------------------------------------------------------------ encodings
@pytest.mark.parametrize("enc,expect", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"), ("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6")])
def test_encodings_are_detected_and_recorded(tmp_path, enc, expect):
    text = AR + "\n" + AR2
    (tmp_path / "a.txt").write_bytes(text.encode(enc))
    recs, errs = items(tmp_path)
    assert errs == []
    assert recs[0]["text"] == text
    assert recs[0]["meta"]["encoding"] == expect


def test_undecodable_bytes_give_an_error_naming_the_file(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    recs, errs = items(tmp_path)
    assert recs == []
    assert errs[0]["code"] == "E002" and "bin.txt" in errs[0]["reason"]


def test_decode_rejects_binary_even_if_valid_utf8():
    with pytest.raises(RecordError) as ei:
        decode(b"\x00\x01\x02\x03" * 50, "x.txt")
    assert ei.value.code == "E002"


# ------------------------------------------------------------ content
def test_html_is_stripped_and_flagged(tmp_path):
    html = "<html><head><style>p{}</style></head><body><p>" + AR + "</p><script>var x='لا';</script><p>" + AR2 + " &amp; المزيد</p></body></html>"
    (tmp_path / "a.txt").write_text(html, encoding="utf-8")
    recs, _ = items(tmp_path)
    assert recs[0]["text"] == AR + "\n" + AR2 + " & المزيد"
    assert recs[0]["meta"]["markup_stripped"] is True


def test_plain_text_with_a_less_than_sign_is_not_treated_as_markup(tmp_path):
    t = "ارتفع المؤشر بنسبة < 5 في المئة و> 3 في الأسبوع"
    (tmp_path / "a.txt").write_text(t, encoding="utf-8")
    recs, _ = items(tmp_path)
    assert recs[0]["text"] == t and "markup_stripped" not in recs[0]["meta"]


@pytest.mark.parametrize("content", ["", "   \n\t  ", "\ufeff"])
def test_empty_and_whitespace_only_files_are_errors(tmp_path, content):
    (tmp_path / "e.txt").write_text(content, encoding="utf-8")
    recs, errs = items(tmp_path)
    assert recs == [] and errs[0]["code"] == "E003" and errs[0]["path"] == "e.txt"


def test_symlink_out_of_the_tree_is_skipped_and_reported(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(AR, encoding="utf-8")
    root = tmp_path / "in"
    root.mkdir()
    (root / "ok.txt").write_text(AR2, encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "link.txt")
    os.symlink(outside, root / "linkdir")
    os.symlink(root / "ok.txt", root / "inside.txt")  # stays in the tree: followed
    recs, errs = items(root)
    assert sorted(r["id"] for r in recs) == ["inside", "ok"]
    assert sorted(e["path"] for e in errs) == ["link.txt", "linkdir"]
    assert all(e["code"] == "E007" for e in errs)


def test_unsupported_suffixes_in_folders_are_ignored_but_named_files_are_errors(tmp_path):
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    recs, errs = items(tmp_path)
    assert len(recs) == 1 and errs == []


# ------------------------------------------------------------ through the whole pipeline
def test_dirty_articles_flow_through_every_stage(tmp_path):
    cases = {
        "latin.txt": "The ministry announced a new hospital in Jeddah today.",
        "mixed.txt": "أعلنت شركة Apple عن هاتف iPhone جديد في دبي.",
        "diacritics.txt": "\u064e\u064f\u0650 \u0651\u0652 ــــ " + AR,
        "tatweel.txt": "الـــــرياض تـــستضيف المـــؤتمر",
        "marks.txt": "\u200fقال\u200e الوزير\u200c إن\u200d الاجتماع\u2067 انتهى\u2069",
        "forms.txt": "ﻻ إله إلا ﷲ ﺍﻟﺮﻳﺎﺽ",
        "digits.txt": "قتل ٣ أشخاص وأصيب ۴ آخرون في 12 حادثا",
        "quotes.txt": "قال الوزير: «لن نتراجع. وقال آخر \"نعم",
    }
    for name, t in cases.items():
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(t, encoding="utf-8")
    cli("run", tmp_path / "in", "--out", tmp_path / "out", check=True)
    recs = {r["id"]: r for r in read_jsonl(tmp_path / "out" / "feed.jsonl")}
    assert set(recs) == {n[:-4] for n in cases}
    assert recs["latin"]["lang"] == "latin" and recs["forms"]["lang"] == "ar"
    assert recs["mixed"]["lang"] == "ar"
    assert recs["tatweel"]["tokens"][0]["norm"] == "الرياض"
    assert [t["norm"] for t in recs["digits"]["tokens"][1:2]] == ["3"]
    for r in recs.values():
        assert r["text"] == cases[r["id"] + ".txt"]
    assert read_jsonl(tmp_path / "out" / "errors.jsonl") == []
