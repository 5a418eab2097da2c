"""Source: the noun phrase a claim is attributed to, and what kind of source it is.

``np_after`` / ``np_before`` find the phrase on either side of a cue;
``describe`` decides ``named``, ``count``, ``kind`` and ``descriptor``:

* count: a number word (every gender and case, 3-10, 11-19 compounds, tens)
  or digits before the head noun give the number; a dual head (مصدران،
  مصدرين) gives 2; a singular head (مصدر، مسؤول) or any named source gives 1;
  an unspecified plural (مصادر، مسؤولون، شهود) gives null.
* named: false when the head noun is a generic source word (مصدر، مسؤول،
  شهود عيان، خبراء ...) or an unnamed document (التقرير، المعلومات) or a role
  with no name after it (المستشار في مكتب الوزير); true for a person's name,
  an organisation, a ministry, an agency, a media outlet or a named document.
* kind: media / document / organisation by the head noun (صحيفة، وكالة /
  تقرير، بيان / وزارة، هيئة، ...) or the entity label; anonymous for generic
  unnamed sources; person otherwise.

``describe`` returns a :class:`Source`: the public record fields and the
working ones (agreement, lexicon evidence, conjuncts) the stage reads; only
:meth:`Source.record` is written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..clitics import without_article, without_conjunction
from ..lang import ar
from ..record import span

from .cue import OPEN_Q, SENT_PUNCT, Ctx, verb_entry
from .lexicon import (
    ADDRESSEE,
    ANON_DU,
    ANON_PL,
    ANON_SG,
    COLLECTIVE,
    COLLECTIVE_GENERIC,
    COMMON,
    CONJ_EXTRA,
    CONJ_ORG,
    DOC_ADJ,
    COMPLEMENTIZERS,
    DOC_PL,
    DOC_SG,
    FUNCTION,
    MEDIA,
    ORG,
    OTHER_ADJ,
    PREP_PRONOUN,
    SETTING_AFTER_FI,
    SOUND_PL_YN,
    TIME_WORDS,
    TITLES,
    VAGUE,
    VAGUE_WITH_MIN,
)

from ..numbers import TENS, UNITS, WORDS as NUMBER_WORDS, read_number
from ..phrases import END, grow

FATHA = "\u064e"
MAX_NP = 16
#: particles that may open a clause before a preposed source (كما، من جهته، وقد)
LEAD_PARTICLES = ar.words("attr_lead_particles")
STOP_BEFORE = {"،", ",", ".", ":", "؛", ";", "(", ")", "؟", "!", "»", "”", "-", "–"}
#: adverbs and pronoun-object prepositions between a cue and its subject ("نقلت عنه وكالة", "أشارت فيه")
LEADING_SKIP = ar.words("attr_leading_skip")
PREPOSITIONS = ar.words("attr_prepositions")
AUX_KANA = ar.words("attr_aux_kana")
#: honorific pronouns standing for a named person: وقال سموه، وأكد معاليه (resolved like a pronoun subject)
HONORIFIC_PRONOUNS = ar.words("attr_honorific_pronouns")
#: words that end a source phrase: a main clause (فإن، فقد), a relative clause, an adverbial, the quoted "saying"
NP_BREAK = ar.words("attr_np_break")
#: ranks and honorifics always followed by a name, even a definite one (اللواء التركي، الشيخ المحيسني)
HONORIFICS = ar.words("attr_honorifics")
OUTLET_ADDRESSEES = ar.ordered("attr_outlet_addressees")
NON_HUMAN_PLURALS = ar.words("attr_non_human_plurals")
GENERIC_INSTITUTIONS = ar.words("attr_generic_institutions")
RANK_QUALIFIERS = ar.words("attr_rank_qualifiers")
CLAUSE_WORDS = ar.words("attr_clause_words")


#: titles that govern a preposition (المشرف على، المسؤول عن): it stays in the source
PREP_TITLES = ar.words("attr_prep_titles")
#: plural outlets (الصحف، وسائل الإعلام): unnamed media
MEDIA_PL = ar.words("attr_media_pl")
_ALL_LEX = (ANON_DU | ANON_PL | ANON_SG | COMMON | DOC_PL | MEDIA_PL | DOC_SG | MEDIA | ORG | TITLES | NUMBER_WORDS | VAGUE | OTHER_ADJ | SETTING_AFTER_FI)


def strip_conj(k: str) -> str:
    """Drop a conjunction و/ف when what remains is a known or definite word
    (والمسؤول -> المسؤول, but وزارة and فريق stay, and so does a listed word
    that begins with وال: والد، والده)."""
    if k in _ALL_LEX:
        return k
    r = without_conjunction(k, _known_head)
    return k if r is None else r


def _known_head(rest: str) -> bool:
    """What may follow a conjunction in a source phrase: a definite word or a lexicon head."""
    return rest.startswith("ال") and len(rest) > 3 or rest in _ALL_LEX or without_article(rest) in _ALL_LEX


def bare(k: str) -> str:
    """Key without conjunction, preposition ل/ب and article: والمسؤولين -> مسءولين."""
    return without_article(strip_conj(k))


def _is_addressee(ctx: Ctx, k: int, b: int) -> int:
    """Tokens taken by an addressee phrase at k (لـ«الشرق الأوسط»، للصحافيين), 0 if none."""
    kk = ctx.keys[k]
    if kk in ("ل", "لـ") and k + 1 < b:
        if ctx.tok(k + 1) in OPEN_Q:
            if k + 2 < b and without_article(ctx.keys[k + 2]) in ORG and without_article(ctx.keys[k + 2]) not in MEDIA:
                return 0  # الناطق الإعلامي لـ"شرطة عسير": the title's institution, not an addressee
            c = ctx.close_quote(k + 1, b)
            return (c - k + 1) if c is not None and c - k < 8 else 0
        return 2
    if kk in ADDRESSEE:
        n = 1
        if kk.startswith(OUTLET_ADDRESSEES):
            # the outlet's name that follows
            while k + n < b and n < 5 and ctx.keys[k + n] not in COMPLEMENTIZERS and ctx.tok(k + n) not in STOP_BEFORE and ctx.keys[k + n] not in FUNCTION:
                n += 1
        return n
    return 0


def _skip_leading(ctx: Ctx, k: int, b: int) -> int:
    """Skip time words, addressee phrases and a comma right after a cue ("وأكد، أمين المنطقة …، أنه")."""
    if k < b and ctx.tok(k) in ("،", ","):
        k += 1
    while k < b:
        kk = ctx.keys[k]
        if kk in TIME_WORDS or kk in LEADING_SKIP:
            k += 1
            continue
        n = _is_addressee(ctx, k, b)
        if n:
            k += n
            continue
        t = ctx.tok(k)
        if t.startswith("م") and (t.endswith("اً") or t.endswith("ًا")) and len(t) > 4:
            k += 1  # a circumstantial participle (وقال متسائلاً), not the subject
            continue
        break
    return k


def _stance_object(kk: str) -> bool:
    """A stance noun with a possessive suffix (رفضهما، حرصها، دعمه): lang/ar/attribution_stance_heads.txt."""
    for suf in ("هما", "هم", "ها", "ه"):
        if kk.endswith(suf) and len(kk) > len(suf) + 2:
            stem = kk[: -len(suf)]
            stance = ar.words("attribution_stance_heads")
            return stem in stance or (stem.endswith("ت") and stem[:-1] + "ه" in stance)
    return False


#: words that never open a source phrase after a verb
NOT_A_SUBJECT = ar.words("attr_not_a_subject")


#: heads that "العام / العامة" qualifies as "general" (not "the year")
GENERAL_HEADS = TITLES | COMMON | ORG | ar.words("attr_general_heads")


#: prepositions and adverbials that end a source phrase (عن، خلال، أمام، مع، بعد ...)
NP_END_WORDS = ar.words("attr_np_end_words")
#: من جانبه، من جهته: a discourse marker after the source
FROM_HIS_SIDE = ar.words("attr_from_his_side")


@dataclass(frozen=True)
class _View:
    """What the source grammars' rules read: the sentence, where the phrase must end, the
    cue verb's own prepositions (لفت … إلى: the إلى ends the subject) and, for a preposed
    source, whether the cue follows a relative pronoun (الذي أكد)."""
    ctx: Ctx
    end: int
    preps: tuple[str, ...] = ()
    relative: bool = False


def np_after(ctx: Ctx, k: int, b: int, stop: int | None = None, preps: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """The noun phrase starting at token k (after skipping adverbs and
    addressees), grown by :data:`SOURCE_GRAMMAR` (:func:`pipeline.phrases.grow`): it ends
    before a comma, a setting phrase (في مؤتمر صحافي، خلال، أمس), an addressee, a
    complementizer or ``stop``."""
    end = b if stop is None else min(b, stop)
    k = _skip_leading(ctx, k, end)
    e, _ = grow(_View(ctx, end, preps), k, end, SOURCE_GRAMMAR, MAX_NP)
    return _subject_phrase(ctx, k, e)


# The source grammar: each rule reads token k of a phrase that starts at s (pipeline.phrases).
# The first three take tokens inside a name; the rest end the phrase before token k.

def _short_quote(v: _View, s: int, k: int) -> int | None:
    """A short quoted name is part of the phrase (صحيفة “بلومبيرغ”); any other quote ends it."""
    t = v.ctx.tok(k)
    if t not in OPEN_Q:
        return None
    c = v.ctx.close_quote(k, v.end)
    if c is None or c - k > 5:
        return END
    first_close = next(m for m in range(k + 1, c + 1) if v.ctx.tok(m) == OPEN_Q[t])
    return min(first_close - k + 1, s + MAX_NP - k)


def _acronym(v: _View, s: int, k: int) -> int | None:
    """A short parenthetical inside the phrase: an acronym or alias, (فاو)، (البنتاغون)."""
    if v.ctx.tok(k) == "(" and k > s:
        return _short_paren(v.ctx, k, v.end) or None
    return None


def _abbreviation(v: _View, s: int, k: int) -> int | None:
    """The full stop of an abbreviation: "م. أبورأس", "د. سالم"."""
    ctx = v.ctx
    if ctx.tok(k) == "." and k > s and len(ctx.tok(k - 1)) == 1 and ctx.toks[k - 1]["end"] == ctx.toks[k]["start"]:
        return 1
    return None


def _punctuation(v: _View, _s: int, k: int) -> int | None:
    """Punctuation or a complementizer (أن، إن) ends the phrase."""
    t = v.ctx.tok(k)
    return END if t in STOP_BEFORE or t in SENT_PUNCT or v.ctx.keys[k] in COMPLEMENTIZERS else None


def _new_clause(v: _View, s: int, k: int) -> int | None:
    """A new clause: فإن، فقد، a relative pronoun, an adverbial, the quoted "saying" (قوله)."""
    return END if k > s and v.ctx.keys[k] in NP_BREAK else None


def _verb_preposition(v: _View, s: int, k: int) -> int | None:
    """The cue verb's own preposition: "لفت المهندس إلى …"; not after a title that
    governs it (أكد المشرف العام على الفريق منصور البلوي أن …)."""
    if not (k > s and v.ctx.keys[k] in v.preps):
        return None
    prev = bare(v.ctx.keys[k - 1])
    if prev in ("عام", "عامه") and k - 1 > s:
        prev = bare(v.ctx.keys[k - 2])
    return None if prev in PREP_TITLES else END


def _from_his_side(v: _View, s: int, k: int) -> int | None:
    """"من جانبه / من جهته": a discourse marker, not part of the source."""
    keys = v.ctx.keys
    if keys[k] == "من" and k > s and k + 1 < v.end and keys[k + 1] in FROM_HIS_SIDE:
        return END
    return None


def _end_word(v: _View, _s: int, k: int) -> int | None:
    """A preposition or adverbial that ends a source (عن، خلال، أمام، مع، بعد …)."""
    return END if v.ctx.keys[k] in NP_END_WORDS else None


def _setting(v: _View, _s: int, k: int) -> int | None:
    """في before a setting (في مؤتمر صحافي، في تصريح) or a time word."""
    keys = v.ctx.keys
    if keys[k] == "في" and k + 1 < v.end and (bare(keys[k + 1]) in SETTING_AFTER_FI or keys[k + 1] in SETTING_AFTER_FI or keys[k + 1] in TIME_WORDS):
        return END
    if keys[k] == "علي" and k + 1 < v.end and keys[k + 1] in ("هامش", "صعيد"):
        return END  # على هامش، على صعيد
    return None


def _time_word(v: _View, s: int, k: int) -> int | None:
    """A time word; "العام" is the year, except after a title (المدير العام، النائب العام، الأمانة العامة)."""
    keys = v.ctx.keys
    kk = keys[k]
    if kk in TIME_WORDS and k > s and not (kk in ("العام", "العامه") and without_article(strip_conj(keys[k - 1])) in GENERAL_HEADS):
        return END
    return None


def _addressee(v: _View, s: int, k: int) -> int | None:
    """An addressee phrase (لـ«الشرق الأوسط»، للصحافيين): not part of the source."""
    return END if k > s and _is_addressee(v.ctx, k, v.end) else None


def _verb(v: _View, s: int, k: int) -> int | None:
    """A verb (another cue) or the verb's object (أكد الجانبان رفضهما القاطع)."""
    kk = v.ctx.keys[k]
    return END if k > s and (verb_entry(kk)[0] is not None or _stance_object(kk)) else None


def _ba_quote(v: _View, _s: int, k: int) -> int | None:
    """بـ before a quotation: "وصفه بـ«…»"."""
    return END if v.ctx.keys[k] in ("ب", "بـ") and k + 1 < v.end and v.ctx.tok(k + 1) in OPEN_Q else None


#: the order is the order of the decisions (a quote is read before punctuation ends the phrase)
SOURCE_GRAMMAR = (
    ("short_quote", _short_quote), ("acronym", _acronym), ("abbreviation", _abbreviation),
    ("punctuation", _punctuation), ("new_clause", _new_clause), ("verb_preposition", _verb_preposition),
    ("from_his_side", _from_his_side), ("end_word", _end_word), ("setting", _setting), ("time_word", _time_word),
    ("addressee", _addressee), ("verb", _verb), ("ba_quote", _ba_quote),
)


# The preposed-source grammar, read backwards from the cue (np_before).

#: words before a preposed source that make it an object, not a clause-initial subject
OBJECT_BEFORE = ("ما", "بما", "مما", "الي")


def _relative_preposition(v: _View, _s: int, k: int) -> int | None:
    """Before الذي أكد the antecedent may be a preposition's object: "تواصلت مع السفير فلان
    الذي أكد"; the preposition ends it."""
    kk = v.ctx.keys[k]
    return END if v.relative and (kk in PREPOSITIONS or kk == "مع") else None


def _clause_start(v: _View, _s: int, k: int) -> int | None:
    """Punctuation, a clause word (كما، حيث، ثم), a verb, a complementizer or ما / إلى start
    the clause the preposed source opens."""
    ctx = v.ctx
    kk = ctx.keys[k]
    t = ctx.tok(k)
    if t in STOP_BEFORE or t in SENT_PUNCT or kk in CLAUSE_WORDS or verb_entry(kk)[0] is not None or kk in COMPLEMENTIZERS or kk in OBJECT_BEFORE:
        return END
    return None


PREPOSED_GRAMMAR = (("relative_preposition", _relative_preposition), ("clause_start", _clause_start))


def _subject_phrase(ctx: Ctx, s: int, e: int) -> tuple[int, int] | None:
    """Tokens [s, e) as a subject: not a pronoun (سموه، هو), an addressee (لي), a
    time word, a prepositional phrase or a verb; without a trailing preposition
    or conjunction."""
    if e - s == 1 and strip_conj(ctx.keys[s]) in HONORIFIC_PRONOUNS:
        return None  # "وقال سموه": a pronoun subject
    if s < e and ctx.keys[s] in NOT_A_SUBJECT:
        return None  # "تقول فهي …"، "قال لي"، "قال الماضي": a pronoun, an addressee or a time word
    if s < e and (ctx.keys[s] in PREPOSITIONS or verb_entry(ctx.keys[s])[0] is not None):
        return None  # a prepositional phrase, not a subject ("حذر من انتقال ...")
    # do not end on a preposition or conjunction
    while e > s and (ctx.keys[e - 1] in FUNCTION and ctx.keys[e - 1] != "د"):
        e -= 1
    if e <= s:
        return None
    return s, e


def _short_paren(ctx: Ctx, k: int, end: int) -> int:
    """Tokens of a short parenthetical at k inside a noun phrase - an acronym or
    alias such as (فاو)، (البنتاغون), 1-3 words, no digits - else 0."""
    for m in range(k + 1, min(end, k + 5)):
        if ctx.tok(m) == ")":
            inner = [ctx.keys[x] for x in range(k + 1, m)]
            if inner and all(w.isalpha() for w in inner):
                return m - k + 1
            return 0
        if ctx.tok(m) in STOP_BEFORE or ctx.tok(m) in SENT_PUNCT:
            return 0
    return 0


def np_before(ctx: Ctx, i: int, a: int, relative: bool = False) -> tuple[int, int] | None:
    """A preposed source: the noun phrase between the clause start and the cue
    at token i (مصادر مقربة من الكرملين أكدت أن ...).  With ``relative`` the
    cue follows الذي/التي and the phrase is the relative's antecedent, which may
    be the object of a preposition ("تواصلت مع السفير فلان الذي أكد أن")."""
    anchor = i - 1 if relative else i  # the relative pronoun is not part of the phrase
    k, _ = grow(_View(ctx, a, relative=relative), anchor, a, PREPOSED_GRAMMAR, MAX_NP - (i - anchor), backward=True)
    if k > a and not relative and (ctx.keys[k - 1] in OBJECT_BEFORE or verb_entry(ctx.keys[k - 1])[0] is not None):
        return None  # the phrase is an object ("مستندا إلى تسجيل تعترف"), not a clause-initial subject
    s, e = k, i
    # relative pronoun before the verb: الحكومة التي أكدت
    if e > s and ctx.keys[e - 1] in ("التي", "الذي", "الذين", "اللتين", "اللذين"):
        e -= 1
    while e > s and ctx.keys[e - 1] in ("قد", "فقد", "لقد", "وقد"):
        e -= 1  # "أما المواطن فقد أشار", "وكانت مصادر قد أشارت"
    while s < e and (ctx.keys[s] in LEAD_PARTICLES or ctx.keys[s] in TIME_WORDS or ctx.keys[s] in AUX_KANA):
        s += 1
    if e <= s:
        return None
    first = ctx.keys[s]
    fb = bare(first)
    ok = (
        strip_conj(first).startswith("ال")
        or _name_like(ctx, s)
        or fb in ANON_SG or fb in ANON_PL or fb in ANON_DU or fb in UNITS or fb in TENS or fb.isdigit()
        or fb in TITLES or fb in MEDIA or fb in ORG or fb in DOC_SG or fb in DOC_PL or fb in MEDIA_PL
        or bool(ctx.ents_overlapping(ctx.toks[s]["start"], ctx.toks[s]["start"] + 1))
    )
    if not ok:
        return None
    return s, e


# ---------------------------------------------------------------------------

def _number(ctx: Ctx, s: int, e: int) -> tuple[int | None, int]:
    """A number at the start of the phrase: (value, tokens used) — the one reader
    (:mod:`pipeline.numbers`), the article allowed (الثلاثة), أحد / إحدى alone no count."""
    r = read_number(ctx.keys, s, e, article=True, lone_teen_first=False)
    return (r[0], r[1] - s) if r else (None, 0)


PRONOUN_SUFFIX = ("هم", "ها", "هن", "كم", "هما")


def plausible_prep_source(ctx: Ctx, s: int, e: int, f: Source) -> bool:
    """After وفق / حسب / طبقًا ("in line with") a phrase is a source only when it
    looks like one: a source noun (lexicons), a counted noun, an entity, or a
    short name (لوند) - not "أجندتهم الخاصة", "معايير سيتم إقرارها"."""
    if f.kind in ("anonymous", "media", "document", "organisation") and f.lexical and not f.fallthrough:
        return True
    if f.titled or f.entity is not None:
        return True
    if f.number == "du" and f.count == 2 and f.lexical and not f.fallthrough:
        return True  # الوزيران، الجانبان: a dual source noun
    if e - s > 3:
        return False
    for k in range(s, e):
        t = ctx.tok(k)
        if not _name_like(ctx, k) or ctx.keys[k].endswith(PRONOUN_SUFFIX) or (t.endswith("ه") and len(t) > 3 and not t.endswith("الله")):
            return False
    return True


def _participle_plural(k: str) -> bool:
    """مسعفون، متظاهرين، مهاجرون: a participle (مُفعِل pattern family) with a sound
    plural ending; ماكرون (م + long ا) is a name."""
    return len(k) >= 6 and k[0] == "م" and k[1] != "ا" and k.endswith("ون")


_CONJ_HEADS = CONJ_ORG | MEDIA | MEDIA_PL | ANON_SG | ANON_PL | ANON_DU | CONJ_EXTRA | DOC_SG | DOC_PL
#: a named person's phrase takes a further conjunct only when it is an anonymous group or one
#: of "the other" kind (المتحدث سعد الحربي وشاهدا عيان، الوزير ونظيره), never a second title
_CONJ_AFTER_PERSON = CONJ_EXTRA | ANON_PL | ANON_DU | {w[:-1] for w in ANON_DU if w.endswith("ان")}
_CONJ_AFTER_PP = (ANON_SG | ANON_PL | ANON_DU | CONJ_EXTRA | DOC_SG | DOC_PL | MEDIA_PL) - ORG - MEDIA


def _conjuncts(ctx: Ctx, h: int, e: int, kind: str) -> list[tuple[int, int]]:
    """Further conjuncts of a source phrase whose head is at h: (start, end)
    token ranges opened by و + a source head noun (organisation, outlet,
    anonymous source; نظيره، آخر).  A title is never a new conjunct (رئيس
    مجلس الوزراء ووزير الداخلية is one person), and nothing inside a
    prepositional phrase is (مصدر في وزارة الدفاع ووزارة الخارجية)."""
    if kind == "person":
        heads = _CONJ_AFTER_PERSON
    elif kind == "anonymous" and strip_conj(ctx.keys[h]).startswith("ال"):
        heads = CONJ_EXTRA  # "الناشط المدني والسياسي"، "القيادي في الحزب وعضو اللجنة": one known person
    elif kind == "anonymous":
        heads = _CONJ_HEADS  # "مصدر أمني ومسؤول محلي"
    else:
        heads = _CONJ_HEADS - TITLES  # "المشرف على البرنامج وعضو الهيئة": one person
    starts = []
    for k in range(h + 1, e):
        kk = ctx.keys[k]
        if ctx.tok(k) in STOP_BEFORE and ctx.tok(k) not in ("(", ")"):
            break
        if kk in PREPOSITIONS or kk.startswith("بال") or (kk[:1] == "ب" and without_article(kk[1:]) in ORG | COMMON | MEDIA):
            # inside a prepositional phrase an institution is part of it ("مسؤول بوزارة النقل
            # ووزارة المالية"); an anonymous source or a document still opens a new conjunct
            heads = heads & _CONJ_AFTER_PP
        if kk == "و" and k + 1 < e and without_article(ctx.keys[k + 1]) in heads:
            starts.append(k)
        elif len(kk) > 2 and kk[0] == "و" and without_article(kk[1:]) in heads:
            starts.append(k)
        elif kind == "person" and len(kk) > 2 and kk[0] == "و" and without_article(kk[1:]) in TITLES and any(
                _holder_name(ctx, j, k) for j in range((starts[-1] if starts else h) + 1, k)):
            # "وزيرة الداخلية تريزا ماي ووزير الداخلية برنار كازنوف": a second titled person after a
            # named one (a second title of one person has no name before its و)
            starts.append(k)
    return [(c, starts[n + 1] if n + 1 < len(starts) else e) for n, c in enumerate(starts)]


#: nouns whose complement is a place or institution name (منطقة مكة، مطار هيثرو، ولاية تكساس)
PLACE_NOUNS = ar.words("attr_place_nouns")
HEAD_SUPERLATIVES = ar.words("attr_head_superlatives")


def _holder_name(ctx: Ctx, k: int, e: int) -> bool:
    """Is token k (inside a title phrase ending at e) the name of the title's
    holder?  Not when it completes a place or institution noun (بمنطقة مكة،
    مطار هيثرو) or is a ب-prefixed last word ("بجدة": in Jeddah)."""
    if not _name_like(ctx, k):
        return False
    prev = strip_conj(ctx.keys[k - 1]) if k > 0 else ""
    if prev in ("باسم", "لدي"):
        return False  # "المتحدث باسم بحاح": the one spoken for, not the speaker
    if prev[:1] in "بل" and not prev.startswith("ال"):
        prev = prev[1:]
    pb = without_article(prev)
    if (pb in PLACE_NOUNS or (pb in ORG or pb in COMMON) and pb not in TITLES and prev not in FUNCTION) and not prev.startswith("ال"):
        # an indefinite (construct) noun takes the name as its genitive; after a definite
        # one ("رئيس البرلمان سليم الجبوري") the name is the holder's
        return False  # the complement of a place or institution noun (مقاطعة كنت، حركة حماس، باسم طالبان)
    kk = strip_conj(ctx.keys[k])
    if kk[:1] in "بل" and without_article(kk[1:]) in COMMON | ORG | PLACE_NOUNS | TITLES:
        return False  # "بمنطقة"، "لوزارة": a preposition and a common noun
    if kk[:1] == "ب" and (k + 1 >= e or ctx.keys[k + 1] in FUNCTION) and any(
            _locative(ctx.keys[x]) for x in range(max(0, k - 6), k)):
        return False  # "... بمنطقة مكة المكرمة بجدة": a place closing a chain of places (but "وزير النقل باسلمة")
    return True


def _locative(k: str) -> bool:
    """A place or institution noun, possibly after ب (بمنطقة، محافظة، بالمطار)."""
    k = strip_conj(k)
    if k[:1] == "ب" and not k.startswith("ال"):
        k = k[1:]
    return without_article(k) in PLACE_NOUNS


def _before_min(ctx: Ctx, h: int, e: int) -> bool:
    """"عدد من"، "عدد كبير من": من right after, or after one indefinite adjective."""
    if h + 1 < e and ctx.keys[h + 1] == "من":
        return True
    return h + 2 < e and ctx.keys[h + 2] == "من" and not ctx.keys[h + 1].startswith("ال")


def _coordinated_entities(ctx: Ctx, h: int, e: int) -> list[int]:
    """Names joined by و inside a phrase with no source noun ("فرنسا وبريطانيا"، "العنمي
    والجهني"): the tokens where the second and later names' و stands, when the phrase opens
    with a name and each later name starts at a token opening with و (or right after the word
    و); empty otherwise."""
    cs, ce = ctx.toks[h]["start"], ctx.toks[e - 1]["end"]
    ents = sorted((en for en in ctx.ents_overlapping(cs, ce) if en.get("label") in ("PER", "ORG", "LOC") and cs <= en["start"] and en["end"] <= ce),
                  key=lambda en: en["start"])
    if len(ents) < 2 or ents[0]["start"] > ctx.toks[h]["start"]:
        return []  # the names must open the phrase ("اتفاقية بين واشنطن وبغداد" is one document)
    starts = {ctx.toks[k]["start"]: k for k in range(h, e)}
    out = []
    for en in ents[1:]:
        k = starts.get(en["start"])
        if k is None:
            # the entity may start after the conjunction inside the token ("وبريطانيا")
            k = starts.get(en["start"] - 1)
            if k is None or not ctx.keys[k].startswith("و"):
                return []
            out.append(k)
        elif ctx.keys[k].startswith("و") and ctx.tok(k)[:1] == "و":
            out.append(k)
        elif k > h and ctx.keys[k - 1] == "و":
            out.append(k - 1)
        else:
            return []
    return out


def _name_after_adjectives(ctx: Ctx, k: int, e: int) -> bool:
    """After a definite head: definite adjectives, then an indefinite name
    (المحلل السياسي اليمني ياسين التميمي، المسؤول المحلي نهرو عبد الله)."""
    while k < e and ctx.keys[k].startswith("ال") and ctx.keys[k] not in FUNCTION:
        k += 1
    return k < e and not ctx.keys[k].startswith("ال") and _holder_name(ctx, k, e) and not _adjective_like(ctx, k) \
        and verb_entry(ctx.keys[k])[0] is None


def _construct(ctx: Ctx, h: int, e: int) -> bool:
    """Is the indefinite head at h in construct with the next word (عضو مجلس، مسؤول التدريب)?"""
    if h + 1 >= e or strip_conj(ctx.keys[h]).startswith("ال"):
        return False
    nxt = ctx.keys[h + 1]
    return nxt.startswith("ال") and not _adjective_like(ctx, h + 1) or nxt in COMMON and nxt not in FUNCTION or nxt in ORG


def _name_at_end(ctx: Ctx, k0: int, e: int) -> bool:
    """A definite role described at length and closed by its holder's name:
    "القيادي في التحالف وعضو اللجنة السابق مهدي كريم"."""
    k = e - 1
    if k < k0 or ctx.keys[k].startswith("ال") and not (k - 1 >= k0 and not ctx.keys[k - 1].startswith("ال")):
        return False
    if ctx.keys[k].startswith("ال"):
        k -= 1  # a definite family name after the given name: "كريم الخوري"
    return k >= k0 and not ctx.keys[k].startswith("ال") and _holder_name(ctx, k, e) and not _adjective_like(ctx, k) \
        and verb_entry(ctx.keys[k])[0] is None


def _indefinite_role(ctx: Ctx, h: int, e: int) -> bool:
    """An indefinite role noun followed by a prepositional phrase ("متحدث باسم
    المطار"، "مستشار في الوزارة") is a person left unnamed: names after it belong
    to the institution - unless an honorific introduces the holder's name."""
    t = strip_conj(ctx.keys[h])
    if t.startswith("ال") or h + 1 >= e:
        return False
    nxt = ctx.keys[h + 1]
    pp = nxt in PREPOSITIONS or nxt in ("باسم", "لدي") or nxt.startswith("بال") or (nxt[:1] == "ب" and without_article(nxt[1:]) in ORG | COMMON)
    return pp and not _honorific_name(ctx, h + 1, e)


def _title_complement(ctx: Ctx, h: int, k: int) -> bool:
    """Token k, name-like, completes the title rather than naming its holder:
    the genitive right after an indefinite title (أمين جدة، رئيس طاقم، مديرة أعمال),
    a word after a preposition (قاضية أمريكية في مانهاتن), or a place or
    institution by the entities (المدير التنفيذي لشركة مترو جدة)."""
    if k == h + 1 and not strip_conj(ctx.keys[h]).startswith("ال"):
        return True
    if strip_conj(ctx.keys[k - 1]) in PREPOSITIONS:
        return True
    t = ctx.toks[k]
    return any(en.get("label") in ("LOC", "ORG") for en in ctx.ents_overlapping(t["start"], t["end"]))


def _honorific_name(ctx: Ctx, k0: int, e: int) -> bool:
    """An honorific (الدكتور، المهندس، اللواء ...) followed by another word within [k0, e)."""
    for k in range(k0, e - 1):
        if bare(ctx.keys[k]) in HONORIFICS and bare(ctx.keys[k]) not in ("د", "ملك", "امير", "سيد", "حاج", "الحاج") and ctx.keys[k + 1] not in FUNCTION:
            return True
    return False


def _sound_plural_shape(k: str) -> bool:
    """A masculine sound plural by its shape: a participle (المسعفون), a nisba
    (الفلسطينيون) or فاعلون (العاملون); البنتاجون، الزيتون are not."""
    if not k.endswith(("ون", "ين")) or len(k) < 5:
        return False
    participle = len(k) >= 6 and k[0] == "م" and k[1] != "ا"
    return participle or k.endswith(("يون", "يين")) or (len(k) == 6 and k[1] == "ا")


def _adjective_like(ctx: Ctx, k: int) -> bool:
    """An indefinite adjective after a head noun: a nisba (بريطانية، أمريكيون) or a common one (جديد، حديثة)."""
    kk = bare(ctx.keys[k])
    return kk in DOC_ADJ or kk.endswith(("يه", "يون", "يين", "يان", "يتان", "يات"))


def _doc_named(ctx: Ctx, h: int, e: int) -> bool:
    """A document is named by an issuer or title after its head (تقرير منظمة العفو، بيان حماس،
    رسالة «…»): the first word after the head and its adjectives; a word followed by a
    preposition with a pronoun is a verb of a descriptive clause (دراسة أشرف عليها باحثون)."""
    if e < ctx.n and ctx.keys[e] in ("عن", "من") and bare(ctx.keys[e - 1]) in ("صادر", "صادره", "الصادر", "الصادره"):
        return True  # "بيان صادر عن الهيئة": the issuer follows the phrase
    for k in range(h + 1, e):
        if _adjective_like(ctx, k):
            continue
        if k + 1 < e and ctx.keys[k + 1] in PREP_PRONOUN:
            return False  # a descriptive clause starts: nothing after it names the document
        if ctx.keys[k - 1] == "في":
            continue  # "تقارير صحافية في غانا": where, not whose
        kk = bare(ctx.keys[k])
        lk = kk[1:] if kk[:1] in "لب" else kk
        if ctx.tok(k) in OPEN_Q or kk in ORG or kk in MEDIA or bare(lk) in ORG or bare(lk) in MEDIA:
            return True
        if _name_like(ctx, k) and verb_entry(ctx.keys[k])[0] is None and not ctx.keys[k].endswith(PRONOUN_SUFFIX):
            return True
    return False


def _is_dual_by_vowel(text: str) -> bool:
    """مسؤولَين: a fatha before the final ين marks the dual."""
    return len(text) >= 3 and text.endswith("ين") and text[-3] == FATHA


def _name_like(ctx: Ctx, k: int) -> bool:
    kk = strip_conj(ctx.keys[k])
    if not kk or not kk[0].isalpha() or kk.isdigit():
        return False
    if kk.startswith("ال") or kk in FUNCTION or kk in COMMON or kk in TITLES or bare(kk) in COMMON or bare(kk) in TITLES:
        return False
    if kk in ANON_SG or kk in ANON_PL or kk in DOC_SG or kk in DOC_PL or kk in MEDIA_PL or kk in OTHER_ADJ or kk in ORG or kk in MEDIA:
        return False
    if kk.startswith(("لل", "بال", "وال")) or (kk[0] in "لب" and kk[1:].startswith("ال")):
        return False
    return len(kk) >= 2


def _entity_in(ctx: Ctx, cs: int, ce: int):
    best, best_ov = None, 0
    for en in ctx.ents_overlapping(cs, ce):
        ov = min(ce, en["end"]) - max(cs, en["start"])
        if ov > best_ov and en.get("label") in ("PER", "ORG", "MISC", "LOC"):
            best, best_ov = en, ov
    return best


#: singulars whose dual is a source of two: parties and states (organisation), people by title (person)
DUAL_PARTY = ar.words("attr_dual_party")
DUAL_PERSON = ar.words("attr_dual_person")
#: singulars whose -ين form cannot be a sound plural (their plural is broken: جوانب، أطراف، وزراء)
_DUAL_YN_OK = DUAL_PARTY | ar.words("attr_dual_yn_heads")


def dual_singular(head: str, text: str) -> str | None:
    """The singular of a dual head (الجانبان -> جانب، الحكومتين -> حكومه، الوزيرين -> وزير), else None.
    -ان is a dual ending; -ين only where the plural is broken or a fatha marks the dual (مسؤولَين);
    the construct -تا only for a listed party or person (شركتا النفط، شبكتا «…»)."""
    if head.endswith("تا") and len(head) >= 5 and head[:-2] + "ه" in _DUAL_YN_OK | ANON_SG | DUAL_PERSON:
        return head[:-2] + "ه"
    for suf, yn in (("تان", False), ("تين", True), ("ان", False), ("ين", True)):
        if head.endswith(suf) and len(head) - len(suf) >= 3:
            stem = head[: -len(suf)] + ("ه" if suf.startswith("ت") else "")
            if yn and stem not in _DUAL_YN_OK and not _is_dual_by_vowel(text):
                return None
            return stem
    return None


@dataclass(eq=False)
class Source:
    """A source phrase while the stage works on it.

    The first eight fields are the public record (:meth:`record`, same keys in
    the same order); the rest are working fields read by the stage and never
    written: agreement (a pronoun subject must match it), lexicon evidence (is it a
    source after وفق / حسب?), coordinated conjuncts and, for a pronoun subject,
    what it was resolved to."""

    start: int
    end: int
    text: str
    named: bool
    count: int | None
    kind: str
    descriptor: dict | None
    entity: str | None
    #: "m" / "f": the head's gender, or the verb's for a singular source
    gender: str = "m"
    #: "sg" / "du" / "pl"
    number: str = "sg"
    #: a plural of things (مصادر، جهات) takes a feminine singular pronoun
    human: bool = True
    #: False: a definite noun found in no list (الجدول المرفق) - not a source after وفق/حسب
    lexical: bool = True
    #: a role noun (titled person): عضو مجلس الشيوخ بوب منينديز، المتحدث باسم الشرطة
    titled: bool = False
    #: the head noun is in no source lexicon (a name, or an unknown definite word)
    fallthrough: bool = False
    #: token ranges (start, end) of further coordinated sources (منظمة الفاو وبرنامج الأغذية)
    conj: list[tuple[int, int]] = field(default_factory=list)
    #: token range of the phrase as found (before a quoted name's marks are skipped)
    tok: tuple[int, int] | None = None
    #: public, only for a pronoun subject: "pronoun" and the antecedent's attribution id
    resolved: str | None = None
    antecedent: str | None = None
    #: the attribution whose source a pronoun subject takes (None: a fallback subject or entity)
    owner: Any = field(default=None, repr=False)
    #: the source at the start of a chain of pronouns (وقال … وأضاف … وتابع)
    root: Source | None = field(default=None, repr=False)

    def record(self) -> dict:
        """The source as written in the attribution record."""
        out = {"start": self.start, "end": self.end, "text": self.text, "named": self.named, "count": self.count,
               "kind": self.kind, "descriptor": self.descriptor, "entity": self.entity}
        if self.resolved is not None:
            out["resolved"] = self.resolved
            out["antecedent"] = self.antecedent
        return out


@dataclass
class _Head:
    """The head noun of a source phrase and what stands before it."""

    h: int  # token of the head (the phrase's end when it is a number alone)
    head: str  # bare key of the head; an accusative ا dropped (مسؤولاً -> مسؤول)
    text: str  # the head as written (a fatha marks the dual, ة the feminine)
    count: int | None  # a number before the head (خمسة شهود)
    percent: bool  # the number is a share: "53 % من الشركات"
    vague: bool  # an unspecified part: عدد من، بعض
    one_of: bool  # "أحد المسؤولين": one of a group
    du: str | None  # singular of a dual head (الجانبان -> جانب)


@dataclass
class _Kind:
    """What the head noun says about the source, before coordination and agreement."""

    count: int | None
    kind: str = "person"
    named: bool = True
    number: str = "sg"
    human: bool = True
    titled: bool = False
    fallthrough: bool = False
    lexical: bool = True
    descr_from: int | None = None  # first token of an anonymous source's descriptor
    name_conj: list[int] = field(default_factory=list)  # و of coordinated names (فرنسا وبريطانيا)


def _leading_number(ctx: Ctx, s: int, e: int) -> tuple[int | None, int, bool]:
    """A number word or digits before the head noun (ثلاثة مسؤولين، 5 شهود):
    (count, token of what follows, percent).  A number word alone is a name
    ("وقال ستون"); a number with % is a share, no count ("53 % من الشركات")."""
    count, used = _number(ctx, s, e)
    if used and s + used >= e and not bare(ctx.keys[s]).isdigit():
        count, used = None, 0  # a number word alone is a name here ("وقال ستون")
    h = s + used
    percent = False
    if used and h < e and (ctx.tok(h) in ("%", "٪") or ctx.keys[h] in ("بالماءه", "بالمءه")):
        count, percent = None, True  # "53 % من الشركات": a share, not a number of sources
        h += 1
    return count, h, percent


def _find_head(ctx: Ctx, s: int, e: int) -> _Head:
    """The head noun: after an opening quote of a quoted name, a number, a vague
    quantifier (عدد من، بعض) and أحد / إحدى ("one of").  Also reads a dual from
    the head (مصدران، شاهدا عيان) and an indefinite accusative (مسؤولاً)."""
    while s < e - 1 and ctx.tok(s) in OPEN_Q:
        s += 1  # a quoted name: "الصالح"
    count, h, percent = _leading_number(ctx, s, e)
    vague = False
    if h < e and bare(ctx.keys[h]) in VAGUE and (bare(ctx.keys[h]) not in VAGUE_WITH_MIN or _before_min(ctx, h, e)):
        vague = True
        h += 1
        while h < e and ctx.keys[h] == "من":
            h += 1
    if h + 1 < e and bare(ctx.keys[h]) in HEAD_SUPERLATIVES and ctx.keys[h + 1].startswith("ال"):
        h += 1  # "أحدث الإحصائيات"، "أبرز التقارير": the head is the noun after the superlative
    one_of = False
    if h < e and bare(ctx.keys[h]) in ("احد", "احدي") and h + 1 < e:
        one_of = True
        h += 1
    head = bare(ctx.keys[h]) if h < e else ""
    head_text = ctx.tok(h) if h < e else ""
    du = dual_singular(head, head_text) if not count else None
    accusative = (head.endswith("ا") and head[:-1] in ANON_SG and not count
                  and (h + 1 >= e or ctx.keys[h + 1].endswith("ا")))
    if accusative:
        head = head[:-1]  # "مسؤولاً"، "محللاً نفطياً ليبياً": an indefinite singular in the accusative
    elif du is None and not count and head.endswith("ا") and h + 1 < e and head[:-1] in ANON_SG | DUAL_PARTY | DUAL_PERSON:
        du = head[:-1]  # شاهدا عيان، وزيرا الخارجية: a dual in construct loses its ن
    return _Head(h, head, head_text, count, percent, vague, one_of, du)


def _dual_source(ctx: Ctx, hd: _Head, e: int) -> _Kind | None:
    """A dual head: two anonymous sources (مصدران، شاهدا عيان), or one source of
    two - الجانبان، الوزيران، الحكومتان, named by neither (guideline §3.3) unless
    their names follow (شركتا النفط إكسون موبيل وشيفرون)."""
    head, du = hd.head, hd.du
    if head in ANON_DU and not hd.count or du is not None and du in ANON_SG and du not in DUAL_PERSON:
        if _names_follow(ctx, hd.h + 1, e):
            return _Kind(2, "person", named=True, number="du")  # الباحثان البريطانيان فلان وفلان
        return _Kind(2, "anonymous", named=False, number="du", descr_from=hd.h + 1)
    if du is not None and (du in DUAL_PARTY or du in DUAL_PERSON):
        kind = "person" if du in DUAL_PERSON else ("media" if du in MEDIA else "organisation")
        return _Kind(2, kind, named=_names_follow(ctx, hd.h + 1, e), number="du", human=du in DUAL_PERSON)
    return None


def _names_follow(ctx: Ctx, k0: int, e: int) -> bool:
    """A PER or ORG entity in [k0, e) that no preposition introduces: the names of a
    dual's two members in apposition (الباحثان فلان وفلان), not an affiliation (في حركة حماس)."""
    for k in range(k0, e):
        if strip_conj(ctx.keys[k]) in PREPOSITIONS or ctx.keys[k][:1] in "بل" and not ctx.keys[k].startswith("ال"):
            return False  # an affiliation starts: whatever follows is not the members' names
        t = ctx.toks[k]
        if any(en.get("label") in ("PER", "ORG") and en["start"] >= t["start"] for en in ctx.ents_overlapping(t["start"], t["end"])):
            return True
    return False


def _role_source(ctx: Ctx, hd: _Head, e: int) -> _Kind | None:
    """A singular source noun (مصدر، مسؤول، عضو، المتحدث): a titled person when
    a holder's name follows, an anonymous source otherwise."""
    h, head = hd.h, hd.head
    if head not in ANON_SG:
        if not (head.endswith("ه") and head[:-1] in ANON_SG):
            return None
        head = head[:-1]  # المسؤولة، باحثة، مواطنة: the feminine of a listed role
    if head in TITLES and _construct(ctx, h, e) and _name_at_end(ctx, h + 1, e):
        # "عضو مجلس الشيوخ بوب منينديز"، "مسؤول التدريب بالغرفة عبدالله الصقري": a role and its holder
        return _Kind(hd.count or 1, "person", named=True, titled=True)
    if _honorific_name(ctx, h + 1, e) or (
            strip_conj(ctx.keys[h]).startswith("ال") and (_name_after_adjectives(ctx, h + 1, e) or _name_at_end(ctx, h + 1, e))):
        # "عضو مجلس الإدارة الدكتورة سارة العلي": a role with a named holder
        return _Kind(hd.count or 1, "person", named=True, titled=True)
    return _Kind(hd.count or 1, "anonymous", named=False, number="sg", descr_from=h + 1)


def _anonymous_plural(hd: _Head) -> _Kind | None:
    """A generic plural (مصادر، مسؤولون، شهود): no count unless أحد makes it one
    (أحد المسؤولين) or a fatha marks a dual (مسؤولَين); مصادر، جهات are not human."""
    head = hd.head
    if head not in ANON_PL:
        return None
    k = _Kind(hd.count, "anonymous", named=False, number="pl", descr_from=hd.h + 1,
              human=head not in NON_HUMAN_PLURALS)
    if hd.one_of:
        k.count, k.number = 1, "sg"
    elif k.count is None and head in SOUND_PL_YN and _is_dual_by_vowel(hd.text):
        k.count, k.number = 2, "du"
    return k


def _document(ctx: Ctx, hd: _Head, e: int) -> _Kind | None:
    """A document (التقرير، البيان، الوثائق): named by an issuer or a title after it."""
    if hd.head not in DOC_SG and hd.head not in DOC_PL:
        return None
    plural = hd.head in DOC_PL
    count = 1 if hd.count is None and not plural else hd.count
    return _Kind(count, "document", named=_doc_named(ctx, hd.h, e), number="pl" if plural else "sg", human=False)


def _institution(ctx: Ctx, hd: _Head, e: int) -> _Kind | None:
    """An outlet (صحيفة، وكالة), a group by its job (فريق الدفاع: not named), or an
    organisation (وزارة، هيئة; a generic plural - السلطات، الجهات - is not named)."""
    h, head = hd.h, hd.head
    if head in MEDIA:
        return _Kind(hd.count or 1, "media", named=True)
    if head in MEDIA_PL:
        # الصحف، وسائل إعلام محلية، مواقع إخبارية: outlets left unnamed
        return _Kind(hd.count, "media", named=False, number="pl", human=False)
    if head in COLLECTIVE and h + 1 < e and (bare(ctx.keys[h + 1]) in COLLECTIVE_GENERIC or bare(ctx.keys[h + 1]) in ANON_PL):
        # فريق الدفاع، وفد من الخبراء: a group described by its job, not named
        return _Kind(hd.count or 1, "organisation", named=False)
    if head in ORG:
        if head in GENERIC_INSTITUTIONS:
            return _Kind(None, "organisation", named=False, number="pl", human=False)
        return _Kind(hd.count or 1, "organisation", named=True)
    return None


def _titled_person(ctx: Ctx, hd: _Head, e: int, ent: dict | None) -> _Kind | None:
    """A title (الوزير، المتحدث، اللواء): named when a holder's name follows it, a
    PER entity covers it, or an honorific introduces a name; an indefinite role
    before a prepositional phrase is unnamed (متحدث باسم شرطة المقاطعة)."""
    h = hd.h
    if hd.head not in TITLES:
        return None
    named = any(_holder_name(ctx, k, e) and not _title_complement(ctx, h, k) for k in range(h + 1, e)) or (
        ent is not None and ent.get("label") == "PER") or _honorific_name(ctx, h + 1, e)
    if named and _indefinite_role(ctx, h, e):
        named = False  # "متحدث باسم شرطة المقاطعة": a spokesman, the names are the institution's
    if not named:
        # a rank is followed by a name, definite or not: اللواء التركي، العميد ركن عسيري
        k = h
        while k < e and (bare(ctx.keys[k]) in HONORIFICS | RANK_QUALIFIERS or ctx.tok(k) == "."):
            k += 1  # "م. القحطاني": an abbreviated honorific
        # the word after an honorific is a name even when it is also a common word (الدكتور مساعد الأحمد)
        named = k > h and bare(ctx.keys[h]) in HONORIFICS and k < e and ctx.keys[k] not in FUNCTION and (
            bare(ctx.keys[k]) not in COMMON or not ctx.keys[k].startswith("ال"))
    return _Kind(hd.count or 1, "person", named=named, titled=True)


def _unlisted_plural(ctx: Ctx, hd: _Head, e: int) -> _Kind | None:
    """A counted or plural noun in no lexicon: "خمسة شهود" (counted), "مطوروها"،
    "المسعفون"، "الفلسطينيون" (by their shape): an anonymous group."""
    h, head, count = hd.h, hd.head, hd.count
    human = (ctx.keys[h].startswith(("ال", "وال")) and _sound_plural_shape(head)) or (head.endswith(("وها", "وهم", "وه")) and len(head) >= 6) or _participle_plural(head) or (len(head) >= 6 and head.endswith(("يون", "يين"))) or (
            len(head) >= 5 and head[0] == "م" and head[1] != "ا" and head.endswith("و") and not head.endswith("يو")
            and not ctx.keys[h].startswith("ال") and h + 1 < e and ctx.keys[h + 1].startswith("ال"))
    if human or count is not None and count > 1:
        k = _Kind(None if count is not None and count <= 1 else count, "anonymous", named=False, number="pl", descr_from=h + 1)
        # a counted noun in no list, of no human shape (ثلاثة ضوابط، ثلاثة تصنيفات): a source only by its count
        k.lexical = bool(human)
        return k
    return None


def _unlisted(ctx: Ctx, hd: _Head, e: int, ent: dict | None) -> _Kind:
    """A head in no lexicon: a name (an entity or a name-like word), an organisation
    by its entity label, or a definite word - a family name alone (الرافعي) or an
    institution (الحكومة الجديدة) - identified but not ``lexical``."""
    h = hd.h
    k = _Kind(hd.count or 1, fallthrough=True)
    k.named = ent is not None or any(_name_like(ctx, x) for x in range(h, e))
    k.name_conj = _coordinated_entities(ctx, h, e)  # "فرنسا وبريطانيا"، "ماي وكازنوف": one source per name
    if ent is not None and ent.get("label") in ("ORG", "LOC", "MISC"):
        k.kind = "organisation"
    if not k.named and (strip_conj(ctx.keys[h]).startswith("ال") if h < e else False):
        # a definite word in no list: a family name alone (الرافعي، العبيد) or an
        # institution (الحكومة الجديدة): identified either way
        k.named, k.lexical = True, False
        k.kind = "person" if e - h == 1 else "organisation"
    return k


def _classify(ctx: Ctx, hd: _Head, e: int, ent: dict | None) -> _Kind:
    """Kind, named and count from the head noun, trying the lexicons in order."""
    return (_dual_source(ctx, hd, e) or _role_source(ctx, hd, e) or _anonymous_plural(hd) or _document(ctx, hd, e)
            or _institution(ctx, hd, e) or _titled_person(ctx, hd, e, ent) or _unlisted_plural(ctx, hd, e)
            or _unlisted(ctx, hd, e, ent))


def _source_conjuncts(ctx: Ctx, h: int, e: int, k: _Kind) -> list[tuple[int, int]]:
    """Coordinated sources as token ranges: a source head after و ("منظمة الفاو
    وبرنامج الأغذية العالمي"، "مصدر أمني وآخر عسكري"), else coordinated names."""
    conj = _conjuncts(ctx, h, e, k.kind)
    if not conj and k.name_conj:
        conj = [(c, k.name_conj[n + 1] if n + 1 < len(k.name_conj) else e) for n, c in enumerate(k.name_conj)]
    return conj


def _coordinated_totals(ctx: Ctx, conj: list[tuple[int, int]], count: int | None, named: bool) -> tuple[int | None, bool, str]:
    """(count, named, number) of coordinated sources: the conjuncts' counts add up
    (none when one has none: مصادر ومسؤولون), named only when all are;
    آخر / نظيره count one; an institution's name (برنامج الأغذية) is one, named."""
    counts, names = [count], [named]
    for c, c_end in conj:
        cb = bare(ctx.keys[c])
        if cb in CONJ_EXTRA or (ctx.keys[c] == "و" and c + 1 < c_end and bare(ctx.keys[c + 1]) in CONJ_EXTRA):
            counts.append(1)
            continue
        sub = describe(ctx, c + (ctx.keys[c] == "و"), c_end, ctx.toks[c]["start"], ctx.toks[c_end - 1]["end"])
        hk = ctx.keys[c + 1] if ctx.keys[c] == "و" else ctx.keys[c][1:]
        if without_article(hk) in CONJ_ORG and without_article(hk) not in ORG:
            counts.append(1)  # برنامج الأغذية العالمي: an institution's name
            names.append(True)
        else:
            counts.append(sub.count)
            names.append(sub.named)
    total = None if any(x is None for x in counts) else sum(counts)
    return total, all(names), "pl" if total is None or total > 2 else "du"


def _unspecified_part(k: _Kind) -> None:
    """"عدد من السعوديين"، "بعض المسؤولين"، "53 % من الشركات": no count, and an
    unspecified part of a group (of people or institutions) is anonymous."""
    k.count = None
    if k.kind in ("person", "organisation") and not k.titled or k.kind == "anonymous":
        k.named = False
        k.kind = "anonymous"


def _gender(hd: _Head, number: str, verb_gender: str | None) -> str:
    """Feminine for a head in ة (or وزاره); a singular source takes its verb's gender."""
    gender = "f" if hd.text.endswith("ة") or hd.text.endswith("ه") and hd.head in ("وزاره",) else "m"
    if verb_gender and number == "sg":
        gender = verb_gender
    return gender


def _descriptor(ctx: Ctx, k: _Kind, e: int) -> dict | None:
    """Descriptor of an anonymous source: the words after the head (مصدر «أمني
    رفيع»), without "other" (آخر، أخرى) at either end."""
    if k.kind != "anonymous" or k.descr_from is None:
        return None
    d = k.descr_from
    while d < e and ctx.keys[d] in OTHER_ADJ:
        d += 1
    if d >= e:
        return None
    dend = e
    while dend > d and ctx.keys[dend - 1] in OTHER_ADJ:
        dend -= 1
    if dend <= d:
        return None
    return span(ctx.text, ctx.toks[d]["start"], ctx.toks[dend - 1]["end"])


def describe(ctx: Ctx, s: int, e: int, cs: int, ce: int, verb_gender: str | None = None) -> Source:
    """Fields of the source phrase over tokens [s, e) (character span [cs, ce)):
    head, count, kind, named, coordination, agreement, descriptor, entity."""
    hd = _find_head(ctx, s, e)
    ent = _entity_in(ctx, cs, ce)
    k = _classify(ctx, hd, e, ent)
    if k.kind != "anonymous" and k.count is None and k.number == "sg":
        k.count = 1
    conj = _source_conjuncts(ctx, hd.h, e, k)
    if conj:
        k.count, k.named, k.number = _coordinated_totals(ctx, conj, k.count, k.named)
    if k.count is not None and k.count >= 3 or (k.count is None and k.number == "pl"):
        k.number = "pl"
    elif k.count == 2:
        k.number = "du"
    if hd.vague or hd.percent:
        _unspecified_part(k)
    if k.kind == "person" and not k.named and hd.head not in TITLES and not (hd.du is not None and hd.du in DUAL_PERSON):
        k.kind = "anonymous"  # a person with no name and no title: مواطن، شخص
    return Source(
        start=cs, end=ce, text=ctx.text[cs:ce],
        named=bool(k.named),
        count=k.count,
        kind=k.kind,
        descriptor=_descriptor(ctx, k, e),
        entity=ent["id"] if ent is not None and k.kind != "anonymous" and "id" in ent else None,
        gender=_gender(hd, k.number, verb_gender),
        number=k.number,
        human=k.human,
        lexical=k.lexical,
        titled=k.titled,
        fallthrough=k.fallthrough,
        conj=conj,
    )


def compatible(src: Source, gender: str | None, number: str | None) -> bool:
    """Can a pronoun subject of this gender/number (the continuation verb's
    agreement) refer to this source?"""
    sn, sg, hum = src.number, src.gender, src.human
    if number is None:
        return True
    if number == "sg":
        if sn == "sg":
            return gender is None or sg == gender
        return gender == "f" and not hum  # non-human plurals take feminine singular: المصادر ... وأضافت
    if number == "du":
        return sn == "du"
    return bool(sn == "pl" and hum)
