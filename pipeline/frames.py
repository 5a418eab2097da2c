"""pandas DataFrames for analysts: documents, entities, events, attributions.

    import pipeline
    f = pipeline.frames("outputs/day")           # a run directory, a feed file, or records
    a = f.attributions
    a[a.anonymous].groupby(["source", "day"]).size()   # claims on anonymous sources, by outlet, by day

Every row has a stable id: the document id plus the item's own id
(``doc/e1``, ``doc/v2``, ``doc/a3``), and the article's meta (``source`` = the
outlet, ``date``, ``day``, ``title``, ``url``, ``author``, ``path``) joined in.
Nested spans are flattened to ``<name>_text``, ``<name>_start``, ``<name>_end``
(offsets into the document's ``text``), other nested fields to
``<name>_<field>``.  Column order is fixed: the documented columns first, then
any further fields the stages add, sorted by name.
"""
from __future__ import annotations

import os
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import orjson
import pandas as pd

from .errors import PipelineError

META_COLS = ["source", "date", "day", "title", "url", "author", "path"]
DOC_COLS = ["doc_id", *META_COLS, "lang", "n_chars", "n_words", "n_sentences", "n_entities", "n_events", "n_attributions", "text"]
ENT_COLS = ["id", "doc_id", "local_id", "label", "text", "start", "end", "sentence", *META_COLS]
EVT_COLS = [
    "id", "doc_id", "local_id", "type", "mode", "trigger_text", "trigger_start", "trigger_end",
    "source_actor_text", "source_actor_start", "source_actor_end",
    "target_actor_text", "target_actor_start", "target_actor_end",
    "location_text", "location_start", "location_end", "date_text", "date_start", "date_end",
    "negated", "modality", "attribution_id", "context", "dead", "injured", "size", "sentence", *META_COLS,
]
ATT_COLS = [
    "id", "doc_id", "local_id", "cue_text", "cue_start", "cue_end",
    "source_text", "source_start", "source_end", "source_named", "source_count", "source_kind", "anonymous",
    "content_text", "content_start", "content_end", "sentence", *META_COLS,
]


@dataclass
class Frames:
    """The four tables of a run."""

    documents: pd.DataFrame
    entities: pd.DataFrame
    events: pd.DataFrame
    attributions: pd.DataFrame

    def items(self):
        return {"documents": self.documents, "entities": self.entities, "events": self.events, "attributions": self.attributions}.items()


def iter_records(path_or_records) -> Iterator[dict]:
    """Records from a run directory (its feed.jsonl), a JSONL file, or an iterable."""
    if isinstance(path_or_records, (str, os.PathLike)):
        p = Path(path_or_records)
        if p.is_dir():
            p = p / "feed.jsonl"
        if not p.is_file():
            raise PipelineError("E305", path=str(path_or_records))
        with open(p, "rb") as fh:
            for line in fh:
                if line.strip():
                    yield orjson.loads(line)
        return
    yield from path_or_records


# fields that hold a span or null: a null still gives the _text/_start/_end columns
SPAN_FIELDS = {"trigger", "source_actor", "target_actor", "location", "date", "cue", "source", "content"}


def _is_span(v) -> bool:
    return isinstance(v, dict) and "start" in v and "end" in v


def _flatten(prefix: str, v, row: dict) -> None:
    if _is_span(v):
        row[f"{prefix}_text"] = v.get("text")
        row[f"{prefix}_start"] = v["start"]
        row[f"{prefix}_end"] = v["end"]
        for k, x in v.items():
            if k not in ("start", "end", "text"):
                _flatten(f"{prefix}_{k}", x, row)
    elif isinstance(v, dict):
        for k, x in v.items():
            _flatten(f"{prefix}_{k}", x, row)
    elif v is None and prefix in SPAN_FIELDS:
        row[f"{prefix}_text"] = row[f"{prefix}_start"] = row[f"{prefix}_end"] = None
    else:
        row[prefix] = v


def _sentence_of(sent_starts: list[int], pos: int | None):
    if pos is None or not sent_starts:
        return None
    import bisect

    return max(bisect.bisect_right(sent_starts, pos) - 1, 0)


def _meta(rec: dict) -> dict:
    m = rec.get("meta") or {}
    date = m.get("date")
    return {
        "source": m.get("source"),
        "date": date,
        "day": str(date)[:10] if date else None,
        "title": m.get("title"),
        "url": m.get("url"),
        "author": m.get("author"),
        "path": m.get("path"),
    }


def _frame(rows: list[dict], cols: list[str]) -> pd.DataFrame:
    extra = sorted({k for r in rows for k in r} - set(cols))
    return pd.DataFrame(rows, columns=cols + extra)


def frames(path_or_records: str | os.PathLike | Iterable[dict]) -> Frames:
    """Build the four DataFrames (see the module docstring)."""
    docs, ents, evts, atts = [], [], [], []
    for rec in iter_records(path_or_records):
        did = rec["id"]
        meta = _meta(rec)
        starts = [s["start"] for s in rec.get("sentences") or ()]
        text = rec.get("text", "")
        docs.append({
            "doc_id": did, **meta, "lang": rec.get("lang"), "n_chars": len(text),
            "n_words": len(rec["tokens"]) if "tokens" in rec else len(text.split()),
            "n_sentences": len(starts), "n_entities": len(rec.get("entities") or ()),
            "n_events": len(rec.get("events") or ()), "n_attributions": len(rec.get("attributions") or ()),
            "text": text,
        })
        for e in rec.get("entities") or ():
            row = {"id": f"{did}/{e['id']}", "doc_id": did, "local_id": e["id"], "sentence": _sentence_of(starts, e.get("start"))}
            for k, v in e.items():
                if k != "id":
                    _flatten(k, v, row)
            ents.append({**meta, **row})
        for v in rec.get("events") or ():
            row = {"id": f"{did}/{v['id']}", "doc_id": did, "local_id": v["id"]}
            for k, x in v.items():
                if k == "id":
                    continue
                if k == "attribution":
                    row["attribution_id"] = f"{did}/{x}" if x else None
                    continue
                _flatten(k, x, row)
            trig = v.get("trigger") or {}
            row["sentence"] = _sentence_of(starts, trig.get("start"))
            evts.append({**meta, **row})
        for a in rec.get("attributions") or ():
            row = {"id": f"{did}/{a['id']}", "doc_id": did, "local_id": a["id"]}
            for k, x in a.items():
                if k != "id":
                    _flatten(k, x, row)
            src = a.get("source") or {}
            row["anonymous"] = src.get("named") is False or src.get("kind") == "anonymous"
            row["sentence"] = _sentence_of(starts, (a.get("cue") or {}).get("start"))
            atts.append({**meta, **row})
    return Frames(
        documents=_frame(docs, DOC_COLS),
        entities=_frame(ents, ENT_COLS),
        events=_frame(evts, EVT_COLS),
        attributions=_frame(atts, ATT_COLS),
    )


def _csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for c in df.columns:
        if df[c].dtype == object and df[c].map(lambda x: isinstance(x, (list, dict))).any():
            df[c] = df[c].map(lambda x: orjson.dumps(x).decode() if isinstance(x, (list, dict)) else x)
    return df


def export(run_dir: str | os.PathLike, fmt: str = "parquet", out_dir: str | os.PathLike | None = None) -> list[Path]:
    """Write documents/entities/events/attributions as Parquet or CSV files
    (into ``run_dir/export`` by default); each file is written atomically."""
    if fmt not in ("parquet", "csv"):
        raise PipelineError("E304", fmt=fmt)
    f = frames(run_dir)
    out = Path(out_dir) if out_dir else Path(run_dir) / "export"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError("E301", path=str(out), detail=exc.strerror or str(exc)) from None
    written = []
    for name, df in f.items():
        path = out / f"{name}.{fmt}"
        tmp = path.with_name(path.name + ".part")
        try:
            if fmt == "parquet":
                df.to_parquet(tmp, index=False)
            else:
                _csv_ready(df).to_csv(tmp, index=False, encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise PipelineError("E302", path=str(path), detail=exc.strerror or str(exc)) from None
        written.append(path)
    return written


class _CallableModule(types.ModuleType):
    """Importing this submodule rebinds ``pipeline.frames`` from the function in
    ``pipeline/__init__.py`` to the module; making the module callable keeps
    ``pipeline.frames(path)`` working either way."""

    def __call__(self, path_or_records):
        return frames(path_or_records)


sys.modules[__name__].__class__ = _CallableModule
