"""The one hashing module (pipeline.digest): what each digest covers, so manifests, cache keys
and standoff annotations hash the same way."""
from __future__ import annotations

import hashlib

from pipeline.digest import files, text_sha1, tree


def test_text_sha1_is_the_standoff_key():
    assert text_sha1("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d"
    assert text_sha1("قال المصدر") == hashlib.sha1("قال المصدر".encode("utf-8")).hexdigest()


def test_files_reads_bytes_in_the_order_given(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"model")
    b.write_bytes(b"vectors")
    assert files([a, b]) == hashlib.sha256(b"modelvectors").hexdigest()
    assert files([a, b]) != files([b, a])
    assert files([a], "sha1", n=12) == hashlib.sha1(b"model").hexdigest()[:12]


def test_tree_covers_paths_and_bytes(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "w.txt").write_text("كلمة\n", encoding="utf-8")
    (tmp_path / "x.py").write_text("x = 1\n", encoding="utf-8")
    plain = hashlib.sha256(b"sub/w.txt" + "كلمة\n".encode() + b"x.py" + b"x = 1\n").hexdigest()[:16]
    assert tree(tmp_path) == plain
    sep = hashlib.sha256(b"sub/w.txt\0" + "كلمة\n".encode() + b"\0").hexdigest()[:16]
    assert tree(tmp_path, pattern="*.txt", separated=True) == sep
    assert tree(tmp_path, keep=lambda rel, p: p.suffix == ".txt", separated=True) == sep
    before = tree(tmp_path)
    (tmp_path / "x.py").rename(tmp_path / "y.py")  # same bytes, another name
    assert tree(tmp_path) != before
