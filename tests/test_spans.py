"""The one span index (pipeline/spans.py)."""
from pipeline.spans import SpanIndex


def test_overlapping_and_within():
    ents = [{"id": "e3", "start": 40, "end": 70}, {"id": "e1", "start": 0, "end": 5}, {"id": "e2", "start": 10, "end": 20}]
    ix = SpanIndex(ents)
    assert [e["id"] for e in ix.items] == ["e1", "e2", "e3"]
    assert [e["id"] for e in ix.overlapping(60, 61)] == ["e3"]  # a long item that starts far before
    assert [e["id"] for e in ix.overlapping(4, 11)] == ["e1", "e2"]
    assert ix.overlapping(5, 10) == [] and ix.overlapping(20, 40) == []  # ends are exclusive
    assert [e["id"] for e in ix.within(0, 20)] == ["e1", "e2"]
    assert [e["id"] for e in ix.within(10, 69)] == ["e2"]  # e3 ends past the span
    assert SpanIndex([]).overlapping(0, 100) == [] and SpanIndex([]).within(0, 9) == []


def test_span_reader_for_event_triggers():
    evs = [{"id": "v2", "trigger": {"start": 30, "end": 34}}, {"id": "v1", "trigger": {"start": 3, "end": 8}}]
    ix = SpanIndex(evs, span=lambda ev: (ev["trigger"]["start"], ev["trigger"]["end"]))
    assert [e["id"] for e in ix.within(0, 34)] == ["v1", "v2"]
    assert [e["id"] for e in ix.overlapping(33, 50)] == ["v2"]
