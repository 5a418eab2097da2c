"""One span index for every stage: items with character offsets (entities, event triggers),
sorted by start and searched by bisection, so that finding what lies under a span stays cheap
however long the article is (a linear scan per look-up made long articles quadratic)."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable


def _own_span(item: dict) -> tuple[int, int]:
    return item["start"], item["end"]


class SpanIndex:
    """``overlapping(s, e)``: the items sharing a character with [s, e); ``within(s, e)``: the items
    that start at or after ``s`` and end by ``e``.  ``span`` reads an item's (start, end) (default:
    its own ``start`` / ``end``; an event: its trigger's).  Items keep their start order (stable for
    equal starts)."""

    def __init__(self, items: Iterable[dict], span: Callable[[dict], tuple[int, int]] = _own_span):
        self.span = span
        self.items = sorted(items, key=lambda it: span(it)[0])
        self.starts = [span(it)[0] for it in self.items]
        self.maxlen = max((span(it)[1] - span(it)[0] for it in self.items), default=0)

    def overlapping(self, s: int, e: int) -> list[dict]:
        lo = bisect_left(self.starts, s - self.maxlen)
        hi = bisect_left(self.starts, e)
        return [it for it in self.items[lo:hi] if self.span(it)[0] < e and s < self.span(it)[1]]

    def within(self, s: int, e: int) -> list[dict]:
        lo, hi = bisect_left(self.starts, s), bisect_left(self.starts, e)
        return [it for it in self.items[lo:hi] if self.span(it)[1] <= e]
