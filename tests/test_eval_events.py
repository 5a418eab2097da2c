"""The events scorer (pipeline.eval.events) on a tiny gold written for this
test, in the PLOVER gold's file format, run through the real stages."""
from __future__ import annotations

import csv
import json

import pytest

from tests.conftest import need_shared
from pipeline.eval import events as E
from pipeline.registry import build

ATTACK = "اغتال مسلحون مجهولون ضابطاً في الشرطة أمس في وسط المدينة."
ATTACK2 = "خطف مسلحون ثلاثة صحافيين أجانب أمس قرب الحدود."
PLAIN = "افتتح الوزير أمس معرضاً للكتاب في العاصمة."
DEMO = "تظاهر مئات الطلاب أمس أمام وزارة التعليم."
BANNERS = "ورفع المتظاهرون لافتات كتبوا عليها شعارات."


def _write(gold, typ, rows, spans):
    with (gold / f"{typ.lower()}_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["", "accept", "event_type", "id", "label", "reject", "text", "total"])
        for i, (sid, label, text) in enumerate(rows):
            w.writerow([i, 0, typ, sid, label, 0, text, 3])
    (gold / f"{typ.lower()}_spans.json").write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    gold = tmp_path_factory.mktemp("gold")
    _write(gold, "ASSAULT",
           [("a1", "yes", ATTACK), ("a2", "difficult no", ATTACK2), ("a3", "easy no", PLAIN), ("a4", "ambiguous", ATTACK2)],
           [{"source": "a1", "text": ATTACK, "source_gold": "مسلحون", "target_gold": "ضابطاً", "verb_gold": "اغتال"},
            {"source": "a3", "text": PLAIN, "source_gold": "الوزير", "target_gold": "", "verb_gold": "افتتح"}])
    _write(gold, "PROTEST", [("p1", "yes", DEMO), ("p2", "easy no", BANNERS)],
           [{"source": "p1", "text": DEMO, "source_gold": "الطلاب", "target_gold": "", "verb_gold": "تظاهر"},
            {"source": "p2", "text": BANNERS, "source_gold": "المتظاهرون", "target_gold": "", "verb_gold": "رفع"}])
    # the rules alone (no learned gate): this tests the scorer, not the gate's current weights
    stages = build(["normalise", "tokenise", "entities", "events"], config={"events": {"use_gate": False}})
    up, ev = stages[:3], stages[3]
    det, _, _, _ = E.detection(gold, up, ev)
    act = E.actor_overlap(gold, up, ev)
    return det, act


def test_detection_counts_yes_and_both_kinds_of_no_and_ignores_ambiguous(scored):
    det, _ = scored
    a = det["ASSAULT"]["all"]
    # a1 found (tp); a2 is a reported abduction the gold calls "difficult no" (fp); a3 nothing; a4 ignored
    assert (a["tp"], a["fp"], a["fn"]) == (1, 1, 0)
    u = det["ASSAULT"]["all unanimous"]
    assert (u["tp"], u["fp"], u["fn"]) == (1, 0, 0) and u["p"] == 1.0  # the dissented "no" left out
    p = det["PROTEST"]["all"]
    assert (p["tp"], p["fp"], p["fn"]) == (1, 0, 0)


def test_actor_overlap_separates_actors_without_an_event(scored):
    _, act = scored
    both = act["all"]["both"]
    # gold actors: مسلحون, ضابطاً (a1), الوزير (a3: no ASSAULT), الطلاب (p1), المتظاهرون (p2: no PROTEST)
    assert both["tp"] + both["fn"] == 5
    assert act["all"]["no event"] == 2
    given = act["all"]["given event"]
    assert given["tp"] + given["fn"] == 3 and given["tp"] == 3
    assert both["tp"] == 3 and both["r"] == 0.6


ARTICLE = ("اغتال مسلحون مجهولون ضابطاً في الشرطة أمس في وسط المدينة. "
           "ووافق الوزير على خطة السلام. وقالت طالبة في الكلية إنها سعيدة.")


def _audit_line(text, word, typ, ok, split="held-out", sha=None):
    import hashlib

    start = text.index(word)
    end = start + len(word)
    return {"zip": "2099-01-01.zip", "index": 0, "url": "u", "date": "2099-01-01", "start": start, "end": end,
            "sha1": sha or hashlib.sha1(text[start:end].encode("utf-8")).hexdigest(), "type": typ, "ok": ok, "split": split}


def test_audit_scores_judged_events_that_are_still_produced(tmp_path):
    import zipfile

    data = tmp_path / "data"
    (data / "saudinewsnet").mkdir(parents=True)
    with zipfile.ZipFile(data / "saudinewsnet" / "2099-01-01.zip", "w") as z:
        z.writestr("2099-01-01.json", json.dumps([{"url": "u", "content": ARTICLE}], ensure_ascii=False))
    lines = [_audit_line(ARTICLE, "اغتال", "ASSAULT", True),
             _audit_line(ARTICLE, "ووافق", "AGREE", False),        # produced, judged wrong
             _audit_line(ARTICLE, "طالبة", "REQUEST", False),       # judged wrong and no longer produced
             _audit_line(ARTICLE, "الوزير", "AGREE", True, split="tune", sha="0" * 40)]  # text moved: misaligned
    path = tmp_path / "audit.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    stages = build(["normalise", "tokenise", "entities", "events"], config={"events": {"use_gate": False}})
    res = E.audit(data, stages=stages, path=path)
    assert res["held-out"] == {"judged": 3, "present": 2, "right": 1, "misaligned": 0, "precision": 0.5}
    assert res["tune"]["misaligned"] == 1 and res["tune"]["present"] == 0


def test_committed_audit_is_standoff_and_well_formed():
    from pathlib import Path

    from pipeline.events.plover import PLOVER_TYPES as CATEGORIES

    lines = [json.loads(x) for x in (Path(E.__file__).resolve().parents[2] / "tests" / "data" / "events_audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 300
    for x in lines:
        assert set(x) == {"zip", "index", "url", "date", "start", "end", "sha1", "type", "ok", "split"}  # no text
        assert x["type"] in CATEGORIES or x["type"] == "OTHER"
        assert isinstance(x["ok"], bool) and x["split"] in ("tune", "held-out") and 0 <= x["start"] < x["end"]
    assert len({(x["zip"], x["index"], x["start"], x["type"]) for x in lines}) == len(lines)


def test_committed_audit_matches_the_shared_articles():
    import hashlib

    from pipeline.eval.attributions import Articles

    data = need_shared("saudinewsnet")
    arts = Articles(data.parent)
    for line in (E.AUDIT_FILE).read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        art = arts.day(x["zip"])[x["index"]]
        assert art["url"] == x["url"]
        assert hashlib.sha1(art["content"][x["start"]:x["end"]].encode("utf-8")).hexdigest() == x["sha1"]
