"""The named steps of the attributions stage: the source phrase (head, count,
kind, agreement), the ``Source`` dataclass and its record, and the readers of
each cue kind in :func:`pipeline.attributions.extract`.

Every Arabic sentence here is written for these tests."""
from __future__ import annotations

import pytest

from pipeline.attributions import extract
from pipeline.attributions.cue import Ctx
from pipeline.attributions.source import Source, _find_head, compatible, describe, np_after
from pipeline.record import check_spans, new_record
from pipeline.stages.normalise import Normalise
from pipeline.stages.tokenise import Tokenise

_NORM, _TOK = Normalise(), Tokenise()

PUBLIC_KEYS = ["start", "end", "text", "named", "count", "kind", "descriptor", "entity"]


def prepare(text: str) -> dict:
    rec = _TOK(_NORM(new_record("t", text, {})))
    rec["entities"] = []
    rec["events"] = []
    return rec


def attrs(text: str) -> list[dict]:
    rec = prepare(text)
    rec["attributions"] = extract(rec)
    check_spans(rec)
    return rec["attributions"]


def phrase(text: str, words: str) -> tuple[Ctx, int, int]:
    """Ctx of ``text`` and the token range [s, e) of ``words`` in it."""
    ctx = Ctx(prepare(text))
    want = words.split()
    for s in range(ctx.n - len(want) + 1):
        if [ctx.tok(k) for k in range(s, s + len(want))] == want:
            return ctx, s, s + len(want)
    raise AssertionError(f"{words!r} not in {text!r}")


def described(text: str, words: str, verb_gender: str | None = None) -> Source:
    ctx, s, e = phrase(text, words)
    return describe(ctx, s, e, ctx.toks[s]["start"], ctx.toks[e - 1]["end"], verb_gender=verb_gender)


# ---------------------------------------------------------------- head and count


def test_number_word_before_head_gives_the_count():
    text = "قال ثلاثة مسؤولين محليين إن الجسر سيفتح الشهر المقبل."
    ctx, s, e = phrase(text, "ثلاثة مسؤولين محليين")
    hd = _find_head(ctx, s, e)
    assert (hd.h, hd.count, hd.percent, hd.vague) == (s + 1, 3, False, False)
    (a,) = attrs(text)
    src = a["source"]
    assert src["text"] == "ثلاثة مسؤولين محليين"
    assert (src["count"], src["kind"], src["named"]) == (3, "anonymous", False)
    assert src["descriptor"]["text"] == "محليين"
    assert a["content"]["text"] == "الجسر سيفتح الشهر المقبل"


def test_share_with_percent_is_no_count():
    text = "وقال 40 % من الطلاب إن الاختبار كان صعبا."
    ctx, s, e = phrase(text, "40 % من الطلاب")
    hd = _find_head(ctx, s, e)
    assert hd.percent and hd.count is None
    (a,) = attrs(text)
    assert (a["source"]["count"], a["source"]["kind"], a["source"]["named"]) == (None, "anonymous", False)


def test_vague_quantifier_skips_to_the_group():
    text = "وقال عدد من السكان إن المياه انقطعت منذ يومين."
    ctx, s, e = phrase(text, "عدد من السكان")
    hd = _find_head(ctx, s, e)
    assert hd.vague and hd.h == s + 2
    (a,) = attrs(text)
    assert a["source"]["text"] == "عدد من السكان"
    assert (a["source"]["count"], a["source"]["kind"]) == (None, "anonymous")


def test_dual_anonymous_head_counts_two():
    (a,) = attrs("وقال مصدران أمنيان إن الطريق أغلق بعد الحادث.")
    src = a["source"]
    assert src["text"] == "مصدران أمنيان"
    assert (src["count"], src["kind"], src["named"]) == (2, "anonymous", False)
    assert src["descriptor"]["text"] == "أمنيان"


def test_dual_party_is_one_unnamed_source_of_two():
    (a,) = attrs("وأكد الجانبان أن المحادثات كانت مثمرة.")
    src = a["source"]
    assert (src["text"], src["count"], src["kind"], src["named"]) == ("الجانبان", 2, "organisation", False)
    assert described("وأكد الجانبان أن المحادثات كانت مثمرة.", "الجانبان").number == "du"


# ---------------------------------------------------------------- kind and named


def test_title_with_holder_name_is_a_named_person():
    (a,) = attrs("وقال المتحدث باسم البلدية خالد العمري إن الأعمال انتهت.")
    src = a["source"]
    assert src["text"] == "المتحدث باسم البلدية خالد العمري"
    assert (src["kind"], src["named"], src["count"]) == ("person", True, 1)


def test_ministry_after_cue_phrase_is_a_named_organisation():
    (a,) = attrs("وبحسب وزارة الزراعة، فقد تراجع إنتاج القمح هذا الموسم.")
    assert a["cue"]["text"] == "وبحسب" and a["cue"]["type"] == "preposition"
    assert a["source"]["text"] == "وزارة الزراعة"
    assert (a["source"]["kind"], a["source"]["named"], a["source"]["count"]) == ("organisation", True, 1)
    assert a["content"]["text"] == "تراجع إنتاج القمح هذا الموسم"


def test_generic_plural_is_not_human_and_takes_a_feminine_singular_pronoun():
    src = described("المصادر الطبية أكدت أن المستشفى استقبل عشرات المصابين.", "المصادر الطبية")
    assert (src.kind, src.number, src.human, src.count) == ("anonymous", "pl", False, None)
    assert compatible(src, "f", "sg")  # المصادر … وأضافت
    assert not compatible(src, "m", "pl")  # not وأضافوا


def test_singular_source_takes_the_verb_gender():
    src = described("قالت الوزيرة إن الخطة جاهزة للتنفيذ.", "الوزيرة", verb_gender="f")
    assert (src.gender, src.number, src.titled) == ("f", "sg", True)
    assert compatible(src, "f", "sg") and not compatible(src, "m", "sg")


def test_honorific_pronoun_is_no_subject_phrase():
    ctx, s, _ = phrase("وقال سموه إن المشروع يخدم المنطقة.", "سموه")
    assert np_after(ctx, s, ctx.n) is None


# ---------------------------------------------------------------- Source record


def test_source_record_has_only_the_public_keys_in_order():
    src = described("وقال مصدران أمنيان إن الطريق أغلق بعد الحادث.", "مصدران أمنيان")
    rec = src.record()
    assert list(rec) == PUBLIC_KEYS
    assert rec["text"] == "مصدران أمنيان" and rec["descriptor"]["text"] == "أمنيان"
    assert src.conj == [] and src.lexical and not src.fallthrough


def test_resolved_source_record_adds_resolution_keys_last():
    src = Source(start=0, end=4, text="وزير", named=False, count=1, kind="person", descriptor=None, entity=None,
                 resolved="pronoun", antecedent="a1")
    assert list(src.record()) == PUBLIC_KEYS + ["resolved", "antecedent"]
    assert src.record()["antecedent"] == "a1"


# ---------------------------------------------------------------- readers by cue kind


def test_preposed_subject_of_a_verb():
    (a,) = attrs("المصادر الطبية أكدت أن المستشفى استقبل عشرات المصابين.")
    assert a["cue"]["text"] == "أكدت"
    assert (a["source"]["start"], a["source"]["text"]) == (0, "المصادر الطبية")
    assert a["content"]["text"] == "المستشفى استقبل عشرات المصابين"


def test_parenthetical_verb_after_its_claim():
    (a,) = attrs("ارتفعت الأسعار في الأسواق، كما قالت الغرفة التجارية.")
    assert a["source"]["text"] == "الغرفة التجارية"
    assert a["content"]["text"] == "ارتفعت الأسعار في الأسواق"


def test_pronoun_continuation_takes_the_earlier_source():
    first, second = attrs("قالت الوزيرة إن الخطة جاهزة للتنفيذ. وأضافت أن العمل يبدأ في الربيع.")
    assert second["cue"]["text"] == "وأضافت"
    assert second["source"]["resolved"] == "pronoun"
    assert second["source"]["antecedent"] == first["id"] == "a1"
    assert second["source"]["text"] == first["source"]["text"] == "الوزيرة"
    assert list(second["source"]) == PUBLIC_KEYS + ["resolved", "antecedent"]
    assert "resolved" not in first["source"]


def test_participle_continuation_in_the_same_sentence():
    first, second = attrs("وتقول الشركة إن الأرباح زادت، مضيفة أن التوسع مستمر.")
    assert first["content"]["text"] == "الأرباح زادت"
    assert (second["cue"]["text"], second["source"]["antecedent"]) == ("مضيفة", "a1")
    assert second["content"]["text"] == "التوسع مستمر"


def test_coordinated_sources_become_one_attribution_each():
    atts = attrs("وقال مصدر أمني وآخر عسكري إن الهدوء عاد إلى المدينة.")
    assert [a["source"]["text"] for a in atts] == ["مصدر أمني", "آخر عسكري"]
    assert all(a["source"]["count"] == 1 and a["source"]["kind"] == "anonymous" for a in atts)
    assert atts[0]["content"]["text"] == atts[1]["content"]["text"] == "الهدوء عاد إلى المدينة"


def test_relayed_source_shares_the_claim():
    outer, inner = attrs("وقالت وكالة الأنباء نقلاً عن مسؤولين في الميناء إن السفينة وصلت.")
    assert (outer["source"]["text"], outer["source"]["kind"]) == ("وكالة الأنباء", "media")
    assert inner["cue"]["text"] == "نقلاً عن"
    assert inner["source"]["text"] == "مسؤولين في الميناء"
    assert outer["content"]["text"] == inner["content"]["text"] == "السفينة وصلت"


@pytest.mark.parametrize("text", [
    "يذكر أن المعرض يقام كل عام.",  # impersonal: nobody says it
    "ونقلت سيارة الإسعاف المصاب إلى المستشفى بعد أن توقف النزيف.",  # نقل … إلى: transported
])
def test_no_attribution(text):
    assert attrs(text) == []


# ---------------------------------------------------------------- named, count (2026-12-04 round)


def _src(text: str) -> dict:
    (a,) = attrs(text)
    return a["source"]


@pytest.mark.parametrize("text, named, count, kind", [
    # a title without its holder's name: the word after an indefinite title or after a preposition completes the title
    ("وقال أمين الرياض إن أعمال الصيانة انتهت.", False, 1, "person"),
    ("وقالت قاضية أمريكية في نيويورك إن الجلسة تأجلت.", False, 1, "person"),
    ("وقال رئيس طاقم الفنيين إن الطائرة سليمة.", False, 1, "person"),
    # ... while a holder's name after a definite title still names it
    ("وقال رئيس البرلمان سليم الجبوري إن الجلسة رفعت.", True, 1, "person"),
    # the feminine of a listed role noun is that role
    ("وقالت المسؤولة الأوروبية إن المحادثات مستمرة.", False, 1, "anonymous"),
    # plural outlets are unnamed media; a place after في does not name a document
    ("وذكرت الصحف أن الوزير سيستقيل.", False, None, "media"),
    ("وذكرت وسائل إعلام محلية أن الزلزال قتل خمسة.", False, None, "media"),
    ("وقالت تقارير صحافية في كينيا إن الانتخابات تأجلت.", False, None, "document"),
    # a superlative before the head is no head
    ("وتشير أحدث الإحصاءات إلى أن البطالة تراجعت.", False, None, "document"),
    # a listed word that begins with وال keeps its و
    ("وقال والد الطالب إن ابنه بخير.", False, 1, "anonymous"),
    # construct duals in -تا and new dual heads
    ("وقالت شركتا الطيران إن الرحلات ألغيت.", False, 2, "organisation"),
    ("وقال المحاميان إن الحكم سيستأنف.", False, 2, "person"),
])
def test_named_and_count_of_the_source(text, named, count, kind):
    src = _src(text)
    assert (src["named"], src["count"], src["kind"]) == (named, count, kind), src


def test_a_place_entity_after_a_title_is_not_its_holder():
    text = "وقال أمين مكة إن المشروع انتهى."
    rec = prepare(text)
    s = text.index("مكة")
    rec["entities"] = [{"id": "e1", "start": s, "end": s + 3, "text": "مكة", "label": "LOC"}]
    (a,) = extract(rec)
    assert a["source"]["text"] == "أمين مكة" and a["source"]["named"] is False


def test_a_dual_with_its_members_names_is_named():
    text = "وقال الباحثان جون سميث وديفيد براون إن الدراسة شملت ألف شخص."
    rec = prepare(text)
    s1, s2 = text.index("جون سميث"), text.index("ديفيد براون")
    rec["entities"] = [{"id": "e1", "start": s1, "end": s1 + 8, "text": "جون سميث", "label": "PER"},
                       {"id": "e2", "start": s2, "end": s2 + 11, "text": "ديفيد براون", "label": "PER"}]
    (a,) = extract(rec)
    assert (a["source"]["named"], a["source"]["count"]) == (True, 2)
    # an entity inside an affiliation names nobody
    text = "وقال مسؤولان في شركة أرامكو إن الإنتاج ارتفع."
    rec = prepare(text)
    s = text.index("أرامكو")
    rec["entities"] = [{"id": "e1", "start": s, "end": s + 6, "text": "أرامكو", "label": "ORG"}]
    (a,) = extract(rec)
    assert (a["source"]["named"], a["source"]["count"], a["source"]["kind"]) == (False, 2, "anonymous")


def test_a_denial_of_a_rumour_is_an_attribution():
    (a,) = attrs("ونفت الهيئة ما تردد عن إلغاء المهرجان هذا العام.")
    assert (a["source"]["text"], a["content"]["text"]) == ("الهيئة", "ما تردد عن إلغاء المهرجان هذا العام")
    assert attrs("ونفت الهيئة ما قاله النائب.") == []  # a relative object that is no rumour: not here


def test_a_fact_after_a_parenthetical_and_a_title_that_governs_a_preposition():
    (a,) = attrs("وأكد المدير، خلال لقائه بالموظفين في مقر الشركة بالرياض أمس، ضرورة الالتزام بالمواعيد.")
    assert (a["source"]["text"], a["content"]["text"]) == ("المدير", "ضرورة الالتزام بالمواعيد")
    (a,) = attrs("أكد المشرف العام على المشروع خالد السالم أن العمل سينتهي قريبا.")
    assert a["source"]["text"] == "المشرف العام على المشروع خالد السالم"


def test_weak_cue_phrases_need_a_source_noun():
    assert attrs("وتوزع الحصص وفق ثلاثة معايير معلنة.") == []
    assert attrs("وصدر القرار بناء على توجيهات الأمير.") == []
    (a,) = attrs("وارتفعت الأسعار 3% وفق مصادر في السوق.")
    assert a["source"]["text"] == "مصادر في السوق"


def test_a_spokesmans_statement_after_a_comma():
    (a,) = attrs("وقال الناطق الإعلامي بالدفاع المدني العقيد سعد الغامدي، تلقت غرفة العمليات بلاغا عن حريق في مستودع.")
    assert a["source"]["text"] == "الناطق الإعلامي بالدفاع المدني العقيد سعد الغامدي" and a["source"]["named"] is True
    assert a["content"]["text"] == "تلقت غرفة العمليات بلاغا عن حريق في مستودع"
    # a comma before an ordinary word opens no statement
    assert attrs("وقال الوزير، وهو يبتسم، كلاما كثيرا.") == []


def test_a_finding_and_a_fact_after_an():
    (a,) = attrs("ووجد الباحثون أن المشي يخفض ضغط الدم.")
    assert (a["source"]["text"], a["content"]["text"]) == ("الباحثون", "المشي يخفض ضغط الدم")
    assert attrs("ووجدت الفرق جثة في الوادي.") == []  # وجد without its أن clause: found, not a finding
    (a,) = attrs("وأفاد المرصد أمس عن مقتل ثلاثة مدنيين.")
    assert (a["source"]["text"], a["content"]["text"]) == ("المرصد", "مقتل ثلاثة مدنيين")


def test_a_denial_of_any_involvement():
    (a,) = attrs("ونفت الشركة أي علاقة لها بالحادث.")
    assert (a["source"]["text"], a["content"]["text"]) == ("الشركة", "أي علاقة لها بالحادث")
    assert attrs("ونفى أي من المسؤولين التعليق.") == []  # أي من: "any of", the subject
