"""The fixed dev split of the PLOVER gold: a held-out part chosen by a hash of
the sentence id, fixed before any tuning (never look at its errors)."""
from __future__ import annotations

from ..digest import text_sha1

HELD_OUT_PERCENT = 30


def is_held_out(sentence_id: str) -> bool:
    """True for the ~30% of sentence ids held out from lexicon building."""
    h = text_sha1(sentence_id)
    return int(h[:8], 16) % 100 < HELD_OUT_PERCENT
