"""One noun-phrase chunker for every stage.

Without a parser, a noun phrase is found by growing it one token at a time from the word
next to an anchor (a cue verb, an event trigger, a preposition), forwards or backwards, until a
rule of the stage's *grammar* ends it.  The growth loop is here, once; a grammar is an ordered
tuple of named rules, each a small predicate that reads the token the phrase would take next
and answers one of:

* ``None``: the rule does not apply; the next rule is asked (a token no rule stops is taken);
* :data:`END`: the phrase ends before this token (punctuation, a complementizer, a new clause …);
* :data:`LAST`: the phrase takes this token and ends (a conjunction-prefixed word that opens
  the phrase when read backwards);
* ``n > 0``: the phrase takes ``n`` tokens at once (a short quoted name, an acronym in brackets).

:func:`grow` returns the phrase's edge and the name of the rule that ended it, so a decision
can be read back ("ended by ``conjunct``").  The grammars themselves stay with the stage that
owns them (``attributions.source`` for sources, ``events.actors`` for actors and targets): a
source phrase runs long ("المتحدث الرسمي باسم وزارة الداخلية اللواء منصور التركي") and ends at
a complementizer, an actor phrase is short and ends at the next event word or preposition.
Their word lists are data (``pipeline/lang/ar``).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: a rule's answer: the phrase ends before the token
END = 0
#: a rule's answer: the phrase takes the token and ends
LAST = -1

#: ``rule(view, anchor, j) -> None | END | LAST | n``: ``view`` is the stage's sentence view,
#: ``anchor`` the edge the phrase grows from, ``j`` the token it would take next
Rule = Callable[[Any, int, int], "int | None"]
Grammar = tuple[tuple[str, Rule], ...]


def grow(view: Any, anchor: int, limit: int, grammar: Grammar, max_len: int, backward: bool = False) -> tuple[int, str]:
    """Grow a phrase from ``anchor`` towards ``limit`` (exclusive going forwards, inclusive
    going backwards) by ``grammar``, at most ``max_len`` tokens.  Returns ``(edge, reason)``:
    the phrase is ``[anchor, edge)`` forwards and ``[edge, anchor)`` backwards; ``reason`` is
    the rule that ended it, ``"max_len"`` or ``"limit"``."""
    step = -1 if backward else 1
    k = anchor
    while (k > limit if backward else k < limit) and abs(k - anchor) < max_len:
        j = k - 1 if backward else k
        for name, rule in grammar:
            r = rule(view, anchor, j)
            if r is None:
                continue
            if r == END:
                return k, name
            if r == LAST:
                return k + step, name
            k += step * r
            break
        else:
            k += step
    return k, ("max_len" if abs(k - anchor) >= max_len else "limit")
