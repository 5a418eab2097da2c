"""Annotators' inline markup, read back into character spans.

Two markups, both inserted into an unchanged copy of the text:

* entities: ``[[TYPE|text]]`` (no nesting), e.g. ``و[[LOC|الرياض]]``;
* numbered tags: ``<c1>…</c1>``, ``<s2>…</s2>``, ``<t3>…</t3>`` … (attributions:
  c cue, s source, q content; events: t trigger, a actor, r recipient).  Tags
  of different items may nest or overlap; a tag letter+number opens once.

Removing the markup must give back the original text exactly; when it does
not, :class:`MarkupError` says where the two first differ.
"""
from __future__ import annotations

import re

ENTITY_RE = re.compile(r"\[\[([A-Z]+)\|(.*?)\]\]", re.S)
TAG_RE = re.compile(r"<(/?)([a-z])(\d+)>")
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


class MarkupError(ValueError):
    pass


def _first_difference(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"text differs at {i}: {a[max(0, i - 15):i + 15]!r} vs {b[max(0, i - 15):i + 15]!r}"


def parse_entities(marked: str, original: str) -> list[tuple[int, int, str]]:
    """``(start, end, TYPE)`` spans of ``[[TYPE|text]]`` markup in ``original``."""
    out, plain, pos = [], [], 0
    for m in ENTITY_RE.finditer(marked):
        plain.append(marked[pos:m.start()])
        typ, inner = m.group(1), m.group(2)
        if typ not in ENTITY_TYPES:
            raise MarkupError(f"unknown entity type {typ!r}")
        if "[[" in inner or "]]" in inner:
            raise MarkupError("nested entity markup")
        start = sum(map(len, plain))
        plain.append(inner)
        out.append((start, start + len(inner), typ))
        pos = m.end()
    plain.append(marked[pos:])
    text = "".join(plain)
    if "[[" in text or "]]" in text:
        raise MarkupError("unbalanced [[ ]] markup")
    if text != original:
        raise MarkupError(_first_difference(text, original))
    for s, e, _ in out:
        if s == e or original[s:e] != original[s:e].strip():
            raise MarkupError(f"empty or space-padded entity at {s}")
    return out


def parse_tags(marked: str, original: str, letters: str, repeat: str = "") -> dict[tuple, tuple[int, int]]:
    """``{(letter, n): (start, end)}`` for numbered tags with the given letters.
    Letters in ``repeat`` may be used more than once per item (an actor named in
    two places): the second span is keyed ``(letter, n, 2)``, and so on."""
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    open_at: dict[tuple[str, int], int] = {}
    plain, pos, length = [], 0, 0
    for m in TAG_RE.finditer(marked):
        closing, letter, n = m.group(1), m.group(2), int(m.group(3))
        if letter not in letters:
            continue
        chunk = marked[pos:m.start()]
        plain.append(chunk)
        length += len(chunk)
        key = (letter, n)
        if not closing:
            if key in open_at or (key in spans and letter not in repeat):
                raise MarkupError(f"<{letter}{n}> opened twice")
            open_at[key] = length
        else:
            if key not in open_at:
                raise MarkupError(f"</{letter}{n}> closes nothing")
            k, store_key = 2, key
            while store_key in spans:
                store_key, k = (letter, n, k), k + 1
            spans[store_key] = (open_at.pop(key), length)
        pos = m.end()
    plain.append(marked[pos:])
    if open_at:
        raise MarkupError(f"unclosed tags: {sorted(open_at)}")
    text = "".join(plain)
    if text != original:
        raise MarkupError(_first_difference(text, original))
    for key, (s, e) in spans.items():
        if s == e:
            raise MarkupError(f"empty span {key}")
        # annotators sometimes include an edge space: trim it, never the text
        while s < e and original[s].isspace():
            s += 1
        while e > s and original[e - 1].isspace():
            e -= 1
        spans[key] = (s, e)
    return spans


def parse_fields(column: str) -> dict[int, dict[str, str]]:
    """``1:named=1,count=2,kind=anonymous;2:ASSAULT,mode=kill`` →
    ``{1: {"named": "1", …}, 2: {"category": "ASSAULT", "mode": "kill"}}``.
    A bare value (no ``=``) is stored under ``category``; ``none`` is no item."""
    column = column.strip()
    if column in ("", "none"):
        return {}
    out: dict[int, dict[str, str]] = {}
    for part in filter(None, (p.strip() for p in column.split(";"))):
        num, _, rest = part.partition(":")
        if not num.strip().isdigit():
            raise MarkupError(f"bad item {part!r}")
        fields: dict[str, str] = {}
        for kv in filter(None, (x.strip() for x in rest.split(","))):
            k, eq, v = kv.partition("=")
            if eq:
                fields[k.strip()] = v.strip()
            else:
                fields["category"] = k.strip()
        out[int(num)] = fields
    return out
