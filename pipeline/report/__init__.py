"""A static HTML report of a run: ``python -m pipeline report DIR``.

Writes ``DIR/report/index.html`` (counts and inline SVG plots: events by PLOVER
category and day, top sources, share of anonymous sources by outlet, entities
by label, articles by outlet and day; then the list of articles) and one page
per article under ``articles/`` with the text right to left and every entity,
event trigger, event actor, attribution cue, source and claim highlighted.
Hovering a highlight shows its type, id, label or PLOVER type, named or
anonymous, count and the ids it is linked to (``title`` attributes).

Self-contained: no scripts, no fonts, no network; all text is escaped.
Overlapping and nested spans render correctly: the text is cut at every span
boundary and each piece is wrapped in one element per span covering it, so a
span that crosses another's edge appears as several elements sharing its
``data-ann`` id (their text, joined, is the span's text).
"""
from __future__ import annotations

import os
import shutil
from collections import Counter
from html import escape
from pathlib import Path

import orjson

from ..errors import PipelineError
from ..frames import frames, iter_records
from .svg import bar_chart, heatmap

CSS = """
body{font-family:"DejaVu Sans","Noto Sans Arabic","Segoe UI",Tahoma,sans-serif;margin:0;color:#1f2933;background:#f7f7f5}
header{background:#243b53;color:#fff;padding:10px 24px} header a{color:#d9e2ec}
main{padding:16px 24px;max-width:1200px}
h1{font-size:20px;margin:4px 0} h2{font-size:17px;margin:22px 0 8px}
table{border-collapse:collapse;font-size:13px;background:#fff} td,th{border:1px solid #d9e2ec;padding:3px 6px;vertical-align:top}
th{background:#f0f4f8;text-align:left}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}
.plots{display:flex;flex-wrap:wrap;gap:16px}
.plot{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:8px}
.article{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:18px 22px;font-size:19px;line-height:2.3;white-space:pre-wrap;unicode-bidi:isolate}
.legend span.hl{margin:0 6px 0 0;font-size:14px}
.hl{border-radius:2px}
.hl:hover{outline:2px solid #102a43}
.ent{border-bottom:3px solid #829ab1;background:rgba(130,154,177,.18)}
.ent-PER{border-bottom-color:#d97706;background:rgba(251,191,36,.28)}
.ent-ORG{border-bottom-color:#2563eb;background:rgba(96,165,250,.25)}
.ent-LOC{border-bottom-color:#16a34a;background:rgba(74,222,128,.25)}
.ent-MISC{border-bottom-color:#9333ea;background:rgba(192,132,252,.22)}
.trig{color:#b91c1c;font-weight:bold;border-bottom:2px solid #b91c1c}
.actor{border-bottom:2px dotted #7c2d12}
.cue{color:#0f766e;font-weight:bold}
.src{box-shadow:inset 0 0 0 1.5px #0f766e}
.src.anon{box-shadow:inset 0 0 0 1.5px #ea580c;background:rgba(251,146,60,.18)}
.claim{background:rgba(56,189,248,.16);text-decoration:underline wavy rgba(2,132,199,.55)}
nav.pager{margin:10px 0}
.muted{color:#627d98;font-size:13px}
"""

KIND_RANK = {"claim": 0, "src": 1, "cue": 2, "actor": 3, "trig": 4, "ent": 5}


def _page(title: str, body: str, rel: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{escape(title)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<header><a href=\"{rel}index.html\">Arabic news pipeline — report</a></header>\n"
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


# ------------------------------------------------------------------ spans
def annotations(rec: dict) -> list[dict]:
    """Every highlight of a record: ``{start, end, kind, cls, ann, title}``."""
    text = rec["text"]
    anns: list[dict] = []
    ent_by_span = {(e["start"], e["end"]): e["id"] for e in rec.get("entities") or ()}

    def add(sp, kind, cls, ann, title):
        if isinstance(sp, dict) and isinstance(sp.get("start"), int) and isinstance(sp.get("end"), int) and sp["start"] < sp["end"] <= len(text):
            anns.append({"start": sp["start"], "end": sp["end"], "kind": kind, "cls": cls, "ann": ann, "title": title})

    for e in rec.get("entities") or ():
        add(e, "ent", f"ent ent-{e.get('label', 'MISC')}", e["id"], f"entity {e['id']} · {e.get('label')} · {e.get('text', '')}")
    atts = {a["id"]: a for a in rec.get("attributions") or ()}
    for v in rec.get("events") or ():
        links = []
        for role in ("source_actor", "target_actor", "location", "date"):
            sp = v.get(role)
            if isinstance(sp, dict):
                links.append(f"{role.replace('_', ' ')}: {sp.get('text', '')}")
        if v.get("attribution"):
            links.append(f"attribution {v['attribution']}")
        flags = [f"{k}={v[k]}" for k in ("mode", "negated", "modality", "dead", "injured", "size") if v.get(k) not in (None, False)]
        add(v.get("trigger"), "trig", "trig", v["id"], " · ".join([f"event {v['id']}", str(v.get("type")), "trigger", *flags, *links]))
        for role in ("source_actor", "target_actor"):
            sp = v.get(role)
            if isinstance(sp, dict):
                ent = ent_by_span.get((sp.get("start"), sp.get("end")))
                add(sp, "actor", "actor", f"{v['id']}.{role}", f"{role.replace('_', ' ')} of event {v['id']} ({v.get('type')})" + (f" · entity {ent}" if ent else ""))
    for a in atts.values():
        src = a.get("source") or {}
        anon = src.get("named") is False or src.get("kind") == "anonymous"
        who = "anonymous" if anon else "named"
        events = [v["id"] for v in rec.get("events") or () if v.get("attribution") == a["id"]]
        ev = f" · events {', '.join(events)}" if events else ""
        ent = ent_by_span.get((src.get("start"), src.get("end")))
        add(a.get("cue"), "cue", "cue", f"{a['id']}.cue", f"cue of attribution {a['id']}: {(a.get('cue') or {}).get('text', '')}")
        add(src, "src", "src anon" if anon else "src named", f"{a['id']}.source",
            f"source of {a['id']} · {who} · count {src.get('count')} · kind {src.get('kind')}" + (f" · entity {ent}" if ent else "") + ev)
        add(a.get("content"), "claim", "claim", f"{a['id']}.content", f"claim of attribution {a['id']} · source {who}: {src.get('text', '')}{ev}")
    return anns


def render_text(text: str, anns: list[dict]) -> str:
    """The text as HTML, cut at every span boundary, each piece nested in one
    element per span covering it (outer = starts earlier / is longer)."""
    order = sorted(range(len(anns)), key=lambda i: (anns[i]["start"], -anns[i]["end"], KIND_RANK.get(anns[i]["kind"], 9), anns[i]["ann"]))
    rank = {i: r for r, i in enumerate(order)}
    cuts = sorted({0, len(text), *(a["start"] for a in anns), *(a["end"] for a in anns)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = sorted((i for i, x in enumerate(anns) if x["start"] <= a and x["end"] >= b), key=rank.__getitem__)
        piece = escape(text[a:b], quote=False)
        for i in reversed(cover):
            x = anns[i]
            piece = (f'<span class="hl {x["cls"]}" data-kind="{x["kind"]}" data-ann="{escape(x["ann"])}" '
                     f'data-start="{x["start"]}" data-end="{x["end"]}" title="{escape(x["title"])}">{piece}</span>')
        out.append(piece)
    return "".join(out)


def _table(headers: list[str], rows: list[list], rtl_cols: tuple[int, ...] = ()) -> str:
    if not rows:
        return '<p class="muted">none</p>'
    h = "".join(f"<th>{escape(x)}</th>" for x in headers)
    body = []
    for r in rows:
        cells = []
        for j, c in enumerate(r):
            s = "" if c is None else escape(str(c))
            cells.append(f'<td dir="rtl">{s}</td>' if j in rtl_cols else f"<td>{s}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{h}</tr>{''.join(body)}</table>"


def _sp(x) -> str | None:
    return x.get("text") if isinstance(x, dict) else None


def article_page(rec: dict, n: int, total: int) -> str:
    meta = rec.get("meta") or {}
    anns = annotations(rec)
    legend = (
        '<p class="legend">'
        '<span class="hl ent ent-PER">PER</span><span class="hl ent ent-ORG">ORG</span><span class="hl ent ent-LOC">LOC</span>'
        '<span class="hl ent ent-MISC">MISC</span><span class="hl trig">event trigger</span><span class="hl actor">event actor</span>'
        '<span class="hl cue">cue</span><span class="hl src named">named source</span><span class="hl src anon">anonymous source</span>'
        '<span class="hl claim">claim</span> <span class="muted">(hover a highlight for details)</span></p>'
    )
    prev = f'<a href="{n - 1:05d}.html">← previous</a>' if n > 0 else ""
    nxt = f'<a href="{n + 1:05d}.html">next →</a>' if n + 1 < total else ""
    facts = " · ".join(escape(f"{k}: {meta[k]}") for k in ("source", "date", "author", "path") if meta.get(k))
    u = str(meta.get("url") or "")
    url = (f' · <a href="{escape(u)}">{escape(u)}</a>' if u.startswith(("http://", "https://")) else f" · {escape(u)}") if u else ""
    ents = [[e["id"], e.get("label"), e.get("text"), e.get("start"), e.get("end")] for e in rec.get("entities") or ()]
    evs = [[v["id"], v.get("type"), _sp(v.get("trigger")), _sp(v.get("source_actor")), _sp(v.get("target_actor")), _sp(v.get("location")), v.get("attribution")] for v in rec.get("events") or ()]
    ats = []
    for a in rec.get("attributions") or ():
        s = a.get("source") or {}
        ats.append([a["id"], _sp(a.get("cue")), s.get("text"), "anonymous" if (s.get("named") is False or s.get("kind") == "anonymous") else "named", s.get("count"), s.get("kind"), _sp(a.get("content"))])
    body = (
        f'<nav class="pager">{prev} <a href="../index.html">index</a> {nxt}</nav>\n'
        f'<h1 dir="auto">{escape(str(meta.get("title") or rec["id"]))}</h1>\n'
        f'<p class="muted">id: {escape(rec["id"])} · {facts}{url}</p>\n{legend}\n'
        f'<div class="article" id="text" dir="rtl" lang="ar">{render_text(rec["text"], anns)}</div>\n'
        f'<h2>Entities ({len(ents)})</h2>{_table(["id", "label", "text", "start", "end"], ents, (2,))}\n'
        f'<h2>Events ({len(evs)})</h2>{_table(["id", "type", "trigger", "source actor", "target actor", "location", "attribution"], evs, (2, 3, 4, 5))}\n'
        f'<h2>Attributions ({len(ats)})</h2>{_table(["id", "cue", "source", "named?", "count", "kind", "claim"], ats, (1, 2, 6))}\n'
    )
    return _page(str(meta.get("title") or rec["id"]), body, "../")


# ------------------------------------------------------------------ summary
def summary_page(run_dir: Path, f, n_pages: int) -> str:
    docs, ents, evs, ats = f.documents, f.entities, f.events, f.attributions
    n_err = 0
    ep = run_dir / "errors.jsonl"
    if ep.is_file():
        with open(ep, "rb") as fh:
            n_err = sum(1 for line in fh if line.strip())
    manifest = {}
    mp = run_dir / "manifest.json"
    if mp.is_file():
        try:
            manifest = orjson.loads(mp.read_bytes())
        except orjson.JSONDecodeError:
            manifest = {}
    anon_share = f"{ats.anonymous.mean():.0%}" if len(ats) else "–"
    cards = [("articles", len(docs)), ("words", int(docs.n_words.sum()) if len(docs) else 0), ("entities", len(ents)),
             ("events", len(evs)), ("attributions", len(ats)), ("anonymous sources", anon_share), ("input errors", n_err)]
    cards_html = '<div class="cards">' + "".join(f'<div class="card"><b>{escape(str(v))}</b>{escape(k)}</div>' for k, v in cards) + "</div>"

    plots = []
    if len(evs):
        cats = sorted(evs.type.dropna().unique())
        days = sorted(evs.day.dropna().unique())
        cnt = Counter(zip(evs.type, evs.day))
        plots.append(heatmap("Events by PLOVER category and day", cats, days, {(c, d): cnt[(c, d)] for c in cats for d in days}))
        plots.append(bar_chart("Events by PLOVER category", Counter(evs.type.dropna()).most_common()))
    else:
        plots.append(bar_chart("Events by PLOVER category and day", []))
    if len(ats):
        top = ats.groupby("source_text").agg(n=("id", "size"), anon=("anonymous", "mean")).sort_values(["n", "anon"], ascending=[False, True], kind="stable").head(15)
        plots.append(bar_chart("Top sources (attributions)", [(str(k), int(r.n)) for k, r in top.iterrows()], rtl_labels=True,
                               colours=["#ea580c" if r.anon >= 0.5 else "#0f766e" for _, r in top.iterrows()], note="orange: anonymous"))
        by = ats.groupby(ats.source.fillna("(no outlet)")).anonymous.agg(["mean", "size"]).sort_index()
        plots.append(bar_chart("Share of anonymous sources by outlet", [(f"{k} (n={int(r['size'])})", float(r["mean"])) for k, r in by.iterrows()], percent=True))
    else:
        plots.append(bar_chart("Top sources (attributions)", []))
        plots.append(bar_chart("Share of anonymous sources by outlet", [], percent=True))
    plots.append(bar_chart("Entities by label", Counter(ents.label.dropna()).most_common() if len(ents) else []))
    if len(ents):
        plots.append(bar_chart("Most frequent entities", Counter(ents.text).most_common(15), rtl_labels=True))
    if len(docs):
        days = sorted(docs.day.dropna().unique()) or ["(no date)"]
        outlets = sorted(docs.source.fillna("(no outlet)").unique())
        cnt = Counter(zip(docs.source.fillna("(no outlet)"), docs.day.fillna("(no date)")))
        plots.append(heatmap("Articles by outlet and day", outlets, days, {(o, d): cnt[(o, d)] for o in outlets for d in days}))

    rows = []
    for i, r in enumerate(docs.itertuples()):
        link = f'<a href="articles/{i:05d}.html">{escape(str(r.doc_id))}</a>' if i < n_pages else escape(str(r.doc_id))
        rows.append(f'<tr><td>{link}</td><td dir="rtl">{escape(str(r.title or ""))}</td><td>{escape(str(r.source or ""))}</td>'
                    f'<td>{escape(str(r.day or ""))}</td><td>{r.n_words}</td><td>{r.n_entities}</td><td>{r.n_events}</td><td>{r.n_attributions}</td></tr>')
    art = ("<table><tr><th>id</th><th>title</th><th>outlet</th><th>day</th><th>words</th><th>entities</th><th>events</th><th>attributions</th></tr>"
           + "".join(rows) + "</table>")
    stages = " → ".join(escape(s.get("name", "")) for s in manifest.get("stages", []))
    run_line = f'<p class="muted">run: {escape(str(run_dir))}' + (f" · pipeline {escape(str(manifest.get('pipeline')))} · stages {stages}" if manifest else "") + "</p>"
    body = (
        f"<h1>Summary</h1>\n{run_line}\n{cards_html}\n<h2>Plots</h2>\n<div class=\"plots\">"
        + "".join(f'<div class="plot">{p}</div>' for p in plots)
        + f"</div>\n<h2>Articles ({len(docs)})</h2>\n{art}\n"
    )
    return _page("Report — summary", body)


def write_report(run_dir: str | os.PathLike, out_dir: str | os.PathLike | None = None, max_articles: int | None = None) -> Path:
    """Write the report (atomically: built beside, then moved into place);
    returns the path of ``index.html``."""
    run_dir = Path(run_dir)
    if not (run_dir / "feed.jsonl").is_file():
        raise PipelineError("E305", path=str(run_dir))
    out = Path(out_dir) if out_dir else run_dir / "report"
    tmp = out.with_name(out.name + ".part")
    try:
        if tmp.exists():
            shutil.rmtree(tmp)
        (tmp / "articles").mkdir(parents=True)
        f = frames(run_dir)
        total = len(f.documents) if max_articles is None else min(max_articles, len(f.documents))
        for n, rec in enumerate(iter_records(run_dir)):  # streamed: one record at a time
            if n >= total:
                break
            (tmp / "articles" / f"{n:05d}.html").write_text(article_page(rec, n, total), encoding="utf-8")
        (tmp / "index.html").write_text(summary_page(run_dir, f, total), encoding="utf-8")
        old = out.with_name(out.name + ".old")
        if out.exists():
            if old.exists():
                shutil.rmtree(old)
            os.replace(out, old)
        os.replace(tmp, out)
        if old.exists():
            shutil.rmtree(old)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise PipelineError("E302", path=str(out), detail=exc.strerror or str(exc)) from None
    return out / "index.html"
