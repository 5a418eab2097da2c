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


@pytest.mark.parametrize("name", sorted(ar.NAME_LISTS))
def test_name_list_has_provenance_and_no_duplicates(name):
    path = ar.HERE / "names" / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"{path.name} not compiled yet")
    head = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()[:15] if line.startswith("#"))
    assert "Provenance" in head or "provenance" in head, f"{name}: no provenance in the header"
    rows = ar.name_variants(name)
    assert len(rows) >= 20
    # variants of one entry may share a key (جدة | جده); two entries may not
    from collections import Counter

    per_row = Counter(k for row in rows for k in {ar.key(v) for v in row})
    dups = sorted(k for k, n in per_row.items() if n > 1)
    assert len(dups) <= len(rows) // 50, f"{name}: spellings in two entries: {dups[:10]}"
    assert all(v and not STRAY.search(v) for row in rows for v in row)


def test_name_lists_feed_the_entity_features():
    lists = ar.name_lists()
    if not lists:
        pytest.skip("no compiled name lists")
    assert set(lists) <= {"PER", "ORG", "LOC"}
    if "LOC" in lists:
        assert ar.key("الرياض") in {ar.key(x) for x in lists["LOC"]}


def test_attribution_lexicon_reads_its_lists_from_the_data_files():
    from pipeline.attributions import lexicon as lx

    assert ar.words("attr_titles") <= lx.TITLES and ar.words("attr_org") <= lx.ORG
    # a hamza spelling that the old in-code set held in a form no lookup could reach
    assert ar.key("مؤلف") in lx.TITLES
    from pipeline import numbers

    assert numbers.UNITS[ar.key("ثلاثة")] == 3 and numbers.TENS[ar.key("عشرين")] == 20  # the one reader's tables
    # a paradigm form removed as "another word" never becomes a cue verb
    assert ar.key("مقر") not in lx.VERBS and ar.key("قال") in lx.VERBS


def test_events_lookups_use_the_one_key_so_either_hamza_seat_matches():
    # the coder's word sets and its look-ups are both in pipeline.lang.ar's key (ؤ ئ folded):
    # "مسؤولية" and "مسئولية" reach the same REFERENCE entry, "مئات" and "مءات" the same count noun
    from pipeline.arabic import normalise
    from pipeline.events import coder

    for spelling in ("ومسؤولية", "ومسئولية"):
        assert coder._stems(normalise(spelling)) & coder.REFERENCE
    assert ar.fold(normalise("مئات")) in coder.COUNT_NOUNS and ar.fold(normalise("مءات")) in coder.COUNT_NOUNS
    assert ar.fold(normalise("يؤدي")) in coder.SUPPORT  # a generated paradigm form with a seat, keyed too
