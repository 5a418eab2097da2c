"""Attributed sources: who says so, how many, named or anonymous, and what they claim.

After BBC's citron, one module per part of a quote: :mod:`.cue` finds the
reporting expressions, :mod:`.source` the source phrase and its fields,
:mod:`.content` the claim.  :func:`extract` puts them together for one
record (word orders, pronoun continuations, links to entities and events).
"""
from __future__ import annotations


from ..record import span
from ..spans import SpanIndex
from .content import after_complement, before_cue, char_span, cut_before, rest_after
from .cue import OPEN_Q, SENT_PUNCT, Ctx, Cue, find_cues
from .lexicon import ADDRESSEE_VERBS, CONJ_EXTRA, CONJ_ORG, IMPERSONAL, POSTPOSABLE, ANON_PL, ANON_SG, COMMON, DOC_SG, FUNCTION, MEDIA, ORG, TITLES
from .source import LEAD_PARTICLES, _drop_article, bare, plausible_prep_source, compatible, describe, np_after, np_before

NOT_VERB_START = COMMON | TITLES | ORG | MEDIA | ANON_SG | ANON_PL | DOC_SG

#: how many sentences back a pronoun subject may find its antecedent
PRONOUN_WINDOW = 4
_PRIVATE = ("_gender", "_number", "_human", "_lexical", "_titled", "_fallthrough")


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


def _make_source(ctx: Ctx, s: int, e: int, cue: Cue, strip_lam: bool = False, strip_waw: bool = False) -> dict:
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
        f = describe(ctx, s, e, cs, ce, verb_gender=cue.gender if cue.kind == "verb" else None)
    finally:
        if saved is not None:
            ctx.keys[s] = saved
    f = {**span(ctx.text, cs, ce), **f}
    if f["descriptor"] is not None:
        f["descriptor"] = span(ctx.text, *f["descriptor"])
    f["_tok"] = (s, e)
    return f


def _split_coordinated(ctx: Ctx, src: dict, cue: Cue) -> list[dict]:
    """قال المتحدث باسم الشرطة سعد الحربي وشاهدا عيان إن …: one source per conjunct
    with a head noun of its own (guideline §3.2), each with its own fields."""
    conj = src.get("_conj") or []
    if not conj:
        return [src]
    s, e = src["_tok"]
    first = _make_source(ctx, s, conj[0][0], cue)
    parts = [first]
    for c, c_end in conj:
        h = c + 1 if ctx.keys[c] == "و" else c
        if h >= c_end:
            continue
        part = _make_source(ctx, h, c_end, cue, strip_waw=h == c)
        head = _drop_article(ctx.keys[h][1:] if h == c else ctx.keys[h])
        if head in CONJ_EXTRA:
            # مصدر أمني وآخر عسكري، الوزير ونظيره: another of the first one's kind
            part.update(kind=first["kind"] if first["kind"] != "person" else "person", named=False, count=1)
        elif head in CONJ_ORG and head not in ORG:
            part.update(kind="organisation", named=True, count=1)  # برنامج الأغذية العالمي: an institution's name
        parts.append(part)
    for p in parts:
        p["_conj"] = []
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
    - a last-resort antecedent for a pronoun continuation.  Returns (token, np) or None."""
    if b - a < 3:
        return None
    k0 = ctx.keys[a]
    verb_like = (k0[:1] in "وف" and len(k0) >= 4) or (not k0.startswith("ال") and ctx.keys[a + 1].startswith("ال") and len(k0) >= 3)
    # التقى (form VIII of لقي) begins with ال like a definite noun: وال… is a noun unless it is التقى
    al_verb = k0.lstrip("وف") in ("التقي", "التقت", "التقيا", "التقتا", "التقوا")
    if not verb_like or bare(k0) in NOT_VERB_START or (k0[1:3] == "ال" and not al_verb) or k0 in FUNCTION or k0.isdigit():
        return None
    npr = np_after(ctx, a + 1, b, preps=("الي", "علي", "عن", "من", "في", "مع", "ب", "ل"))
    if npr is None:
        return None
    return npr


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
AMBIGUOUS_VERBS = {"نقل", "نشر"}


def _agrees_as_pronoun(cue: Cue) -> bool:
    """In verb-subject order the verb is singular (قال المسؤولون): a dual or
    plural perfect/imperfect (قالوا، يؤكدون، أكدا) carries its own pronoun
    subject, so a noun after it is not the subject."""
    return cue.kind == "verb" and cue.number in ("du", "pl")


def _preposed(ctx: Ctx, a: int, i: int) -> bool:
    """Only particles between the sentence start and token i."""
    return all(ctx.keys[k] in LEAD_PARTICLES or ctx.tok(k) in ("،", ",", "-") for k in range(a, i))


def _enclosing_start(found: list[dict], i: int, a: int) -> int:
    """Token where the innermost earlier content containing token i starts (else a)."""
    best = a
    for att in found:
        cs, ce = att["_content_tok"]
        if cs <= i < ce + 2 and cs > best:
            best = cs
    return best


QAWL = {"قوله", "قولها", "قولهم", "قولهما", "القول", "بقوله", "بقولها"}


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


def _relayed(ctx: Ctx, att: dict, icue: Cue, isrc: dict) -> dict:
    """The attribution of a relayed source: the outer one's content, its own cue and source."""
    return {**att, "_cue": icue, "source": isrc, "_resolved": False,
            "cue": span(ctx.text, ctx.toks[icue.i]["start"], ctx.toks[icue.j - 1]["end"], type=icue.kind)}


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
    found: list[dict] = []
    fallbacks: list[tuple[int, dict]] = []  # subjects of reporting verbs with no claim (antecedent candidates)
    for si, (a, b) in enumerate(ctx.sents):
        cues = find_cues(ctx, si)
        if cues:
            subj = _initial_subject(ctx, a, b)
            if subj is not None:
                fake = Cue(a, a + 1, "verb", "", "f" if ctx.keys[a].endswith("ت") else "m", "sg", (a, b))
                fsrc = _make_source(ctx, subj[0], subj[1], fake)
                if plausible_prep_source(ctx, subj[0], subj[1], fsrc):
                    fallbacks.append((a, fsrc))
        consumed_until = a
        for ci, cue in enumerate(cues):
            if cue.i < consumed_until:
                continue
            # where the next cue of the sentence starts: a content stops there
            nxt = next((c for c in cues[ci + 1:] if c.i > (cue.content_start or cue.j) and _opens_clause(ctx, c)), None)
            cut = cut_before(ctx, nxt.i, cue.j) if nxt is not None else b
            src = None
            content = None
            resolved = False
            relay = inner = None
            if cue.kind == "preposition":
                st, strip = _source_start(ctx, cue, b)
                npr = np_after(ctx, st, b)
                if npr is None:
                    continue
                s, e = npr
                src = _make_source(ctx, s, e, cue, strip_lam=strip)
                if not src["_lexical"] or not cue.extra.get("with_verb") and not plausible_prep_source(ctx, s, e, src):
                    continue  # وفق الجدول المرفق، حسب اختياره: "in line with", not a source
                inner = _prep_relay(ctx, cue, e, b)
                if _preposed(ctx, a, cue.i):
                    if e >= b or ctx.tok(e) in SENT_PUNCT:
                        glued = _glued_previous(ctx, si, cue.i)
                        if glued is None:
                            continue  # no claim after the source phrase
                        # "…الجديد.حسبما ذكرت الوكالة": archives glue the sentences; the claim is the one before
                        content = char_span(ctx, *glued)
                        ctok = glued
                    else:
                        content = rest_after(ctx, e, cut)
                        ctok = (e, cut)
                    if content is None and nxt is not None and nxt.kind == "verb" and nxt.content_start is not None:
                        # وبحسب مصادر عسكرية، أكدت أن …: the cue phrase's claim is the verb's complement
                        vend = next((c.i for c in cues if c.i > nxt.content_start and _opens_clause(ctx, c)), b)
                        content = after_complement(ctx, nxt.content_start, cut_before(ctx, vend, nxt.j))
                        ctok = (nxt.content_start, vend)
                        e = cue.j  # the verb is still to be read (its own source, or a pronoun)
                else:
                    lo = _enclosing_start(found, cue.i, a)
                    content = before_cue(ctx, lo, cue.i)
                    ctok = (lo, cue.i)
                consumed_until = e
            elif cue.comp is not None:
                stop = cue.comp
                relay = _relay(ctx, cues, ci, cue, b) if cue.kind == "verb" else None
                if relay is not None:
                    stop = relay[0]
                if cue.kind == "participle":
                    npr = None
                else:
                    npr = np_after(ctx, cue.j, b, stop=stop, preps=cue.extra.get("preps", ()))
                if cue.extra.get("impersonal"):
                    npr = None
                if cue.lemma == "نقل" and any(ctx.keys[k] in ("الي", "الا") for k in range(cue.j, stop)):
                    continue  # "نقلت المصاب إلى مستشفى": transported, not reported
                if npr is not None and _agrees_as_pronoun(cue):
                    npr = None  # "قالوا الحكومة": a dual/plural verb before a noun has a pronoun subject; the noun is its object
                if npr is not None and cue.lemma in ADDRESSEE_VERBS and not cue.extra.get("conj") and np_before(ctx, cue.i, a) is not None:
                    npr = None  # "مصادر دبلوماسية أبلغت الصحيفة أن": the noun after the verb is the addressee
                if npr is not None:
                    src = _make_source(ctx, npr[0], npr[1], cue)
                    if ctx.keys[cue.i] in IMPERSONAL and not plausible_prep_source(ctx, npr[0], npr[1], src):
                        continue  # "تعتبر خير إعداد": "is considered", not "X considers"
                elif cue.kind == "verb" and not cue.extra.get("conj") and not cue.extra.get("free_relative"):
                    npb = np_before(ctx, cue.i, a, relative=bool(cue.extra.get("relative")))
                    if npb is not None:
                        src = _make_source(ctx, npb[0], npb[1], cue)
                        if _agrees_as_pronoun(cue) and src["_number"] == "sg":
                            src = None  # "القضية أكدوا": a plural verb needs a plural subject; the pronoun it is
                if src is None and (cue.extra.get("impersonal") or cue.extra.get("relative")):
                    continue  # "يذكر أن": nobody says it
                if src is None:
                    resolved = True
                start = cue.content_start
                pend = _para_end(ctx, si)
                if start < b and ctx.tok(start) in OPEN_Q and ctx.close_quote(start, b) is not None:
                    content = after_complement(ctx, start, b)
                    ctok = (start, b)
                elif start < b and ctx.tok(start) in OPEN_Q and ctx.close_quote(start, pend) is not None:
                    # a quotation the sentence splitter cut (straight quotes, "." inside): it runs to its closing mark
                    c = ctx.close_quote(start, pend)
                    content = after_complement(ctx, start, c + 1)
                    ctok = (start, c + 1)
                else:
                    content = after_complement(ctx, start, cut)
                    ctok = (start, cut)
                consumed_until = start
            else:
                # no complement: content-first ("…»، قال الوزير"), parenthetical (كما تقول المنظمة)
                npr = np_after(ctx, cue.j, b, preps=cue.extra.get("preps", ()))
                if npr is None:
                    continue
                s, e = npr
                if _agrees_as_pronoun(cue):
                    continue  # "كما حذروا المؤسسة": the noun is the object
                prev = cue.i - 1
                while prev >= a and ctx.keys[prev] in ("كما", "وكما"):
                    prev -= 1
                after_np = [k for k in range(e, b) if ctx.tok(k) not in ("،", ",", ".", "!", "؟", "?", "…", ")")]
                src = _make_source(ctx, s, e, cue)
                if plausible_prep_source(ctx, s, e, src):
                    fallbacks.append((cue.i, src))  # a possible antecedent for a later pronoun
                if prev < a or not (ctx.tok(prev) in ("،", ",", "»", "”", '"', "(") or ctx.keys[cue.i - 1] in ("كما", "وكما")):
                    continue
                if cue.extra.get("tense") == "impf" and ctx.keys[cue.i - 1] not in ("كما", "وكما"):
                    continue
                if cue.lemma in AMBIGUOUS_VERBS and not plausible_prep_source(ctx, s, e, src):
                    continue  # "كما نقلت دبابات": "moved tanks", not "tanks reported"
                if cue.lemma not in POSTPOSABLE or not src["_lexical"]:
                    continue  # "كما أعلنت البلاد الحداد": a nominal object, not a parenthetical source
                if e < b and ctx.keys[e] in cue.extra.get("preps", ()):
                    continue  # "…، أشارت تقارير إلى ذلك": the verb's own object follows
                if sum(1 for k in range(a, cue.i) if ctx.tok(k).isalnum()) < 3:
                    continue  # "إلى ذلك، أشارت …": nothing before the cue to be the claim
                lo = _enclosing_start(found, cue.i, a)
                if after_np and after_np[0] < b and ctx.tok(e) in ("،", ","):
                    content = char_span(ctx, a, b)  # parenthetical in mid-sentence: the sentence is the claim
                    ctok = (a, b)
                else:
                    content = before_cue(ctx, lo, cue.i)
                    ctok = (lo, cue.i)
                consumed_until = e
            if content is None:
                continue
            att = {
                "_cue": cue,
                "_sent": si,
                "_content_tok": ctok,
                "cue": span(ctx.text, ctx.toks[cue.i]["start"], ctx.toks[cue.j - 1]["end"], type=cue.kind),
                "source": src,
                "content": span(ctx.text, *content),
                "_resolved": resolved,
            }
            if cue.kind == "preposition" and inner is not None:
                isrc = _make_source(ctx, inner[1][0], inner[1][1], inner[0])
                found.append(att)
                att = _relayed(ctx, att, inner[0], isrc)
            if src is not None and src.get("_conj") and not resolved:
                for part in _split_coordinated(ctx, src, cue):
                    found.append({**att, "source": part})
            else:
                found.append(att)
            if cue.kind == "verb" and cue.comp is not None and relay is not None:
                _, icue, (s_in, e_in), strip = relay
                isrc = _make_source(ctx, s_in, e_in, icue, strip_lam=strip)
                if isrc["_lexical"] or plausible_prep_source(ctx, s_in, e_in, isrc):
                    found.append(_relayed(ctx, att, icue, isrc))
    _resolve_pronouns(ctx, found, fallbacks)
    found = [f for f in found if f["source"] is not None]
    found.sort(key=lambda f: (f["cue"]["start"], f["cue"]["end"]))
    for n, f in enumerate(found, 1):
        f["id"] = f"a{n}"
    for f in found:
        owner = f["source"].get("_antecedent")
        if f["source"].get("resolved") and owner is not None and "id" in owner:
            f["source"]["antecedent"] = owner["id"]
    _link(rec, found)
    out = []
    for f in found:
        src = {k: v for k, v in f["source"].items() if not k.startswith("_")}
        out.append({"id": f["id"], "cue": f["cue"], "source": src, "content": f["content"]})
    return out


def _resolve_pronouns(ctx: Ctx, found: list[dict], fallbacks: list[tuple[int, dict]]) -> None:
    """A continuation with a pronoun subject (وأضاف أن، مشيرةً إلى أن) takes the
    nearest preceding source that agrees with its verb in gender and number."""
    for att in found:
        if not att["_resolved"]:
            continue
        cue: Cue = att["_cue"]
        si = att["_sent"]
        best = None
        cands = [(o["_cue"].i, o["source"], o) for o in found if o["source"] is not None and o["_cue"].i < cue.i and not o["_resolved"]]
        cands += [(o["_cue"].i, o["source"]["_root"]["source"], o["source"]["_root"]) for o in found
                  if o["source"] is not None and o["_cue"].i < cue.i and o["_resolved"]]
        cands += [(pos, s, None) for pos, s in fallbacks if pos < cue.i and s["kind"] != "document"]
        for pos, s, owner in sorted(cands, key=lambda c: -c[0]):
            if ctx.sent_of[pos] < si - PRONOUN_WINDOW:
                break
            if compatible(s, cue.gender, cue.number):
                best = (s, owner)
                break
        if best is None:
            ent = _entity_fallback(ctx, cue, si)
            if ent is None:
                continue
            s = {**span(ctx.text, ent["start"], ent["end"]), "named": True, "count": 1,
                 "kind": "organisation" if ent["label"] in ("ORG", "LOC") else "person",
                 "descriptor": None, "entity": ent.get("id"), "_gender": cue.gender, "_number": "sg", "_human": True}
            best = (s, None)
        s, owner = best
        src = {k: v for k, v in s.items() if k not in ("resolved", "antecedent", "_antecedent", "_root")}
        src["resolved"] = "pronoun"
        src["antecedent"] = None
        src["_antecedent"] = owner
        src["_root"] = owner if owner is not None else {"source": s}
        att["source"] = src


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


def _link(rec: dict, found: list[dict]) -> None:
    """content.events / content.entities, and event["attribution"] (innermost content).

    Bisection over events and entities sorted by start keeps this linear in the
    article's length (plus what each content holds)."""
    events = SpanIndex(rec.get("events") or [], span=lambda ev: (ev["trigger"]["start"], ev["trigger"]["end"]))
    ents = SpanIndex(rec.get("entities") or [])
    best: dict[int, tuple] = {}
    for f in found:
        c = f["content"]
        inside = events.within(c["start"], c["end"])
        c["events"] = sorted((ev["id"] for ev in inside), key=_id_order)
        c["entities"] = [en["id"] for en in ents.within(c["start"], c["end"])]
        key_ = (c["end"] - c["start"], -f["cue"]["start"])
        for ev in inside:
            b = best.get(id(ev))
            if b is None or key_ < b[0]:
                best[id(ev)] = (key_, f["id"])
    for ev in events.items:
        b = best.get(id(ev))
        ev["attribution"] = b[1] if b else None


def _id_order(vid: str) -> int:
    return int(vid[1:]) if vid[1:].isdigit() else 0
