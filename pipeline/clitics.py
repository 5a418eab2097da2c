"""One clitic analyser for the whole pipeline.

Arabic writes its conjunctions, prepositions, the future particle, the article and the object
or possessive pronouns as part of the word: وبالحكومة = و + ب + ال + حكومة, قواتها = قوات +
ها.  Two questions are asked of a word, and both are answered here:

* **readings** (:func:`readings`): every way the word may start with a proclitic chain, with
  the stem left over; a lexicon lookup (an event trigger, a number word, a gate feature) tries
  them all and keeps the ones its lexicon knows.  The chains are one inventory
  (:data:`CHAINS`), generated from the grammar: a conjunction (و ف), then a preposition (ب ل ك)
  or the future particle (س), then the article (ال; after ل it is written ل: لل).
* **analysis** (:func:`analyse`): the one segmentation the tokenise stage records for a token
  (``seg`` in the record, offsets into the text), read by the later stages instead of guessing
  again.  It decides by named steps, in order:

  1. ``whole``: words listed as never split (function words and the words whose first or last
     letters only look like clitics: لكن، كان، هناك، الذي، وزير; ``lang/ar/clitic_whole.txt``);
  2. ``name``: a known name word (``models/ner/names.txt``) is whole (فالح، بنغازي، كاليفورنيا);
  3. ``article``: a chain ending in the article, on a stem of two letters or more; the article's
     alif must be written bare (ا or ٱ): إلغاء، أمس are not ال + …;
  4. ``prep_pronoun``: a preposition with a pronoun and nothing between (لهم، بها، وله);
  5. ``proclitic_name``: a chain without the article before a known name (لموسكو، وبدمشق);
  6. ``proclitic``: a chain without the article where the rest is a word of the news corpus
     (``models/clitics/words.tsv``, counts over the training days) seen at least
     :data:`MIN_COUNT` times and the whole word is not much more frequent than the rest
     (:data:`RATIO`): واضاف (3,617) → و + اضاف (165); وزير (4,451) stays, زير (2) is no word;
     the future س only on a present-tense verb (سيزور);
  7. ``enclitic``: on a stem without the article, a pronoun ending (longest first) where the
     stem is such a word (قواتها → قوات, زيارته → زيارة); a final ي is no pronoun where the
     word has a feminine ة form (عربي/عربية: a nisba adjective).

Where it is wrong (docs/annotation/clitics.md has the measured rate): a word whose first letter
is و and whose rest is also a frequent word (وحده، ورد، وطن) is split unless listed; a
preposition on an indefinite noun that is rare in the corpus is left on; a subject ending نا
(قلنا) is cut like the pronoun, by the guideline's convention.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .arabic import _INVISIBLE, normalise
from .errors import PipelineError
from .lang import ar

ROOT = Path(__file__).resolve().parents[1]
WORDS_FILE = ROOT / "models" / "clitics" / "words.tsv"
NAMES_FILE = ROOT / "models" / "ner" / "names.txt"

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")
FUTURE = "س"
#: object and possessive pronouns, longest first (ه after ها، هم، هما)
PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي")
MIN_COUNT = 3
#: a name that opens with a proclitic on a common noun: the noun is that frequent (name_start)
NAME_HEAD_MIN = 20
#: how much more frequent the whole word may be than its rest, by the clitic next to the rest:
#: و and ف go on any word (واضاف 3,617 is 22 times اضاف), ك "like" is rare on nouns (كتابي)
RATIO = {"و": 30, "ف": 30, "ب": 10, "ل": 10, "س": 10, "ك": 2, "": 30}
_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0640"}  # harakat, dagger alif, tatweel
_SKIP = _MARKS | _INVISIBLE  # neither is a letter: skipped when letters are counted
_BARE_ALIF = ("ا", "ٱ")
# first letters a clitic chain may start with, as written (و ف ب ل ك س, the article's alif), and
# last letters a pronoun may end with (ه ا م ن ي ك); a token with neither has no clitic.  Marks
# or tatweel at either end send the token through the full analysis.
_MAY_START = frozenset("وفبلكساٱ") | _MARKS
_MAY_END = frozenset("هامنيك") | _MARKS


def _plain(c: str) -> bool:
    """A letter of the basic Arabic block (presentation forms go through the full analysis)."""
    return "\u0621" <= c <= "\u064a"


@dataclass(frozen=True)
class Chain:
    """A proclitic chain as it is written after normalisation (``لل`` for ل + ال)."""
    text: str
    conj: str
    prep: str  # ب ل ك, or س (future), or ""
    article: bool

    @cached_property
    def simple(self) -> bool:
        """One conjunction or one of ب ل, with or without the article (و، بال، لل، فال): the
        chains a lexicon of nouns and verbs is looked up through (not ك, the future, or two
        proclitics)."""
        return not (self.conj and self.prep) and self.prep in ("", "ب", "ل")

    @cached_property
    def nominal(self) -> bool:
        """The chain marks a noun: the article, or ب / ك (ل and س also go on verbs)."""
        return self.article or self.prep in ("ب", "ك")


def _chains() -> tuple[Chain, ...]:
    out = []
    for c in ("",) + CONJ:
        for p in ("",) + PREP + (FUTURE,):
            for art in (False, True):
                if art and p == FUTURE:
                    continue
                text = c + ("لل" if art and p == "ل" else p + ("ال" if art else ""))
                if text:
                    out.append(Chain(text, c, p, art))
    return tuple(sorted(out, key=lambda ch: -len(ch.text)))


#: every proclitic chain, longest first
CHAINS = _chains()

#: the chains by their first letter (most words start with none of them: no loop at all)
_BY_FIRST: dict[str, tuple[Chain, ...]] = {}
for _ch in CHAINS:
    _BY_FIRST[_ch.text[0]] = _BY_FIRST.get(_ch.text[0], ()) + (_ch,)


@lru_cache(maxsize=1 << 18)
def readings(norm: str, min_stem: int = 2) -> tuple[tuple[str, Chain | None], ...]:
    """Every ``(stem, chain)`` reading of a normalised word: the word itself (chain None)
    first, then each chain it starts with, longest first, leaving ``min_stem`` letters."""
    out: list[tuple[str, Chain | None]] = [(norm, None)]
    for ch in _BY_FIRST.get(norm[:1], ()):
        if norm.startswith(ch.text) and len(norm) - len(ch.text) >= min_stem:
            out.append((norm[len(ch.text):], ch))
    return tuple(out)


def without_conjunction(key: str, known: Callable[[str], bool], min_len: int = 4) -> str | None:
    """The rest of a lookup key after a conjunction و/ف, when the key has ``min_len`` letters
    or more and ``known`` accepts the rest (وقال -> قال for the cue verbs; والمسؤول -> المسؤول
    for the source heads; وفي -> في for the function words); else None.  The one-conjunction
    lookups of the rule stages, which know their own lexicons, go through here."""
    if len(key) >= min_len and key[0] in CONJ and known(key[1:]):
        return key[1:]
    return None


def without_article(key: str) -> str:
    """A lookup key without its article (ال، بال، كال; لل before three letters or more), when
    two letters or more remain; else the key (المسؤول -> مسؤول، للشرطة -> شرطة).  The rule
    stages' source-head lookups go through here."""
    if key.startswith("لل") and len(key) > 4:
        return key[2:]
    for art in ("ال", "بال", "كال"):
        if key.startswith(art) and len(key) > len(art) + 1:
            return key[len(art):]
    return key


# ---------------------------------------------------------------- the lexicons


@lru_cache(maxsize=4)
def word_counts(path: Path = WORDS_FILE) -> dict[str, int]:
    """Token counts (lookup keys) over the training days: a missing model file is E205."""
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise PipelineError("E205", path=path, detail=type(e).__name__) from None
    out = {}
    for r in rows:
        if r and not r.startswith("#"):
            w, _, n = r.partition("\t")
            out[w] = int(n)
    return out


@lru_cache(maxsize=4)
def known_names(path: Path = NAMES_FILE) -> frozenset:
    """The name words (normalised); a missing or unreadable file is E205, never an empty set."""
    try:
        return frozenset(w for w in path.read_text(encoding="utf-8").split("\n") if w)
    except (OSError, UnicodeDecodeError) as e:
        raise PipelineError("E205", path=path, detail=type(e).__name__) from None


@lru_cache(maxsize=1)
def digests() -> dict[str, str]:
    """sha256 (16 hex digits) of each model file the analysis depends on, for the manifest and
    the result cache's key (E205 when one is missing)."""
    from .digest import files

    word_counts(), known_names()
    return {name: files([path], n=16)
            for name, path in (("words", WORDS_FILE), ("names", NAMES_FILE))}


# ---------------------------------------------------------------- the analysis


@dataclass(frozen=True)
class Seg:
    """A token's segmentation, as offsets into the token: ``[0, pro)`` the proclitics
    (conjunction, preposition, future), ``[pro, art)`` the article, ``[art, enc)`` the stem,
    ``[enc, len)`` the enclitic pronoun.  ``step`` names the rule that decided."""
    pro: int
    art: int
    enc: int
    step: str


def _letters(tok: str) -> tuple[list[int], str, str] | None:
    """Positions of the token's letters (marks, tatweel, zero-width marks skipped), the letters as written and
    normalised; None where normalising changes their number (a ligature: no offsets to give)."""
    pos = [i for i, c in enumerate(tok) if c not in _SKIP]
    raw = "".join(tok[i] for i in pos)
    let = normalise(raw)
    return (pos, raw, let) if len(let) == len(raw) else None


def _count(key: str) -> int:
    return word_counts().get(ar.fold(key), 0)


def _is_word(rest: str, whole: str, clitic: str = "") -> bool:
    """``rest`` is a word of the corpus and ``whole`` is not a word of its own that only
    looks like clitic + rest (وزير 4,451 against زير 2)."""
    n = _count(rest)
    return n >= MIN_COUNT and _count(whole) <= RATIO[clitic] * n


@lru_cache(maxsize=1 << 18)
def analyse(tok: str) -> Seg:
    """The segmentation of one token (see the module's steps)."""
    n = len(tok)
    if n < 3 or tok[0] < "\u0621" or (_plain(tok[0]) and tok[0] not in _MAY_START and _plain(tok[-1]) and tok[-1] not in _MAY_END):
        return Seg(0, 0, n, "none")  # not Arabic, or no proclitic letter first and no pronoun letter last
    letters = _letters(tok)
    if letters is None:
        return Seg(0, 0, n, "none")
    pos, raw, let = letters
    m = len(let)
    if m < 3 or not all("\u0621" <= c <= "\u064a" for c in let):
        return Seg(0, 0, n, "none")
    at = [0] + pos[1:] + [n]  # offset of the boundary before letter i (marks before the first letter go with it)
    key = ar.fold(let)
    if key in _whole():
        return Seg(0, 0, n, "whole")
    names = known_names()
    is_name = let in names  # (the normalised token: marks and tatweel are gone from both)
    # 3. the article (but لليبيا، وللبنان are ل + a name that begins with ل)
    for ch in _BY_FIRST.get(let[0], ()) if not is_name else ():
        if ch.article and ch.prep == "ل" and let.startswith(ch.text) and let[len(ch.text) - 1:] in names:
            return Seg(at[len(ch.text) - 1], at[len(ch.text) - 1], n, "proclitic_name")
    for ch in _BY_FIRST.get(let[0], ()):
        if not ch.article or not let.startswith(ch.text) or m - len(ch.text) < 2:
            continue
        if is_name and ch.text != "ال":
            continue  # فالنسيا، كاليفورنيا: a name is never cut before what looks like the article
        a = len(ch.text) - (1 if ch.prep == "ل" else 2)  # where the article starts
        if ch.prep != "ل" and tok[pos[a]] not in _BARE_ALIF:
            continue
        return Seg(at[len(ch.conj) + len(ch.prep)], at[len(ch.text)], n, "article")
    # 4. a preposition with its pronoun
    c = 1 if let[0] in CONJ and m > 3 else 0
    if let[c] in PREP and let[c + 1:] in PRONOUNS and not is_name:
        return Seg(at[c + 1], at[c + 1], at[c + 1], "prep_pronoun")
    # 5.–6. a chain without the article
    pro, step = 0, "name" if is_name else "stem"
    if let[0] in CONJ and ar.fold(let[1:]) in _whole() and not is_name:
        return Seg(at[1], at[1], n, "proclitic")  # وكان، وكذلك: و + a listed word
    for ch in _BY_FIRST.get(let[0], ()) if not is_name and m >= 4 else ():
        if ch.article or ch.prep == FUTURE or not let.startswith(ch.text) or m - len(ch.text) < 2:
            continue
        if let[len(ch.text):] in names and not (len(ch.text) == 2 and let[1:] in names) \
                and _count(let) <= RATIO[ch.prep or ch.conj] * max(_count(let[len(ch.text):]), MIN_COUNT):
            pro, step = len(ch.text), "proclitic_name"  # وبدمشق: و + ب + دمشق, but و + بغداد
            break
    for ch in _BY_FIRST.get(let[0], ()) if step == "stem" else ():
        if ch.article or not let.startswith(ch.text) or m - len(ch.text) < 2:
            continue
        rest = let[len(ch.text):]
        if ch.prep == FUTURE and not (rest[0] in "يتن" or tok[at[len(ch.text)]] == "أ"):
            continue  # the future only on a present-tense verb: سيزور، سأعود; not سفر، ساد
        if not _is_word(rest, let, ch.prep or ch.conj):
            continue
        if len(ch.text) == 2 and _count(let[1:]) > 10 * _count(rest):
            pro, step = 1, "proclitic"  # وبدأ: و + بدأ (1,033), not و + ب + دأ (66)
            break
        if _enclitic_stem_count(let) > max(_count(rest), _enclitic_stem_count(rest)):
            break  # كلها: كل + ها (كل is the likelier stem), not ك + لها
        pro, step = len(ch.text), "proclitic"
        break
    # 7. the enclitic pronoun, matched on the letters as written: a final ة or ى is no pronoun
    stem = let[pro:]
    enc = m
    for p in PRONOUNS if step != "proclitic_name" else ():
        if not raw.endswith(p) or len(stem) - len(p) < 2:
            continue
        base = stem[: -len(p)]
        if p.endswith("ي") and _count(stem + "ه") >= MIN_COUNT:
            break  # عربي / عربية، مدني / مدنية: a nisba adjective
        if is_name and p in ("ي", "ك"):
            break  # علي، مالك: a name's last letter
        # زيارته: before a pronoun ة is written ت, so the stem may be زيارة
        if (_is_word(base, stem) or (base.endswith("ت") and _is_word(base[:-1] + "ه", stem))) and _paradigm(base, p):
            enc = pro + len(stem) - len(p)
            step = "enclitic" if step in ("stem", "name") else step + "+enclitic"
        break
    return Seg(at[pro], at[pro], at[enc] if enc < m else n, step)


def _enclitic_stem_count(let: str) -> int:
    """Count of the word's stem when its last letters are read as a pronoun (0 if none)."""
    for p in PRONOUNS:
        if let.endswith(p) and len(let) - len(p) >= 2:
            return _count(let[: -len(p)])
    return 0


#: the other pronouns a stem must be seen with (ها is left out for ه: توجهاً، جنيهاً end in ها)
_OTHERS = {"ه": ("هم", "نا", "هما"), "ها": ("ه", "هم"), "هم": ("ه", "ها"), "هما": ("ه", "ها", "هم"), "هن": ("ه", "ها", "هم"),
           "نا": ("ه", "ها", "هم"), "ني": ("ه", "ها", "هم"), "ي": ("ه", "ها", "هم"), "ك": ("ه", "ها", "هم"),
           "كم": ("ه", "ها", "هم"), "كما": ("ه", "ها", "هم"), "كن": ("ه", "ها", "هم")}


def _paradigm(base: str, p: str) -> bool:
    """The stem is seen with another pronoun too (زيارته: زيارتهم; أسهم "shares": no أسه)."""
    return any(_count(base + q) >= MIN_COUNT for q in _OTHERS[p])


@lru_cache(maxsize=1)
def _whole() -> frozenset[str]:
    return ar.words("clitic_whole")


def token_seg(tok: dict) -> Seg:
    """The segmentation the tokenise stage recorded for a token (record offsets back to the
    token's own; no ``seg``: the token is one stem)."""
    seg = tok.get("seg")
    n = tok["end"] - tok["start"]
    if seg is None:
        return Seg(0, 0, n, "stem")
    s = tok["start"]
    return Seg(seg[0] - s, seg[1] - s, seg[2] - s, "recorded")


def name_start(tok: dict | str) -> int:
    """How many leading characters of a token that opens a name are proclitics, not the name:
    the conjunction and preposition before an article written ال (و|الأسد، ب|الكرملين) or
    before a known name (ل|موسكو).  Where the article is the ل of لل (للأمم) nothing is cut:
    the name would lose its article's letter.  ``tok``: a record's token, or a bare string."""
    if isinstance(tok, str):
        text, seg = tok, analyse(tok)
    else:
        text, seg = tok["text"], token_seg(tok)
    if seg.pro == 0 or len(text) < 4:
        return 0
    if seg.art > seg.pro:
        return seg.pro if text[seg.pro:seg.art].startswith(_BARE_ALIF) else 0
    # no article: the rest is a known name (ل|موسكو) or a common head noun (ب|منتزه الملك
    # عبدالله، ل|ساعة أبل), not a rare foreign word (فريتز، بازل، كلايف are not ف + ريتز …)
    rest = normalise(text[seg.pro:])
    if rest in known_names():
        return seg.pro
    if _count(rest) >= NAME_HEAD_MIN and len(normalise(text[:seg.pro])) == 1:
        return seg.pro  # one proclitic on a common noun; فلمبان is no ف + ل + مبان
    return 0
