"""Content: the span of what is claimed.

* after a complement (أنّ/إنّ/بأن clause, a colon, a quotation): from the
  complement to the end of the sentence, or to the next cue of the same
  sentence ("…، مضيفًا أن …" starts a new attribution), or to the closing
  quote mark when the content opens with one;
* cue-phrase-first (وفقًا لما ذكره …، فقد …): the rest of the sentence after
  the source phrase (after a comma and فقد/فإن);
* content-first (…»، قال الوزير / …، بحسب التقرير / كما أفاد ناشطون): the
  quotation before the cue, or the sentence up to the cue clause.

Content never runs across sentences except inside an open quotation (the
tokeniser keeps a quotation in one sentence): nothing in the text says that
the next sentence is still the source's claim.

A content that is exactly one quotation is given without its quote marks;
bare أن is left out, أنه / إنها (which carry the claim's subject) are kept.
"""
from __future__ import annotations

from ..lang import ar
from .cue import OPEN_Q, SENT_PUNCT, Ctx

TRAIL = {"،", ",", ".", ":", "؛", ";", "-", "–", "…", "!", "؟", "?"}
LEAD_SKIP = ar.words("attr_lead_skip")
CLOSERS = {"»", "”", "›", '"'}
CUT_BACK = ar.words("attr_cut_back")


def char_span(ctx: Ctx, s: int, e: int) -> tuple[int, int] | None:
    """Character span of tokens [s, e) after trimming punctuation at both ends;
    one enclosing quotation loses its marks."""
    while e > s and ctx.tok(e - 1) in TRAIL:
        e -= 1
    while s < e and ctx.tok(s) in TRAIL:
        s += 1
    if e <= s:
        return None
    if ctx.tok(s) in OPEN_Q:
        c = ctx.close_quote(s, e)
        if c == e - 1 and e - s > 2:
            s, e = s + 1, e - 1
        elif c is None and (e - s) > 1 and ctx.tok(e - 1) not in CLOSERS:
            s += 1  # an opening quote whose closer lies beyond the content
    elif ctx.tok(e - 1) in CLOSERS:
        # a closing mark without its opener inside the content
        op = None
        for k in range(s, e - 1):
            if ctx.tok(k) in OPEN_Q and OPEN_Q[ctx.tok(k)] == ctx.tok(e - 1):
                op = k
        if op is None:
            e -= 1
    while e > s and ctx.tok(e - 1) in TRAIL:
        e -= 1
    if e <= s:
        return None
    return ctx.toks[s]["start"], ctx.toks[e - 1]["end"]


def cut_before(ctx: Ctx, k: int, lo: int) -> int:
    """Move a cut point back over commas and conjunctions."""
    while k > lo and ctx.keys[k - 1] in CUT_BACK:
        k -= 1
    return k


def after_complement(ctx: Ctx, start: int, end: int) -> tuple[int, int] | None:
    """Content from ``start`` (the complement) to ``end``; a quotation that
    opens the content and closes before ``end`` ends it."""
    if start >= end:
        return None
    if ctx.tok(start) in OPEN_Q:
        c = ctx.close_quote(start, end)
        if c is not None:
            # the claim may go on after the quotation ("«…» وأن …"): stop at the close only
            # when what follows is punctuation or a new clause marker
            nxt = c + 1
            if nxt >= end or ctx.tok(nxt) in SENT_PUNCT or ctx.tok(nxt) in ("،", ",") or ctx.tok(nxt) in CLOSERS:
                end = c + 1
    return char_span(ctx, start, end)


def rest_after(ctx: Ctx, k: int, end: int) -> tuple[int, int] | None:
    """Content of a cue-phrase-first attribution: after the source phrase."""
    while k < end and (ctx.tok(k) in LEAD_SKIP or ctx.keys[k] in LEAD_SKIP):
        k += 1
    return char_span(ctx, k, end)


def before_cue(ctx: Ctx, lo: int, cue_start: int) -> tuple[int, int] | None:
    """Content-first: the quotation right before the cue, else [lo, cue clause)."""
    k = cue_start
    while k > lo and ctx.keys[k - 1] in ("،", ",", "كما", "وكما", "و", "-", "–"):
        k -= 1
    if k > lo and ctx.tok(k - 1) in CLOSERS:
        close = ctx.tok(k - 1)
        for o in range(k - 2, lo - 1, -1):
            if ctx.tok(o) in OPEN_Q and OPEN_Q[ctx.tok(o)] == close:
                return char_span(ctx, o, k)
    return char_span(ctx, lo, k)
