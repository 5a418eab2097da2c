"""``python -m pipeline export DIR --format plover``: one JSON record per event,
with the PLOVER manual's field names, in ``DIR/export/plover.jsonl``.

PLOVER fields: ``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``,
``context``, ``event_loc``, ``event_text``, ``text_info`` (the story the event
was coded from), and the size fields ``size`` (crowd), ``dead``, ``injured``.
What this project adds, under names of its own: ``asserted`` (the feed's
meaning of "it happened": not negated and no modality), ``negated``,
``modality``, the character spans (``*_span``) into the article, and
``attribution``: the attribution whose claim holds the event, with its
source's text, ``named`` and ``count``.  The project's OTHER extension
(take office, natural death) is not PLOVER and is left out.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import PipelineError
from .frames import iter_records
from .jsonl import dumps

FIELDS = ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "text_info",
          "size", "dead", "injured")
PROJECT_FIELDS = ("asserted", "negated", "modality", "trigger_span", "actor_span", "recipient_span", "event_loc_span",
                  "date_text", "attribution", "article", "event_id")


def _text(span):
    return span["text"] if span else None


def _span(span):
    return [span["start"], span["end"]] if span else None


def plover_records(rec: dict):
    """The PLOVER records of one feed record's events."""
    meta = rec.get("meta") or {}
    atts = {a["id"]: a for a in rec.get("attributions") or ()}
    for ev in rec.get("events") or ():
        if ev["type"] == "OTHER":
            continue
        att = atts.get(ev.get("attribution"))
        src = (att or {}).get("source") or {}
        date = ev.get("date")
        yield {
            "id": f"{rec['id']}:{ev['id']}",
            "date": (date or {}).get("iso") or meta.get("date"),
            "actor": _text(ev.get("source_actor")),
            "recipient": _text(ev.get("target_actor")),
            "event": ev["type"],
            "mode": ev.get("mode"),
            "context": list(ev.get("context") or ()),
            "event_loc": _text(ev.get("location")),
            "event_text": _text(ev.get("trigger")),
            "text_info": {"article": rec["id"], "title": meta.get("title"), "source": meta.get("source"), "url": meta.get("url")},
            "size": ev.get("size"),
            "dead": ev.get("dead"),
            "injured": ev.get("injured"),
            "asserted": not ev.get("negated") and ev.get("modality") is None,
            "negated": bool(ev.get("negated")),
            "modality": ev.get("modality"),
            "trigger_span": _span(ev.get("trigger")),
            "actor_span": _span(ev.get("source_actor")),
            "recipient_span": _span(ev.get("target_actor")),
            "event_loc_span": _span(ev.get("location")),
            "date_text": _text(date),
            "attribution": None if att is None else {
                "id": att["id"], "source": src.get("text"), "named": src.get("named"), "count": src.get("count"),
                "kind": src.get("kind")},
            "article": rec["id"],
            "event_id": ev["id"],
        }


def export_plover(run_dir: str | os.PathLike, out_dir: str | os.PathLike | None = None) -> Path:
    feed = Path(run_dir) / "feed.jsonl"
    if not feed.is_file():
        raise PipelineError("E305", path=str(run_dir))
    out = Path(out_dir) if out_dir else Path(run_dir) / "export"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError("E301", path=str(out), detail=exc.strerror or str(exc)) from None
    path = out / "plover.jsonl"
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as f:
            for rec in iter_records(feed):
                for row in plover_records(rec):
                    f.write(dumps(row) + b"\n")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PipelineError("E302", path=str(path), detail=exc.strerror or str(exc)) from None
    return path
