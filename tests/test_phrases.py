"""The one noun-phrase chunker (:mod:`pipeline.phrases`) and the grammars the stages give it:
sources after and before a cue (``attributions.source``), actors after and before a trigger
(``events.actors``).  Each rule is asserted by the reason :func:`grow` gives when it ends a
phrase.  Every Arabic sentence here is written for these tests."""
from __future__ import annotations

import pytest

from pipeline.attributions.cue import Ctx
from pipeline.attributions.source import MAX_NP, PREPOSED_GRAMMAR, SOURCE_GRAMMAR, _View, np_before
from pipeline.events.actors import ACTOR_GRAMMAR, PRECEDING_GRAMMAR, _Sentence, np_after as actor_after, np_before as actor_before
from pipeline.phrases import END, LAST, grow
from pipeline.record import new_record
from pipeline.stages.normalise import Normalise
from pipeline.stages.tokenise import Tokenise

_NORM, _TOK = Normalise(), Tokenise()


# ---------------------------------------------------------------- the engine, on a toy grammar

def _stop_at(word):
    return lambda v, _a, j: END if v[j] == word else None


def _take_last(word):
    return lambda v, _a, j: LAST if v[j] == word else None


def _take_pair(word):
    return lambda v, _a, j: 2 if v[j] == word else None


WORDS = ["a", "b", "c", "d", "e", "f", "g", "h"]


def test_a_token_no_rule_stops_is_taken_up_to_the_limit():
    assert grow(WORDS, 0, len(WORDS), (), 20) == (8, "limit")
    assert grow(WORDS, 2, 5, (), 20) == (5, "limit")


def test_max_len_bounds_the_phrase():
    assert grow(WORDS, 1, len(WORDS), (), 3) == (4, "max_len")
    assert grow(WORDS, 6, 0, (), 3, backward=True) == (3, "max_len")


def test_end_stops_before_the_token_and_names_the_rule():
    g = (("stop_d", _stop_at("d")),)
    assert grow(WORDS, 0, len(WORDS), g, 20) == (3, "stop_d")  # [0, 3): a b c
    assert grow(WORDS, 6, 0, g, 20, backward=True) == (4, "stop_d")  # [4, 6): e f


def test_last_takes_the_token_and_stops():
    g = (("last_d", _take_last("d")),)
    assert grow(WORDS, 0, len(WORDS), g, 20) == (4, "last_d")  # a b c d
    assert grow(WORDS, 6, 0, g, 20, backward=True) == (3, "last_d")  # d e f


def test_n_takes_several_tokens_at_once_and_rules_are_asked_in_order():
    # "c" takes c and d together, so "d" is never asked; the phrase ends before f
    g = (("pair_c", _take_pair("c")), ("stop_d", _stop_at("d")), ("stop_f", _stop_at("f")))
    assert grow(WORDS, 0, len(WORDS), g, 20) == (5, "stop_f")
    # the first rule that answers decides: stop_d before pair_d
    g2 = (("stop_d", _stop_at("d")), ("pair_d", _take_pair("d")))
    assert grow(WORDS, 0, len(WORDS), g2, 20) == (3, "stop_d")


def test_an_empty_range_gives_the_anchor_back():
    assert grow(WORDS, 3, 3, (), 5) == (3, "limit")
    assert grow(WORDS, 3, 3, (), 5, backward=True) == (3, "limit")


# ---------------------------------------------------------------- the source grammar

def _ctx(text: str) -> Ctx:
    rec = _TOK(_NORM(new_record("t", text, {})))
    rec["entities"] = []
    rec["events"] = []
    return Ctx(rec)


def _at(ctx: Ctx, word: str) -> int:
    return next(k for k in range(ctx.n) if ctx.tok(k) == word)


def _source(text: str, first: str, preps: tuple[str, ...] = ()) -> tuple[str, str]:
    """The source phrase that starts at ``first`` and the rule that ended it."""
    ctx = _ctx(text)
    s = _at(ctx, first)
    e, why = grow(_View(ctx, ctx.n, preps), s, ctx.n, SOURCE_GRAMMAR, MAX_NP)
    return " ".join(ctx.tok(k) for k in range(s, e)), why


@pytest.mark.parametrize("text, first, phrase, reason", [
    ("قالت صحيفة “الأنباء” إن الوزير استقال.", "صحيفة", "صحيفة “ الأنباء ”", "punctuation"),
    ("أعلنت منظمة الأغذية والزراعة (فاو) أن المحصول تراجع.", "منظمة", "منظمة الأغذية والزراعة ( فاو )", "punctuation"),
    ("وقال د. سالم إن الدواء متوفر.", "د", "د . سالم", "punctuation"),
    ("وقال المحافظ، في كلمته، إن المشروع اكتمل.", "المحافظ", "المحافظ", "punctuation"),
    ("وأكد المدير الذي حضر الحفل أن الجوائز وزعت.", "المدير", "المدير", "new_clause"),
    ("ولفت المهندس إلى أن الجسر آمن.", "المهندس", "المهندس", "verb_preposition"),
    ("وأوضح المتحدث من جانبه أن الطريق مغلق.", "المتحدث", "المتحدث", "from_his_side"),
    ("وقال الوزير خلال زيارته إن المستشفى جاهز.", "الوزير", "الوزير", "end_word"),
    ("وقال الأمين في مؤتمر صحافي إن اللجنة اجتمعت.", "الأمين", "الأمين", "setting"),
    ("وأكد السفير على هامش اللقاء أن العلاقات متينة.", "السفير", "السفير", "setting"),
    ("وقال الوزير أمس إن الميزانية أقرت.", "الوزير", "الوزير", "time_word"),
    ("وقال المدير العام للهيئة إن الخطة جاهزة.", "المدير", "المدير العام للهيئة", "punctuation"),
    ("وقال المدير لـ«الصباح» إن الخطة جاهزة.", "المدير", "المدير", "addressee"),
    ("وأكد الطرفان رفضهما القاطع للمقترح.", "الطرفان", "الطرفان", "verb"),
])
def test_source_grammar_rules(text, first, phrase, reason):
    assert _source(text, first, preps=("الي",)) == (phrase, reason)


def test_a_long_quote_ends_the_source():
    phrase, why = _source("وقالت الوزارة “إن الطرق كلها ستفتح قبل العيد بعد أن تنتهي الصيانة” أمس.", "الوزارة")
    assert (phrase, why) == ("الوزارة", "short_quote")


def test_ba_before_a_quote_ends_the_source():
    ctx = _ctx("ووصف الناطق بـ«الخطوة الجريئة» القرار.")
    s = _at(ctx, "الناطق")
    e, why = grow(_View(ctx, ctx.n), s, ctx.n, SOURCE_GRAMMAR, MAX_NP)
    assert (e - s, why) == (1, "ba_quote")


# ---------------------------------------------------------------- preposed sources

def _before(text: str, cue: str, relative: bool = False) -> str | None:
    ctx = _ctx(text)
    r = np_before(ctx, _at(ctx, cue), 0, relative=relative)
    return None if r is None else " ".join(ctx.tok(k) for k in range(*r))


def test_a_preposed_source_runs_back_to_the_clause_start():
    assert _before("وقال التقرير إن الأسعار ارتفعت، ومصادر مطلعة أكدت أن الزيادة مؤقتة.", "أكدت") == "ومصادر مطلعة"  # the conjunction is trimmed from the characters later


def test_a_relative_source_stops_at_its_preposition():
    text = "التقيت مع السفير الذي أكد أن الزيارة ناجحة."
    ctx = _ctx(text)
    i = _at(ctx, "أكد")
    k, why = grow(_View(ctx, 0, relative=True), i - 1, 0, PREPOSED_GRAMMAR, MAX_NP - 1, backward=True)
    assert (ctx.tok(k), why) == ("السفير", "relative_preposition")
    assert _before(text, "أكد", relative=True) == "السفير"


def test_a_phrase_after_a_verb_is_an_object_not_a_preposed_source():
    assert _before("واستندت اللجنة إلى تقرير يؤكد أن المبنى آيل للسقوط.", "يؤكد") is None


# ---------------------------------------------------------------- actor grammars

def _words(text: str) -> tuple[list[str], list[str]]:
    """The tokens of ``text`` and their normalised forms."""
    rec = _TOK(_NORM(new_record("t", text, {})))
    return [t["text"] for t in rec["tokens"]], [t["norm"] for t in rec["tokens"]]


def _norms(text: str) -> list[str]:
    return _words(text)[1]


def _actor(text: str, first: str, trig=frozenset()) -> tuple[str, str]:
    toks, norms = _words(text)
    i = toks.index(first)
    j, why = grow(_Sentence(norms, set(trig), len(norms)), i, len(norms), ACTOR_GRAMMAR, 4)
    return " ".join(toks[i:j]), why


@pytest.mark.parametrize("text, first, phrase, reason", [
    ("هاجم ثلاثة من عناصر الشرطة المبنى.", "ثلاثة", "ثلاثة من عناصر الشرطة", "max_len"),
    ("هاجم المسلحون، ثم فروا.", "المسلحون", "المسلحون", "not_word"),
    ("اعتقلت الشرطة المتهم وصادرت سيارته.", "الشرطة", "الشرطة", "two_definites"),
    ("استهدف المتمردون وقادتهم القرية.", "المتمردون", "المتمردون", "conjunct"),
    ("أصاب القصف 12 مدنيا.", "القصف", "القصف", "number"),
    ("طالب المحتجون بالإفراج عن المعتقلين.", "المحتجون", "المحتجون", "prepositional"),
    ("قتل الجيش الحكومي عنصرين من التنظيم.", "الجيش", "الجيش الحكومي", "indefinite_object"),
    ("اعتقلت السلطات المحلية مئات من الشبان.", "السلطات", "السلطات المحلية", "quantity_object"),
    ("خطف مسلحون مجهولون ضابطا كبيرا.", "مسلحون", "مسلحون مجهولون", "agreement"),
])
def test_actor_grammar_rules(text, first, phrase, reason):
    assert _actor(text, first) == (phrase, reason)


def test_another_trigger_ends_an_actor():
    text = "قصفت الطائرات مواقع المسلحين."
    norms = _norms(text)
    assert actor_after(norms, 1, len(norms), trig={2}) == (1, 2)
    assert actor_after(norms, 1, len(norms), trig=set()) == (1, 4)  # without it the construct state runs on


def test_an_approximate_count_opens_an_actor():
    text = "تظاهر نحو 500 شخص أمام المبنى."
    norms = _norms(text)
    assert actor_after(norms, 1, len(norms), trig={0}) == (1, 4)


def test_a_preceding_actor_stops_at_a_conjunct_it_takes():
    toks, norms = _words("وقال شهود إن المسلحين وأنصارهم الملثمين هاجموا القرية.")
    i = toks.index("هاجموا")
    first, why = grow(_Sentence(norms, {i}), i - 1, 0, PRECEDING_GRAMMAR, 3, backward=True)
    assert (toks[first], why) == ("وأنصارهم", "conjunct")
    s, e = actor_before(norms, i, 0, {i})
    assert toks[s:e] == ["وأنصارهم", "الملثمين"]


def test_a_preceding_actor_stops_at_a_function_word():
    toks, norms = _words("وذكر التقرير أن المسلحين الملثمين هاجموا القرية.")
    i = toks.index("هاجموا")
    s, e = actor_before(norms, i, 0, {i})
    assert toks[s:e] == ["المسلحين", "الملثمين"]
