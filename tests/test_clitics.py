"""The clitic analyser (pipeline/clitics.py) on the committed word counts and name list."""
from __future__ import annotations

import pytest

from conftest import need_shared
from pipeline import clitics
from pipeline.errors import PipelineError, RecordError


def parts(tok: str) -> str:
    s = clitics.analyse(tok)
    return "|".join((tok[:s.pro], tok[s.pro:s.art], tok[s.art:s.enc], tok[s.enc:]))


@pytest.mark.parametrize("tok, want", [
    ("والحكومة", "و|ال|حكومة|"),
    ("للحكومة", "ل|ل|حكومة|"),       # ل + the article written ل
    ("وبالتالي", "وب|ال|تالي|"),
    ("بالرياض", "ب|ال|رياض|"),
    ("قواتها", "||قوات|ها"),
    ("وزيارته", "و||زيارت|ه"),      # ة written ت before the pronoun
    ("وقواتها", "و||قوات|ها"),
    ("فقال", "ف||قال|"),
    ("وأضاف", "و||أضاف|"),
    ("سيزور", "س||يزور|"),
    ("لهم", "ل|||هم"),             # a preposition and its pronoun
    ("كلها", "||كل|ها"),             # كل + ها, not ك + لها
    ("وبدأ", "و||بدأ|"),             # و + بدأ, not و + ب + دأ
    ("وكان", "و||كان|"),             # و + a listed word
])
def test_segmentations(tok, want):
    assert parts(tok) == want


@pytest.mark.parametrize("tok", ["وزير", "لكن", "كان", "هناك", "الذي", "الله", "عربي", "كبير", "بيان", "وجود",
                                 "سهم", "سفر", "إلغاء", "أمس", "فالح", "بنغازي", "كاليفورنيا"])
def test_words_that_only_look_clitic_stay_whole(tok):
    """Letters that belong to the word: a listed word, a name, a nisba adjective (عربي / عربية),
    a word much more frequent than its rest (وزير / زير), no future on a non-verb (سفر), no
    article where the alif carries a hamza (إلغاء)."""
    s = clitics.analyse(tok)
    assert (s.pro, s.art, s.enc) == (0, 0, len(tok)), (tok, s)


def test_diacritics_and_tatweel_stay_inside_their_part():
    tok = "وَالحُكُومَة"
    s = clitics.analyse(tok)
    assert tok[:s.pro] == "وَ" and tok[s.pro:s.art] == "ال" and tok[s.art:] == "حُكُومَة"


def test_readings_cover_every_chain():
    stems = {(st, ch.text if ch else "") for st, ch in clitics.readings("وبالحكومه")}
    assert ("حكومه", "وبال") in stems and ("بالحكومه", "و") in stems and ("وبالحكومه", "") in stems
    assert {ch.text for ch in clitics.CHAINS} >= {"و", "ف", "ب", "ل", "ك", "س", "ال", "وال", "بال", "لل", "ولل", "وس", "فكال"}
    assert all(len(a.text) >= len(b.text) for a, b in zip(clitics.CHAINS, clitics.CHAINS[1:]))  # longest first
    assert not any(ch.text.endswith("سال") for ch in clitics.CHAINS)  # no future before the article


@pytest.mark.parametrize("tok, n", [
    ("والأسد", 1), ("بالكرملين", 1), ("وبالقاهرة", 2), ("لموسكو", 1), ("بدمشق", 1), ("وبدمشق", 2), ("وبغداد", 1),
    ("فموسكو", 1), ("وفالنسيا", 1), ("بشار", 0), ("لندن", 0), ("كاميرون", 0), ("فلاديمير", 0), ("بيروت", 0),
    ("فالنسيا", 0), ("كاليفورنيا", 0), ("بنغازي", 0), ("لوس", 0), ("فيينا", 0), ("وارسو", 0), ("للأمم", 0),
    ("وكالة", 0), ("ولاية", 0), ("كريم", 0), ("بمنتزه", 1), ("لليبيا", 1), ("وللبنان", 2),
])
def test_name_start(tok, n):
    """How much of a name's first token is proclitics: cut before an article written ال or a
    known name or a common head noun; never inside a name; never the ل of لل."""
    assert clitics.name_start(tok) == n


def test_name_start_reads_the_recorded_segmentation():
    tok = {"start": 10, "end": 16, "text": "لموسكو", "norm": "لموسكو", "seg": [11, 11, 16]}
    assert clitics.name_start(tok) == 1
    assert clitics.name_start({"start": 10, "end": 16, "text": "لموسكو", "norm": "لموسكو"}) == 0  # no seg: one stem


def test_missing_model_files_are_errors(tmp_path):
    for load in (clitics.word_counts, clitics.known_names):
        with pytest.raises(PipelineError) as exc:
            load(tmp_path / "missing.txt")
        assert exc.value.code == "E205"


def test_tokenise_stage_records_segments():
    from pipeline.record import check_spans, new_record
    from pipeline.stages.normalise import Normalise
    from pipeline.stages.tokenise import Tokenise

    text = "وقال المتحدث إن قواتها وصلت إلى الرياض."
    rec = Tokenise()(Normalise()(new_record("t", text)))
    check_spans(rec)
    by = {t["text"]: t for t in rec["tokens"]}
    assert by["وقال"]["seg"] == [text.index("وقال") + 1] * 2 + [by["وقال"]["end"]]
    q = by["قواتها"]
    assert text[q["seg"][1]:q["seg"][2]] == "قوات" and text[q["seg"][2]:q["end"]] == "ها"
    r = by["الرياض"]
    assert text[r["seg"][0]:r["seg"][1]] == "ال"
    assert "seg" not in by["إلى"] and "seg" not in by["."]
    assert Tokenise().info()["clitics"].keys() == {"words", "names"}


def test_record_check_rejects_a_segment_outside_its_token():
    from pipeline.record import check_spans, new_record

    rec = new_record("t", "وقال")
    rec["tokens"] = [{"start": 0, "end": 4, "text": "وقال", "norm": "وقال", "seg": [1, 1, 5]}]
    with pytest.raises(RecordError):
        check_spans(rec)


def test_committed_word_counts_are_the_build(tmp_path):
    """models/clitics/words.tsv is what `make models` builds from the training days."""
    from models.clitics.build import build

    data = need_shared("saudinewsnet")
    out = tmp_path / "words.tsv"
    build(data.parent, out)
    assert out.read_bytes() == clitics.WORDS_FILE.read_bytes()


def test_stored_gold_is_standoff():
    """tests/data/news_clitics.jsonl keeps keys, offsets, boundaries and a hash, never the text."""
    import json
    from pathlib import Path

    rows = [json.loads(x) for x in (Path(__file__).parent / "data" / "news_clitics.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows
    for r in rows:
        assert set(r) == {"id", "zip", "index", "span", "sha1", "stratum", "source", "seg"}
        p, a, e = r["seg"]
        assert 0 <= p <= a <= e <= r["span"][1] - r["span"][0]


@pytest.mark.parametrize("tok, seg, want", [
    ("والحكومة", "و+ال+حكومة", (1, 3, 8)), ("للحكومة", "ل+ل+حكومة", (1, 2, 7)), ("قواتها", "قوات+ها", (0, 0, 4)),
    ("لهم", "ل+هم", (1, 1, 1)), ("وزير", "وزير", (0, 0, 4)), ("وزير", "و+زيد", None),
])
def test_annotators_segmentation_is_read_as_boundaries(tok, seg, want):
    from pipeline.annotation.clitics import parse_seg

    assert parse_seg(tok, seg) == want


def test_marks_and_invisible_characters_stay_inside_their_part():
    """A leading diacritic or tatweel is no proclitic; a zero-width mark before the article goes
    with it; a ligature (ﻷ = ل + أ) cannot be cut, so it gets no segmentation at all."""
    for tok in ("ـقطعة", "َنفْس"):
        s = clitics.analyse(tok)
        assert s.pro == 0 and s.art == 0, tok
    tok = "\u200fالمدينة"
    s = clitics.analyse(tok)
    assert (s.pro, tok[s.pro:s.art], tok[s.art:]) == (0, "\u200fال", "مدينة")
    assert clitics.analyse("اﻷعياد") == clitics.Seg(0, 0, 6, "none")


def test_one_conjunction_and_article_helpers_for_the_rule_lookups():
    from pipeline.clitics import without_article, without_conjunction

    verbs = {"قال", "اكد"}
    assert without_conjunction("وقال", verbs.__contains__) == "قال"
    assert without_conjunction("فاكد", verbs.__contains__) == "اكد"
    assert without_conjunction("وزير", verbs.__contains__) is None  # the rest is not known: و is a letter
    assert without_conjunction("وفي", {"في"}.__contains__) is None  # too short by default
    assert without_conjunction("وفي", {"في"}.__contains__, min_len=3) == "في"
    assert without_article("المسءول") == "مسءول" and without_article("للشرطه") == "شرطه"
    assert without_article("بالوزير") == "وزير" and without_article("الي") == "الي"  # two letters left at least
