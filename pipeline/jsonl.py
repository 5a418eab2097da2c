"""The one JSONL reader and writer every stage uses.

Writing is atomic: lines go to ``PATH.part`` and the file is renamed into place
only when complete, so a crash never leaves a truncated file under the final
name.  Serialisation is deterministic (insertion order, no whitespace, UTF-8).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import orjson

from .errors import PipelineError, RecordError
from .record import ordered


def dumps(obj: Any) -> bytes:
    return orjson.dumps(obj)


def dump_record(rec: dict) -> bytes:
    return orjson.dumps(ordered(rec)) + b"\n"


def read_jsonl(path: str | os.PathLike) -> Iterator[tuple[int, dict | RecordError]]:
    """Yield ``(line_number, record)`` or ``(line_number, RecordError)`` for a bad line.

    Blank lines are skipped.  A bad line never stops the iteration.
    """
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield lineno, RecordError("E101", line=lineno, detail=str(exc))
                continue
            if not isinstance(obj, dict):
                yield lineno, RecordError("E105", line=lineno, kind=type(obj).__name__)
                continue
            yield lineno, obj


class AtomicWriter:
    """Write lines to ``path.part``; ``commit()`` renames it to ``path``."""

    def __init__(self, path: str | os.PathLike, mode: str = "wb"):
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".part")
        try:
            self.fh: IO[bytes] = open(self.tmp, mode)
        except OSError as exc:
            raise PipelineError("E301", path=str(self.path.parent), detail=exc.strerror or str(exc)) from None
        self.count = 0

    def write(self, data: bytes) -> None:
        try:
            self.fh.write(data)
        except OSError as exc:
            self.abort()
            raise PipelineError("E302", path=str(self.path), detail=exc.strerror or str(exc)) from None
        self.count += 1

    def write_record(self, rec: dict) -> None:
        self.write(dump_record(rec))

    def commit(self) -> None:
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise PipelineError("E302", path=str(self.path), detail=exc.strerror or str(exc)) from None

    def abort(self) -> None:
        try:
            self.fh.close()
        except OSError:
            pass
        try:
            self.tmp.unlink()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.abort()
        return False


def write_jsonl(path: str | os.PathLike, records: Iterable[dict]) -> int:
    with AtomicWriter(path) as w:
        for r in records:
            w.write_record(r)
        return w.count
