"""Attributed sources: who says so, how many, named or anonymous, and what they claim.

After BBC's citron, one module per part of a quote: :mod:`.cue` finds the
reporting expressions, :mod:`.source` the source phrase and its fields,
:mod:`.content` the claim.  :func:`extract` puts them together for one
record (word orders, pronoun continuations, links to entities and events).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..clitics import without_article
from ..lang import ar
from ..record import span
from ..spans import SpanIndex
from .content import after_complement, before_cue, char_span, cut_before, rest_after
from .cue import OPEN_Q, SENT_PUNCT, Ctx, Cue, find_cues
from .lexicon import ADDRESSEE_VERBS, CONJ_EXTRA, CONJ_ORG, IMPERSONAL, POSTPOSABLE, ANON_PL, ANON_SG, COMMON, DOC_SG, FUNCTION, MEDIA, ORG, TITLES
from .source import LEAD_PARTICLES, Source, bare, plausible_prep_source, compatible, describe, np_after, np_before

#: cue phrases that mostly mean "in line with / on the basis of": without a verb inside
#: (وفق ما أكدت، بناء على ما ذكره) their phrase must be a listed source noun
WEAK_PREP_CUES = ar.words("attr_weak_prep_cues")
NOT_VERB_START = COMMON | TITLES | ORG | MEDIA | ANON_SG | ANON_PL | DOC_SG

#: how many sentences back a pronoun subject may find its antecedent
PRONOUN_WINDOW = 4


@dataclass(eq=False)
class Attribution:
    """An attribution while the stage works on it; :meth:`record` is what is written."""

    cue: Cue
    sent: int  # sentence of the cue
    content_tok: tuple[int, int]  # token range the content was read from
    cue_span: dict  # the record's "cue"
    source: Source | None  # None: a pronoun subject not resolved yet
    content: dict  # the record's "content"
    resolved: bool  # the subject is a pronoun (وأضاف أن): its source is an earlier one
    id: str | None = None

    def record(self) -> dict:
        return {"id": self.id, "cue": self.cue_span, "source": self.source.record(), "content": self.content}


@dataclass
class _Sentence:
    """The sentence being read: its tokens [a, b) and cues, and what the article has so far."""

    ctx: Ctx
    si: int
    a: int
    b: int
    cues: list[Cue]
    found: list[Attribution]
    #: subjects of reporting verbs with no claim (antecedent candidates for a later pronoun)
    fallbacks: list[tuple[int, Source]]


@dataclass
class _Reading:
    """What one cue yields: its source, its content (characters and tokens), where
    the next cue may start, and a relayed source (نقلاً عن، بحسب ما نقلته … عن)."""

    source: Source | None
    content: tuple[int, int] | None
    content_tok: tuple[int, int]
    until: int
    resolved: bool = False
    relay: tuple | None = None  # a verb's relayed source (see _relay)
    inner: tuple | None = None  # a cue phrase's relayed source (see _prep_relay)


def _source_span(ctx: Ctx, s: int, e: int, strip_lam: bool = False, strip_waw: bool = False) -> tuple[int, int]:
    cs, ce = ctx.toks[s]["start"], ctx.toks[e - 1]["end"]
    if strip_waw and ctx.tok(s).startswith("و") and len(ctx.tok(s)) > 2:
        cs += 1  # و<s2>شاهدا عيان</s2>: the conjunction stays outside
    if strip_lam:
        t = ctx.tok(s)
        if t.startswith("ل") and not t.startswith("لل") and len(t) > 2:
            cs += 1
            while cs < ctx.toks[s]["end"] and ctx.text[cs] in "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652":
                cs += 1  # لـ + tatweel / vowel
    return cs, ce


def _make_source(ctx: Ctx, s: int, e: int, cue: Cue, strip_lam: bool = False, strip_waw: bool = False) -> Source:
    """The source over tokens [s, e); a ل of the cue (وفقاً لوزارة) or a و (وشاهدا عيان)
    on its first token is left out of its span and of the word read."""
    cs, ce = _source_span(ctx, s, e, strip_lam, strip_waw)
    saved = None
    if strip_lam and ctx.keys[s].startswith("ل") and not ctx.keys[s].startswith("لل"):
        saved = ctx.keys[s]
        ctx.keys[s] = saved[1:]
    elif strip_waw and ctx.keys[s].startswith("و") and len(ctx.keys[s]) > 2:
        saved = ctx.keys[s]
        ctx.keys[s] = saved[1:]
    try:
        # a preposed source agrees with its verb in number too; a following one in gender only
        src = describe(ctx, s, e, cs, ce, verb_gender=cue.gender if cue.kind == "verb" else None)
    finally:
        if saved is not None:
            ctx.keys[s] = saved
    src.tok = (s, e)
    return src


def _split_coordinated(ctx: Ctx, src: Source, cue: Cue) -> list[Source]:
    """قال المتحدث باسم الشرطة سعد الحربي وشاهدا عيان إن …: one source per conjunct
    (``src.conj``, not empty) with a head noun of its own (guideline §3.2), each
    with its own fields."""
    conj = src.conj
    s, e = src.tok
    first = _make_source(ctx, s, conj[0][0], cue)
    parts = [first]
    for c, c_end in conj:
        h = c + 1 if ctx.keys[c] == "و" else c
        if h >= c_end:
            continue
        part = _make_source(ctx, h, c_end, cue, strip_waw=h == c)
        head = without_article(ctx.keys[h][1:] if h == c else ctx.keys[h])
        if head in CONJ_EXTRA:
            # مصدر أمني وآخر عسكري، الوزير ونظيره: another of the first one's kind
            part.kind, part.named, part.count = first.kind, False, 1
        elif head in CONJ_ORG and head not in ORG:
            part.kind, part.named, part.count = "organisation", True, 1  # برنامج الأغذية العالمي: an institution's name
        parts.append(part)
    for p in parts:
        p.conj = []
    return parts


def _para_end(ctx: Ctx, si: int, max_sents: int = 6) -> int:
    """Token index where the paragraph of sentence ``si`` ends (at most ``max_sents`` sentences on)."""
    last = si
    while last + 1 < len(ctx.sents) and last - si < max_sents:
        b = ctx.sents[last][1]
        nb = ctx.sents[last + 1][0]
        if b > 0 and nb < ctx.n and "\n" in ctx.text[ctx.toks[b - 1]["end"]:ctx.toks[nb]["start"]]:
            break
        last += 1
    return ctx.sents[last][1]


def _initial_subject(ctx: Ctx, a: int, b: int):
    """Subject of a sentence that opens with a (non-reporting) verb: "ودعت رئيسة المفوضية ..."
    - a last-resort antecedent for a pronoun continuation.  Returns its (start, end) or None."""
    if b - a < 3:
        return None
    k0 = ctx.keys[a]
    verb_like = (k0[:1] in "وف" and len(k0) >= 4) or (not k0.startswith("ال") and ctx.keys[a + 1].startswith("ال") and len(k0) >= 3)
    # التقى (form VIII of لقي) begins with ال like a definite noun: وال… is a noun unless it is التقى
    al_verb = k0.lstrip("وف") in ("التقي", "التقت", "التقيا", "التقتا", "التقوا")
    if not verb_like or bare(k0) in NOT_VERB_START or (k0[1:3] == "ال" and not al_verb) or k0 in FUNCTION or k0.isdigit():
        return None
    return np_after(ctx, a + 1, b, preps=("الي", "علي", "عن", "من", "في", "مع", "ب", "ل"))


def _opens_clause(ctx: Ctx, c: Cue) -> bool:
    """Does this later cue start a new clause (and so end an earlier content)?
    "…، مضيفًا أن" / "…، فيما أكدت مصادر" / "…، بحسب البيان" / "وأضاف" do;
    a bare verb after a noun phrase is embedded in the claim: "إن التقرير ذكر أن"."""
    if c.kind == "participle":
        return True
    prev = ctx.keys[c.i - 1] if c.i > c.sent[0] else ""
    if prev in ("،", ",", "؛", "كما", "وكما", "فيما", "وفيما", "بينما", "حين", "و", "-", "–"):
        return c.comp is not None or c.kind == "preposition"
    if c.kind == "verb" and c.extra.get("conj") and c.comp is not None:
        return True
    return False


#: reporting verbs with a frequent non-reporting sense (نقل "move", نشر "deploy"): their
#: subject must look like a source
AMBIGUOUS_VERBS = ar.words("attr_ambiguous_verbs")


def _agrees_as_pronoun(cue: Cue) -> bool:
    """In verb-subject order the verb is singular (قال المسؤولون): a dual or
    plural perfect/imperfect (قالوا، يؤكدون، أكدا) carries its own pronoun
    subject, so a noun after it is not the subject."""
    return cue.kind == "verb" and cue.number in ("du", "pl")


def _preposed(ctx: Ctx, a: int, i: int) -> bool:
    """Only particles between the sentence start and token i."""
    return all(ctx.keys[k] in LEAD_PARTICLES or ctx.tok(k) in ("،", ",", "-") for k in range(a, i))


def _enclosing_start(found: list[Attribution], i: int, a: int) -> int:
    """Token where the innermost earlier content containing token i starts (else a)."""
    best = a
    for att in found:
        cs, ce = att.content_tok
        if cs <= i < ce + 2 and cs > best:
            best = cs
    return best


QAWL = ar.words("attr_qawl")


def _source_start(ctx: Ctx, cue: Cue, limit: int) -> tuple[int, bool]:
    """Where a prepositional cue's source starts, and whether its first token carries the cue's ل
    (وفقاً ل<s>وزارة الصحة</s>، وفقاً لـ <s>…</s>)."""
    st = cue.j
    if cue.lam_source and st < limit:
        if ctx.keys[st] in ("ل", "لـ"):
            return st + 1, False
        if ctx.keys[st].startswith("ل"):
            return st, True
    return st, False


def _cue_span(ctx: Ctx, cue: Cue) -> dict:
    """The record's "cue": its characters and its kind."""
    return span(ctx.text, ctx.toks[cue.i]["start"], ctx.toks[cue.j - 1]["end"], type=cue.kind)


def _relayed(ctx: Ctx, att: Attribution, icue: Cue, isrc: Source) -> Attribution:
    """The attribution of a relayed source: the outer one's content, its own cue and source."""
    return replace(att, cue=icue, source=isrc, resolved=False, cue_span=_cue_span(ctx, icue))


def _relay(ctx: Ctx, cues: list[Cue], ci: int, cue: Cue, b: int):
    """A source the cue's own source relays, between the verb and its complement:
    ذكرت الصحيفة نقلاً عن مسؤولين أن … / قال شهود وفقاً لقناة محلية إن … (a cue phrase), or
    نقلت الوكالة عن مصدر أمني قوله إن … (نقل عن X [قوله]).  Returns (where the outer source
    stops, the inner cue, (start, end) of the inner source, strip ل) or None."""
    comp = cue.comp
    for pc in cues[ci + 1:]:
        if pc.i >= comp:
            break
        if pc.kind == "preposition" and pc.i > cue.j:
            st, strip = _source_start(ctx, pc, comp)
            saved = ctx.keys[st]
            if strip:
                ctx.keys[st] = saved[1:]  # لقناة محلية: the ل is the cue's, not an addressee's
            try:
                npr = np_after(ctx, st, b, stop=comp)
            finally:
                ctx.keys[st] = saved
            return (pc.i, pc, npr, strip) if npr is not None else None
    if cue.lemma != "نقل":
        return None
    for k in range(cue.j + 1, comp):
        if ctx.keys[k] == "عن":
            q = next((m for m in range(k + 1, comp) if ctx.keys[m] in QAWL), None)
            npr = np_after(ctx, k + 1, b, stop=q if q is not None else comp)
            if npr is None:
                return None
            c0 = q if q is not None else k
            inner = Cue(c0, c0 + 1, "noun" if q is not None else "preposition", "قال", None, None, cue.sent)
            return k, inner, npr, False
    return None


def _glued_previous(ctx: Ctx, si: int, i: int) -> tuple[int, int] | None:
    """Tokens of the previous sentence when sentence ``si`` opens at token i right after its full
    stop, with no space (the archive's glued sentences), else None."""
    a = ctx.sents[si][0]
    if si == 0 or i != a or a == 0 or ctx.tok(a - 1) != "." or ctx.toks[a - 1]["end"] != ctx.toks[a]["start"]:
        return None
    pa, pb = ctx.sents[si - 1]
    return (pa, pb) if pb - pa > 3 else None


def _prep_relay(ctx: Ctx, cue: Cue, e: int, b: int):
    """بحسب ما نقلته صحيفة X عن مصادر مطلعة: the outlet relays the source after عن.
    Returns (inner cue, (start, end)) or None."""
    if not cue.extra.get("with_verb") or e >= b or ctx.keys[e] != "عن":
        return None
    npr = np_after(ctx, e + 1, b)
    if npr is None:
        return None
    return Cue(e, e + 1, "preposition", "عن", None, None, cue.sent), npr


def extract(rec: dict) -> list[dict]:
    """Attributions of one record (``tokens``, ``sentences``, ``entities``,
    ``events`` present); also sets ``event["attribution"]``."""
    ctx = Ctx(rec)
    found: list[Attribution] = []
    fallbacks: list[tuple[int, Source]] = []
    for si, (a, b) in enumerate(ctx.sents):
        _read_sentence(_Sentence(ctx, si, a, b, find_cues(ctx, si), found, fallbacks))
    _resolve_pronouns(ctx, found, fallbacks)
    found = [f for f in found if f.source is not None]
    _assign_ids(found)
    _link(rec, found)
    return [f.record() for f in found]


def _read_sentence(st: _Sentence) -> None:
    """Every cue of the sentence, left to right; a cue inside what an earlier one
    took (its source phrase, its content's start) is not read again."""
    if st.cues:
        _subject_fallback(st)
    consumed_until = st.a
    for ci, cue in enumerate(st.cues):
        if cue.i < consumed_until:
            continue
        r = _read_cue(st, ci, cue)
        if r is None:
            continue
        consumed_until = r.until
        if r.content is not None:
            _add(st, cue, r)


def _subject_fallback(st: _Sentence) -> None:
    """ودعت رئيسة المفوضية …: the subject of a sentence-initial verb is kept as a
    last-resort antecedent for a later pronoun, when it looks like a source."""
    ctx, a, b = st.ctx, st.a, st.b
    subj = _initial_subject(ctx, a, b)
    if subj is None:
        return
    fake = Cue(a, a + 1, "verb", "", "f" if ctx.keys[a].endswith("ت") else "m", "sg", (a, b))
    fsrc = _make_source(ctx, subj[0], subj[1], fake)
    if plausible_prep_source(ctx, subj[0], subj[1], fsrc):
        st.fallbacks.append((a, fsrc))


def _read_cue(st: _Sentence, ci: int, cue: Cue) -> _Reading | None:
    """Source and content of one cue, by its kind; None when it is no attribution.
    A content stops where a later cue of the sentence opens a new clause."""
    ctx = st.ctx
    nxt = next((c for c in st.cues[ci + 1:] if c.i > (cue.content_start or cue.j) and _opens_clause(ctx, c)), None)
    cut = cut_before(ctx, nxt.i, cue.j) if nxt is not None else st.b
    if cue.kind == "preposition":
        return _prepositional_cue(st, cue, nxt, cut)
    if cue.comp is not None:
        return _verbal_cue(st, ci, cue, cut)
    return _postposed_cue(st, cue)


def _prepositional_cue(st: _Sentence, cue: Cue, nxt: Cue | None, cut: int) -> _Reading | None:
    """وفقًا لـ / بحسب / نقلًا عن + a source: the claim follows the cue phrase when it
    opens the clause (وبحسب مصادر، فقد …), else it is what comes before (…، بحسب
    البيان).  After وفق / حسب without a verb ("in line with") the phrase must look
    like a source: وفق الجدول المرفق is none."""
    ctx, a, b = st.ctx, st.a, st.b
    start, strip = _source_start(ctx, cue, b)
    npr = np_after(ctx, start, b)
    if npr is None:
        return None
    s, e = npr
    src = _make_source(ctx, s, e, cue, strip_lam=strip)
    if not src.lexical or not cue.extra.get("with_verb") and not plausible_prep_source(ctx, s, e, src):
        return None  # وفق الجدول المرفق، حسب اختياره: "in line with", not a source
    if not cue.extra.get("with_verb") and ctx.keys[cue.i] in WEAK_PREP_CUES and not _listed_source(src):
        return None  # بناء على توجيهات الملك، وفق خطط مدروسة: "on the basis of", not a source
    inner = _prep_relay(ctx, cue, e, b)
    if _preposed(ctx, a, cue.i):
        claim = _claim_after_cue_phrase(st, cue, e, nxt, cut)
        if claim is None:
            return None
        content, ctok, e = claim
    else:
        lo = _enclosing_start(st.found, cue.i, a)
        content, ctok = before_cue(ctx, lo, cue.i), (lo, cue.i)
    return _Reading(src, content, ctok, until=e, inner=inner)


def _listed_source(src: Source) -> bool:
    """A source by a lexicon head (مصادر، الوكالة، التقرير، الوزارة، المتحدث), not only by an entity or a count."""
    return src.lexical and not src.fallthrough and (src.kind in ("anonymous", "media", "document", "organisation") or src.titled)


def _claim_after_cue_phrase(st: _Sentence, cue: Cue, e: int, nxt: Cue | None, cut: int):
    """The claim of a clause-initial cue phrase whose source ends at token e: the
    rest of the clause, the sentence before when the archive glued them
    ("…الجديد.حسبما ذكرت الوكالة"), or the complement of a following verb
    (وبحسب مصادر عسكرية، أكدت أن …).  Returns (content, its tokens, where the
    next cue may start) or None when there is no claim."""
    ctx, b = st.ctx, st.b
    if e >= b or ctx.tok(e) in SENT_PUNCT:
        glued = _glued_previous(ctx, st.si, cue.i)
        if glued is None:
            return None  # no claim after the source phrase
        content, ctok = char_span(ctx, *glued), glued
    else:
        content, ctok = rest_after(ctx, e, cut), (e, cut)
    if content is None and nxt is not None and nxt.kind == "verb" and nxt.content_start is not None:
        # وبحسب مصادر عسكرية، أكدت أن …: the cue phrase's claim is the verb's complement
        vend = next((c.i for c in st.cues if c.i > nxt.content_start and _opens_clause(ctx, c)), b)
        content = after_complement(ctx, nxt.content_start, cut_before(ctx, vend, nxt.j))
        ctok = (nxt.content_start, vend)
        e = cue.j  # the verb is still to be read (its own source, or a pronoun)
    return content, ctok, e


def _verbal_cue(st: _Sentence, ci: int, cue: Cue, cut: int) -> _Reading | None:
    """A reporting verb with a clausal complement (قال إن، أكد أن، أعلن:): its subject
    after it (قال المتحدث)، before it (المصادر أكدت) or a pronoun (وأضاف أن, resolved
    later); the claim is the complement.  "يذكر أن" (impersonal) and a relative
    clause with no antecedent have nobody saying it."""
    ctx = st.ctx
    relay = _relay(ctx, st.cues, ci, cue, st.b) if cue.kind == "verb" else None
    stop = relay[0] if relay is not None else cue.comp
    if cue.lemma == "نقل" and any(ctx.keys[k] in ("الي", "الا") for k in range(cue.j, stop)):
        return None  # "نقلت المصاب إلى مستشفى": transported, not reported
    npr = _subject_after_verb(st, cue, stop)
    if npr is not None:
        src = _make_source(ctx, npr[0], npr[1], cue)
        if ctx.keys[cue.i] in IMPERSONAL and not plausible_prep_source(ctx, npr[0], npr[1], src):
            return None  # "تعتبر خير إعداد": "is considered", not "X considers"
    else:
        src = _subject_before_verb(st, cue)
    if src is None and (cue.extra.get("impersonal") or cue.extra.get("relative")):
        return None  # "يذكر أن": nobody says it
    content, ctok = _complement_content(st, cue, cut)
    return _Reading(src, content, ctok, until=cue.content_start, resolved=src is None, relay=relay)


def _subject_after_verb(st: _Sentence, cue: Cue, stop: int) -> tuple[int, int] | None:
    """The noun phrase after the verb when it is the verb's subject: not after a
    participle (مضيفًا أن) or an impersonal verb, not after a dual or plural verb
    (قالوا الحكومة: its object), not the addressee of أبلغ when a subject precedes."""
    ctx = st.ctx
    if cue.kind == "participle" or cue.extra.get("impersonal"):
        return None
    npr = np_after(ctx, cue.j, st.b, stop=stop, preps=cue.extra.get("preps", ()))
    if npr is None or _agrees_as_pronoun(cue):
        return None  # "قالوا الحكومة": a dual/plural verb before a noun has a pronoun subject; the noun is its object
    if cue.lemma in ADDRESSEE_VERBS and not cue.extra.get("conj") and np_before(ctx, cue.i, st.a) is not None:
        return None  # "مصادر دبلوماسية أبلغت الصحيفة أن": the noun after the verb is the addressee
    return npr


def _subject_before_verb(st: _Sentence, cue: Cue) -> Source | None:
    """A preposed subject (مصادر مقربة أكدت أن، السفير الذي أكد أن); none for a verb
    with و/ف (it opens its clause) or after ما (بما قال), nor a singular one for a
    plural verb ("القضية أكدوا": the pronoun it is)."""
    ctx = st.ctx
    if cue.kind != "verb" or cue.extra.get("conj") or cue.extra.get("free_relative"):
        return None
    npb = np_before(ctx, cue.i, st.a, relative=bool(cue.extra.get("relative")))
    if npb is None:
        return None
    src = _make_source(ctx, npb[0], npb[1], cue)
    if _agrees_as_pronoun(cue) and src.number == "sg":
        return None  # "القضية أكدوا": a plural verb needs a plural subject; the pronoun it is
    return src


def _complement_content(st: _Sentence, cue: Cue, cut: int) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """The claim after the complement: to the next clause (``cut``), or a quotation
    to its closing mark - within the sentence, or beyond where the splitter cut it
    (straight quotes, a "." inside) but within the paragraph."""
    ctx, b = st.ctx, st.b
    start = cue.content_start
    if start < b and ctx.tok(start) in OPEN_Q and ctx.close_quote(start, b) is not None:
        return after_complement(ctx, start, b), (start, b)
    if start < b and ctx.tok(start) in OPEN_Q:
        c = ctx.close_quote(start, _para_end(ctx, st.si))
        if c is not None:
            # a quotation the sentence splitter cut (straight quotes, "." inside): it runs to its closing mark
            return after_complement(ctx, start, c + 1), (start, c + 1)
    return after_complement(ctx, start, cut), (start, cut)


def _postposed_cue(st: _Sentence, cue: Cue) -> _Reading | None:
    """A verb with no complement after its claim ("…»، قال الوزير") or in a
    parenthetical (كما تقول المنظمة): the claim is the quotation or clause before
    it, or the whole sentence when the parenthetical stands in its middle.  Its
    subject is kept as an antecedent candidate even when it is no source here."""
    ctx, a, b = st.ctx, st.a, st.b
    npr = np_after(ctx, cue.j, b, preps=cue.extra.get("preps", ()))
    if npr is None:
        return None
    s, e = npr
    if _agrees_as_pronoun(cue):
        return None  # "كما حذروا المؤسسة": the noun is the object
    src = _make_source(ctx, s, e, cue)
    if plausible_prep_source(ctx, s, e, src):
        st.fallbacks.append((cue.i, src))  # a possible antecedent for a later pronoun
    if not _postposed_source(st, cue, s, e, src):
        return None
    words_after = any(ctx.tok(k) not in ("،", ",", ".", "!", "؟", "?", "…", ")") for k in range(e, b))
    if words_after and ctx.tok(e) in ("،", ","):
        content, ctok = char_span(ctx, a, b), (a, b)  # parenthetical in mid-sentence: the sentence is the claim
    else:
        lo = _enclosing_start(st.found, cue.i, a)
        content, ctok = before_cue(ctx, lo, cue.i), (lo, cue.i)
    return _Reading(src, content, ctok, until=e)


def _postposed_source(st: _Sentence, cue: Cue, s: int, e: int, src: Source) -> bool:
    """Is the phrase after a complement-less verb its source?  The verb must follow
    a comma, a quotation or كما; an imperfect only after كما (كما تقول); نقل / نشر
    only with a source-like subject; the verb one that may follow its claim, the
    phrase a lexical source; no object of the verb after it; and a claim before it."""
    ctx, a, b = st.ctx, st.a, st.b
    prev = cue.i - 1
    while prev >= a and ctx.keys[prev] in ("كما", "وكما"):
        prev -= 1
    if prev < a or not (ctx.tok(prev) in ("،", ",", "»", "”", '"', "(") or ctx.keys[cue.i - 1] in ("كما", "وكما")):
        return False
    if cue.extra.get("tense") == "impf" and ctx.keys[cue.i - 1] not in ("كما", "وكما"):
        return False
    if cue.lemma in AMBIGUOUS_VERBS and not plausible_prep_source(ctx, s, e, src):
        return False  # "كما نقلت دبابات": "moved tanks", not "tanks reported"
    if cue.lemma not in POSTPOSABLE or not src.lexical:
        return False  # "كما أعلنت البلاد الحداد": a nominal object, not a parenthetical source
    if e < b and ctx.keys[e] in cue.extra.get("preps", ()):
        return False  # "…، أشارت تقارير إلى ذلك": the verb's own object follows
    if sum(1 for k in range(a, cue.i) if ctx.tok(k).isalnum()) < 3:
        return False  # "إلى ذلك، أشارت …": nothing before the cue to be the claim
    return True


def _add(st: _Sentence, cue: Cue, r: _Reading) -> None:
    """Write the attributions of one cue: its own, one per coordinated source
    (guideline §3.2), and one for a relayed source (نقلاً عن مسؤولين) with the
    same content."""
    ctx = st.ctx
    src = r.source
    att = Attribution(cue=cue, sent=st.si, content_tok=r.content_tok, cue_span=_cue_span(ctx, cue),
                      source=src, content=span(ctx.text, *r.content), resolved=r.resolved)
    if r.inner is not None:
        icue, (s_in, e_in) = r.inner
        isrc = _make_source(ctx, s_in, e_in, icue)
        st.found.append(att)
        att = _relayed(ctx, att, icue, isrc)
    if src is not None and src.conj and not r.resolved:
        # with a relayed source (بحسب ما نقلته …عن) the conjuncts of the outer one go with the relayed cue
        for part in _split_coordinated(ctx, src, cue):
            st.found.append(replace(att, source=part))
    else:
        st.found.append(att)
    if r.relay is not None:
        _, icue, (s_in, e_in), strip = r.relay
        isrc = _make_source(ctx, s_in, e_in, icue, strip_lam=strip)
        if isrc.lexical or plausible_prep_source(ctx, s_in, e_in, isrc):
            st.found.append(_relayed(ctx, att, icue, isrc))


def _assign_ids(found: list[Attribution]) -> None:
    """Ids in text order (a1, a2, …), and a pronoun subject's antecedent by id."""
    found.sort(key=lambda f: (f.cue_span["start"], f.cue_span["end"]))
    for n, f in enumerate(found, 1):
        f.id = f"a{n}"
    for f in found:
        owner = f.source.owner
        if f.source.resolved and owner is not None and owner.id is not None:
            f.source.antecedent = owner.id


def _resolve_pronouns(ctx: Ctx, found: list[Attribution], fallbacks: list[tuple[int, Source]]) -> None:
    """A continuation with a pronoun subject (وأضاف أن، مشيرةً إلى أن) takes the
    nearest preceding source that agrees with its verb in gender and number (a
    continuation's own antecedent counts too: وقال … وأضاف … وتابع), else the
    nearest PER/ORG entity before it."""
    for att in found:
        if not att.resolved:
            continue
        cue = att.cue
        best = _antecedent(ctx, found, fallbacks, cue, att.sent)
        if best is None:
            ent = _entity_fallback(ctx, cue, att.sent)
            if ent is None:
                continue
            best = (_entity_source(ctx, ent, cue), None)
        s, owner = best
        att.source = replace(s, resolved="pronoun", antecedent=None, owner=owner, root=s)


def _antecedent(ctx: Ctx, found: list[Attribution], fallbacks: list[tuple[int, Source]], cue: Cue, si: int):
    """(source, its attribution or None) of the nearest agreeing candidate before the
    cue, at most PRONOUN_WINDOW sentences back; a document is no fallback candidate."""
    cands = [(o.cue.i, o.source, o) for o in found if o.source is not None and o.cue.i < cue.i and not o.resolved]
    cands += [(o.cue.i, o.source.root, o.source.owner) for o in found
              if o.source is not None and o.cue.i < cue.i and o.resolved]
    cands += [(pos, s, None) for pos, s in fallbacks if pos < cue.i and s.kind != "document"]
    for pos, s, owner in sorted(cands, key=lambda c: -c[0]):
        if ctx.sent_of[pos] < si - PRONOUN_WINDOW:
            break
        if compatible(s, cue.gender, cue.number):
            return s, owner
    return None


def _entity_source(ctx: Ctx, ent: dict, cue: Cue) -> Source:
    """A named entity as the source of a pronoun subject: one, named, in the verb's gender."""
    return Source(start=ent["start"], end=ent["end"], text=ctx.text[ent["start"]:ent["end"]], named=True, count=1,
                  kind="organisation" if ent["label"] in ("ORG", "LOC") else "person",
                  descriptor=None, entity=ent.get("id"), gender=cue.gender, number="sg", human=True)


def _entity_fallback(ctx: Ctx, cue: Cue, si: int):
    """Nearest PER/ORG entity before the cue in this sentence or the previous one."""
    lo = ctx.sents[max(0, si - 1)][0]
    lo_c = ctx.toks[lo]["start"] if lo < ctx.n else 0
    hi_c = ctx.toks[cue.i]["start"]
    best = None
    for en in ctx.ents_overlapping(lo_c, hi_c):
        if en.get("label") in ("PER", "ORG") and lo_c <= en["start"] and en["end"] <= hi_c:
            if best is None or en["start"] > best["start"]:
                best = en
    return best


def _link(rec: dict, found: list[Attribution]) -> None:
    """content.events / content.entities, and event["attribution"] (innermost content).

    Bisection over events and entities sorted by start keeps this linear in the
    article's length (plus what each content holds)."""
    events = SpanIndex(rec.get("events") or [], span=lambda ev: (ev["trigger"]["start"], ev["trigger"]["end"]))
    ents = SpanIndex(rec.get("entities") or [])
    best: dict[int, tuple] = {}
    for f in found:
        c = f.content
        inside = events.within(c["start"], c["end"])
        c["events"] = sorted((ev["id"] for ev in inside), key=_id_order)
        c["entities"] = [en["id"] for en in ents.within(c["start"], c["end"])]
        key_ = (c["end"] - c["start"], -f.cue_span["start"])
        for ev in inside:
            b = best.get(id(ev))
            if b is None or key_ < b[0]:
                best[id(ev)] = (key_, f.id)
    for ev in events.items:
        b = best.get(id(ev))
        ev["attribution"] = b[1] if b else None


def _id_order(vid: str) -> int:
    return int(vid[1:]) if vid[1:].isdigit() else 0
