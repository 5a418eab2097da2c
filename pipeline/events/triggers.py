"""Trigger matching: which tokens of a sentence are event words, and which
lexicon entry each one is.

A token's normalised form is looked up as is and with its proclitics removed
(و ف ب ل ك س, the article ال and their combinations), then with an object
pronoun suffix removed.  A verb entry reached through a nominal prefix (ب ال
لل بال …: بقتل، بالفرار) is read as its verbal noun.  The trigger span is the
whole token (clitics included): the feed shows the word as written.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import ar
from .. import clitics
from .lexicon import Entry, curated_forms, derived_forms, past_forms

SUFFIXES = ("هما", "هم", "ها", "هن", "ه", "كم", "نا", "ني")
WINDOW_NEXT = 6
# words after which a bare past-tense form (خطف، قتل، قصف) is the verbal noun
MASDAR_BEFORE = ar.words("ev_masdar_before")


@dataclass
class Match:
    index: int          # token index in the record
    end_index: int      # last token index + 1 (multi-token forms)
    entry: Entry
    nominal: bool       # reached as a noun (verbal noun / nominal prefix)
    future: bool        # س prefix on a present verb
    prefix: str
    suffix: bool = False  # an object pronoun was attached (نقله، خطفوها)
    past: bool = True     # finite verb in the past (or passive) rather than the present


@lru_cache(maxsize=1 << 18)
def candidates(norm: str) -> tuple:
    """The (stem, prefix, nominal) readings of a normalised token, from the one clitic
    analyser's chains (pipeline/clitics.py; cached: the vocabulary of a news stream repeats)."""
    # (the analyser's own cache is bypassed: this one already holds the word)
    return tuple((stem, ch.text, ch.nominal) if ch else (stem, "", False) for stem, ch in clitics.readings.__wrapped__(norm))


def _reading_ok(stem: str, prefix: str, nominal: bool, hit) -> bool:
    """Readings that Arabic morphology rules out:

    * the future prefix س only goes with a present-tense verb of the 2nd/3rd
      person: "سفر" (travel) is not س + فر (fled), "سافر" (travelled) not س + أفر;
    * a past-tense verb form reached through a nominal prefix (ال، بال، لل …) is
      its verbal noun only where the two are spelled alike: Form I (قتل → القتل،
      بقتل) and Forms V/VI (تقدم → التقدم، تظاهر → التظاهر).  Elsewhere ال + past
      form is a participle or another noun: "الطالب" is the student, not "he
      demanded" (the verbal noun is مطالبة, listed as a noun)."""
    if prefix.endswith("س") and stem[:1] not in "يتن":
        return False  # (and not س + أ: "سافر" is travelled, not "I will flee")
    if nominal and prefix and all(e.kind != "noun" for e in hit) and len(stem) >= 4 and not stem.startswith("ت"):
        return False
    return True


def _possessed(stem: str, s: str) -> tuple[str, ...]:
    """The noun a possessive pronoun may be attached to: "هجومهم" → هجوم; before a
    pronoun the ta marbuta is written ت ("زيارته" → زياره, normalised)."""
    base = stem[: -len(s)]
    return (base, base[:-1] + "ه") if base.endswith("ت") else (base,)


def _lookup(norm: str, table: dict):
    for stem, prefix, nominal in candidates(norm):
        hit = table.get(stem)
        if hit and _reading_ok(stem, prefix, nominal, hit):
            return stem, prefix, nominal, hit, False
        for s in SUFFIXES if not nominal else ():
            if stem.endswith(s) and len(stem) - len(s) >= 3:
                hit = table.get(stem[: -len(s)])
                if hit and any(e.kind != "noun" for e in hit) and _reading_ok(stem[: -len(s)], prefix, nominal, hit):
                    return stem[: -len(s)], prefix, nominal, [e for e in hit if e.kind != "noun"], True
    # a listed noun with a possessive pronoun ("هجومهم", "اجتماعها", "بزيارته"): never after the
    # article (ال + pronoun is not Arabic), and read as the noun, not as the verb with an object
    for stem, prefix, _nominal in candidates(norm):
        if prefix.endswith("ال") or prefix.endswith("لل"):
            continue
        for s in SUFFIXES:
            if stem.endswith(s) and len(stem) - len(s) >= 3:
                for base in _possessed(stem, s):
                    if base.startswith("ال"):
                        continue  # a listed form with its article ("الهجوم")
                    hit = [e for e in table.get(base, ()) if e.kind == "noun"]
                    if hit:
                        return base, prefix, True, hit, False
    return None


DAWN_NEXT = ar.words("ev_dawn_next")
DAWN_PREV = ar.words("ev_dawn_prev")


def _is_dawn(stem, norms, i, start, end) -> bool:
    nxt = norms[i + 1] if i + 1 < end else ""
    if nxt.startswith(("نفس", "انفس")):
        return False
    if stem == "فجرا" or nxt.isdigit():
        return True  # فجراً (at dawn); "فجر 5" (a rocket's name)
    return nxt in DAWN_NEXT or (i > start and norms[i - 1] in DAWN_PREV)


MASDARS = ar.words("ev_masdars")


def _nominal_word(w: str, single: dict) -> bool:
    """Is the previous token a noun (so that "و+فعل" after it is a coordinated verbal noun)?"""
    for stem, prefix, nominal in candidates(w):
        if nominal and prefix.endswith("ال"):
            return True
        if stem in MASDARS or any(e.kind == "noun" for e in single.get(stem, ())):
            return True
    return False


_LOOKUP_CACHE: dict = {}


def _cached_lookup(norm: str, table: dict, key: str):
    """_lookup memoised per table (the lexicon tables are built once per process)."""
    cache = _LOOKUP_CACHE.setdefault((key, id(table)), {})
    try:
        return cache[norm]
    except KeyError:
        if len(cache) > 300_000:
            cache.clear()
        res = cache[norm] = _lookup(norm, table)
        return res


def _context_ok(entry: Entry, norms: list[str], i: int, start: int, end: int) -> bool:
    """The entry's context conditions around token i: ``reject_prev``,
    ``reject_next`` (another sense of the word) and ``needs_next``."""
    if entry.reject_prev and i > start and norms[i - 1] in entry.reject_prev:
        return False  # "بما يتفق", "حالة وفاة": another sense of the word
    if entry.reject_next:
        for w in norms[i + 1: min(end, i + 6)]:
            if not w[:1].isalpha():
                break  # the clause ends
            if any(st in entry.reject_next for st, _, _ in candidates(w)):
                return False  # "رفض (المتحدث) التعليق", "تقدم بطلب": another sense of the verb
    if not entry.needs_next:
        return True
    window = norms[i + 1: min(end, i + 1 + (1 if entry.next_immediate else WINDOW_NEXT))]
    if entry.type == "PROTEST":
        # gathering verbs also take their protesters before them: "مليون متظاهر خرجوا"
        window = window + norms[max(0, i - 4):i]
    for w in window:
        for stem, _, _ in candidates(w):
            if stem in entry.needs_next:
                return True
    return False


def find(norms: list[str], start: int, end: int, use_derived: bool = True) -> list[Match]:
    """Trigger matches among tokens ``start..end`` (normalised forms ``norms``)."""
    single, multi = curated_forms()
    derived = derived_forms() if use_derived else {}
    out: list[Match] = []
    i = start
    while i < end:
        w = norms[i]
        if len(w) < 2 or not w[0].isalpha():
            i += 1
            continue
        # two-token forms first (ضربة جوية)
        if i + 1 < end:
            pair = w + " " + norms[i + 1]
            for stem, prefix, _nominal in candidates(pair):
                hit = multi.get(stem)
                if hit:
                    out.append(Match(i, i + 2, hit[0], True, False, prefix))
                    break
            else:
                hit = None
            if hit:
                i += 2
                continue
        found = _cached_lookup(w, single, "curated")
        src_derived = False
        if found is None and derived:
            found = _cached_lookup(w, derived, "derived")
            src_derived = found is not None
        if found is not None:
            stem, prefix, nominal, entries, suffix = found
            ok = [e for e in entries if _context_ok(e, norms, i, start, end)]
            if ok:
                e = ok[0]
                noun = e.kind == "noun" or nominal
                if src_derived and noun:
                    i += 1
                    continue  # derived lemmas only fire as finite verbs
                fut = prefix.endswith("س") and stem[:1] in "يتن"
                if e.lemma == "فجر" and _is_dawn(stem, norms, i, start, end):
                    i += 1
                    continue  # فجر / فجراً = dawn
                past = e.kind != "verb" or stem in past_forms(e.lemma)
                if not noun and e.kind == "verb" and stem == e.lemma and prefix in ("و", "ف") and i > start \
                        and _nominal_word(norms[i - 1], single):
                    noun = True  # "اغتصاب وقتل", "القتل والخطف": coordinated verbal nouns
                if not noun and e.kind == "verb" and stem == e.lemma and prefix == "" and i > start:
                    prev = norms[i - 1]
                    if ar.fold(prev) in MASDAR_BEFORE or (prev.endswith("ه") and len(prev) > 3 and not prev.startswith(("ال", "وال"))
                                                  and prev not in ("انه", "لانه", "بانه")):
                        noun = True  # "عملية خطف", "على قتل": the bare form is the verbal noun
                out.append(Match(i, i + 1, e, noun, fut, prefix, suffix or e.kind == "passive" and stem.endswith("ه"), past))
        i += 1
    return out
