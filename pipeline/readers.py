"""Input discovery and decoding: files and folders in, article records out.

Formats: ``.txt`` (one article), ``.json`` (an object or an array of objects),
``.jsonl`` (one object a line), ``.zip`` (archives of those, e.g. SaudiNewsNet's
day files).  Folders are searched recursively in sorted order; symbolic links
that lead outside the folder given are skipped and reported.  Every article
yields either a record or an error entry: nothing is skipped silently.
"""
from __future__ import annotations

import codecs
import html
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import orjson

from .errors import RecordError
from .record import new_record

SUFFIXES = (".txt", ".json", ".jsonl", ".zip")
META_KEYS = ("title", "date", "source", "url", "author")


@dataclass
class Item:
    """One input article: a record, or an error entry (``error`` set)."""

    record: dict | None = None
    error: dict | None = None


def error_entry(path: str, err: RecordError, id: str | None = None) -> dict:
    d = {"path": path, "code": err.code, "reason": str(err)}
    if id is not None:
        d["id"] = id
    return d


# ---------------------------------------------------------------- decoding
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ARABIC_RE = re.compile(r"[\u0621-\u064a]")


def _plausible(text: str) -> bool:
    if not text:
        return True
    bad = len(_CONTROL_RE.findall(text)) + text.count("\ufffd")
    return bad <= max(2, len(text) // 1000)


def _arabic_score(text: str) -> float:
    letters = sum(ch.isalpha() for ch in text) or 1
    return len(_ARABIC_RE.findall(text)) / letters


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    BOMs decide first (UTF-8, UTF-16 LE/BE); then strict UTF-8; then UTF-16
    without BOM (NUL bytes in alternate positions); then the two Arabic
    single-byte code pages, Windows-1256 and ISO-8859-6, choosing the one whose
    decoding is plausible and most Arabic.  Anything else raises E002.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise RecordError("E002", path=path, detail=f"UTF-8 BOM but invalid UTF-8 at byte {exc.start}") from None
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(enc), "utf-16"
            except UnicodeDecodeError as exc:
                raise RecordError("E002", path=path, detail=f"UTF-16 BOM but invalid UTF-16 at byte {exc.start}") from None
    try:
        text = data.decode("utf-8")
        if _plausible(text):
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: Arabic and ASCII put 0x06 or 0x00 in every other byte
    if len(data) >= 4 and len(data) % 2 == 0:
        for enc, hi in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
            if (hi.count(0) + hi.count(6)) >= 0.9 * len(hi):
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _plausible(text):
                    return text, "utf-16"
    candidates = []
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            candidates.append((_arabic_score(text), enc == "cp1256", text, enc))
    if candidates:
        score, _, text, enc = max(candidates)
        if score > 0.5:
            return text, "windows-1256" if enc == "cp1256" else "iso-8859-6"
    raise RecordError("E002", path=path, detail="no candidate encoding gives plausible Arabic text")


# ---------------------------------------------------------------- markup
_MARKUP_RE = re.compile(r"<(?:/?(?:p|div|br|span|a|b|i|u|em|strong|h[1-6]|li|ul|ol|table|tr|td|th|html|body|head|title|article|section|img|font|meta|script|style)\b[^>]*|!--[\s\S]*?--)>", re.I)
_DROP_RE = re.compile(r"<(script|style|head)\b[^>]*>[\s\S]*?</\1\s*>|<!--[\s\S]*?-->", re.I)
_BLOCK_RE = re.compile(r"</?(?:p|div|br|h[1-6]|li|tr|article|section|table|ul|ol)\b[^>]*>", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
_WS_RE = re.compile(r"[ \t\u00a0]+")
_NL_RE = re.compile(r"\s*\n\s*")


def looks_like_markup(text: str) -> bool:
    return len(_MARKUP_RE.findall(text[:20000])) >= 2 or bool(re.search(r"<(html|body|p|div)\b", text[:2000], re.I))


def strip_markup(text: str) -> str:
    """Markup to plain text: scripts/styles/comments dropped, block tags become
    line breaks, inline tags vanish, entities are unescaped."""
    text = _DROP_RE.sub(" ", text)
    text = _BLOCK_RE.sub("\n", text)
    text = _TAG_RE.sub("", text)
    text = html.unescape(text)
    text = _WS_RE.sub(" ", text)
    text = _NL_RE.sub("\n", text)
    return text.strip()


# ---------------------------------------------------------------- records
def make_record(text: str, id: str, path: str, meta_src: dict | None = None, encoding: str | None = None) -> Item:
    meta: dict = {"path": path}
    if meta_src:
        for k in META_KEYS:
            v = meta_src.get(k)
            if v not in (None, ""):
                meta[k] = v if isinstance(v, (str, int, float, bool)) else str(v)
        if "date" not in meta and meta_src.get("date_extracted"):
            meta["date"] = str(meta_src["date_extracted"])
    if encoding:
        meta["encoding"] = encoding
    if looks_like_markup(text):
        text = strip_markup(text)
        meta["markup_stripped"] = True
    if not text.strip():
        return Item(error=error_entry(path, RecordError("E003", path=path), id))
    return Item(record=new_record(id, text, meta))


def _from_obj(obj, id_default: str, path: str) -> Item:
    if not isinstance(obj, dict):
        return Item(error=error_entry(path, RecordError("E010", path=path, kind=type(obj).__name__), id_default))
    text = obj.get("text")
    if not isinstance(text, str):
        text = obj.get("content")
    rid = obj.get("id")
    rid = str(rid) if rid not in (None, "") else id_default
    if not isinstance(text, str):
        return Item(error=error_entry(path, RecordError("E005", path=path), rid))
    return make_record(text, rid, path, obj)


def read_bytes(data: bytes, rel: str, suffix: str) -> Iterator[Item]:
    """Articles from one file's bytes (``rel`` names it in ids and errors)."""
    base = rel[: -len(suffix)] if rel.endswith(suffix) else rel
    if suffix == ".txt":
        try:
            text, enc = decode(data, rel)
        except RecordError as err:
            yield Item(error=error_entry(rel, err, base))
            return
        yield make_record(text, base, rel, None, enc)
    elif suffix == ".json":
        try:
            text, _ = decode(data, rel)
            obj = orjson.loads(text)
        except RecordError as err:
            yield Item(error=error_entry(rel, err, base))
            return
        except orjson.JSONDecodeError as exc:
            yield Item(error=error_entry(rel, RecordError("E004", path=rel, detail=str(exc)), base))
            return
        if isinstance(obj, list):
            for i, o in enumerate(obj):
                yield _from_obj(o, f"{base}#{i}", rel)
        else:
            yield _from_obj(obj, base, rel)
    elif suffix == ".jsonl":
        for i, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            yield from _jsonl_line(line, f"{base}#{i}", rel, i)
    else:
        yield Item(error=error_entry(rel, RecordError("E006", path=rel, suffix=suffix), base))


def _jsonl_line(line: bytes, id_default: str, rel: str, lineno: int) -> Iterator[Item]:
    try:
        text, _ = decode(line, f"{rel}:{lineno}")
        obj = orjson.loads(text)
    except RecordError as err:
        yield Item(error=error_entry(rel, err, id_default))
        return
    except orjson.JSONDecodeError as exc:
        yield Item(error=error_entry(rel, RecordError("E004", path=f"{rel}:{lineno}", detail=str(exc)), id_default))
        return
    yield _from_obj(obj, id_default, rel)


def read_file(path: Path, rel: str) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        # stream: a 500k-line file is never held in memory whole
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield Item(error=error_entry(rel, RecordError("E009", path=rel, detail=exc.strerror or str(exc)), rel))
            return
        base = rel[: -len(suffix)]
        with fh:
            for i, line in enumerate(fh, 1):
                if line.strip():
                    yield from _jsonl_line(line.rstrip(b"\r\n"), f"{base}#{i}", rel, i)
        return
    if suffix == ".zip":
        yield from read_zip(path, rel)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Item(error=error_entry(rel, RecordError("E009", path=rel, detail=exc.strerror or str(exc)), rel))
        return
    yield from read_bytes(data, rel, suffix)


def read_zip(path: Path, rel: str) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(path)
        names = sorted(n for n in zf.namelist() if not n.endswith("/"))
    except (zipfile.BadZipFile, OSError) as exc:
        yield Item(error=error_entry(rel, RecordError("E008", path=rel, detail=str(exc)), rel))
        return
    with zf:
        for name in names:
            suffix = Path(name).suffix.lower()
            member_rel = f"{rel}!{name}"
            if suffix not in (".txt", ".json", ".jsonl"):
                yield Item(error=error_entry(member_rel, RecordError("E006", path=member_rel, suffix=suffix), member_rel))
                continue
            try:
                data = zf.read(name)
            except Exception as exc:  # corrupt member: CRC error, bad compression…
                yield Item(error=error_entry(member_rel, RecordError("E008", path=member_rel, detail=str(exc)), member_rel))
                continue
            yield from read_bytes(data, member_rel, suffix)


def discover(paths: list[str | os.PathLike]) -> Iterator[tuple[Path, str] | Item]:
    """Yield ``(file, relative name)`` for every input file, or an error Item."""
    for p in paths:
        p = Path(p)
        if not p.exists() and not p.is_symlink():
            yield Item(error=error_entry(str(p), RecordError("E001", path=str(p))))
            continue
        if p.is_file():
            yield p, p.name
            continue
        root = p.resolve()
        for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
            dirnames.sort()
            d = Path(dirpath)
            # symlinked folders: follow only when they stay inside root
            for dn in list(dirnames):
                full = d / dn
                if full.is_symlink():
                    dirnames.remove(dn)
                    rel = str(full.relative_to(p))
                    if _inside(full, root):
                        yield from _walk_inside(full, p, root)
                    else:
                        yield Item(error=error_entry(rel, RecordError("E007", path=rel)))
            for fn in sorted(filenames):
                full = d / fn
                rel = str(full.relative_to(p))
                if full.suffix.lower() not in SUFFIXES:
                    continue
                if full.is_symlink() and not _inside(full, root):
                    yield Item(error=error_entry(rel, RecordError("E007", path=rel)))
                    continue
                yield full, rel


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def _walk_inside(link: Path, top: Path, root: Path) -> Iterator[tuple[Path, str]]:
    for dirpath, dirnames, filenames in os.walk(link, followlinks=False):
        dirnames.sort()
        for fn in sorted(filenames):
            full = Path(dirpath) / fn
            if full.suffix.lower() in SUFFIXES and _inside(full, root):
                yield full, str(full.relative_to(top))


def read_inputs(paths: list[str | os.PathLike]) -> Iterator[Item]:
    """Every article from every input path, in a stable order."""
    for x in discover(paths):
        if isinstance(x, Item):
            yield x
        else:
            yield from read_file(*x)
