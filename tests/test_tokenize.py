"""Tokenisation follows camel-tools' rules and keeps offsets; sentence splitting."""
from __future__ import annotations

from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings, strategies as st

from pipeline.tokenize import sentences, tokens

ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة" "\u064e\u064f\u0650\u0651\u0640" "abcXYZ0123456789٠١٢٣" " \n\t.,،؛؟!«»“”\"'()-:/%"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_tokens_equal_camel_tools_and_keep_offsets(text):
    toks = list(tokens(text))
    assert [text[s:e] for s, e in toks] == simple_word_tokenize(text)
    assert all(0 <= s < e <= len(text) for s, e in toks)


def _split(text):
    toks = list(tokens(text))
    return [text[s:e] for s, e, _, _ in sentences(text, toks)]


def test_sentence_split_on_arabic_question_mark_and_full_stop():
    text = "هل وصل الوفد؟ نعم، وصل صباح اليوم. وبدأت المحادثات!"
    assert _split(text) == ["هل وصل الوفد؟", "نعم، وصل صباح اليوم.", "وبدأت المحادثات!"]


def test_comma_and_semicolon_do_not_end_a_sentence():
    text = "قال الوزير إن الاجتماع انتهى؛ وأضاف أن الوفد غادر، ثم عاد."
    assert _split(text) == [text]


def test_full_stop_inside_guillemets_does_not_split():
    text = "قال المتحدث: «لن نتراجع. سنواصل العمل» ثم غادر القاعة. وانتهى المؤتمر."
    assert _split(text) == ["قال المتحدث: «لن نتراجع. سنواصل العمل» ثم غادر القاعة.", "وانتهى المؤتمر."]


def test_closing_quote_stays_with_its_sentence():
    text = "وقال: “انتهى الأمر.” وغادر الجميع."
    assert _split(text) == ["وقال: “انتهى الأمر.”", "وغادر الجميع."]


def test_line_break_ends_a_sentence_and_decimals_do_not():
    text = "ارتفع المؤشر 2.5 في المئة\nوتراجعت الأسهم"
    assert _split(text) == ["ارتفع المؤشر 2.5 في المئة", "وتراجعت الأسهم"]


def test_unbalanced_quote_does_not_swallow_the_article():
    text = "قال «لن نتراجع. ثم غادر.\nوانتهى المؤتمر. وعاد الهدوء."
    got = _split(text)
    assert got[-2:] == ["وانتهى المؤتمر.", "وعاد الهدوء."]
