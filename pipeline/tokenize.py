"""Offset-preserving word tokenisation and sentence splitting.

Tokens follow camel-tools' ``simple_word_tokenize`` rules (split on whitespace,
every punctuation or symbol character is a token of its own, everything else
runs together), but are found with one regular expression over the original
text, so each token keeps its ``start``/``end``.  ``tests/test_tokenize.py``
checks that the token strings equal camel-tools' own output.
"""
from __future__ import annotations

import regex

# \p{P}: punctuation, \p{S}: symbols (camel-tools' UNICODE_PUNCT_SYMBOL_CHARSET is
# built from the same two categories).
TOKEN_RE = regex.compile(r"[\p{P}\p{S}]|[^\s\p{P}\p{S}]+", regex.V1)

SENT_END = set(".!?؟…")
OPEN_QUOTES = {"«": "»", "“": "”", "„": "”", "‹": "›"}
CLOSERS = set("»”›\"')]")
PARA_RE = regex.compile(r"\n\s*")


def tokens(text: str):
    """Yield ``(start, end)`` for every token."""
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end()


def sentences(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Split into sentences.  Returns ``(start, end, first_token, last_token+1)``.

    A sentence ends after ``. ! ? ؟ …`` (with any closing quotes or brackets that
    follow) when the next token starts on the same line, unless a « or “ quote
    is still open; it always ends at a line break.  ``،`` and ``؛`` are clause
    punctuation, not sentence ends.  Decimal points and dotted abbreviations
    (a single letter before the dot, e.g. "د.", "U.S.") do not end a sentence.
    """
    out = []
    n = len(toks)
    if n == 0:
        return out
    first = 0
    depth = 0
    i = 0
    while i < n:
        s, e = toks[i]
        ch = text[s:e]
        end_here = False
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in ("»", "”", "›") and depth:
            depth -= 1
            # “… انتهى الأمر.” closes a quoted sentence: end after the quote
            if depth == 0 and i > first and text[toks[i - 1][0]] in SENT_END and toks[i - 1][1] == s:
                end_here = True
        if ch in SENT_END and depth == 0 and not end_here:
            prev_len = toks[i - 1][1] - toks[i - 1][0] if i > first else 0
            is_abbrev = ch == "." and i > first and prev_len == 1 and toks[i - 1][1] == s
            is_decimal = (
                ch == "."
                and i + 1 < n
                and toks[i + 1][0] == e
                and text[toks[i + 1][0]].isdigit()
                and i > first
                and text[s - 1].isdigit()
            )
            if not is_abbrev and not is_decimal:
                # absorb following sentence-final punctuation and closers
                while i + 1 < n and toks[i + 1][0] == toks[i][1] and text[toks[i + 1][0]] in (SENT_END | CLOSERS):
                    i += 1
                end_here = True
        if not end_here and i + 1 < n and "\n" in text[e : toks[i + 1][0]]:
            end_here = True  # paragraph / line break
            depth = 0
        if end_here or i == n - 1:
            out.append((toks[first][0], toks[i][1], first, i + 1))
            first = i + 1
        i += 1
    return out
