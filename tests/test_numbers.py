"""The one number reader (pipeline/numbers.py), on normalised tokens."""
from __future__ import annotations

import pytest

from pipeline.arabic import normalise
from pipeline.numbers import read_number, word_value


def toks(s: str) -> list[str]:
    return [normalise(w) for w in s.split()]


@pytest.mark.parametrize("text,value,used", [
    ("28 شخصا", 28, 1),
    ("٢٨ شخصا", 28, 1),  # Arabic-Indic digits, folded by normalise
    ("ثلاثة مسؤولين", 3, 1),
    ("ثلاث نساء", 3, 1),
    ("اثنتين من", 2, 1),
    ("أربعة عشر قتيلا", 14, 2),
    ("أحد عشر لاعبا", 11, 2),
    ("اثنتا عشرة سيدة", 12, 2),
    ("خمسة وعشرين جريحا", 25, 2),
    ("خمسة و عشرين جريحا", 25, 3),
    ("عشرين", 20, 1),
    ("ثلاث مئة شخص", 300, 2),
    ("ثلاثة آلاف متظاهر", 3000, 2),
    ("مائتي قتيل", 200, 1),
    ("ألفين", 2000, 1),
    ("و20 آخرين", 20, 1),
    ("بثلاثة صواريخ", 3, 1),
])
def test_reads_digits_and_words(text, value, used):
    assert read_number(toks(text), 0, len(toks(text))) == (value, used)


def test_what_is_no_number():
    assert read_number(toks("آلاف المتظاهرين"), 0, 2) is None  # a vague quantity, not 1000
    assert read_number(toks("الاثنين الماضي"), 0, 2) is None  # Monday: no article unless asked
    assert read_number(toks("الاثنين"), 0, 1, article=True) == (2, 1)  # "المسؤولين الاثنين"
    assert read_number(toks("1234567890"), 0, 1) is None  # an identifier, not a count
    assert read_number(toks("أحد المسؤولين"), 0, 2, lone_teen_first=False) is None
    assert read_number(toks("أحد المسؤولين"), 0, 2) == (1, 1)  # the events' reading: one of them
    assert read_number(toks("ثلاثة"), 1, 1) is None  # past the end


def test_word_value_folds_hamza_and_proclitics():
    assert word_value(normalise("مئة")) == word_value(normalise("مائة")) == 100
    assert word_value(normalise("والثلاثة")) is None and word_value(normalise("والثلاثة"), article=True) == 3
    assert word_value(normalise("قتيل")) is None
