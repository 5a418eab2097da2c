"""Attributions stage: word orders, counts, named/anonymous, pronoun
continuations, negatives, links to events/entities, offsets.

Every Arabic sentence here is written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.attributions import extract
from pipeline.record import check_spans, new_record
from pipeline.schema import validate
from pipeline.stages.attributions import Attributions
from pipeline.stages.normalise import Normalise
from pipeline.stages.tokenise import Tokenise

_NORM, _TOK = Normalise(), Tokenise()


def prepare(text: str, entities=None, events=None) -> dict:
    rec = _TOK(_NORM(new_record("t", text, {})))
    rec["entities"] = entities or []
    rec["events"] = events or []
    return rec


def attrs(text: str, **kw) -> list[dict]:
    rec = prepare(text, **kw)
    out = extract(rec)
    rec["attributions"] = out
    check_spans(rec)
    validate(rec)
    return out


def one(text: str) -> dict:
    out = attrs(text)
    assert len(out) == 1, [(a["cue"]["text"], a["source"]["text"]) for a in out]
    return out[0]


def ent(text: str, surface: str, label: str, n: int = 1) -> dict:
    s = text.index(surface)
    return {"id": f"e{n}", "start": s, "end": s + len(surface), "text": surface, "label": label}


# ---------------------------------------------------------------- seed article

def test_seed_article_has_exactly_the_four_attributions(seed_record):
    text = seed_record["text"]
    atts = seed_record["attributions"]
    assert [a["id"] for a in atts] == ["a1", "a2", "a3", "a4"]
    bl, kr, three, two = atts

    assert bl["cue"]["text"] == "كشفت"
    assert bl["source"]["text"] == "صحيفة “بلومبيرغ”"
    assert (bl["source"]["named"], bl["source"]["count"], bl["source"]["kind"]) == (True, 1, "media")
    assert bl["content"]["text"].startswith("الكرملين أصدر أوامره")
    assert bl["content"]["text"].endswith("معمر القذافي")

    assert kr["cue"]["text"] == "أكدت"
    assert kr["source"]["text"] == "مصادر مقربة من الكرملين"
    assert (kr["source"]["named"], kr["source"]["count"], kr["source"]["kind"]) == (False, None, "anonymous")
    assert kr["source"]["descriptor"]["text"] == "مقربة من الكرملين"
    assert kr["content"]["text"].startswith("الرئيس الروسي فلاديمير بوتين طالب")
    assert kr["content"]["text"].endswith("ضيقة جدًا")

    assert three["cue"]["text"] in ("وفقًا", "وفقًا لما ذكره")
    assert three["source"]["text"] == "ثلاثة أشخاص مطلعين على مجريات الأحداث"
    assert (three["source"]["named"], three["source"]["count"], three["source"]["kind"]) == (False, 3, "anonymous")
    assert three["source"]["descriptor"]["text"] == "مطلعين على مجريات الأحداث"
    assert "أُبلغ الأسد بأن المعركة أصبحت محسومة" in three["content"]["text"]
    assert three["content"]["text"].endswith("للخروج من سوريا")

    assert two["cue"]["text"] in ("وفقًا", "ووفقًا")
    assert two["source"]["text"] == "مصدرين آخرين"
    assert (two["source"]["named"], two["source"]["count"], two["source"]["kind"]) == (False, 2, "anonymous")
    assert two["content"]["text"].startswith("لعب عملاء المخابرات الروسية")

    # "كشفت عن التحولات" (no source, nominal complement) and the passive "أُبلغ" are not attributions
    late = text.index("كشفت عن التحولات")
    assert all(a["cue"]["start"] != late for a in atts)
    assert all("أُبلغ" not in a["cue"]["text"] for a in atts)
    for a in atts:
        for part in ("cue", "source", "content"):
            assert text[a[part]["start"]:a[part]["end"]] == a[part]["text"]


# ---------------------------------------------------------------- word orders

def test_verb_first():
    a = one("قال مصدر أمني إن القوات انسحبت من أطراف المدينة.")
    assert a["cue"]["text"] == "قال"
    assert a["source"]["text"] == "مصدر أمني"
    assert (a["source"]["named"], a["source"]["count"], a["source"]["kind"]) == (False, 1, "anonymous")
    assert a["source"]["descriptor"]["text"] == "أمني"
    assert a["content"]["text"] == "القوات انسحبت من أطراف المدينة"


def test_verb_first_with_addressee_and_setting():
    a = one("وقال لـ«الوطن» مدير الدفاع المدني في المنطقة العقيد ماجد الشهري أمس إن فرق الإنقاذ أخلت المبنى.")
    assert a["cue"]["text"] == "وقال"
    assert a["source"]["text"] == "مدير الدفاع المدني في المنطقة العقيد ماجد الشهري"
    assert a["source"]["named"] is True and a["source"]["kind"] == "person"
    assert a["content"]["text"] == "فرق الإنقاذ أخلت المبنى"


def test_source_first():
    a = one("مسؤولون في الوزارة أكدوا أن الاتفاق سيوقع الأسبوع المقبل.")
    assert a["cue"]["text"] == "أكدوا"
    assert a["source"]["text"] == "مسؤولون في الوزارة"
    assert (a["source"]["named"], a["source"]["count"]) == (False, None)
    assert a["content"]["text"] == "الاتفاق سيوقع الأسبوع المقبل"


def test_cue_phrase_first():
    a = one("وبحسب خمسة شهود عيان، فإن الحريق اندلع قرب الميناء فجرا.")
    assert a["cue"]["text"] == "وبحسب"
    assert a["source"]["text"] == "خمسة شهود عيان"
    assert a["source"]["count"] == 5 and a["source"]["named"] is False
    assert a["content"]["text"] == "الحريق اندلع قرب الميناء فجرا"


def test_cue_phrase_with_relative_verb():
    a = one("وفقًا لما أوردته وكالة رويترز، تراجعت أسعار النفط بنسبة كبيرة.")
    assert a["cue"]["text"] == "وفقًا لما أوردته"
    assert a["source"]["text"] == "وكالة رويترز"
    assert a["source"]["kind"] == "media" and a["source"]["named"] is True
    assert a["content"]["text"] == "تراجعت أسعار النفط بنسبة كبيرة"


def test_naqlan_an_and_ala_lisan():
    a = one("ونقلًا عن مسؤول في البلدية، ستغلق السوق القديمة للصيانة.")
    assert a["source"]["text"] == "مسؤول في البلدية" and a["source"]["count"] == 1
    assert a["content"]["text"] == "ستغلق السوق القديمة للصيانة"
    b = one("وجاء على لسان المتحدث باسم الجيش العميد سالم العتيبي أن الحدود آمنة.")
    assert b["source"]["text"] == "المتحدث باسم الجيش العميد سالم العتيبي"


def test_source_after_quoted_content():
    a = one("«لن نتراجع عن هذا القرار»، قال وزير المالية أحمد السالم.")
    assert a["cue"]["text"] == "قال"
    assert a["source"]["text"] == "وزير المالية أحمد السالم"
    assert a["source"]["named"] is True
    assert a["content"]["text"] == "لن نتراجع عن هذا القرار"


def test_postposed_prepositional_cue():
    a = one("ارتفع عدد الزوار إلى مليون زائر هذا العام، بحسب إحصاءات الهيئة العامة للسياحة.")
    assert a["cue"]["text"] == "بحسب"
    assert a["source"]["text"] == "إحصاءات الهيئة العامة للسياحة"
    assert a["source"]["kind"] == "document"
    assert a["content"]["text"] == "ارتفع عدد الزوار إلى مليون زائر هذا العام"


def test_several_attributions_in_one_sentence():
    out = attrs("قال الوزير إن المشروع اكتمل، فيما أكدت مصادر محلية أن التمويل تأخر.")
    assert [a["cue"]["text"] for a in out] == ["قال", "أكدت"]
    assert out[0]["content"]["text"] == "المشروع اكتمل"
    assert out[1]["source"]["text"] == "مصادر محلية"
    assert out[1]["content"]["text"] == "التمويل تأخر"


def test_colon_and_quotation():
    a = one("وقال رئيس النادي سعد المطيري: «الفريق جاهز تماما للموسم الجديد وسنقاتل على كل البطولات».")
    assert a["source"]["text"] == "رئيس النادي سعد المطيري"
    assert a["content"]["text"] == "الفريق جاهز تماما للموسم الجديد وسنقاتل على كل البطولات"


# ---------------------------------------------------------------- pronoun continuations

def test_pronoun_continuation_links_to_previous_source():
    out = attrs("أعلنت وزارة الصحة أن عدد الإصابات ارتفع. وأضافت أن المستشفيات تعمل بكامل طاقتها.")
    assert len(out) == 2
    a1, a2 = out
    assert a1["source"]["text"] == "وزارة الصحة" and a1["source"]["kind"] == "organisation"
    assert a2["cue"]["text"] == "وأضافت"
    assert a2["source"]["resolved"] == "pronoun" and a2["source"]["antecedent"] == "a1"
    assert (a2["source"]["start"], a2["source"]["end"]) == (a1["source"]["start"], a1["source"]["end"])
    assert a2["content"]["text"] == "المستشفيات تعمل بكامل طاقتها"


def test_pronoun_continuation_respects_gender():
    text = ("قال العقيد سامي الخطيب إن الطريق مغلق. وذكرت وزارة النقل أن الإصلاحات تبدأ غدا. "
            "وأضاف أن الدوريات منتشرة على طول الطريق.")
    out = attrs(text)
    assert [a["cue"]["text"] for a in out] == ["قال", "وذكرت", "وأضاف"]
    assert out[2]["source"]["antecedent"] == "a1"  # masculine: the colonel, not the ministry
    assert out[2]["source"]["text"] == "العقيد سامي الخطيب"


def test_pronoun_continuation_respects_number():
    text = "قال مصدران في الشركة إن الصفقة ألغيت. وقالت المديرة إن الموظفين لم يبلغوا. وأوضحا أن الإعلان سيصدر غدا."
    out = attrs(text)
    assert out[2]["cue"]["text"] == "وأوضحا"
    assert out[2]["source"]["antecedent"] == "a1" and out[2]["source"]["count"] == 2


def test_participle_continuation_in_same_sentence():
    out = attrs("قال المدير التنفيذي للشركة إن الأرباح تضاعفت، مضيفا أن الشركة ستتوسع في آسيا.")
    assert len(out) == 2
    assert out[0]["content"]["text"] == "الأرباح تضاعفت"
    assert out[1]["cue"]["text"] == "مضيفا" and out[1]["source"]["antecedent"] == "a1"
    assert out[1]["content"]["text"] == "الشركة ستتوسع في آسيا"


def test_anonymous_plural_takes_feminine_singular_continuation():
    out = attrs("ذكرت مصادر دبلوماسية أن المفاوضات تعثرت. وأشارت إلى أن الجولة المقبلة تأجلت.")
    assert out[1]["source"]["antecedent"] == "a1"
    assert out[1]["content"]["text"] == "الجولة المقبلة تأجلت"


# ---------------------------------------------------------------- counts

@pytest.mark.parametrize("sentence,count", [
    ("قال مصدران مطلعان إن الاجتماع تأجل.", 2),
    ("قال مصدرين إن الاجتماع تأجل.", 2),
    ("أفاد مسؤولان في الوزارة بأن القرار نهائي.", 2),
    ("قال مسؤولَين إن القرار نهائي.", 2),
    ("قال ثلاثة أشخاص إن الانفجار وقع ليلا.", 3),
    ("قالت ثلاث نساء إن الحافلة تأخرت.", 3),
    ("قال أربعة موظفين إن الرواتب تأخرت.", 4),
    ("قالت خمس ممرضات إن المستشفى مكتظ.", 5),
    ("قال خمسة شهود إن السيارة انطلقت مسرعة.", 5),
    ("قال ستة لاعبين إن المدرب غادر.", 6),
    ("قالت سبع طالبات إن الاختبار كان صعبا.", 7),
    ("قال ثمانية مسافرين إن الرحلة ألغيت.", 8),
    ("قالت ثماني معلمات إن المدرسة أغلقت.", 8),
    ("قال تسعة عمال إن المصنع توقف.", 9),
    ("قال عشرة أطباء إن الوضع خطير.", 10),
    ("قال أحد عشر شاهدا إن الحريق بدأ في الطابق الثاني.", 11),
    ("قالت إحدى عشرة موظفة إن الإدارة تجاهلت الشكوى.", 11),
    ("قال اثنا عشر مسافرا إن الطائرة هبطت اضطراريا.", 12),
    ("قال أربعة عشر شخصا إن المياه انقطعت.", 14),
    ("قالت خمس عشرة عائلة إن المساعدات لم تصل.", 15),
    ("قال تسعة عشر صيادا إن القارب غرق.", 19),
    ("قال 3 مسؤولين إن الخطة جاهزة.", 3),
    ("قال ٣ مسؤولين إن الخطة جاهزة.", 3),
    ("قال ٢٥ خبيرا إن التقديرات متفائلة.", 25),
    ("قال مصدر إن الخطة جاهزة.", 1),
    ("قال مسؤول إن الخطة جاهزة.", 1),
    ("قال أحد المسؤولين إن الخطة جاهزة.", 1),
    ("قالت مصادر إن الخطة جاهزة.", None),
    ("قال مسؤولون إن الخطة جاهزة.", None),
    ("قال شهود عيان إن الخطة فشلت.", None),
    ("قال عدد من الخبراء إن السوق مستقر.", None),
    ("قال وزير الطاقة إن الإنتاج ارتفع.", 1),
])
def test_count(sentence, count):
    a = one(sentence)
    assert a["source"]["count"] == count, a["source"]


# ---------------------------------------------------------------- named / kind

@pytest.mark.parametrize("sentence,named,kind", [
    ("قال وزير الصحة خالد الفالح إن اللقاح آمن.", True, "person"),
    ("قالت وكالة رويترز إن المحادثات توقفت.", True, "media"),
    ("ذكرت صحيفة «الحياة» أن السفير غادر.", True, "media"),
    ("أفاد تقرير منظمة العفو الدولية بأن السجناء تعرضوا للتعذيب.", True, "document"),
    ("ذكر البيان أن الاجتماع انتهى.", False, "document"),
    ("أعلنت وزارة الداخلية أن الطريق سيفتح غدا.", True, "organisation"),
    ("قال شهود عيان إن الشرطة فرقت المتظاهرين.", False, "anonymous"),
    ("قال خبراء إن التضخم سيرتفع.", False, "anonymous"),
    ("يقول مراقبون إن الانتخابات ستؤجل.", False, "anonymous"),
    ("قال مسؤول رفيع إن الوفد وصل.", False, "anonymous"),
    ("قال اللواء منصور التركي إن الخلية فككت.", True, "person"),
])
def test_named_and_kind(sentence, named, kind):
    a = one(sentence)
    assert (a["source"]["named"], a["source"]["kind"]) == (named, kind), a["source"]


def test_entity_id_of_named_source():
    text = "قال رئيس الوزراء سعيد الحمدان إن الحكومة ستستقيل."
    e = ent(text, "سعيد الحمدان", "PER", 1)
    out = attrs(text, entities=[e])
    assert out[0]["source"]["entity"] == "e1" and out[0]["source"]["named"] is True


def test_anonymous_source_has_no_entity_and_a_descriptor():
    a = one("قالت مصادر مقربة من الحكومة إن التعديل الوزاري وشيك.")
    assert a["source"]["entity"] is None
    assert a["source"]["descriptor"]["text"] == "مقربة من الحكومة"


# ---------------------------------------------------------------- negatives

@pytest.mark.parametrize("sentence", [
    "كشفت الدراسة عن نتائج مهمة في علاج السكري.",
    "أشار الكاتب إلى دور القراءة في حياة الطفل.",
    "كشف الوزير عن ملامح الخطة الجديدة.",
    "أعلنت الإمارة الحداد ثلاثة أيام.",
    "وعندما يرى المستثمرون أن العائد مجز سيعودون إلى السوق.",
    "وحين يعتقد المشترون أن الأسعار ستنخفض يؤجلون الشراء.",
    "وإذا رأت اللجنة أن الطلب مكتمل فستقبله.",
    "يذكر أن المهرجان يقام كل عام في فصل الربيع.",
    "أُبلغ اللاعب بأن عقده انتهى.",
    "وهذا ما يؤكد أن الخطة نجحت في تحقيق أهدافها.",
    "افتتح الأمير المعرض الدولي للكتاب في الرياض بحضور عدد من المثقفين.",
    "وفق الجدول المعتمد، تبدأ الدراسة في شهر سبتمبر.",
    "أعلن النادي عن تعاقده مع مدرب جديد لمدة عامين.",
    "نفى اللاعب الشائعات بابتسامة.",
    "حذر الأطباء من الإفراط في تناول السكر.",
    "وعلى حسب الرغبة، يمكن إضافة الحليب إلى القهوة.",
    "يجب أن نعمل معا من أجل مستقبل أفضل.",
])
def test_negatives(sentence):
    assert attrs(sentence) == []


# ---------------------------------------------------------------- events and entities in content

def test_content_lists_events_and_entities_and_events_get_attribution():
    """Events from the real events stage get the id of the attribution that holds them."""
    from pipeline.stages.events import Events

    text = "قالت الشرطة إن مسلحين قتلوا ثلاثة جنود في بغداد. واحتج السكان على الإهمال."
    e1 = ent(text, "بغداد", "LOC", 1)
    rec = Events()(prepare(text, entities=[e1]))
    by_trigger = {ev["trigger"]["text"]: ev for ev in rec["events"]}
    assert by_trigger["قتلوا"]["type"] == "ASSAULT" and by_trigger["واحتج"]["type"] == "PROTEST"
    assert all(ev["attribution"] is None for ev in rec["events"])  # the events stage leaves it to us
    rec["attributions"] = extract(rec)
    (a,) = rec["attributions"]
    assert a["content"]["events"] == [by_trigger["قتلوا"]["id"]] and a["content"]["entities"] == ["e1"]
    assert by_trigger["قتلوا"]["attribution"] == "a1"
    assert by_trigger["واحتج"]["attribution"] is None  # asserted by the article itself
    validate(rec)


def test_event_takes_innermost_attribution():
    text = "قال الوزير إن التقرير الأمني ذكر أن المتظاهرين أغلقوا الطريق."
    tr = text.index("أغلقوا")
    ev = {"id": "v1", "type": "PROTEST", "trigger": {"start": tr, "end": tr + 6, "text": "أغلقوا"}, "attribution": None}
    rec = prepare(text, events=[ev])
    rec["attributions"] = extract(rec)
    assert len(rec["attributions"]) == 2
    inner = min(rec["attributions"], key=lambda a: a["content"]["end"] - a["content"]["start"])
    assert rec["events"][0]["attribution"] == inner["id"]
    assert inner["source"]["text"] == "التقرير الأمني"


# ---------------------------------------------------------------- stage and offsets

def test_stage_declares_its_contract():
    assert Attributions.requires == ("tokens", "sentences", "entities", "events")
    assert Attributions.provides == ("attributions",)
    rec = Attributions()(prepare("قالت الشرطة إن الطريق مغلق."))
    assert rec["attributions"][0]["id"] == "a1"


def test_offsets_survive_diacritics_tatweel_and_indic_digits():
    text = "وقالـــت مَصَادِرُ مُطَّلِعَةٌ لِـ«الشرق» إنَّ ٣ سفن غادرت الميناء."
    a = one(text)
    assert a["cue"]["text"] == "وقالـــت"
    assert a["source"]["text"] == "مَصَادِرُ مُطَّلِعَةٌ"
    assert a["content"]["text"] == "٣ سفن غادرت الميناء"


FRAGMENTS = [
    "قال المتحدث باسم الوزارة إن الاجتماع انتهى.",
    "وأضاف أن النتائج ستعلن لاحقا.",
    "وبحسب مصادر محلية، فإن الطريق مغلق.",
    "«سنواصل العمل»، قالت المديرة.",
    "كشفت الشركة عن منتج جديد.",
    "ووفقًا لثلاثة مسؤولين، تأجل القرار.",
    "مصادر مطلعة أكدت أن الوفد وصل",
    "،", "\n", " ", "«", "»", "ـ", "\u064e", "٣", ":",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_every_span_matches_the_text(parts):
    text = " ".join(parts)
    rec = prepare(text)
    rec["attributions"] = extract(rec)
    check_spans(rec)
    validate(rec)
    ids = [a["id"] for a in rec["attributions"]]
    assert ids == [f"a{i}" for i in range(1, len(ids) + 1)]
    for a in rec["attributions"]:
        for part in ("cue", "source", "content"):
            sp = a[part]
            assert text[sp["start"]:sp["end"]] == sp["text"] and sp["text"].strip() == sp["text"]
        ante = a["source"].get("antecedent")
        assert ante is None or ante in ids[: ids.index(a["id"])]
    assert rec["text"] == text


def test_output_is_deterministic():
    text = "قال مصدر إن الوفد وصل. وأضاف أن المحادثات تبدأ غدا. وبحسب شهود، فإن الأمن مشدد."
    assert attrs(text) == attrs(text)


# ---------------------------------------------------------------- rules added on unseen SaudiNewsNet text

def test_verbal_noun_inside_anonymity_clause_is_not_a_cue():
    a = one("وقال مسؤول حكومي، طلب عدم ذكر اسمه، إن المفاوضات توقفت.")
    assert a["cue"]["text"] == "وقال" and a["source"]["text"] == "مسؤول حكومي"
    assert a["content"]["text"] == "المفاوضات توقفت"


def test_preposed_source_without_auxiliaries():
    a = one("وكانت مصادر مطلعة قد أشارت إلى أن الصفقة ستعلن قريبا.")
    assert a["source"]["text"] == "مصادر مطلعة" and a["source"]["count"] is None
    b = one("أما المدرب فقد أكد أن الفريق جاهز.")
    assert b["source"]["text"] == "المدرب"


def test_honorific_pronoun_resolves_like_a_pronoun():
    out = attrs("أعلن الأمير فيصل بن خالد أن المهرجان سيبدأ غدا. وقال سموه إن الدعوة عامة.")
    assert out[1]["source"]["resolved"] == "pronoun" and out[1]["source"]["antecedent"] == "a1"


@pytest.mark.parametrize("sentence", [
    "وكما يعلم الجميع فإن المباريات الودية تعتبر خير إعداد للموسم الجديد.",
    "إلى ذلك، أشارت تقارير إعلامية إلى الحادثة.",
    "كما أعلنت البلاد الحداد لمدة ثلاثة أيام.",
    "نص الخبر متاح إن وجدت الصفحة.",
])
def test_more_negatives(sentence):
    assert attrs(sentence) == []


def test_impersonal_form_with_a_preposed_subject_is_a_report():
    a = one("لكن المدرب السابق جون سميث يرى أن الفريق يحتاج إلى مهاجم.")
    assert a["source"]["text"] == "المدرب السابق جون سميث"
    assert attrs("يرى أن الفريق يحتاج إلى مهاجم.") == []


def test_form_iv_imperfect_with_damma_is_active():
    a = one("وتُضيف المنظمة: «يجب أن تتوقف الحكومة عن إخفاء الأرقام».")
    assert a["cue"]["text"] == "وتُضيف" and a["source"]["text"] == "المنظمة"


def test_participle_with_setting_before_its_complement():
    out = attrs("قال المتحدث باسم المركز سامي العلي إن المساعدات وصلت، نافيا في تصريح إلى «الشرق» أن تكون قد بيعت.")
    assert [a["cue"]["text"] for a in out] == ["قال", "نافيا"]
    assert out[1]["source"]["antecedent"] == "a1"


def test_long_subject_then_quotation_opening_with_an():
    a = one("وأوضح الرئيس التنفيذي للهيئة الملكية في المدينة الصناعية سعادة الدكتور سالم بن فهد الراشد «أن الهيئة طورت الشبكة الموحدة للمدينة الذكية».")
    assert a["source"]["text"].startswith("الرئيس التنفيذي للهيئة الملكية")
    assert a["content"]["text"] == "أن الهيئة طورت الشبكة الموحدة للمدينة الذكية"


def test_relative_clause_report_takes_the_antecedent():
    a = one("وتواصلت الصحيفة مع المتحدث باسم الوزارة السفير سالم الحربي الذي أكد أن الأسماء ستعلن قريبا.")
    assert a["source"]["text"] == "المتحدث باسم الوزارة السفير سالم الحربي"
    assert a["content"]["text"] == "الأسماء ستعلن قريبا"
    assert attrs("الأمر الذي يؤكد أن الخطة نجحت.") == []


def test_comma_after_the_verb_and_abbreviation_in_the_source():
    a = one("وأكد، أمين المنطقة م. سعد الفهد، أنه تم اختبار المركز.")
    assert a["source"]["text"] == "أمين المنطقة م. سعد الفهد"
    assert a["content"]["text"] == "أنه تم اختبار المركز"


# ---------------------------------------------------------------- second round: coordination, agreement, documents

def fields(a: dict) -> tuple:
    return a["source"]["named"], a["source"]["count"]


@pytest.mark.parametrize("sentence, sources", [
    ("وأكدت منظمة الصحة العالمية ومنظمة الطفولة أن اللقاحات وصلت إلى المخيمات.",
     [("منظمة الصحة العالمية", True, 1), ("منظمة الطفولة", True, 1)]),
    ("وقالت وزارة الزراعة ووزارة المياه وهيئة الغذاء إن الحملة ستبدأ غدا.",
     [("وزارة الزراعة", True, 1), ("وزارة المياه", True, 1), ("هيئة الغذاء", True, 1)]),
    ("وذكرت وكالة الأنباء الرسمية وصحيفة المدينة أن الطريق افتتح.", [("وكالة الأنباء الرسمية", True, 1), ("صحيفة المدينة", True, 1)]),
    ("وقال مسؤول أمني وآخر عسكري إن المنطقة باتت آمنة.", [("مسؤول أمني", False, 1), ("آخر عسكري", False, 1)]),
    ("وأفاد مصدر طبي ومصدر أمني بأن الجرحى نقلوا إلى المستشفى.", [("مصدر طبي", False, 1), ("مصدر أمني", False, 1)]),
    ("وقال مسؤولون وشهود إن القصف استمر طوال الليل.", [("مسؤولون", False, None), ("شهود", False, None)]),
    ("وأكد وزير الخارجية سالم العتيبي ونظيره المغربي أن المحادثات كانت مثمرة.",
     [("وزير الخارجية سالم العتيبي", True, 1), ("نظيره المغربي", False, 1)]),
    ("وقالت هيئة الطيران (الهيئة) وبرنامج سلامة الطرق إن الحوادث تراجعت.",
     [("هيئة الطيران (الهيئة)", True, 1), ("برنامج سلامة الطرق", True, 1)]),
    ("قال المتحدث باسم الشرطة سعد الحربي وشاهدا عيان إن الحريق اندلع ليلاً.",
     [("المتحدث باسم الشرطة سعد الحربي", True, 1), ("شاهدا عيان", False, 2)]),
    ("ويرى مديرو صناديق ومحللون أن السوق ستتعافى.", [("مديرو صناديق", False, None), ("محللون", False, None)]),
    ("وقال مصدر أمني ومسؤول محلي إن الهجوم صد.", [("مصدر أمني", False, 1), ("مسؤول محلي", False, 1)]),
])
def test_coordinated_sources_are_split(sentence, sources):
    # guideline §3.2: each conjunct with a head noun of its own is an attribution, sharing cue and content
    out = attrs(sentence)
    assert [(a["source"]["text"], *fields(a)) for a in out] == sources
    assert len({(a["cue"]["start"], a["content"]["start"], a["content"]["end"]) for a in out}) == 1
    for a in out:
        assert sentence[a["source"]["start"]:a["source"]["end"]] == a["source"]["text"]


@pytest.mark.parametrize("sentence, count", [
    # one person with two titles, and institutions inside a title or a prepositional phrase: one source
    ("وأكد نائب رئيس المجلس ووزير المالية سالم الناصر أن الميزانية متوازنة.", 1),
    ("وقال مصدر في وزارة الدفاع ووزارة الداخلية إن التحقيق بدأ.", 1),
    ("وقالت وزارة الشؤون البلدية والقروية إن المشروع اكتمل.", 1),
    ("وقال الأمين العام لمجلس التعاون والمنظمة إن الاجتماع تأجل.", 1),
])
def test_coordination_inside_one_source_is_not_counted(sentence, count):
    assert one(sentence)["source"]["count"] == count


def test_short_parenthetical_alias_stays_in_the_source():
    a = one("وقالت وزارة الدفاع الأمريكية (البنتاجون) إن الطائرة سقطت في البحر.")
    assert a["source"]["text"] == "وزارة الدفاع الأمريكية (البنتاجون)"
    assert fields(a) == (True, 1)
    # a parenthetical with digits (an age) is not part of the name
    a = one("وقال اللاعب سالم (25 عاما) إنه سيعود قريبا.")
    assert not a["source"]["text"].endswith(")")


@pytest.mark.parametrize("name", ["البنتاجون", "البنتاغون"])
def test_a_name_ending_in_un_is_not_a_plural(name):
    a = one(f"وقال {name} إن التدريبات ستستمر.")
    assert fields(a) == (True, 1) and a["source"]["kind"] == "organisation"


@pytest.mark.parametrize("word", ["المسعفون", "الفلسطينيون", "العاملون"])
def test_definite_sound_plurals_stay_unspecified(word):
    a = one(f"وقال {word} إن الوضع صعب.")
    assert fields(a) == (False, None)


@pytest.mark.parametrize("sentence, named, count", [
    ("وذكرت تقارير بريطانية أن السفينة غرقت.", False, None),
    ("وكشفت دراسة طبية حديثة أشرف عليها باحثون كنديون أن النوم يقوي الذاكرة.", False, 1),
    ("وكشف تقرير جديد أن البطالة تراجعت.", False, 1),
    ("وكشف تقرير منظمة العمل الدولية أن البطالة تراجعت.", True, 1),
    ("وذكر بيان صادر عن الهيئة أن الموعد تغير.", True, 1),
    ("وجاء في تقرير «مستقبل المدن» أن السكان سيتضاعفون.", True, 1),
])
def test_document_named_by_issuer_not_by_adjectives(sentence, named, count):
    assert fields(one(sentence)) == (named, count)


@pytest.mark.parametrize("sentence, named", [
    ("وأكد فريق الدفاع أن موكله بريء.", False),
    ("وقال وفد من الخبراء إن المبنى آمن.", False),
    ("وقال فريق الإنقاذ إن البحث مستمر.", False),
])
def test_collective_described_by_its_job_is_not_named(sentence, named):
    a = one(sentence)
    assert fields(a) == (named, 1)


def test_plural_verb_before_a_noun_has_a_pronoun_subject():
    out = attrs("وقال مسؤولون في الوزارة إنهم حذروا الشركة من أن العقود قد تلغى. وأكدوا الوزارة أن القرار نهائي.")
    assert [a["cue"]["text"] for a in out] == ["وقال", "حذروا", "وأكدوا"]
    for a in out[1:]:
        assert a["source"]["resolved"] == "pronoun"
        assert a["source"]["text"] == "مسؤولون في الوزارة"


def test_ambiguous_verb_needs_a_source_like_subject():
    text = "وتقدمت القوات نحو المدينة، كما نقلت دبابات ومدافع ثقيلة إلى الجبهة الشرقية، كما أفاد به سكان."
    out = attrs(text)
    assert [a["cue"]["text"] for a in out] == ["أفاد"]
    assert out[0]["source"]["text"] == "سكان"
    assert fields(out[0]) == (False, None)
    a = one("ووصلت التعزيزات إلى الحدود، كما نقلت وكالة الأنباء الرسمية.")
    assert a["source"]["text"] == "وكالة الأنباء الرسمية"


@pytest.mark.parametrize("sentence, named, count", [
    # an indefinite role with a prepositional phrase: the names belong to the institution
    ("وقال متحدث باسم شرطة مقاطعة كنت إن الطريق أغلق.", False, 1),
    ("وقالت متحدثة باسم مطار هيثرو إن الرحلات تأخرت.", False, 1),
    # a title whose only proper nouns complete a place noun or are a ب-place
    ("وقال مدير فرع الهيئة بمنطقة تبوك بضباء إن الفرع افتتح.", False, 1),
    # ... and with the holder's name after them
    ("وقال رئيس بلدية ضباء سعد العنزي إن الفرع افتتح.", True, 1),
    ("وقال المتحدث باسم وزارة النقل خالد السالم إن الطريق افتتح.", True, 1),
    # an anonymous-looking role with an honorific and a name
    ("وأوضحت عضو مجلس إدارة الجمعية الدكتورة هند السالم أن الحملة نجحت.", True, 1),
    ("وأوضح مسؤول التدريب في الغرفة أن الدورات مجانية.", False, 1),
    # unspecified parts of groups and plural roles are not named
    ("وأفاد عدد من السعوديين المسافرين أن الرحلة تأخرت.", False, None),
    ("وأكد بعض المهندسين أن الجسر آمن.", False, None),
    ("وقال رؤساء البلديات إن الخطة طموحة.", False, None),
    ("وأعلنت أجهزة الأمن الروسية أن المشتبه به اعتقل.", False, None),
    # مجموعة / عدد are quantities only before من
    ("وأكدت مجموعة العمل من أجل اللاجئين أن المساعدات توقفت.", True, 1),
    ("وأكدت مجموعة من الخبراء أن المساعدات توقفت.", False, None),
    ("وقال عدد كبير من الأطباء إن العلاج فعال.", False, None),
])
def test_named_and_count_of_roles_and_groups(sentence, named, count):
    assert fields(one(sentence)) == (named, count)


def test_conjunct_after_a_prepositional_phrase():
    # an institution inside the phrase is part of it; an anonymous source or a document opens a new conjunct
    assert one("وقال مسؤول بوزارة النقل ووزارة المالية إن الميزانية أقرت.")["source"]["count"] == 1
    out = attrs("وقال مسؤول بوزارة النقل ووسائل إعلام محلية إن الطائرة هبطت.")
    assert [a["source"]["text"] for a in out] == ["مسؤول بوزارة النقل", "وسائل إعلام محلية"]
    out = attrs("وقال ضابط في الجيش ومصدر طبي إن القتلى ثلاثة.")
    assert [fields(a) for a in out] == [(False, 1), (False, 1)]


def test_belief_verb_with_its_subject_is_an_attribution():
    out = attrs("ويعتقد الباحثون أن الكوكب صخري ويشبه الأرض.")
    assert len(out) == 1 and out[0]["source"]["text"] == "الباحثون" and out[0]["content"]["text"].startswith("الكوكب")


def test_names_joined_by_wa_are_one_attribution_each():
    # guideline §3.2: each conjunct that is a source of its own is a separate attribution
    # sharing the cue and the content
    text = "وأكدت فرنسا وبريطانيا أن التعاون مستمر."
    ents = [ent(text, "فرنسا", "LOC", 1), ent(text, "بريطانيا", "LOC", 2)]
    out = attrs(text, entities=ents)
    assert [a["source"]["text"] for a in out] == ["فرنسا", "بريطانيا"]
    assert [fields(a) for a in out] == [(True, 1), (True, 1)]
    assert out[0]["content"] == out[1]["content"] and out[0]["cue"] == out[1]["cue"]
    text = "وقال سالم وخالد الحربي إن المباراة صعبة."  # one entity: one person named with و inside
    out = attrs(text, entities=[ent(text, "سالم وخالد الحربي", "PER", 1)])
    assert fields(out[0]) == (True, 1)


@pytest.mark.parametrize("sentence, named, count", [
    # one person holding two roles is one source
    ("وأوضح المشرف على البرنامج وعضو هيئة الخبراء الدكتور سالم العلي أن النتائج مشجعة.", True, 1),
    ("وقال الملحق الثقافي إن الطلاب وصلوا.", False, 1),
    # a definite role noun followed by a name
    ("وقال المحلل كارلسون إن الأسعار سترتفع.", True, 1),
    ("وقال المحلل الأمريكي إن الأسعار سترتفع.", False, 1),
    # construct plurals of participles
    ("ويقول منتجو الجهاز إنه آمن.", False, None),
    ("وذكرت وسائل إعلام محلية أن المطار أغلق.", False, None),
    # "من جانبه" is not part of the source
    ("وأكد المدير سالم العلي من جانبه أن العمل مستمر.", True, 1),
])
def test_roles_plurals_and_single_holders(sentence, named, count):
    a = one(sentence)
    assert fields(a) == (named, count)
    assert "جانبه" not in a["source"]["text"]


def test_plural_verb_after_a_singular_noun_has_a_pronoun_subject():
    out = attrs("وقال مسؤولون في الشركة إن العمال عادوا. والقضية أكدوا أنها ستحل قريبا.")
    assert out[-1]["cue"]["text"] == "أكدوا" and out[-1]["source"]["resolved"] == "pronoun"


@pytest.mark.parametrize("sentence, named, count", [
    ("وقال آخرون إن القرار متسرع.", False, None),
    ("وأكد عقاريون أن الأسعار ستنخفض.", False, None),
    ("وبحسب أحد موظفي الشركة فإن الرواتب تأخرت.", False, 1),
    ("وقال موظفو الشركة إن الرواتب تأخرت.", False, None),
    ("وتشير النتائج إلى أن المرض ينتشر.", False, None),
    ("وقال المحامي سالم الحربي إن موكله بريء.", True, 1),
])
def test_plurals_by_inflection_class(sentence, named, count):
    assert fields(one(sentence)) == (named, count)


@pytest.mark.parametrize("sentence, named, count", [
    ("وقال المحلل السياسي اللبناني كريم الخوري إن الحكومة ستسقط.", True, 1),
    ("وقال المسؤول المحلي جوان عبد الله إن الطريق مغلق.", True, 1),
    ("وقال المصدر الأمني إن الطريق مغلق.", False, 1),
    ("وأوضح الدكتور مساعد الحربي أن الدواء متوفر.", True, 1),
    ("وقال م. سعد الفهد إن المشروع تأخر.", True, 1),
    ("وقال مورينيو إن الفريق جاهز.", True, 1),
    ("وأفادت 40 % من الشركات بأن أرباحها تراجعت.", False, None),
    ("وتشير التوقعات إلى أن النمو سيتباطأ.", False, None),
])
def test_names_after_roles_and_shares(sentence, named, count):
    assert fields(one(sentence)) == (named, count)


@pytest.mark.parametrize("sentence, named, count", [
    ("وقال القيادي في الحزب وعضو اللجنة السابق مهدي كريم إن الانتخابات ستؤجل.", True, 1),
    ("وأكد الناشط المدني والسياسي حسن فوزي أن المظاهرات سلمية.", True, 1),
    ("وقال المسؤول في حركة حماس إن الهدنة صامدة.", False, 1),
    ("وقال ستون إن السجناء تغيروا.", True, 1),
    ("وقال المتحدث باسم الحركة سالم مجاهد إن الهدنة صامدة.", True, 1),
])
def test_one_known_person_with_roles(sentence, named, count):
    assert fields(one(sentence)) == (named, count)


def test_names_inside_a_prepositional_phrase_are_not_conjuncts():
    text = "وبحسب اتفاقية التعاون بين واشنطن وبغداد فإن القوات ستبقى."
    ents = [ent(text, "واشنطن", "LOC", 1), ent(text, "بغداد", "LOC", 2)]
    out = attrs(text, entities=ents)
    assert len(out) == 1 and out[0]["source"]["count"] == 1


@pytest.mark.parametrize("sentence, named", [
    ("وأعلن رئيس البرلمان سليم الجبوري أن الجلسة تأجلت.", True),
    ("وقالت مديرة المجمع هند الحميدان إن الدراسة بدأت.", True),
    ("وقال رئيس مجلس تشخيص مصلحة النظام إن الاتفاق جيد.", False),
])
def test_holder_name_after_a_definite_institution(sentence, named):
    assert one(sentence)["source"]["named"] is named


@pytest.mark.parametrize("sentence, named", [
    ("وقال عضو مجلس الشيوخ جون ريد إن الاتفاق سيمر.", True),
    ("وأوضح مسؤول التدريب بغرفة تبوك عبدالله السالم أن الدورات مجانية.", True),
    ("وقال مسؤول رفيع إن الاتفاق سيمر.", False),
    ("وقال وزير النقل باسلمة إن الميناء افتتح.", True),
])
def test_roles_in_construct_with_their_holder(sentence, named):
    assert one(sentence)["source"]["named"] is named


def test_the_name_after_bism_is_not_the_speaker():
    assert one("وأفاد المتحدث باسم بحاح أن الحكومة عادت.")["source"]["named"] is False


# ---------------------------------------------------------------- third round: nominal complements, relays, duals

@pytest.mark.parametrize("sentence, source, content", [
    ("أعلنت وزارة الداخلية عن القبض على خمسة مطلوبين في جازان.", "وزارة الداخلية", "القبض على خمسة مطلوبين في جازان"),
    ("كشف مصدر مطلع عن تأجيل القمة إلى الشهر المقبل.", "مصدر مطلع", "تأجيل القمة إلى الشهر المقبل"),
    ("وأعلنت وزارة الصحة، اليوم الاثنين، وفاة وافد بفيروس كورونا في الرياض.", "وزارة الصحة", "وفاة وافد بفيروس كورونا في الرياض"),
    ("ونفى المتحدث باسم الشرطة صحة الأنباء المتداولة.", "المتحدث باسم الشرطة", "صحة الأنباء المتداولة"),
    ("أشار الكاتب إلى أهمية القراءة في حياة الطفل.", "الكاتب", "أهمية القراءة في حياة الطفل"),
])
def test_nominal_complement_that_states_a_fact_is_content(sentence, source, content):
    a = one(sentence)
    assert (a["source"]["text"], a["content"]["text"]) == (source, content)


def test_a_verbal_noun_inside_the_subject_is_not_the_object():
    # ضبط belongs to the subject's construct phrase; the claim is the أن clause
    a = one("أعلن مدير إدارة ضبط الجودة أن العمل مستمر.")
    assert (a["source"]["text"], a["content"]["text"]) == ("مدير إدارة ضبط الجودة", "العمل مستمر")


@pytest.mark.parametrize("sentence, sources", [
    ("ذكرت الصحيفة نقلاً عن مسؤولين أن المحادثات تعثرت.", [("ذكرت", "الصحيفة", 1), ("نقلاً عن", "مسؤولين", None)]),
    ("نقلت الوكالة عن مصدر أمني قوله إن الطريق أغلق.", [("نقلت", "الوكالة", 1), ("قوله", "مصدر أمني", 1)]),
    ("ونقلت الصحيفة عن مسؤولَين أمنيين قولهما إن الهجوم أحبط.", [("ونقلت", "الصحيفة", 1), ("قولهما", "مسؤولَين أمنيين", 2)]),
    ("قال شهود وفقاً لقناة محلية إن الانفجار هز الحي.", [("قال", "شهود", None), ("وفقاً", "قناة محلية", 1)]),
])
def test_a_relayed_source_is_its_own_attribution(sentence, sources):
    out = attrs(sentence)
    assert [(a["cue"]["text"], a["source"]["text"], a["source"]["count"]) for a in out] == sources
    assert out[0]["content"] == out[1]["content"]


@pytest.mark.parametrize("sentence, kind", [
    ("وأكد الجانبان ضرورة التنسيق بين البلدين.", "organisation"),
    ("وقال الوزيران في مؤتمر صحفي إن المحادثات كانت مثمرة.", "person"),
    ("وقالت الحكومتان في بيان مشترك إن الاتفاق سيوقع غداً.", "organisation"),
    ("وأفاد قياديان في حركة حماس بأن الوفد غادر القاهرة.", "anonymous"),
    ("وذكر مصدران مطلعان أن الاجتماع تأجل.", "anonymous"),
])
def test_dual_sources_count_two_and_name_nobody(sentence, kind):
    a = one(sentence)
    assert (a["source"]["named"], a["source"]["count"], a["source"]["kind"]) == (False, 2, kind)


@pytest.mark.parametrize("sentence, source, named, count", [
    ("وقالت العائلة إن الطفل عاد إلى المنزل.", "العائلة", False, 1),
    ("وقال جد الطفلة إن الحادث وقع مساء.", "جد الطفلة", False, 1),
    ("وأضافت الصحيفة أن مسؤولاً أمنياً قال إن الهجوم أحبط.", "مسؤولاً أمنياً", False, 1),
])
def test_relatives_and_accusative_singulars_name_nobody(sentence, source, named, count):
    a = next(a for a in attrs(sentence) if a["source"]["text"] == source)
    assert fields(a) == (named, count)


def test_afada_with_a_glued_fact():
    a = one("من جهة أخرى أفاد مسؤول أمني أمس بمقتل 18 من عناصر التنظيم.")
    assert (a["source"]["text"], a["content"]["text"]) == ("مسؤول أمني", "بمقتل 18 من عناصر التنظيم")


def test_two_named_title_holders_are_two_sources_one_person_with_two_titles_is_one():
    out = attrs("وقالت وزيرة الداخلية البريطانية تريزا ماي ووزير الداخلية الفرنسي برنار كازنوف إن الأزمة عالمية.")
    assert [a["source"]["text"] for a in out] == ["وزيرة الداخلية البريطانية تريزا ماي", "وزير الداخلية الفرنسي برنار كازنوف"]
    (a,) = attrs("وقال نائب الرئيس ووزير المالية سالم الناصر إن الميزانية متوازنة.")
    assert a["source"]["text"] == "نائب الرئيس ووزير المالية سالم الناصر"
