"""Source and target actors, and the location, as token ranges.

Arabic news prose is verb-initial (VSO) or topic-first (SVO after أن/إن, or
at the start of a clause).  Without a parser we use word order and a few
prepositions:

* active verb, VSO ("اغتال الطيران الإسرائيلي خمسة فلسطينيين"): source = the
  noun phrase after the verb, target = the next one (skipping a preposition
  على/ضد/ل and the verb's fixed object such as النار);
* active verb, SVO ("مسلحين مجهولين اغتالوا ضابطاً"; plural verb or a noun
  phrase right before it): source = the phrase before, target = the one after;
* passive verb / تعرض لـ: target = the phrase after (or before, SVO); source =
  the phrase after "على يد / على أيدي / من قبل";
* verbal noun: "هجوم X على Y" → source X, target Y; for killing, abduction,
  assassination, torture nouns the following phrase is the victim (target).

A noun phrase is at most 4 tokens and stops at punctuation, prepositions,
conjunctions, relative pronouns and other event words.  When a phrase
overlaps a named entity it is widened to cover it, and the entity's id is
attached by the stage.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..clitics import without_conjunction
from ..lang import ar
from ..numbers import word_value
from ..phrases import END, LAST, grow
from .triggers import candidates

PREPS = ar.words("ev_preps")
FIXED_OBJECTS = ar.words("ev_fixed_objects")
QAM = ar.words("ev_actors_qam")
AUX_BEFORE = ar.words("ev_aux_before")

STOP = ar.words("ev_stop")
CLAUSE_END = {".", "؛", ";", ":", "?", "؟", "!"}  # brackets and commas do not end a clause
PUNCT = set(".،,؛;:؟?!«»()\"'“”-–—/")
PLACE_NOUNS = ar.words("ev_place_nouns")
LOC_PREPS = ar.words("ev_loc_preps")
AGENT_PREPS = (("علي", "يد"), ("علي", "ايدي"), ("من", "قبل"), ("بيد",), ("بايدي",))
# group/quantity heads whose "من" complement is the actor itself ("عدد من جنود المارينز")
QUANT_HEADS = ar.words("ev_quant_heads")
# protester nouns: the source of a PROTEST when the trigger's own phrase gives none
PROTESTER_STEMS = ar.ordered("ev_protester_stems")
VICTIM_MODES = {"kill", "assassinate", "abduct", "torture", "sexual", "beat"}
# count qualifiers before a number: "ما لا يقل عن ثلاثة", "أكثر من عشرين", "ما يزيد على"
COUNT_QUALIFIERS = (("ما", "لا", "يقل", "عن"), ("ما", "لا", "يقل", "علي"), ("ما", "يزيد", "عن"), ("ما", "يزيد", "علي"),
                    ("اكثر", "من"), ("اقل", "من"))
# result phrases of an attack: "أدى/أسفر الهجوم … إلى/عن مقتل X": X is the attack's target
RESULT_VERBS = ar.words("ev_result_verbs")
CASUALTY_NOUNS = ar.words("ev_casualty_nouns")
# claims of an attack named by a noun: "هجوم انتحاري نفذته امرأة", "غارة شنتها طائرة",
# "اعتداء … تبناه تنظيم القاعدة", "هجوم … نسب إلى المتمردين": the phrase after is the attacker
CLAIM_VERBS = ar.words("ev_claim_verbs")
ASCRIBED = (("نسب", "الي"), ("ونسب", "الي"), ("نسبت", "الي"), ("ونسبت", "الي"))
# a protest's demand names its target: "للمطالبة باستقالة الائتلاف الحاكم" → الائتلاف الحاكم
DEMANDING = ar.words("ev_demanding")
PROTEST_AGAINST = ar.words("ev_protest_against")


def _stop(w: str) -> bool:
    """A function word, also with و/ف attached ("وأضافت", "فقال")."""
    return w in STOP or without_conjunction(w, STOP.__contains__, min_len=3) is not None


def _is_word(w: str) -> bool:
    return bool(w) and w not in PUNCT and not all(c in PUNCT for c in w)


@dataclass(frozen=True)
class _Sentence:
    """What the actor grammars' rules read: the sentence's normalised tokens and the
    positions of event words (another event's trigger ends a phrase), and where a phrase
    read forwards must end."""
    norms: list[str]
    trig: set[int]
    end: int = 0


# The actor grammar (np_after): each rule reads token j of a phrase that starts at i
# (pipeline.phrases.grow).  The first takes a token inside a count; the rest end the phrase.

#: words that begin with و but are not a conjunct
WAW_WORDS = ("واشنطن", "واحد", "واسع", "واضح", "وادي")
#: approximate-count words that may precede a number inside the phrase
APPROX = ("نحو", "حوالي", "قرابه")


def _count_of_group(v: _Sentence, i: int, j: int) -> int | None:
    """"ثلاثة من عناصر الشرطة": the من of a count or a quantity head is inside the phrase."""
    n = v.norms
    if j > i and n[j] == "من" and (word_value(n[j - 1]) is not None or ar.fold(n[j - 1]) in QUANT_HEADS) \
            and j + 1 < v.end and _is_word(n[j + 1]):
        return 1
    return None


def _not_word(v: _Sentence, i: int, j: int) -> int | None:
    """Punctuation, a function word or another event's trigger."""
    w = v.norms[j]
    return END if not _is_word(w) or (j > i and (_stop(w) or j in v.trig)) else None


def _conjunct(v: _Sentence, i: int, j: int) -> int | None:
    """و + word: a new conjunct or clause (not واشنطن, not "ثلاثة وعشرين")."""
    n = v.norms
    w = n[j]
    if j > i and w.startswith("و") and w not in WAW_WORDS and len(w) > 3 and not n[j - 1].isdigit() \
            and not (word_value(n[j - 1]) is not None and word_value(w) is not None):
        return END
    return None


def _number(v: _Sentence, i: int, j: int) -> int | None:
    """A number starts a new phrase (unless an approximate-count word precedes it)."""
    n = v.norms
    if j > i and word_value(n[j]) is not None and word_value(n[j - 1]) is None and n[j - 1] not in APPROX:
        return END
    return None


def _prepositional(v: _Sentence, i: int, j: int) -> int | None:
    """A prepositional phrase (بوقف، بالضرب)."""
    w = v.norms[j]
    return END if j > i and w.startswith(("بال", "بت", "با", "بم")) and len(w) > 4 else None


def _indefinite_object(v: _Sentence, i: int, j: int) -> int | None:
    """"الجيش الإسرائيلي | عنصرين": an indefinite object after a definite subject."""
    n = v.norms
    w = n[j]
    return END if j > i and _definite(n[j - 1]) and not _definite(w) and w.endswith(("ين", "ا")) and len(w) > 3 else None


def _quantity_object(v: _Sentence, i: int, j: int) -> int | None:
    """"السلطات المصرية | مئات من …": a quantity after a definite subject is the object."""
    n = v.norms
    return END if j > i and ar.fold(n[j]) in QUANT_HEADS and _definite(n[j - 1]) else None


def _agreement(v: _Sentence, i: int, j: int) -> int | None:
    """"مسلحون مجهولون | ضابطا": agreement ends with the subject."""
    n = v.norms
    return END if j > i and n[j - 1].endswith("ون") and not n[j].endswith("ون") else None


def _two_definites(v: _Sentence, i: int, j: int) -> int | None:
    """Two definite nouns in a row (not noun + adjective): subject then object."""
    n = v.norms
    return END if j > i and _definite(n[j]) and _definite(n[j - 1]) and not _adjective(n[j]) else None


ACTOR_GRAMMAR = (
    ("count_of_group", _count_of_group), ("not_word", _not_word), ("conjunct", _conjunct), ("number", _number),
    ("prepositional", _prepositional), ("indefinite_object", _indefinite_object), ("quantity_object", _quantity_object),
    ("agreement", _agreement), ("two_definites", _two_definites),
)


# The preceding-actor grammar (np_before), read backwards from the word before the trigger.

def _preceding_stop(v: _Sentence, _i: int, j: int) -> int | None:
    """Punctuation, a function word or another event's trigger ends the phrase."""
    w = v.norms[j]
    return END if not _is_word(w) or _stop(w) or j in v.trig else None


def _preceding_conjunct(v: _Sentence, _i: int, j: int) -> int | None:
    """A و-prefixed word opens the phrase: it is taken and the phrase ends."""
    w = v.norms[j]
    return LAST if w.startswith("و") and len(w) > 3 else None


PRECEDING_GRAMMAR = (("stop", _preceding_stop), ("conjunct", _preceding_conjunct))


def np_after(norms, i, end, trig: set[int], max_len=4):
    """Noun phrase starting at token i: (first, last+1) or None."""
    if i >= end or i in trig or not _is_word(norms[i]):
        return None
    for q in COUNT_QUALIFIERS:
        if tuple(norms[i:i + len(q)]) == q and i + len(q) < end and word_value(norms[i + len(q)]) is not None:
            i += len(q)  # "ما لا يقل عن ثلاثة مسلحين": the phrase is the count and its noun
            break
    if norms[i] in APPROX and i + 1 < end and word_value(norms[i + 1]) is not None:
        pass  # "نحو 500 شخص": an approximate count, part of the phrase
    elif _stop(norms[i]):
        return None
    j, _ = grow(_Sentence(norms, trig, end), i, end, ACTOR_GRAMMAR, max_len)
    return (i, j) if j > i else None


def _definite(w: str) -> bool:
    return w.startswith(("ال", "وال", "فال", "بال", "لل")) and w not in ("الاف", "والاف", "بالاف")  # آلاف (thousands)


def _adjective(w: str) -> bool:
    """Nisba and participle-like adjectives that follow a definite noun."""
    return w.endswith(("ي", "يه", "يين", "يون", "يان")) or w in ("المسلحه", "الخاصه", "الحاكم", "العام", "الكبير", "الكبري")


def np_before(norms, i, start, trig: set[int], max_len=4):
    """Noun phrase ending right before token i: (first, last+1) or None."""
    k = i - 1
    while k >= start and norms[k] in AUX_BEFORE:
        k -= 1
    i = k + 1
    if k < start or not _is_word(norms[k]) or _stop(norms[k]) or k in trig:
        return None
    first, _ = grow(_Sentence(norms, trig), k, start, PRECEDING_GRAMMAR, max_len - 1, backward=True)
    return (first, i)


# adjectives of manner after an attack noun (not its attacker, unlike "غارة إسرائيلية")
MANNER_ADJ = ar.words("ev_manner_adj")
YEAR_WORDS = ar.words("ev_year_words")
TIME_WORDS = ar.words("ev_time_words")


def _skip(norms, j, end, words):
    while j < end and (norms[j] in words or norms[j] in ("علي", "ضد", "الي", "ل")):
        j += 1
    return j


def _needs_pos(norms, tend, end, needs):
    for k in range(tend, min(end, tend + 6)):
        if any(st in needs for st, _, _ in candidates(norms[k])):
            return k
    return None


def _prep_target(norms, j, end, trig):
    """Target after the first preposition على/ضد/نحو/إلى in the next 6 tokens."""
    for k in range(j, min(end, j + 6)):
        if norms[k] in PUNCT:
            return None
        if norms[k] in ("علي", "ضد", "نحو", "الي", "باتجاه", "صوب"):
            return np_after(norms, k + 1, end, trig)
    return None


def _agent_phrase(norms, tend, end, trig):
    """An agent named by a preposition after the trigger ("من قبل مسلحين", AGENT_PREPS), within 12 tokens."""
    for k in range(tend, min(end, tend + 12)):
        for pat in AGENT_PREPS:
            if tuple(norms[k:k + len(pat)]) == pat:
                agent = np_after(norms, k + len(pat), end, trig)
                if agent:
                    return agent
                break
    return None


def _protest_target(norms, tend, end, trig):
    """What a protest is against: "ضد …", "احتجاجا على …", "تنديدا ب …"."""
    for k in range(tend, min(end, tend + 15)):
        if norms[k] in ("ضد", "لمناهضه", "مناهضه"):
            return np_after(norms, k + 1, end, trig)
        if norms[k] in PROTEST_AGAINST and k + 1 < end \
                and norms[k + 1] in ("علي", "ب"):
            return np_after(norms, k + 2, end, trig)
    return None


def _demand_addressee(norms, tend, end, trig):
    """A demand's addressee: a phrase introduced by ل/لل or من ("أوامره للرئيس", "طالب بتوضيح من جهاز")."""
    for k in range(tend, min(end, tend + 8)):
        w = norms[k]
        if w in PUNCT:
            break
        if w == "من":
            return np_after(norms, k + 1, end, trig)
        if w.startswith(("لل", "ل")) and len(w) > 3 and w not in STOP:
            return np_after(norms, k, end, trig)
    return None


def _required_target(norms, npos, end, trig, typ):
    """``(applies, target)``: the target after the word a trigger requires (``needs``): after its
    preposition, after a fixed object ("إطلاق النار على …"), or the phrase itself for a fight."""
    stems = {st for st, _, _ in candidates(norms[npos])}
    if norms[npos] in PREPS:
        return True, np_after(norms, npos + 1, end, trig)
    if {ar.fold(st) for st in stems} & FIXED_OBJECTS:
        return True, _prep_target(norms, npos + 1, end, trig)
    if typ == "FIGHT" and "سيطره" not in stems:
        return True, np_after(norms, npos, end, trig)
    return False, None


def _fight_between(norms, tend, end, trig, agent, tgt):
    """"اشتباكات بين الجيش والمتمردين": the two parties; the second carries the conjunction."""
    for k in range(tend, min(end, tend + 4)):
        if norms[k] == "بين":
            x = np_after(norms, k + 1, end, trig)
            if x and x[1] < end and norms[x[1]].startswith("و"):
                return x, (x[1], x[1] + 1)
            return x, None
    return agent, tgt


def _after_qam(norms, tstart, tend, start, end, trig, tgt):
    """"قام مسلحون بخطف X", "قامت دبابة بقصف X": the agent between قام and the verbal noun; None
    when there is no قام-type verb before the trigger."""
    for k in range(tstart - 1, max(start, tstart - 8) - 1, -1):
        if any(st in QAM for st, _, _ in candidates(norms[k])):
            src = np_after(norms, k + 1, tstart, trig) if k + 1 < tstart else np_before(norms, k, start, trig)
            return src, tgt or np_after(norms, tend, end, trig)
    return None


def _nominal_actors(norms, tstart, tend, start, end, mode, trig, npos, agent, tgt, typ):
    """Actors of a verbal noun: its genitive is the agent (or the victim for VICTIM_MODES), unless
    it is an adjective or a verb; the target after a preposition."""
    after = tend
    nxt = np_after(norms, after, end, trig) if after < end and norms[after] not in PREPS else None
    if npos is not None and nxt and nxt[0] <= npos < nxt[1]:
        nxt = None if tgt and tgt[0] == npos else nxt
    if nxt and ar.fold(norms[nxt[0]]) in RESULT_VERBS:
        nxt = None  # "اعتداء أسفر عن …": a verb, not the genitive agent
    if mode in VICTIM_MODES:
        tgt = tgt or nxt
        src = agent
    else:
        if nxt and not _definite(norms[tstart]) and not _definite(norms[nxt[0]]) and (
                typ == "PROTEST" or ar.fold(norms[nxt[0]]) in MANNER_ADJ or (norms[tstart].endswith("ا") and norms[nxt[0]].endswith("ا"))):
            # "مظاهرة شعبية", "احتجاجات عمت", "هجوم انتحاري", "هجوماً حاداً": an adjective
            # (or a verb) after an indefinite noun, not its genitive agent ("ضربة جوية أميركية":
            # a nationality adjective does name the attacker, and stays)
            nxt = None
        src = nxt
        if tgt is None:
            tgt = _prep_target(norms, nxt[1] if nxt else after, end, trig)
        if src is None and agent:
            src = agent
    if src is None and typ == "PROTEST":
        src = _protesters(norms, start, end, trig)
    return src, tgt


def _passive_actors(norms, tstart, tend, start, end, trig, npos, agent, tgt, has_suffix):
    """A passive verb (or an agent phrase): the agent from the phrase, the target after or before."""
    if not has_suffix and tgt is None:
        tgt = np_after(norms, tend, end, trig)
        if tgt is None or (npos is not None and tgt[0] == npos):
            tgt = np_before(norms, tstart, start, trig) if tgt is None else tgt
    return agent, tgt


_SUBJECT_BEFORE = ar.ordered("ev_subject_before")


def _subject_before(norms, tstart, start, trig):
    """The phrase before a verb and whether it is its subject (SVO): after a clause opener
    (أن، حيث، قد …), punctuation or the sentence start, or before a plural verb."""
    before = np_before(norms, tstart, start, trig)
    if before and all(word_value(norms[k]) is not None or norms[k] in PUNCT or norms[k] in YEAR_WORDS for k in range(*before)):
        before = None  # a year or a count is not a subject ("2007 فجر …", "عام 1977 اعتقلت …")
    plural = norms[tstart].endswith(("وا", "ون"))
    pre = norms[before[0] - 1] if before and before[0] - 1 >= start else None
    svo = before is not None and (plural or pre is None or pre in _SUBJECT_BEFORE or pre in PUNCT)
    return before, svo


def _object_after(norms, j, end, trig, npos):
    """The object phrase at j, unless it swallows the required word."""
    cand = np_after(norms, j, end, trig)
    if cand and not (npos is not None and cand[0] <= npos < cand[1]):
        return cand
    return None


def _verbal_actors(norms, tstart, tend, start, end, mode, trig, npos, agent, tgt, typ, has_suffix):
    """An active verb: subject before it (SVO) or after it (VSO), object after that."""
    after = tend
    if tstart - 1 >= start and (tstart - 1) in trig and not norms[tstart].endswith(("وا", "ون")):
        # "تفجير استهدف تجمعاً", "هجوم أدى …": the event noun before the verb is its subject
        return agent, (None if has_suffix else np_after(norms, after, end, trig))
    before, svo = _subject_before(norms, tstart, start, trig)
    if not svo and tend < end and word_value(norms[tend]) is not None:
        # "قتل سبعة أشخاص": a count right after the verb is its (passive) subject
        return agent, np_after(norms, tend, end, trig)
    if svo and mode == "kill" and (tend >= end or norms[tend] in PUNCT or norms[tend] in ("في", "خلال", "اثر", "جراء", "بعد")
                                   or norms[tend].startswith(("ب", "وا", "و")) and not norms[tend].startswith("بال")):
        # "جنديين عراقيين قتلا بانفجار …": the unmarked قتل with nothing after is passive
        return agent, before
    if svo:
        src = before
        if tgt is None and not has_suffix:
            j = after
            while j < end and (norms[j] in ("علي", "ضد", "ل") or norms[j] in TIME_WORDS):
                j += 1
            tgt = _object_after(norms, j, end, trig, npos)
    else:
        j0 = after
        while j0 < end and norms[j0] in TIME_WORDS:
            j0 += 1
        src = np_after(norms, j0, end, trig)
        fixed_npos = npos is not None and (norms[npos] in PREPS or {ar.fold(st) for st, _, _ in candidates(norms[npos])} & FIXED_OBJECTS)
        if src and fixed_npos and src[0] <= npos < src[1]:
            src = None if npos == src[0] else (src[0], npos)
        if tgt is None and src and not has_suffix:
            j = src[1]
            while j < end and norms[j] in TIME_WORDS:
                j += 1
            if norms[j:j + 1] and norms[j] in ("علي", "ضد"):
                j += 1
            tgt = _object_after(norms, j, end, trig, npos)
    if src is None and agent:
        src = agent
    if src is None and typ == "PROTEST":
        src = _protesters(norms, start, end, trig)
    return src, tgt


def find_actors(norms, tstart, tend, start, end, kind: str, mode: str | None, nominal: bool, trig: set[int],
                needs: tuple = (), typ: str = "", has_suffix: bool = False):
    """(source, target) token ranges for a trigger spanning [tstart, tend), in named steps: an
    agent phrase; a target by the event's type (a protest's "against", a demand's addressee,
    the word the trigger requires); then by the trigger's form: a fight "between", a verbal
    noun after قام, a verbal noun, a passive, an active verb."""
    npos = _needs_pos(norms, tend, end, needs) if needs else None
    agent = _agent_phrase(norms, tend, end, trig)
    tgt = _protest_target(norms, tend, end, trig) if typ == "PROTEST" else None
    if typ == "DEMAND":
        tgt = _demand_addressee(norms, tend, end, trig)
    elif npos is not None:
        applies, required = _required_target(norms, npos, end, trig, typ)
        tgt = required if applies else tgt
    if nominal and typ == "FIGHT":
        return _fight_between(norms, tend, end, trig, agent, tgt)
    if nominal and norms[tstart].startswith(("ب", "وب")):
        found = _after_qam(norms, tstart, tend, start, end, trig, tgt)
        if found is not None:
            return found
    if nominal:
        return _nominal_actors(norms, tstart, tend, start, end, mode, trig, npos, agent, tgt, typ)
    if kind == "passive" or agent is not None:
        return _passive_actors(norms, tstart, tend, start, end, trig, npos, agent, tgt, has_suffix)
    return _verbal_actors(norms, tstart, tend, start, end, mode, trig, npos, agent, tgt, typ, has_suffix)


def _scan_clause(norms, tend, end, reach, marker):
    """Look right of a trigger, up to ``reach`` tokens and the end of its clause
    (a full stop, colon or semicolon; brackets and commas do not end it), for the
    first token where ``marker(k)`` gives ``(first token of the phrase, trigger
    set)``; the noun phrase there, or None."""
    for k in range(tend, min(end, tend + reach)):
        if norms[k] in CLAUSE_END:
            return None
        hit = marker(k)
        if hit:
            return np_after(norms, hit[0], end, hit[1])
    return None


def claimed_source(norms, tend, end, trig):
    """The attacker named after a nominal ASSAULT by a claim: "هجوم انتحاري نفذته
    امرأة", "غارة شنتها طائرة بدون طيار", "اعتداء أسفر … وتبناه تنظيم القاعدة",
    "هجوم … نسب إلى المتمردين"."""
    def claim(k):
        n = 1 if norms[k] in CLAIM_VERBS else next((len(p) for p in ASCRIBED if tuple(norms[k:k + len(p)]) == p), 0)
        if not n:
            return None
        j = k + n
        while j < end and norms[j] in ("«", '"', "“", "("):
            j += 1  # "تبناه «تنظيم القاعدة»"
        return j, trig

    return _scan_clause(norms, tend, end, 15, claim)


def demand_target(norms, tend, end, trig):
    """A protest's target named by its demand: "للمطالبة باستقالة الائتلاف الحاكم",
    "مطالبين برحيل الرئيس": the phrase after the demanded verbal noun (بـ + noun)."""
    def demand(k):
        if k + 2 < end and norms[k] in DEMANDING and norms[k + 1].startswith("ب") and len(norms[k + 1]) > 3:
            return k + 2, trig
        return None

    return _scan_clause(norms, tend, end, 25, demand)


def result_target(norms, tend, start, end, trig):
    """"أدى الهجوم إلى مقتل X" / "هجوم … أسفر عن إصابة X" (the result verb before or after
    the trigger, "إلى/عن + casualty noun" after it): X, the victims; else None."""
    if not any(ar.fold(w) in RESULT_VERBS for w in norms[start:end]):
        return None

    def result(k):
        if k + 1 < end and norms[k] in ("الي", "عن") and norms[k + 1] in CASUALTY_NOUNS:
            return k + 2, trig - {k + 1}
        return None

    return _scan_clause(norms, tend, end, 20, result)


def _protesters(norms, start, end, trig):
    """The first protester noun phrase of the sentence (متظاهرون، المحتجين …)."""
    for k in range(start, end):
        w = norms[k]
        if k not in trig and w.lstrip("وفب").startswith(PROTESTER_STEMS):
            return np_after(norms, k, end, trig, max_len=3) or (k, k + 1)
    return None


def find_location(norms, index, start, end, loc_entities: list[tuple[int, int]], trig: set[int]):
    """Token range of the place where the event happened, or None.

    Prefers a LOC entity introduced by a place preposition (في، قرب، وسط، عبر…),
    then a place noun (مدينة، قاعدة، منطقة…) with its name; the one nearest
    the trigger, after it first."""
    cands = []
    # loc_entities is sorted by start: bisect to the ones inside [start, end)
    lo = bisect_left(loc_entities, (start, -1))
    hi = bisect_left(loc_entities, (end, -1))
    for a, b in loc_entities[lo:hi]:
        if start <= a < end and a - 1 >= start:
            prev = norms[a - 1]
            if prev in LOC_PREPS or any(s in PLACE_NOUNS for s, _, _ in candidates(prev)) or prev.startswith(("ب", "في")):
                cands.append((a, b))
    for k in range(start, end):
        stems = {s for s, p, _ in candidates(norms[k]) if p in ("", "ب", "و", "ال", "بال", "وال", "لل")}
        if stems & PLACE_NOUNS and k not in trig:
            j = k + 1
            while j < end and j - k < 3 and _is_word(norms[j]) and norms[j] not in STOP and (_definite(norms[j]) or (j == k + 1 and not _definite(norms[k]))):
                j += 1
            if j > k + 1:
                cands.append((k, j))
    if not cands:
        return None
    cands.sort(key=lambda r: (0 if r[0] > index else 1, abs(r[0] - index), r[0]))
    return cands[0]
