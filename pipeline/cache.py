"""The result cache that makes batch runs incremental and resumable.

One file per processed article under ``OUT/.cache/<k[:2]>/<k>``, where the key
``k`` hashes the input record (id, text, meta) together with the pipeline's
identity: every stage's ``info()`` (names, versions, model hashes) and a digest
of the pipeline's own source code and language data (word lists).  Same article + same models + same code ->
same key -> the article is not processed again; anything else is a miss.

Entries are written as the run goes (chunk by chunk, each file written to a
temporary name and renamed), so a run stopped by Ctrl-C or ``kill -9`` has
checkpointed every chunk it finished and the next run resumes from there.
Every entry carries its own sizes and is validated when read: a damaged or
truncated entry is a miss, never wrong output.

An entry stores what the article produced: the serialised snapshot after each
stage it passed and, if a stage rejected it, the error entry.  To keep the
cache about the size of the feed, intermediate snapshots are stored as the
list of top-level fields they had when they can be rebuilt byte for byte from
the last snapshot (checked when the entry is written; otherwise every snapshot
is stored as is).
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import orjson

from . import digest

FORMAT = 1


@lru_cache(maxsize=4)
def code_digest(root: Path | None = None) -> str:
    """Digest of the pipeline package's sources and language data (Python files,
    word lists, schemas: any edit = new keys).  Presentation and analysis code
    (report, eval, bench, CLI) does not change records and is left out; models
    are identified by their hashes in the stages' ``info()``."""
    root = root or Path(__file__).resolve().parent
    return digest.tree(root, keep=_changes_records, separated=True)


def _changes_records(rel: str, p: Path) -> bool:
    if "__pycache__" in rel or p.suffix not in (".py", ".txt", ".json"):
        return False
    # analysis/presentation code does not change records
    return not (rel.startswith(("report/", "eval/", "annotation/")) or rel in ("frames.py", "bench.py", "cli.py", "progress.py"))


def pipeline_key(stage_infos: list[dict]) -> bytes:
    """The part of every article key that identifies the pipeline."""
    return hashlib.sha256(orjson.dumps({"format": FORMAT, "code": code_digest(), "stages": stage_infos}, option=orjson.OPT_SORT_KEYS)).digest()


def record_key(base: bytes, rec: dict) -> str:
    h = hashlib.sha256(base)
    h.update(orjson.dumps({"id": rec["id"], "text": rec["text"], "meta": rec["meta"]}, option=orjson.OPT_SORT_KEYS))
    return h.hexdigest()[:32]


def encode(lines: list[bytes], keys: list[tuple[str, ...]], err: dict | None) -> bytes:
    """One cache entry.  ``keys[k]`` are the record's fields after stage ``k``."""
    stored = lines
    derived = None
    if len(lines) > 1:
        last = orjson.loads(lines[-1])
        derived = []
        for line, ks in zip(lines[:-1], keys[:-1]):
            have = set(ks)
            fields = [k for k in last if k in have]
            if len(fields) != len(have) or orjson.dumps({k: last[k] for k in fields}) + b"\n" != line:
                derived = None
                break
            derived.append(fields)
        if derived is not None:
            stored = lines[-1:]
    head = {"v": FORMAT, "n": len(lines), "sizes": [len(x) for x in stored], "derived": derived, "error": err}
    return orjson.dumps(head) + b"\n" + b"".join(stored)


def decode(data: bytes) -> tuple[list[bytes], dict | None] | None:
    """``(lines, error)`` from an entry, or None if it is damaged."""
    try:
        nl = data.index(b"\n")
        head = orjson.loads(data[:nl])
        if head.get("v") != FORMAT:
            return None
        body = data[nl + 1 :]
        sizes = head["sizes"]
        if sum(sizes) != len(body):
            return None
        stored, pos = [], 0
        for s in sizes:
            stored.append(body[pos : pos + s])
            pos += s
        if any(not x.endswith(b"\n") for x in stored):
            return None
        if head["derived"] is not None:
            last = orjson.loads(stored[-1])
            lines = [orjson.dumps({k: last[k] for k in fields}) + b"\n" for fields in head["derived"]] + stored
        else:
            lines = stored
        if len(lines) != head["n"]:
            return None
        return lines, head["error"]
    except (ValueError, KeyError, TypeError, orjson.JSONDecodeError):
        return None


class Cache:
    """Article results on disk, keyed by :func:`record_key`."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get(self, key: str) -> tuple[list[bytes], dict | None] | None:
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        return decode(data)

    def put(self, key: str, entry: bytes) -> None:
        p = self._path(key)
        tmp = p.with_name(f".{key}.{os.getpid()}.tmp")
        try:
            p.parent.mkdir(exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(entry)
            os.replace(tmp, p)
        except OSError:
            # a cache that cannot be written only costs speed next time
            try:
                tmp.unlink()
            except OSError:
                pass
