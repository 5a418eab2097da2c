"""Every Arabic word list under pipeline/lang/ar: well-formed, no duplicates in
key form, no disabled spellings, every exclusion with its reason."""
import re

import pytest

from pipeline.lang import ar

STRAY = re.compile(r"[_\\*\[\]{}<>|]|\s$|^\s")


@pytest.mark.parametrize("name", ar.names())
def test_list_is_clean(name):
    entries = ar.raw_entries(name)
    assert entries, f"{name}: empty list"
    keys = [ar.key(e) for e in entries]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, f"{name}: entries that are the same once keyed: {dups}"
    stray = [e for e in entries if STRAY.search(e)]
    assert not stray, f"{name}: entries with stray markers: {stray}"
    for k, reason in ar.exclusions(name).items():
        assert reason, f"{name}: exclusion {k!r} has no reason"
        assert k not in ar.words(name)


def test_key_folds_spelling_variants():
    assert ar.key("مسؤول") == ar.key("مسئول") == ar.key("مسءول")
    assert ar.key("إعلان") == ar.key("اعلان")
    assert ar.key("وزارة") == ar.key("وزاره")


def test_digest_changes_with_a_list(tmp_path, monkeypatch):
    before = ar.digest()
    (tmp_path / "x.txt").write_text("كلمة\n", encoding="utf-8")
    monkeypatch.setattr(ar, "HERE", tmp_path)
    ar.digest.cache_clear()
    try:
        assert ar.digest() != before
    finally:
        monkeypatch.undo()
        ar.digest.cache_clear()
