"""Annotators' inline markup read back into spans (pipeline.annotation.markup)."""
import pytest

from pipeline.annotation.markup import MarkupError, parse_entities, parse_fields, parse_tags

SENT = "وقال وزير الخارجية عادل الجبير في الرياض إن المملكة ترحب."


def test_entities_spans_line_up():
    marked = "وقال وزير الخارجية [[PER|عادل الجبير]] في [[LOC|الرياض]] إن [[LOC|المملكة]] ترحب."
    spans = parse_entities(marked, SENT)
    assert [(SENT[s:e], t) for s, e, t in spans] == [("عادل الجبير", "PER"), ("الرياض", "LOC"), ("المملكة", "LOC")]


def test_proclitic_outside_the_brackets():
    text = "وصل الوفد إلى القاهرة وبغداد"
    spans = parse_entities("وصل الوفد إلى [[LOC|القاهرة]] و[[LOC|بغداد]]", text)
    assert [text[s:e] for s, e, _ in spans] == ["القاهرة", "بغداد"]


@pytest.mark.parametrize("marked", [
    "وقال وزير الخارجية [[PER|عادل الجبير]] في [[LOC|الرياض]] ان المملكة ترحب.",  # a changed letter
    "وقال وزير الخارجية [[PER|عادل الجبير]] في [[XYZ|الرياض]] إن المملكة ترحب.",  # unknown type
    "وقال وزير الخارجية [[PER|عادل الجبير في الرياض إن المملكة ترحب.",  # unbalanced
])
def test_bad_entity_markup_is_refused(marked):
    with pytest.raises(MarkupError):
        parse_entities(marked, SENT)


def test_numbered_tags_may_nest_and_overlap():
    text = "ذكرت الصحيفة نقلاً عن مسؤولين أن الاتفاق قريب."
    marked = "<c1>ذكرت</c1> <s1>الصحيفة</s1> <c2>نقلاً عن</c2> <s2>مسؤولين</s2> أن <q1><q2>الاتفاق قريب</q2></q1>."
    spans = parse_tags(marked, text, "csq")
    assert text[spans[("s", 1)][0]:spans[("s", 1)][1]] == "الصحيفة"
    assert text[spans[("s", 2)][0]:spans[("s", 2)][1]] == "مسؤولين"
    assert spans[("q", 1)] == spans[("q", 2)]
    assert text[spans[("c", 2)][0]:spans[("c", 2)][1]] == "نقلاً عن"


def test_tag_errors():
    text = "قال مصدر إن الوضع هادئ."
    with pytest.raises(MarkupError):
        parse_tags("<c1>قال</c1> <s1>مصدر إن الوضع هادئ.", text, "csq")  # unclosed
    with pytest.raises(MarkupError):
        parse_tags("<c1>قال</c1> مصدر إن الوضع هادىء.", text, "csq")  # text changed


def test_fields():
    assert parse_fields("none") == {}
    f = parse_fields("1:named=0,count=2,kind=anonymous;2:ASSAULT,mode=kill,status=asserted")
    assert f[1] == {"named": "0", "count": "2", "kind": "anonymous"}
    assert f[2] == {"category": "ASSAULT", "mode": "kill", "status": "asserted"}
    with pytest.raises(MarkupError):
        parse_fields("x:named=1")


def test_a_later_round_merges_with_the_stored_rows(tmp_path):
    """store --merge: rows rebuilt now replace their stored versions, others stay, ordered by id."""
    import json

    from pipeline.annotation.store import merge_stored, write_jsonl

    stored = tmp_path / "set.jsonl"
    write_jsonl([{"id": "ner-01-0001", "entities": []}, {"id": "ner-02-0001", "entities": [[0, 3, "LOC"]]}], stored)
    rows = [{"id": "ner-02-0001", "entities": [[0, 4, "ORG"]]}, {"id": "ner-15-0001", "entities": []}]
    merged = merge_stored(rows, stored)
    assert [r["id"] for r in merged] == ["ner-01-0001", "ner-02-0001", "ner-15-0001"]
    assert merged[1]["entities"] == [[0, 4, "ORG"]]  # the rebuilt row wins
    assert merge_stored(rows, tmp_path / "none.jsonl") == sorted(rows, key=lambda r: r["id"])
    write_jsonl(merged, stored)
    assert [json.loads(x)["id"] for x in stored.read_text(encoding="utf-8").splitlines()] == [r["id"] for r in merged]
