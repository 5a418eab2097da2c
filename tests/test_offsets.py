"""Offsets: every span of every stage points at the exact words of the text."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pipeline.arabic import normalise, normalise_aligned, to_original
from pipeline.record import check_spans, iter_spans, new_record

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # harakat, shadda, sukun, tatweel
OTHER = "abcXYZ0123456789٠١٢٣٤٥٦٧٨٩۴۵ .,،؛؟!«»“”\"'()\n\t\u200c\u200d\u200f\u200eﻻﷲ"
arabic_text = st.text(alphabet=ARABIC + MARKS + OTHER, max_size=300)


@settings(max_examples=150, deadline=None)
@given(arabic_text)
def test_alignment_maps_every_normalised_char_back(text):
    norm, align = normalise_aligned(text)
    assert norm == normalise(text)
    prev = -1
    for i, ch in enumerate(norm):
        o = to_original(align, i)
        assert 0 <= o < len(text)
        assert o >= prev  # monotone
        prev = o
        # the original character normalises to a string containing this one
        assert ch in normalise(text[o])


@settings(max_examples=150, deadline=None)
@given(arabic_text)
def test_normalisation_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


@settings(max_examples=60, deadline=None)
@given(arabic_text)
def test_every_span_matches_text_through_all_stages(default_stages, text):
    rec = new_record("h", text, {})
    for stage in default_stages:
        rec = stage(rec)
        check_spans(rec)  # raises on any mismatch
    for _, sp in iter_spans(rec):
        assert rec["text"][sp["start"]:sp["end"]] == sp["text"]
    assert rec["text"] == text  # text is never changed


def test_normalise_folds_what_it_promises():
    assert normalise("إِلَى") == "الي"
    assert normalise("مدرسةٌ") == "مدرسه"
    assert normalise("الـــطالب") == "الطالب"
    assert normalise("٢٠٢٤ ۱۴") == "2024 14"
    assert normalise("ﻻ") == "لا"
    assert normalise("ﷲ") == "الله"
    assert normalise("أ\u200cب\u200f") == "اب"


def test_seed_spans_valid(seed_record):
    check_spans(seed_record)
    assert seed_record["tokens"] and seed_record["sentences"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=100))
def test_normalisation_is_idempotent_and_aligned_on_any_unicode(text):
    norm, align = normalise_aligned(text)
    assert normalise(norm) == norm
    for i in range(len(norm)):
        assert 0 <= to_original(align, i) < len(text)
