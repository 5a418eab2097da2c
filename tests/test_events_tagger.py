"""The learned trigger tagger (pipeline.events.tagger) and the coder's step that adds its
events (coder.add_tagged): features, scores, the events it adds and where it adds none, the
checks on its file, and the committed model being what the build trains.  Own sentences."""
from __future__ import annotations

import json

import pytest

from pipeline.errors import PipelineError
from pipeline.events import tagger as T
from pipeline.events.coder import add_tagged, code_record
from pipeline.record import check_spans, new_record
from pipeline.stages.normalise import Normalise
from pipeline.stages.tokenise import Tokenise

from conftest import need_shared

_NORM, _TOK = Normalise(), Tokenise()


def prepared(text: str) -> dict:
    rec = _TOK(_NORM(new_record("t", text, {"date": "2015-08-02"})))
    rec["entities"] = []
    return rec


def norms_of(rec):
    return [t["norm"] for t in rec["tokens"]]


def test_features_read_the_word_its_readings_and_its_neighbours():
    rec = prepared("واستعادت القوات المدينة أمس.")
    norms = norms_of(rec)
    f = T.features(norms, 0, {0: {"ASSAULT/v"}}, {1: "ORG"})
    assert "w=واستعادت" in f and "s=استعادت" in f and "ch=و" in f  # the word and its clitic reading
    assert "w-1=#" in f and "w1=القوات" in f and "w2=المدينه" in f
    assert "b+1=واستعادت|القوات" in f and "lex=ASSAULT/v" in f
    assert "ent=ORG" in T.features(norms, 1, {}, {1: "ORG"})


def test_only_arabic_words_of_three_letters_are_candidates():
    assert T.is_candidate("هجوم") and not T.is_candidate("في") and not T.is_candidate("2015") and not T.is_candidate("،")


#: a tagger written for the tests: استعادت is an ASSAULT trigger, نسقت a weaker AID one
TOY = {"classes": ["ASSAULT", "AID", "O"], "bias": [-4.0, -4.0, 0.0], "threshold": 0.6,
       "weights": {"s=استعادت": [8.0, 0.0, 0.0], "s=نسقت": [0.0, 4.2, 0.0]}}


def test_probabilities_and_the_threshold():
    p = T.probabilities(TOY, ["s=استعادت"])
    assert abs(sum(p) - 1) < 1e-9 and p[0] > 0.9
    q = T.probabilities(TOY, ["s=نسقت"])
    assert 0.4 < q[1] < 0.6  # best class, but under the threshold
    rec = prepared("استعادت القوات المدينة ونسقت الجهود.")
    norms = norms_of(rec)
    assert [(i, c) for i, c, _ in T.tag(TOY, norms, 0, len(norms), {}, {})] == [(0, "ASSAULT")]


def test_only_the_categories_it_adds():
    rec = prepared("استعادت القوات المدينة.")
    norms = norms_of(rec)
    assert T.tag({**TOY, "adds": ["AID"]}, norms, 0, len(norms), {}, {}) == []  # ASSAULT is a class, not added
    strict = {**TOY, "thresholds": {"ASSAULT": 0.9999}}
    assert T.tag(strict, norms, 0, len(norms), {}, {}) == []


def test_an_added_event_is_built_by_the_rules_steps():
    rec = prepared("استعادت القوات الحكومية المدينة أمس.")
    events = add_tagged(rec, code_record(rec, use_tagger=False), TOY)
    (ev,) = [e for e in events if e.get("lexicon") == "tagger"]
    assert ev["type"] == "ASSAULT" and ev["trigger"]["text"] == "استعادت"
    assert ev["source_actor"]["text"] == "القوات الحكومية"  # the rules' actor steps
    assert ev["target_actor"]["text"] == "المدينة"
    assert ev["date"] is not None and not ev["negated"] and ev["modality"] is None
    rec["events"] = events
    check_spans(rec)
    assert [e["id"] for e in events] == [f"v{k}" for k in range(1, len(events) + 1)]


def test_an_added_event_takes_the_rules_frame():
    rec = prepared("لم تستعد القوات المدينة.")
    toy = {**TOY, "weights": {"s=تستعد": [8.0, 0.0, 0.0]}}
    (ev,) = add_tagged(rec, [], toy)
    assert ev["negated"]


def test_no_event_where_a_rule_event_covers_the_word():
    rec = prepared("قتل مسلحون ثلاثة جنود في هجوم على حاجز أمس.")
    rules = code_record(rec, use_tagger=False)
    assert rules  # the lexicon's attack
    toy = {**TOY, "weights": {"s=قتل": [8.0, 0.0, 0.0], "s=هجوم": [8.0, 0.0, 0.0]}}
    covered = {(e["trigger"]["start"], e["trigger"]["end"]) for e in rules}
    added = [e for e in add_tagged(rec, [dict(e) for e in rules], toy) if e.get("lexicon") == "tagger"]
    assert all((e["trigger"]["start"], e["trigger"]["end"]) not in covered for e in added)


def test_committed_tagger_loads_and_its_events_validate():
    model = T.check()
    assert model is not None and "O" in model["classes"] and model["threshold"] == 0.6
    assert "ASSAULT" in model["classes"] and "ASSAULT" not in model["adds"]
    rec = prepared("وجهت النيابة العامة اتهامات إلى خمسة متهمين، واستعادت القوات السيطرة على البلدة.")
    rec["events"] = code_record(rec)
    rec["attributions"] = []
    check_spans(rec)
    for e in rec["events"]:
        assert e.get("lexicon") in (None, "petrarch", "tagger")


def test_tagger_file_checks(tmp_path):
    bad = tmp_path / "tagger.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        T.check(str(bad))
    assert e.value.code == "E206"
    bad.write_text(json.dumps({"classes": ["O"]}), encoding="utf-8")
    T.load.cache_clear()
    with pytest.raises(PipelineError):
        T.check(str(bad))
    assert T.check(str(tmp_path / "absent.json")) is None  # no file: no tagger


def test_committed_tagger_is_what_build_trains():
    data = need_shared("saudinewsnet")
    from models.events.tagger_build import OUT, train_tagger

    committed = json.loads(OUT.read_text(encoding="utf-8"))
    fresh = train_tagger(data.parent)
    assert fresh["classes"] == committed["classes"] and fresh["threshold"] == committed["threshold"]
    assert max(abs(a - b) for a, b in zip(fresh["bias"], committed["bias"])) < 2e-3
    zero = [0.0] * len(fresh["classes"])
    diff = max(abs(a - b) for f in set(fresh["weights"]) | set(committed["weights"])
               for a, b in zip(fresh["weights"].get(f, zero), committed["weights"].get(f, zero)))
    assert diff < 2e-2  # the same model (a borderline weight may fall either side of the pruning)
