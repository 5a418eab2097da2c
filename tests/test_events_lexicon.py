"""The derived lexicon: CAMEO → PLOVER mapping and the build from petrarch_ar."""
from __future__ import annotations

import json
from pathlib import Path

from models.events.build import OUT, derive
from pipeline.events.lexicon import curated_forms, verb_forms
from pipeline.events.plover import cameo_to_plover
from tests.conftest import need_shared

# a dictionary in the CAMEO.ar format, written for this test
TOY = """####### VERB PATTERNS #######
--- هاجم [190] ---
هاجم                            # attack
- * موقع [190] # هاجم
- * مقر [190] # هاجم
- * قاعدة [193] # هاجم
 
--- وضع [---] ---
وضع                             # put
- * احتجاج [140] # وضع
- * بيان [010] # وضع
- * علم [141] # وضع
 
--- قال [010] ---
صرح                             # say
- * بيان [010] # صرح
"""


def test_cameo_to_plover():
    assert cameo_to_plover("190") == "FIGHT"
    assert cameo_to_plover("1823") == "ASSAULT"
    assert cameo_to_plover("141") == "PROTEST"
    assert cameo_to_plover("0874") == "RETREAT"
    assert cameo_to_plover("081") == "CONCEDE"
    assert cameo_to_plover("057") == "AGREE"
    assert cameo_to_plover("010") is None and cameo_to_plover("023") is None


def test_derive_keeps_only_consistent_lemmas():
    lex = derive(TOY)
    assert lex["هاجم"]["type"] == "FIGHT"
    assert "وضع" not in lex  # its category depends on the object: dropped
    assert "صرح" not in lex  # statements are not events


def test_verb_forms():
    forms = verb_forms("هاجم", "هاجم")
    assert {"هاجم", "هاجمت", "هاجموا", "يهاجم", "تهاجمون"} <= forms
    single, _ = curated_forms()
    assert any(e.type == "PROTEST" for e in single["تظاهر"])


def test_committed_lexicon_is_what_build_derives():
    src = need_shared("petrarch_ar", "CAMEO.ar.0.5.txt")
    committed = json.loads(Path(OUT).read_text(encoding="utf-8"))["lemmas"]
    assert derive(src.read_text(encoding="utf-8")) == committed


def test_gate_scores_and_thresholds():
    from pipeline.events.gate import features, passes, score

    model = {"ASSAULT": {"bias": -1.0, "threshold": 0.5, "weights": {"w:انتحاري": 2.5, "w:مباراه": -3.0}}}
    ev = [{"type": "ASSAULT", "mode": "bombing", "trigger": {"text": "انفجار"}, "dead": 3, "date": None}]
    f = features(["وقتل", "ثلاثه", "في", "انفجار", "انتحاري"], ev, "ASSAULT")
    assert f["w:قتل"] == 1 and f["w:انتحاري"] == 1 and f["m:bombing"] == 1 and f["dead"] == 1 and "date" not in f
    assert score(model, "ASSAULT", f) > 0.5
    assert passes(model, "ASSAULT", ["وقتل", "ثلاثه", "في", "انفجار", "انتحاري"], ev)
    assert not passes(model, "ASSAULT", ["وقتل", "ثلاثه", "في", "المباراه"], ev)
    assert passes(None, "ASSAULT", [], ev)  # no gate file: the rules decide
    assert passes(model, "PROTEST", [], ev)  # type not gated


def test_committed_gate_is_what_build_trains():
    need_shared("plover_gsr", "assault_gsr.csv")
    from models.events.build import GATE_OUT, train_gate

    committed = json.loads(Path(GATE_OUT).read_text(encoding="utf-8"))
    fresh = json.loads(json.dumps(train_gate(need_shared()), sort_keys=True))
    assert fresh == committed


def test_protesters_riot_and_blockade_verbs_are_protests():
    from pipeline.events.lexicon import curated_forms

    def protest(sentence):
        from pipeline.events.coder import code_record
        from pipeline.record import new_record
        from pipeline.stages.normalise import Normalise
        from pipeline.stages.tokenise import Tokenise

        rec = Tokenise()(Normalise()(new_record("t", sentence, {})))
        rec["entities"] = []
        return [(e["type"], e["mode"]) for e in code_record(rec) if e["type"] == "PROTEST"]

    assert protest("وأحرق المتظاهرون إطارات السيارات وسط المدينة.") == [("PROTEST", "riot")]
    assert protest("وقطع المحتجون الطريق السريع بالحجارة.") == [("PROTEST", "demo")]
    # the verb alone, or with another subject, is no protest; chanting is not coded on its own
    assert protest("وأحرق الجنود مخازن الأسلحة.") == []
    assert protest("وهتف المتظاهرون بشعارات ضد الفساد.") == []
    assert "احرق" in curated_forms()[0]
