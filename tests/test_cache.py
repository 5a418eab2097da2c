"""The result cache's key and entries (pipeline.cache)."""
import shutil
from pathlib import Path

import pipeline
from pipeline import cache


def _copy(tmp_path) -> Path:
    root = tmp_path / "pipeline"
    shutil.copytree(Path(pipeline.__file__).parent, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_editing_a_word_list_or_a_module_changes_the_key(tmp_path):
    root = _copy(tmp_path)
    base = cache.code_digest(root)
    assert cache.code_digest(root) == base  # stable
    lst = root / "lang" / "ar" / "test_added.txt"
    lst.write_text("كلمة\n", encoding="utf-8")
    cache.code_digest.cache_clear()
    with_list = cache.code_digest(root)
    assert with_list != base
    (root / "record.py").write_text((root / "record.py").read_text() + "\n# edit\n")
    cache.code_digest.cache_clear()
    assert cache.code_digest(root) not in (base, with_list)


def test_presentation_code_does_not_change_the_key(tmp_path):
    root = _copy(tmp_path)
    base = cache.code_digest(root)
    (root / "cli.py").write_text((root / "cli.py").read_text() + "\n# edit\n")
    cache.code_digest.cache_clear()
    assert cache.code_digest(root) == base


def test_entries_round_trip_and_damage_is_a_miss():
    lines = [b'{"id":"a","text":"x"}\n', b'{"id":"a","text":"x","norm":1}\n']
    data = cache.encode(lines, [("id", "text"), ("id", "text", "norm")], None)
    assert data.count(b'"text":"x"') == 1  # the first snapshot is derived from the last
    got, err = cache.decode(data)
    assert got == lines and err is None
    assert cache.decode(data[:-3]) is None
