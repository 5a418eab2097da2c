"""Cue: find reporting expressions and the start of what they introduce.

A cue is either a reporting verb (قال، وأضافت، أكدوا، يقول، مضيفًا ...) or a
prepositional cue (وفقًا لـ، بحسب ما ذكره، نقلًا عن، كما جاء في ...).  For a
verb this module also finds its clausal complement (أنّ/إنّ/بأن/إلى أن, a
colon, or an opening quotation mark): a reporting verb with only a nominal
complement (كشفت عن التحولات، أكد على أهمية، أعلن عزمه) is not an attribution.

Works on the record's tokens: ``ctx.keys[i]`` is the lexicon key of token i.
"""
from __future__ import annotations


from dataclasses import dataclass, field

from ..clitics import without_article, without_conjunction
from ..lang import ar
from ..spans import SpanIndex

from .lexicon import (
    ANON_SG,
    COMMON,
    COMPLEMENTIZERS,
    ORG,
    TITLES,
    IMPERSONAL,
    JAA_VERBS,
    NOUN_CONTEXT,
    NOT_COMPLEMENTIZER_AFTER,
    PREP_CUES,
    PREP_TAKES_LAM,
    RELATIVE_BEFORE,
    TIME_WORDS,
    VERBS,
    key,
)

OPEN_Q = {"«": "»", "“": "”", "„": "”", '"': '"', "‹": "›"}
SENT_PUNCT = {".", "!", "?", "؟", "…"}
DAMMA = "\u064f"
#: how far (in tokens) a verb's complement may be from the verb
MAX_COMP_DIST = 32
MAX_QUOTE_DIST = 14
CONDITIONAL_AFTER = ar.words("attr_conditional_after")
RELATIVE_NOUN = ar.words("attr_relative_noun")
#: reporting verbs whose nominal complement is a claim when it opens with a fact head
#: (``lang/ar/attribution_fact_heads.txt``): with their preposition (كشف عن، أشار إلى) ...
NOMINAL_LEMMAS = ar.words("attr_nominal_lemmas")
#: ... and, for these, as a direct object too (أعلنت الوزارة وفاة …، نفى المصدر صحة …)
DIRECT_LEMMAS = ar.words("attr_direct_lemmas")
#: ... and, for these, with a glued بـ (أفاد مسؤول بمقتل …، أفادت الوكالة بوقوع انفجار)
BA_LEMMAS = ar.words("attr_ba_lemmas")
#: a spokesman's statement that follows his name after a comma, with no أن (وقال الناطق …، تلقت
#: غرفة العمليات بلاغاً): the verbs that open it, and the reporting verbs that introduce it
STATEMENT_OPENERS = ar.words("attr_statement_openers")
STATEMENT_LEMMAS = frozenset({"قال", "ذكر", "اوضح", "افاد", "صرح", "بين", "اضاف"})
#: what a denial's relative object (نفى ما أشيع عن …) opens with: the verbs of a rumour or report
RUMOUR_VERBS = ar.words("attr_rumour_verbs")
#: opinion verbs (رأى، اعتبر، توقع، رجح) are no report in a conditional or temporal clause:
#: "وعندما يرى المستثمرون أن العائد مجزٍ سيعودون"، "إذا رأت اللجنة أن" (guideline §1)
OPINION_LEMMAS = ar.words("attr_opinion_lemmas")
CONDITIONAL_BEFORE = ar.words("attr_conditional_before")
DEMONSTRATIVES = ar.words("attr_demonstratives")


@dataclass
class Cue:
    i: int  # first token of the cue
    j: int  # one past its last token
    kind: str  # "verb", "participle", "preposition", "jaa" (جاء في)
    lemma: str
    gender: str | None
    number: str | None
    sent: tuple[int, int]
    comp: int | None = None  # token of the complementizer / colon / quote
    content_start: int | None = None  # first token of the content (when a complement was found)
    lam_source: bool = False  # prepositional cue whose source starts with ل (وفقًا لـ)
    extra: dict = field(default_factory=dict)


def verb_entry(k: str):
    """Lexicon entry of a word, allowing one conjunction proclitic (و/ف)."""
    e = VERBS.get(k)
    if e is not None:
        return e, 0
    r = without_conjunction(k, VERBS.__contains__)
    return (VERBS[r], 1) if r is not None else (None, 0)


def verb_with_object(k: str):
    """ذكره، نقلته، أوردتها (after ما): the verb form without its object pronoun."""
    for suf in ("ها", "هم", "ه"):
        if k.endswith(suf) and len(k) > len(suf) + 2:
            e, _ = verb_entry(k[: -len(suf)])
            if e is not None:
                return e
    e, _ = verb_entry(k)
    return e


def _is_passive(text: str) -> bool:
    """أُبلغ، يُذكر: a damma on the first letter of the (unprefixed) stem marks the passive."""
    t = text.lstrip("وف") if len(text) > 3 else text
    return len(t) > 1 and t[1] == DAMMA


class Ctx:
    """Token view of one record shared by the cue, source and content modules."""

    def __init__(self, rec: dict):
        self.text = rec["text"]
        self.toks = rec["tokens"]
        self.keys = [key(t["norm"]) for t in self.toks]
        self.sents = [tuple(s["tokens"]) for s in rec["sentences"]]
        self._ents = SpanIndex(rec.get("entities") or [])
        self.entities = self._ents.items
        self.n = len(self.toks)
        # sentence index of every token
        self.sent_of = [0] * self.n
        for si, (a, b) in enumerate(self.sents):
            for t in range(a, b):
                self.sent_of[t] = si

    def tok(self, i: int) -> str:
        return self.toks[i]["text"]

    def ents_overlapping(self, cs: int, ce: int) -> list[dict]:
        """Entities overlapping the character span [cs, ce) (pipeline/spans.py)."""
        return self._ents.overlapping(cs, ce)

    def close_quote(self, i: int, limit: int) -> int | None:
        """Index of the quote mark closing the one at token i (before ``limit``)."""
        op = self.tok(i)
        cl = OPEN_Q.get(op)
        if cl is None:
            return None
        depth = 0
        for k in range(i + 1, limit):
            t = self.tok(k)
            if t == cl:
                if depth == 0:
                    return k
                depth -= 1
            elif t == op and op != cl:
                depth += 1
        return None

    def is_complementizer(self, k: int) -> bool:
        if self.keys[k] not in COMPLEMENTIZERS:
            return False
        prev = self.keys[k - 1] if k > 0 else ""
        return prev not in NOT_COMPLEMENTIZER_AFTER


def is_long_quote(ctx: Ctx, k: int, b: int) -> bool:
    """An opening quote mark whose quotation is a claim, not a name (“بلومبيرغ”)."""
    if ctx.tok(k) not in OPEN_Q:
        return False
    if ctx.tok(k) == '"' and k > 0 and ctx.toks[k - 1]["end"] == ctx.toks[k]["start"] and ctx.tok(k - 1) not in ("ل", "لـ", "بـ", "ب", ":"):
        return False  # a straight quote glued to the previous word closes something
    c = ctx.close_quote(k, b)
    end = c if c is not None else b
    return end - k - 1 > 4


def _fact_key(kk: str) -> bool:
    heads = ar.words("attribution_fact_heads")
    return kk in heads or (kk.startswith("ال") and kk[2:] in heads)


def is_fact_head(ctx: Ctx, k: int) -> bool:
    """Token k is a verbal noun that states a fact or an assessment (مقتل، وجود، القبض، ضرورة)."""
    return _fact_key(ctx.keys[k])


def _object_boundary(ctx: Ctx, cue: Cue, k: int) -> bool:
    """A direct object can start at token k: right after the verb, or after a
    complete subject (a definite word, a name, a comma or a time word), not inside
    a construct phrase (أعلن مدير إدارة ضبط الجودة: ضبط is part of the subject)."""
    if k == cue.j:
        return True
    prev = ctx.keys[k - 1]
    if ctx.tok(k - 1) in ("،", ",", "»", "”", '"', ")") or prev in TIME_WORDS:
        return True
    bare_prev = prev[1:] if prev[:1] in "وفبل" and prev[1:3] == "ال" else prev
    if bare_prev.startswith("ال"):
        return True
    t = ctx.toks[k - 1]
    if any(en["end"] == t["end"] for en in ctx.ents_overlapping(t["start"], t["end"])):
        return True
    # an indefinite adjective ends the subject (اكد مصدر محلي مقتل …); a head noun that can
    # govern a genitive does not (مدير إدارة ضبط …، لجنة تنظيم …)
    return not (prev in COMMON or prev in ORG or prev in TITLES or prev in ANON_SG or prev.endswith("ه"))


def _general_title(ctx: Ctx, cue: Cue, k: int) -> bool:
    """Token k is العام of a title (المشرف العام، المدير العام), not the year."""
    if ctx.keys[k] not in ("العام", "العامه") or k - 1 < cue.j:
        return False
    prev = ctx.keys[k - 1]
    prev = prev[1:] if prev[:1] in "وف" and prev[1:3] == "ال" else prev
    return without_article(prev) in TITLES | ORG | COMMON


def _inside_parentheses(ctx: Ctx, a: int, k: int) -> bool:
    """Token k is inside a parenthesis opened after token a and not closed before k."""
    depth = 0
    for x in range(a, k):
        t = ctx.tok(x)
        depth += t == "("
        depth -= t == ")" and depth > 0
    return depth > 0


def _after_parenthetical(ctx: Ctx, cue: Cue, k: int) -> bool:
    """Token k follows a comma that closes a parenthetical opened by another comma
    after the verb (أكد الوزير، خلال اجتماع عقده مع الوكلاء، أهمية الرد …)."""
    return ctx.tok(k - 1) in ("،", ",") and any(ctx.tok(x) in ("،", ",") for x in range(cue.j, k - 1))


def find_complement(ctx: Ctx, cue: Cue, b: int, max_dist: int = MAX_COMP_DIST) -> int | None:
    """The token that opens the cue's clausal complement, or None.

    Scans forward from the cue within its sentence; stops at another reporting
    verb, at sentence punctuation, and at the verb's own nominal-complement
    preposition (كشف عن، أشار إلى) when that is not followed by أن."""
    preps = cue.extra.get("preps", ())
    limit = min(b, cue.j + max_dist)
    k = cue.j
    while k < limit:
        kk = ctx.keys[k]
        t = ctx.tok(k)
        if ctx.is_complementizer(k) and _inside_parentheses(ctx, cue.j, k):
            k += 1
            continue  # "هيئة الإذاعة اليابانية (إن.إتش.كيه)": a letter of an acronym, not إنّ
        if ctx.is_complementizer(k):
            if kk == "ان" and k + 1 < b and ctx.keys[k + 1] in CONDITIONAL_AFTER:
                return None  # "إن شاء الله", "إن وجدت": conditional, not a complementizer
            return k
        if t in ("،", ",") and k > cue.j and cue.lemma in STATEMENT_LEMMAS and k + 1 < b and ctx.keys[k + 1] in STATEMENT_OPENERS:
            cue.extra["nominal"] = "direct"  # وقال الناطق الإعلامي بشرطة المنطقة …، تلقت غرفة العمليات بلاغاً: the statement follows the comma
            return k + 1
        if t == ":":
            return k
        if t in OPEN_Q and is_long_quote(ctx, k, b):
            # a quotation directly after a short subject ("وقال مطر «…»"), not a title far on
            starts_clause = k + 1 < b and ctx.keys[k + 1] in COMPLEMENTIZERS
            return k if k - cue.j <= MAX_QUOTE_DIST or starts_clause else None
        if kk in ("قوله", "قولها", "قولهم"):
            k += 1
            continue
        if k > cue.j and verb_entry(kk)[0] is not None and ctx.keys[k - 1] not in NOUN_CONTEXT:
            return None
        if cue.lemma in BA_LEMMAS and k - cue.j <= 8 and kk[:1] == "ب" and len(kk) > 3 and _fact_key(kk[1:]):
            cue.extra["nominal"] = "direct"  # أفاد مسؤول أمني بمقتل 18 …: بـ glued to the fact
            return k
        if cue.lemma == "نفي" and (kk == "ما" and k + 1 < b and ctx.keys[k + 1] in RUMOUR_VERBS or kk == "اي" and k + 1 < b and ctx.keys[k + 1][:2] != "من") and k - cue.j <= 10 and _object_boundary(ctx, cue, k):
            cue.extra["nominal"] = "direct"  # نفى الوزير ما أشيع عن تأجيل الدراسة / ينفون أي تورط: the denied report is the claim
            return k
        if cue.lemma in DIRECT_LEMMAS and (k - cue.j <= 8 or k - cue.j <= 30 and _after_parenthetical(ctx, cue, k)) and is_fact_head(
                ctx, k) and _object_boundary(ctx, cue, k):
            cue.extra["nominal"] = "direct"  # أعلنت الوزارة وفاة وافد: the object is the claim
            return k
        if kk in preps or (kk[:1] in "بل" and kk[1:] in ("", "ـ") and kk[:1] in preps):
            nxt = k + 1
            if nxt < b and ctx.is_complementizer(nxt):
                return nxt
            if cue.lemma in NOMINAL_LEMMAS and nxt < b and is_fact_head(ctx, nxt):
                cue.extra["nominal"] = "prep"  # كشف مصدر عن تأجيل القمة: the complement is the claim
                return k
            if k == cue.j or ctx.keys[k - 1] in TIME_WORDS and not _general_title(ctx, cue, k - 1):
                return None  # nominal complement: كشفت عن التحولات
        k += 1
    return None


def _content_start(ctx: Ctx, comp: int, b: int) -> int:
    """First token of the content given the complementizer token."""
    kk = ctx.keys[comp]
    t = ctx.tok(comp)
    if t == ":":
        s = comp + 1
        if s < b and ctx.keys[s] in COMPLEMENTIZERS and not COMPLEMENTIZERS[ctx.keys[s]]:
            s += 1
        return s
    if t in OPEN_Q:
        return comp
    return comp if COMPLEMENTIZERS.get(kk) else comp + 1


_PREP_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _seq in PREP_CUES:
    _PREP_BY_FIRST.setdefault(_seq[0], []).append(_seq)


def _match_prep(ctx: Ctx, i: int, b: int):
    """Longest prepositional cue starting at token i: number of tokens, or 0."""
    best = 0
    for seq in _PREP_BY_FIRST.get(ctx.keys[i], ()):
        n = len(seq)
        if i + n <= b and all(ctx.keys[i + m] == seq[m] for m in range(n)):
            best = max(best, n)
    return best


def find_cues(ctx: Ctx, si: int) -> list[Cue]:
    """Every cue of sentence ``si`` that introduces (or may introduce) a claim.

    Verb cues carry ``comp``/``content_start`` when they have a clausal
    complement; verbs without one are kept (``comp`` None) because the verb
    may follow its content ("…»، قال الوزير") or stand in a parenthetical
    (كما تقول المنظمة): the source module decides."""
    a, b = ctx.sents[si]
    out: list[Cue] = []
    i = a
    while i < b:
        k = ctx.keys[i]
        # prepositional cues
        n = _match_prep(ctx, i, b)
        if n and i > a and ctx.keys[i - 1] in ("علي", "وعلي") and ctx.keys[i] in ("حسب", "وحسب"):
            n = 0  # "على حسب الرغبات": as one likes
        if n:
            j = i + n
            lam = ctx.keys[i + n - 1] in PREP_TAKES_LAM
            # وفقًا لما ذكره / بحسب ما أفاد به / حسبما نقلت
            m = j
            if m < b and ctx.keys[m] in ("ل", "لـ") and m + 1 < b and ctx.keys[m + 1] == "ما":
                m += 2
            elif m < b and ctx.keys[m] in ("لما", "ما", "مما"):
                m += 1
            if m > j or ctx.keys[j - 1] == "حسبما" or ctx.keys[j - 1] == "وحسبما":
                if m < b and (verb_with_object(ctx.keys[m]) is not None or (m > j and ctx.keys[m][:1] not in "الو" and ctx.tok(m).isalpha())):
                    m += 1
                    if m < b and ctx.keys[m] in ("به", "بها", "عنه", "عنها"):
                        m += 1
                    j = m
                    lam = False
            cue = Cue(i, j, "preposition", ctx.keys[i], None, None, (a, b), lam_source=lam, extra={"with_verb": j > i + n})
            out.append(cue)
            i = j
            continue
        # جاء في / ورد في
        if k in JAA_VERBS and i + 1 < b and ctx.keys[i + 1] == "في":
            cue = Cue(i, i + 2, "jaa", "جاء", "m", "sg", (a, b))
            cue.comp = find_complement(ctx, cue, b)
            if cue.comp is not None:
                cue.content_start = _content_start(ctx, cue.comp, b)
            out.append(cue)
            i += 2
            continue
        e, conj = verb_entry(k)
        if e is not None and i > a and ctx.keys[i - 1] in NOUN_CONTEXT:
            e = None
        if e is not None and not (e[1] == "perf" and _is_passive(ctx.tok(i))):
            lemma, tense, g, num, preps = e
            kind = "participle" if tense == "part" else "verb"
            # conj: the verb carries و/ف, so it opens its clause (its subject cannot precede it)
            cue = Cue(i, i + 1, kind, lemma, g, num, (a, b), extra={"preps": preps, "tense": tense, "conj": bool(conj)})
            prev = ctx.keys[i - 1] if i > a else ""
            if lemma in OPINION_LEMMAS and (prev in CONDITIONAL_BEFORE or (i - 2 >= a and ctx.keys[i - 2] in CONDITIONAL_BEFORE
                                                                         and ctx.keys[i - 1] in ("ما", "لم", "لا"))):
                i += 1
                continue
            cue.comp = find_complement(ctx, cue, b, max_dist=8 if kind == "participle" else MAX_COMP_DIST)
            if cue.comp is not None:
                direct = cue.extra.get("nominal") == "direct"
                cue.content_start = cue.comp if direct else _content_start(ctx, cue.comp, b)
            if prev in RELATIVE_NOUN and cue.comp is not None and kind == "verb" and tense == "perf":
                cue.extra["relative"] = True  # "السفير فلان الذي أكد أن": the antecedent is the source
            elif prev in RELATIVE_BEFORE:
                before = ctx.keys[i - 2] if i - 2 >= a else ""
                if prev not in ("ما", "بما", "مما") or tense == "impf" or before in DEMONSTRATIVES or cue.comp is None:
                    i += 1
                    continue  # "وهذا ما يؤكد أن", "مما يرى": a relative clause, not a report
                cue.extra["free_relative"] = True  # "بما قال إنها": the subject is a pronoun
            if kind == "participle" and cue.comp is None:
                i += 1
                continue
            if tense == "impf" and k in IMPERSONAL and cue.comp == i + 1:
                cue.extra["impersonal"] = True  # "يذكر أن": impersonal unless a subject precedes it
            out.append(cue)
        i += 1
    return out
