"""The one place that hashes: annotated text, model files, model folders, source trees.

Every hash the project writes goes through here, so a manifest, a cache key and a standoff
annotation agree on how a thing is hashed:

* :func:`text_sha1`: the 40-hex sha1 of a text's UTF-8, the key of a standoff annotation (the
  unit it was made on) and of the events split;
* :func:`files`: a hash of files' bytes read in the order given (a model file, a model and the
  word vectors it was trained with), cut to ``n`` hex digits when ``n`` is given;
* :func:`tree`: a hash of the files under a folder, each by its path relative to the folder and
  its bytes, in sorted order (a model folder, the package's sources, the word lists).
  ``separated`` puts a NUL after the path and after the bytes (the code and word-list digests);
  without it path and bytes run together (the model-folder digests).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def files(paths: Iterable[Path], algo: str = "sha256", n: int | None = None) -> str:
    h = hashlib.new(algo)
    for p in paths:
        h.update(Path(p).read_bytes())
    d = h.hexdigest()
    return d[:n] if n else d


def tree(root: Path, keep: Callable[[str, Path], bool] | None = None, pattern: str = "*",
         separated: bool = False, n: int = 16) -> str:
    """sha256 over the files under ``root`` matching ``pattern`` (and ``keep(rel, path)``)."""
    root = Path(root)
    h = hashlib.sha256()
    for p in sorted(root.rglob(pattern)):
        if not p.is_file():
            continue
        rel = p.relative_to(root).as_posix()
        if keep is not None and not keep(rel, p):
            continue
        if separated:
            h.update(rel.encode() + b"\0" + p.read_bytes() + b"\0")
        else:
            h.update(rel.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:n]
