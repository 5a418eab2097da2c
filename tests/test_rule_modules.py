"""Direct tests of the rule modules, one block a module (after spaCy's tests/pipeline/…): the
events helpers read lists of normalised tokens, the attribution modules a tokenised record.
Every sentence is written for these tests."""
import pytest

from pipeline.arabic import normalise
from pipeline.record import new_record


def norms(text: str) -> list[str]:
    from pipeline.tokenize import tokens

    return [normalise(text[s:e]) for s, e in tokens(text)]


# ---------------------------------------------------------------- events.polarity

@pytest.mark.parametrize("text, word, negated", [
    ("لم يهاجم المسلحون القرية", "يهاجم", True),
    ("لن يتظاهر العمال غدا", "يتظاهر", True),
    ("ونفت الشرطة أن يكون أحد قد اعتدى على الحارس", "اعتدي", True),
    ("هاجم المسلحون القرية أمس", "هاجم", False),
    ("وأكدت الوزارة عدم وقوع اعتداء", "اعتداء", False),   # عدم before وقوع, not before the trigger
    ("وأكدت الوزارة عدم اعتداء أحد", "اعتداء", True),
])
def test_polarity(text, word, negated):
    from pipeline.events.polarity import is_negated

    ns = norms(text)
    i = ns.index(normalise(word))
    assert is_negated(ns, i, 0, nominal=word.startswith("اعتداء")) is negated


# ---------------------------------------------------------------- events.modality

@pytest.mark.parametrize("text, word, future_prefix, expected", [
    ("سوف تتظاهر النقابات في العاصمة", "تتظاهر", False, "future"),
    ("ستتظاهر النقابات غدا", "ستتظاهر", True, "future"),
    ("حاول المسلحون اقتحام المبنى", "اقتحام", False, "attempted"),
    ("وأحبطت الشرطة محاولة اختطاف طفل", "اختطاف", False, "prevented"),
    ("وهدد التنظيم بتفجير الجسر", "بتفجير", False, "threatened"),
    ("وتظاهر المئات أمام البرلمان", "وتظاهر", False, None),
    ("تظاهر المئات أمس، وإذا استمر الحصار", "تظاهر", False, None),  # the cue is after the trigger
])
def test_modality(text, word, future_prefix, expected):
    from pipeline.events.modality import modality

    ns = norms(text)
    i = ns.index(normalise(word))
    assert modality(ns, i, 0, future_prefix, purpose=False) == expected


def test_purpose_is_planned():
    from pipeline.events.modality import modality

    ns = norms("وصل المسلحون لتنفيذ هجوم")
    assert modality(ns, ns.index("هجوم"), 0, False, purpose=True) == "planned"


# ---------------------------------------------------------------- events.magnitudes

@pytest.mark.parametrize("text, dead, injured, size", [
    ("أسفر الهجوم عن مقتل سبعة أشخاص وإصابة 12 آخرين", 7, 12, None),
    ("قتل 28 شخصا في التفجير", 28, None, None),
    ("سقط 15 قتيلا بينهم سبعة من الشرطة", 15, None, None),  # the largest figure, never a sum
    ("وقع الهجوم في عام 2015 ولم يسفر عن إصابات", None, None, None),  # a year is no toll
])
def test_casualty_magnitudes(text, dead, injured, size):
    from pipeline.events.magnitudes import find_magnitudes

    ns = norms(text)
    assert find_magnitudes(ns, 0, len(ns)) == {"dead": dead, "injured": injured, "size": size}


def test_protest_size():
    from pipeline.events.magnitudes import find_magnitudes

    ns = norms("تظاهر 500 متظاهر أمام الوزارة")
    assert find_magnitudes(ns, 0, len(ns), protest=True)["size"] == 500
    ns = norms("تظاهر آلاف المتظاهرين أمام الوزارة")
    assert find_magnitudes(ns, 0, len(ns), protest=True)["size"] is None  # vague: thousands


# ---------------------------------------------------------------- events.triggers

def test_trigger_readings_strip_one_proclitic_chain():
    from pipeline.events.triggers import candidates

    readings = {(st, p) for st, p, _ in candidates(normalise("وبالهجوم"))}
    assert ("هجوم", "وبال") in readings or ("الهجوم", "وب") in readings
    assert ("وبالهجوم", "") in readings  # the word itself is always a reading


@pytest.mark.parametrize("text, family, nominal", [
    ("واعتقلت الشرطة ثلاثة أشخاص", "COERCE", False),
    ("وقع انفجار في السوق", "ASSAULT", True),
    ("وتظاهر المئات في الساحة", "PROTEST", False),
    ("وألقت الشرطة القبض على المطلوب", "COERCE", True),
])
def test_trigger_families(text, family, nominal):
    from pipeline.events.triggers import find

    ns = norms(text)
    found = [(m.entry.type, m.nominal) for m in find(ns, 0, len(ns))]
    assert (family, nominal) in found


def test_words_that_are_no_trigger():
    from pipeline.events.triggers import find

    ns = norms("وصل الطالب إلى المدرسة صباحا")
    assert not [m for m in find(ns, 0, len(ns)) if m.entry.type in ("ASSAULT", "PROTEST", "COERCE")]


@pytest.mark.parametrize("word, lemma", [
    ("هجومهم", "هجوم"),      # noun + possessive
    ("اجتماعها", "اجتماع"),
    ("بمداهمتها", "مداهمه"),  # ب + noun + possessive: the ta marbuta is written ت before it
    ("ومباحثاتهما", "مباحثات"),
])
def test_a_listed_noun_with_a_possessive_pronoun_is_read_as_the_noun(word, lemma):
    from pipeline.events.triggers import find

    (m,) = find([normalise(word)], 0, 1)
    assert m.entry.lemma == lemma and m.entry.kind == "noun" and m.nominal


@pytest.mark.parametrize("word", ["الهجومهم", "للاجتماعها"])
def test_no_possessive_after_the_article(word):
    from pipeline.events.triggers import find

    assert find([normalise(word)], 0, 1) == []


@pytest.mark.parametrize("text, family", [
    ("وثمنت الوزارة جهود المتطوعين", "SUPPORT"),
    ("أثنى الأمير على جهود الفرق الميدانية", "SUPPORT"),
    ("واستنكرت الحكومة الاعتداء", "DISAPPROVE"),
    ("وتواصلت التحقيقات مع المتهمين", "INVESTIGATE"),
    ("وعقدت اللجنتان اجتماعات مكثفة", "CONSULT"),
])
def test_praise_disapproval_investigation_and_meeting_words(text, family):
    from pipeline.events.triggers import find

    ns = norms(text)
    assert family in {m.entry.type for m in find(ns, 0, len(ns))}


@pytest.mark.parametrize("text", [
    "بلغ ثمن السيارة مئة ألف ريال",   # ثمن: a price, not ثمّن
    "وصل اثني عشر لاعبا إلى المعسكر",  # اثني عشر: twelve, not أثنى على
    "يثمن المشترون الجودة",            # يثمن: values (a price)
])
def test_price_and_twelve_are_no_praise(text):
    from pipeline.events.triggers import find

    ns = norms(text)
    assert "SUPPORT" not in {m.entry.type for m in find(ns, 0, len(ns))}


# ---------------------------------------------------------------- events.coder: the rules' named doubts

@pytest.fixture(scope="module")
def doubts_of():
    from pipeline.events.coder import code_families
    from pipeline.registry import build

    stages = build(["normalise", "tokenise", "entities"])

    def run(text: str) -> dict[str, list[str]]:
        rec = new_record("t", text, {})
        for st in stages:
            rec = st(rec)
        got = []
        code_families(rec, use_gate=False, collect=got)
        return {text[c["start"]:c["end"]]: c["why"] for c in got}

    return run


def test_doubts_are_named_and_empty_for_a_report(doubts_of):
    assert doubts_of("واغتال مسلحون ضابطا في الشرطة أمس")["واغتال"] == []
    assert "relative_clause" in doubts_of("وأفرج عن الرجل الذي خطف الطفل")["خطف"]
    assert "bare_mention" in doubts_of("وتحدث التقرير عن الهجوم بشكل عام")["الهجوم"]


def test_a_launched_strike_is_a_report_of_harm(doubts_of):
    # "شنت الطائرات غارات": the noun is what the launching verb reports, as with قام بـ
    assert "no_harm" not in doubts_of("وشنت طائرات التحالف غارات على مواقع المتمردين")["غارات"]
    assert "no_harm" in doubts_of("وتحدث التقرير عن غارات سابقة على المنطقة")["غارات"]


# ---------------------------------------------------------------- attributions: cue / source / content

@pytest.fixture(scope="module")
def tokenised():
    """A record of the text after normalise and tokenise (built once), with the given
    entities (each a (text, label) pair found in the text) or none."""
    from pipeline.registry import build

    stages = build(["normalise", "tokenise"])

    def make(text: str, ents: list[tuple[str, str]] = ()) -> dict:
        rec = new_record("t", text, {})
        for st in stages:
            rec = st(rec)
        rec["entities"] = [{"id": f"e{k}", "start": text.index(w), "end": text.index(w) + len(w), "text": w, "label": lab}
                           for k, (w, lab) in enumerate(ents, 1)]
        return rec

    return make


@pytest.fixture(scope="module")
def ctx_of(tokenised):
    from pipeline.attributions.cue import Ctx

    return lambda text: Ctx(tokenised(text))


def test_cue_kinds_and_complements(ctx_of):
    from pipeline.attributions.cue import find_cues

    ctx = ctx_of("وقال المتحدث إن الطريق أغلق، بحسب الوكالة.")
    cues = find_cues(ctx, 0)
    assert [(c.kind, ctx.tok(c.i)) for c in cues] == [("verb", "وقال"), ("preposition", "بحسب")]
    assert ctx.tok(cues[0].comp) == "إن" and ctx.tok(cues[0].content_start) == "الطريق"


def test_a_nominal_complement_needs_a_fact_head(ctx_of):
    from pipeline.attributions.cue import find_cues

    fact = find_cues(ctx_of("كشف المصدر عن تأجيل القمة."), 0)[0]
    assert fact.extra.get("nominal") == "prep" and fact.comp is not None
    topic = find_cues(ctx_of("كشف المصدر عن ملامح الخطة."), 0)[0]
    assert topic.comp is None  # a topic, not a claim


def test_relative_and_impersonal_cues(ctx_of):
    from pipeline.attributions.cue import find_cues

    assert find_cues(ctx_of("وهذا ما يؤكد أن الخطة نجحت."), 0) == []
    (c,) = find_cues(ctx_of("يذكر أن المهرجان يقام كل عام."), 0)
    assert c.extra.get("impersonal")


@pytest.mark.parametrize("head, text, singular", [
    ("جانبان", "الجانبان", "جانب"),
    ("حكومتين", "الحكومتين", "حكومه"),
    ("مسءولين", "مسؤولين", None),       # a plural as often as a dual: not without the fatha
    ("مسءولين", "مسؤولَين", "مسءول"),
    ("قناه", "قناة", None),
])
def test_dual_singular(head, text, singular):
    from pipeline.attributions.source import dual_singular

    assert dual_singular(head, text) == singular


def test_noun_phrase_after_a_verb_stops_before_setting_and_addressee(ctx_of):
    from pipeline.attributions.source import np_after

    ctx = ctx_of("وقال المدير العام للشركة لـ«عكاظ» أمس إن العمل مستمر.")
    s, e = np_after(ctx, 1, ctx.n)
    assert " ".join(ctx.tok(k) for k in range(s, e)) == "المدير العام للشركة"  # العام is "general" here


def test_noun_phrase_never_starts_with_a_pronoun(ctx_of):
    from pipeline.attributions.source import np_after

    ctx = ctx_of("تقول فهي لا تعرف شيئا.")
    assert np_after(ctx, 1, ctx.n) is None


def test_content_span_trims_punctuation_and_one_quotation(ctx_of):
    from pipeline.attributions.content import char_span

    ctx = ctx_of("وقال: «الوضع مستقر تماما».")
    s = next(k for k in range(ctx.n) if ctx.tok(k) == "«")
    cs, ce = char_span(ctx, s, ctx.n)
    assert ctx.text[cs:ce] == "الوضع مستقر تماما"


def test_an_event_noun_opening_a_tagged_name_stays_the_event_word(tokenised):
    from pipeline.events.coder import code_record

    def _coded_with(text, ents):
        return code_record(tokenised(text, ents), use_gate=False)

    # the tagger's "هروب الأسد" as one name: the noun is the event, the name its actor
    evs = _coded_with("وتم ترتيب هروب الأسد إلى موسكو أمس", [("هروب الأسد", "LOC"), ("موسكو", "LOC")])
    assert [e["trigger"]["text"] for e in evs if e["type"] == "RETREAT"] == ["هروب"]
    # a verb form read inside a name stays part of it
    evs = _coded_with("وقال قائد في الحشد الشعبي إن المعركة انتهت", [("الحشد الشعبي", "ORG")])
    assert not [e for e in evs if e["trigger"]["text"] == "الحشد"]


def test_a_transmitter_is_no_hosting():
    from pipeline.events.triggers import find

    ns = norms("وجرى إيقاف جهاز الإرسال والاستقبال بالطائرة")
    assert "CONSULT" not in {m.entry.type for m in find(ns, 0, len(ns))}
    ns = norms("وأقيم الاستقبال الرسمي للوفد في القصر")
    assert "CONSULT" in {m.entry.type for m in find(ns, 0, len(ns))}


# ---------------------------------------------------------------- events.actors

@pytest.mark.parametrize("text, trigger, source, target", [
    ("قام مسلحون بخطف ثلاثة صحفيين في بغداد أمس.", "بخطف", "مسلحون", "ثلاثة صحفيين"),        # قام + verbal noun
    ("اندلعت اشتباكات عنيفة بين الجيش والمتمردين في شمال البلاد.", "اشتباكات", "الجيش", "المتمردين"),  # a fight between two
    ("اعتقلت الشرطة عشرين متظاهرا في وسط المدينة.", "اعتقلت", "الشرطة", "عشرين متظاهرا"),    # VSO
    ("طالب الوزير بتوضيح من الجهات المختصة.", "طالب", "الوزير", "الجهات"),                     # a demand's addressee
])
def test_actors_by_the_triggers_form(default_stages, text, trigger, source, target):
    rec = new_record("t", text)
    for st in default_stages[:4]:
        rec = st(rec)
    ev = next(e for e in rec["events"] if e["trigger"]["text"] == trigger)
    assert ev["source_actor"]["text"] == source
    assert ev["target_actor"]["text"] == target
