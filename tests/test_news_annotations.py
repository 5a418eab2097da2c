"""The team's standoff annotations (tests/data/news_*.jsonl): well-formed
without the shared data, and still lined up with the shared articles."""
import hashlib
import json
from pathlib import Path

import pytest

from conftest import need_shared

DATA = Path(__file__).parent / "data"
FILES = {"ner": "news_ner.jsonl", "attributions": "news_attributions.jsonl", "events": "news_events.jsonl"}
KEYS = {"id", "zip", "index", "span", "sha1", "split", "source"}


def rows(task):
    p = DATA / FILES[task]
    if not p.exists():
        pytest.skip(f"{p.name} not committed yet")
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]


def spans(task, r):
    if task == "ner":
        return [(s, e) for s, e, _ in r["entities"]]
    items = r[task]
    roles = ("cue", "source", "content") if task == "attributions" else ("trigger", "actor", "recipient")
    return [tuple(i[k]) for i in items for k in roles if i.get(k)]


@pytest.mark.parametrize("task", sorted(FILES))
def test_standoff_holds_no_text_and_spans_sit_inside_their_unit(task):
    rs = rows(task)
    assert len({r["id"] for r in rs}) == len(rs)
    for r in rs:
        assert KEYS <= set(r), r["id"]
        assert "text" not in r and not any(isinstance(v, str) and len(v) > 80 for v in r.values()), r["id"]
        s, e = r["span"]
        for a, b in spans(task, r):
            assert s <= a < b <= e, (r["id"], a, b)
    held_days = {r["zip"] for r in rs if r["split"] == "held"}
    train_days = {r["zip"] for r in rs if r["split"] != "held"}
    assert not held_days & train_days  # held out by whole days


@pytest.mark.shared
@pytest.mark.parametrize("task", sorted(FILES))
def test_annotations_line_up_with_the_shared_articles(task):
    import zipfile

    rs = rows(task)
    folder = need_shared("saudinewsnet")
    days = {}
    for day in sorted({r["zip"] for r in rs}):
        with zipfile.ZipFile(folder / day) as z:
            days[day] = json.loads(z.read(z.namelist()[0]).decode("utf-8"))
    for r in rs:
        content = days[r["zip"]][r["index"]]["content"]
        s, e = r["span"]
        assert hashlib.sha1(content[s:e].encode("utf-8")).hexdigest() == r["sha1"], r["id"]
        for a, b in spans(task, r):
            piece = content[a:b]
            assert piece == piece.strip() and piece, (r["id"], piece)
