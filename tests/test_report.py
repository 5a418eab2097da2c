"""The HTML report: span rendering (overlaps, escaping) and, in a real headless
Chromium, what a reader sees: highlighted spans with the right text, laid out
right to left, with their hover details."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import orjson
import pytest

from annotated import record_1, record_2, record_3
from conftest import SEED
from pipeline import runner
from pipeline.report import annotations, render_text, write_report
from pipeline.report.browser import dump_dom, find_chromium


class Spans(HTMLParser):
    """Collect the text under every element that has a data-ann attribute,
    checking that elements nest properly."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, str] = defaultdict(str)
        self.attrs: dict[str, dict] = {}
        self.all_text = ""

    VOID = {"meta", "br", "img", "link", "input", "hr", "wbr"}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        self.stack.append((tag, a.get("data-ann")))
        if a.get("data-ann"):
            self.attrs.setdefault(a["data-ann"], a)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"badly nested </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.all_text += data
        for _, ann in self.stack:
            if ann:
                self.text[ann] += data


def parse(html: str) -> Spans:
    p = Spans()
    p.feed(html)
    p.close()
    return p


def test_overlapping_and_nested_spans_render_with_exact_text():
    rec = record_1()
    anns = annotations(rec)
    kinds = {a["kind"] for a in anns}
    assert kinds == {"ent", "trig", "actor", "cue", "src", "claim"}
    html = render_text(rec["text"], anns)
    p = parse(html)
    assert p.all_text == rec["text"]  # every character once, in order
    for a in anns:
        assert p.text[a["ann"]] == rec["text"][a["start"]:a["end"]], a["ann"]
    # the claim a1 ends inside the target actor of v1: a real partial overlap
    claim = next(a for a in anns if a["ann"] == "a1.content")
    target = next(a for a in anns if a["ann"] == "v1.target_actor")
    assert claim["start"] < target["start"] < claim["end"] < target["end"]
    assert html.count('data-ann="v1.target_actor"') >= 2  # cut where the claim ends


def test_all_text_is_escaped(tmp_path):
    t = 'قال <script>alert("x")</script> & <b>مصدر</b> "مطلع"'
    rec = {"id": "x<1>", "text": t, "meta": {"title": "<img src=x onerror=alert(1)>", "source": "a&b", "url": "javascript:\"x\""},
           "entities": [{"id": "e1", "start": t.index("مصدر"), "end": t.index("مصدر") + 4, "text": "مصدر", "label": "<PER>"}],
           "events": [], "attributions": []}
    run = tmp_path / "run"
    run.mkdir()
    (run / "feed.jsonl").write_bytes(orjson.dumps(rec) + b"\n")
    write_report(run)
    for page in [run / "report" / "index.html", run / "report" / "articles" / "00000.html"]:
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "<img" not in html and "<b>مصدر" not in html
        assert 'href="javascript' not in html  # only http(s) URLs become links
    p = parse((run / "report" / "articles" / "00000.html").read_text(encoding="utf-8"))
    assert t in p.all_text and p.text["e1"] == "مصدر"


def test_report_replaces_the_old_one_whole(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    recs = [record_1(), record_2(), record_3()]
    (run / "feed.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    write_report(run)
    assert len(list((run / "report" / "articles").iterdir())) == 3
    write_report(run, max_articles=1)
    assert [p.name for p in (run / "report" / "articles").iterdir()] == ["00000.html"]
    assert not (run / "report.part").exists() and not (run / "report.old").exists()
    index = (run / "report" / "index.html").read_text(encoding="utf-8")
    for title in ("Events by PLOVER category and day", "Top sources", "Share of anonymous sources by outlet"):
        assert title in index
    assert index.count("<svg") >= 5


# --------------------------------------------------------------- in a browser
needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed: run `make browser` (apt-get install -y chromium)")

PROBE = """<script>
const t = document.getElementById('text');
const out = {direction: getComputedStyle(t).direction, spans: []};
for (const el of document.querySelectorAll('[data-ann]')) {
  const r = el.getBoundingClientRect();
  out.spans.push({ann: el.dataset.ann, kind: el.dataset.kind, text: el.textContent, title: el.title,
                  x: r.left, right: r.right, y: r.top, w: r.width, h: r.height,
                  inText: t.contains(el)});
}
const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


def probe(page: Path) -> dict:
    """Open a copy of ``page`` with a probe script in Chromium; what it measured."""
    html = page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>")
    probed = page.with_name("probe-" + page.name)
    probed.write_text(html, encoding="utf-8")
    dom = dump_dom(probed)
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert m, "the probe did not run"
    import html as H

    return json.loads(H.unescape(m.group(1)))


@needs_chromium
@pytest.mark.slow
def test_browser_renders_highlights_right_to_left(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    recs = [record_1(), record_2(), record_3()]
    (run / "feed.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    write_report(run)
    got = probe(run / "report" / "articles" / "00000.html")
    assert got["direction"] == "rtl"
    rec = recs[0]
    by_ann = defaultdict(list)
    for s in got["spans"]:
        if s["inText"]:
            by_ann[s["ann"]].append(s)
    for a in annotations(rec):
        pieces = by_ann[a["ann"]]
        assert "".join(p["text"] for p in pieces) == rec["text"][a["start"]:a["end"]], a["ann"]
        assert all(p["w"] > 0 and p["h"] > 0 for p in pieces), f"{a['ann']} is not laid out"
    # right to left: the first word (cue "قال") is right of the trigger later on the same line
    cue, trig = by_ann["a1.cue"][0], by_ann["v1"][0]
    assert abs(cue["y"] - trig["y"]) < 5 and cue["x"] > trig["right"]
    # hover details: named/anonymous, count, kind and linked ids
    src = by_ann["a1.source"][0]["title"]
    assert "anonymous" in src and "count 1" in src and "events v1" in src
    assert "attribution a1" in by_ann["v1"][0]["title"] and "COERCE" in by_ann["v1"][0]["title"]
    assert "PER" in by_ann["e3"][0]["title"]


@needs_chromium
@pytest.mark.slow
def test_browser_seed_article_page(tmp_path):
    """The real pipeline over the seed article: every entity it found is
    highlighted in the rendered page with its exact text."""
    out = tmp_path / "seed"
    runner.run([SEED], out, cache=False)
    write_report(out)
    rec = orjson.loads((out / "feed.jsonl").read_bytes().splitlines()[0])
    got = probe(out / "report" / "articles" / "00000.html")
    assert got["direction"] == "rtl"
    text = defaultdict(str)
    for s in got["spans"]:
        if s["inText"]:
            text[s["ann"]] += s["text"]
    assert rec["entities"], "the seed article has entities"
    # every highlight the real stages produced (entities, and events and
    # attributions when those stages found any) is rendered with its exact text
    expected = {a["ann"]: rec["text"][a["start"]:a["end"]] for a in annotations(rec)}
    assert {e["id"] for e in rec["entities"]} <= set(expected)
    assert dict(text) == expected
    index = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "Articles (1)" in index and index.count("<svg") >= 4
