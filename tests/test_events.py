"""Events stage (PLOVER): trigger families, negation, modality, dates,
magnitudes, actors and offsets.  Every sentence here is written for these
tests.

These tests exercise the rules, so they run the stage with the learned
ASSAULT/PROTEST gate switched off (``use_gate=False``); the gate has its own
tests in test_events_lexicon.py and one end-to-end check below."""
from __future__ import annotations

import pytest

from pipeline.events.dates import find_dates
from pipeline.numbers import read_number
from pipeline.record import check_spans, new_record
from pipeline.schema import validate

DAY = "2015-07-21 10:00:00"  # a Tuesday


@pytest.fixture(scope="module")
def rule_stages():
    from pipeline.registry import build

    # up to events only: the attributions stage would fill `attribution`
    return build(["normalise", "tokenise", "entities", "events"], config={"events": {"use_gate": False}})


@pytest.fixture(scope="module")
def code(rule_stages):
    def run(text: str, date: str | None = None, stages=None) -> list[dict]:
        rec = new_record("t", text, {"date": date} if date else {})
        for st in stages or rule_stages:
            rec = st(rec)
        check_spans(rec)
        validate(rec)
        for ev in rec["events"]:
            for key in ("trigger", "source_actor", "target_actor", "location", "date"):
                sp = ev[key]
                if sp is not None:
                    assert text[sp["start"]:sp["end"]] == sp["text"]
            assert ev["attribution"] is None
        return rec["events"]

    return run


def one(events, typ):
    found = [e for e in events if e["type"] == typ]
    assert found, f"no {typ} in {[(e['type'], e['trigger']['text']) for e in events]}"
    return found[0]


# --- trigger families -----------------------------------------------------

@pytest.mark.parametrize("text, typ, trigger, mode", [
    ("اغتال مسلحون مجهولون ضابطاً في الشرطة أمس.", "ASSAULT", "اغتال", "assassinate"),
    ("اغتيلت ناشطة حقوقية أمس برصاص مسلحين.", "ASSAULT", "اغتيلت", "assassinate"),
    ("خطف مسلحون ثلاثة صحافيين أجانب قرب الحدود.", "ASSAULT", "خطف", "abduct"),
    ("قتل أربعة جنود في انفجار عبوة ناسفة.", "ASSAULT", "قتل", None),
    ("تظاهر مئات الطلاب أمس أمام وزارة التعليم.", "PROTEST", "تظاهر", "demo"),
    ("اعتصم العمال أمس أمام مقر الشركة.", "PROTEST", "اعتصم", "demo"),
    ("اندلعت اشتباكات بين الجيش والمتمردين في ضواحي المدينة.", "ASSAULT", "اشتباكات", "firearms"),
    ("وطالب رئيس الوزراء الحكومة بوقف الاستيطان.", "REQUEST", "وطالب", None),
    ("وانسحبت القوات الأجنبية من المدينة.", "RETREAT", "وانسحبت", "withdraw"),
    ("وتمكن السجين من الفرار بعد أسبوع.", "RETREAT", "الفرار", "withdraw"),
    ("ووافق الرئيس على خطة السلام.", "AGREE", "ووافق", None),
    ("واعتقلت قوات الأمن عشرين متهماً.", "COERCE", "واعتقلت", "arrest"),
])
def test_trigger_families(code, text, typ, trigger, mode):
    ev = one(code(text, DAY), typ)
    assert ev["trigger"]["text"] == trigger
    assert ev["mode"] == mode


def test_clitic_attached_trigger_span_is_whole_token(code):
    ev = one(code("وأمر القائد الجنود بالانسحاب من المدينة بعد أيام من القتال فوافقوا."), "REQUEST")
    assert ev["trigger"]["text"] == "وأمر"
    ret = one(code("وأمر القائد الجنود بالانسحاب من المدينة."), "RETREAT")
    assert ret["trigger"]["text"] == "بالانسحاب"
    assert ret["modality"] == "demanded"


def test_metaphorical_and_sports_attack_are_not_assault(code):
    assert not [e for e in code("هاجم لاعب الفريق مرمى الخصم في الشوط الثاني من المباراة.") if e["type"] == "ASSAULT"]
    evs = code("هاجم الوزير المعارضة في خطابه أمام البرلمان.")
    assert not [e for e in evs if e["type"] == "ASSAULT"]
    assert one(evs, "ACCUSE")["trigger"]["text"] == "هاجم"


def test_nominal_reference_is_not_an_event(code):
    assert code("وتحدثت الصحيفة عن ملف اغتيال الصحافي الذي يعود إلى سنوات.") == []
    # a verb in a relative clause is background, not the report
    assert not [e for e in code("وعاد الصحافي الذي خطف العام الماضي إلى عمله.") if e["type"] == "ASSAULT"]


def test_nominal_with_casualties_is_an_event(code):
    ev = one(code("وأسفر هجوم انتحاري بسيارة مفخخة عن مقتل تسعة أشخاص."), "ASSAULT")
    assert ev["dead"] == 9


# --- negation and modality --------------------------------------------------

def test_negation(code):
    ev = one(code("لم يهاجم المسلحون القرية رغم التهديدات."), "ASSAULT")
    assert ev["negated"] is True
    ev = one(code("نفت الشرطة أن يكون عناصرها قد اعتدوا على المتظاهرين بالضرب."), "ASSAULT")
    assert ev["negated"] is True
    ev = one(code("اغتال مسلحون ضابطاً في الشرطة أمس.", DAY), "ASSAULT")
    assert ev["negated"] is False


@pytest.mark.parametrize("text, typ, modality", [
    ("ستتظاهر النقابات العمالية غداً أمام مقر الحكومة.", "PROTEST", "future"),
    ("وهدد التنظيم بقتل الرهائن إذا لم تدفع الفدية.", "ASSAULT", "threatened"),
    ("وحاول المسلح الاعتداء على الحراس بسكين.", "ASSAULT", "attempted"),
    ("وطالبت النقابة العمال بالإضراب يوم الأحد.", "PROTEST", "demanded"),
    ("وتعتزم المعارضة تنظيم مظاهرات حاشدة في العاصمة.", "PROTEST", "planned"),
])
def test_modality(code, text, typ, modality):
    ev = one(code(text), typ)
    assert ev["modality"] == modality


def test_prevented_attack_is_not_reported_as_happened(code):
    evs = [e for e in code("أحبطت الشرطة محاولة اختطاف طائرة في المطار.") if e["type"] == "ASSAULT"]
    assert all(e["modality"] is not None or e["negated"] for e in evs)


def test_reported_event_has_null_modality(code):
    assert one(code("تظاهر مئات الطلاب أمس أمام وزارة التعليم.", DAY), "PROTEST")["modality"] is None


# --- dates ------------------------------------------------------------------

def test_absolute_year(code):
    ev = one(code("خطف مسلحون ثلاثة صحافيين قرب الحدود عام 2009."), "ASSAULT")
    assert ev["date"]["text"] == "عام 2009" and ev["date"]["iso"] == "2009"


def test_full_date_with_month_gloss(code):
    ev = one(code("وفي 21 مايو (أيار) 2005 اغتيل الكاتب بتفجير سيارته."), "ASSAULT")
    assert ev["date"]["iso"] == "2005-05-21"


def test_relative_dates_need_the_article_date(code):
    ev = one(code("تظاهر مئات الطلاب أمس أمام الوزارة.", DAY), "PROTEST")
    assert ev["date"]["text"] == "أمس" and ev["date"]["iso"] == "2015-07-20"
    ev = one(code("تظاهر مئات الطلاب أمس أمام الوزارة."), "PROTEST")
    assert ev["date"]["text"] == "أمس" and ev["date"]["iso"] is None


def test_weekday_is_most_recent_on_or_before(code):
    ev = one(code("وقتل ثلاثة جنود بانفجار عبوة ناسفة يوم الخميس.", DAY), "ASSAULT")
    assert ev["date"]["iso"] == "2015-07-16"
    ev = one(code("وقتل ثلاثة جنود بانفجار عبوة ناسفة يوم الثلاثاء.", DAY), "ASSAULT")
    assert ev["date"]["iso"] == "2015-07-21"  # the article's own weekday


def test_no_date(code):
    assert one(code("واعتقلت قوات الأمن عشرين متهماً."), "COERCE")["date"] is None


def test_date_finder_directly():
    import datetime as dt
    toks = "قبل اول من امس الاثنين".split()
    found = find_dates(toks, 0, len(toks), dt.date(2015, 7, 21))
    assert [(d.first, d.last, d.iso) for d in found] == [(1, 4, "2015-07-19"), (4, 5, "2015-07-20")]


# --- magnitudes -------------------------------------------------------------

@pytest.mark.parametrize("text, dead, injured", [
    ("وقتل سبعة أشخاص وأصيب ١٢ آخرون في انفجار سيارة مفخخة.", 7, 12),
    ("وأعلنت الشرطة مقتل خمسة وعشرين شخصاً في هجوم مسلح.", 25, None),
    ("وأسفر الهجوم المسلح عن سقوط ٣٠ قتيلاً و٤٥ جريحاً.", 30, 45),
    ("وأدى القصف إلى إصابة أربعة عشر مدنياً.", None, 14),
])
def test_casualties(code, text, dead, injured):
    ev = one(code(text), "ASSAULT")
    assert (ev["dead"], ev["injured"]) == (dead, injured)


def test_protest_size(code):
    ev = one(code("تظاهر نحو 500 شخص أمس أمام البرلمان.", DAY), "PROTEST")
    assert ev["size"] == 500 and ev["dead"] is None


def test_number_words():
    assert read_number(["خمسه", "وعشرين"], 0, 2) == (25, 2)
    assert read_number(["اربعه", "عشر"], 0, 2) == (14, 2)
    assert read_number(["ثلاثه", "الاف"], 0, 2) == (3000, 2)
    assert read_number(["جنود"], 0, 1) is None


# --- actors and places --------------------------------------------------------

def test_svo_actors(code):
    ev = one(code("وقالت الشرطة إن مسلحين مجهولين اغتالوا ضابطاً في المدينة."), "ASSAULT")
    assert "مسلحين" in ev["source_actor"]["text"]
    assert "ضابطاً" in ev["target_actor"]["text"]


def test_vso_actors_and_location(code):
    ev = one(code("اغتال مسلحون مجهولون ضابطاً في الشرطة أمس في مدينة الموصل.", DAY), "ASSAULT")
    assert ev["source_actor"]["text"] == "مسلحون مجهولون"
    assert ev["target_actor"]["text"] == "ضابطاً"
    assert "الموصل" in ev["location"]["text"]


def test_passive_victim_is_target(code):
    ev = one(code("وقتل سبعة أشخاص في انفجار عبوة ناسفة."), "ASSAULT")
    assert ev["source_actor"] is None
    assert ev["target_actor"]["text"].startswith("سبعة")


def test_agent_after_ala_yad(code):
    ev = one(code("واختطف مهندس أجنبي على يد مسلحين ملثمين في المنطقة."), "ASSAULT")
    assert ev["source_actor"]["text"].startswith("مسلحين")


def test_fight_parties_between(code):
    ev = one(code("اندلعت اشتباكات بين الجيش والمتمردين في المدينة."), "ASSAULT")
    assert ev["source_actor"]["text"] == "الجيش"
    assert "المتمردين" in ev["target_actor"]["text"]


def test_diacritics_and_tatweel_keep_offsets(code):
    text = "اغْتَالَ مُسَلَّحُونَ ضـــابطاً أمسِ."
    ev = one(code(text, DAY), "ASSAULT")
    assert ev["trigger"]["text"] == "اغْتَالَ"
    assert ev["date"]["iso"] == "2015-07-20"


def test_ids_and_determinism(code):
    text = "تظاهر مئات الطلاب أمس. وقتل ثلاثة جنود في انفجار عبوة ناسفة."
    a, b = code(text, DAY), code(text, DAY)
    assert a == b
    assert [e["id"] for e in a] == [f"v{i}" for i in range(1, len(a) + 1)]


def test_gate_keeps_a_plain_attack_report(code, default_stages):
    text = "قتل خمسة أشخاص وأصيب عشرة آخرون أمس في انفجار سيارة مفخخة استهدفت دورية للشرطة وسط المدينة."
    gated = [e for e in code(text, DAY, stages=default_stages) if e["type"] == "ASSAULT"]
    assert gated and gated[0]["dead"] == 5 and gated[0]["injured"] == 10


def test_quantity_head_keeps_its_group(code):
    # "عدد من X": the group X is the actor, not the word "عدد"
    ev = next(e for e in code("وقام عدد من الجنود بقتل ثلاثة مدنيين أمس قرب القرية.") if e["type"] == "ASSAULT")
    assert "الجنود" in ev["source_actor"]["text"]


def test_protest_source_falls_back_to_protesters(code):
    # "مظاهرة حاشدة": an adjective after the noun is not its agent; the protesters are
    ev = next(e for e in code("وشارك متظاهرون أمس في مظاهرة حاشدة وسط المدينة.") if e["type"] == "PROTEST")
    assert "متظاهرون" in ev["source_actor"]["text"]
    assert "حاشدة" not in ev["source_actor"]["text"]


def test_crowd_gathering_is_a_protest(code):
    assert any(e["type"] == "PROTEST" for e in code("احتشد آلاف الطلاب أمس أمام مبنى الوزارة."))
    assert any(e["type"] == "PROTEST" for e in code("وتجمع المحتجون صباح اليوم في الساحة الرئيسية."))


def test_thousands_of_protesters_is_one_phrase(code):
    # "آلاف" normalises to "الاف", which is not a definite article + noun
    ev = next(e for e in code("ونزل آلاف المتظاهرين أمس إلى شوارع العاصمة.") if e["type"] == "PROTEST")
    assert "المتظاهرين" in ev["source_actor"]["text"]


def test_count_qualifier_keeps_the_victims(code):
    # "ما لا يقل عن": the victims are the count and its noun after the qualifier
    ev = next(e for e in code("أعلنت الشرطة أمس مقتل ما لا يقل عن خمسة مسلحين في غارة جوية على مخبئهم.") if e["type"] == "ASSAULT")
    assert ev["target_actor"] and "مسلحين" in ev["target_actor"]["text"]


def test_result_phrase_gives_the_attack_target(code):
    # "هجوم … أدى إلى مقتل X": X is the target of the attack
    evs = [e for e in code("وأدى هجوم بسيارة مفخخة أمس إلى مقتل تسعة جنود قرب الحدود.") if e["type"] == "ASSAULT"]
    assert evs and "جنود" in evs[0]["target_actor"]["text"]


def test_protest_target_after_li_ihtijaj(code):
    # "للاحتجاج على X": what the protest is against
    ev = next(e for e in code("تظاهر مئات الطلاب أمس للاحتجاج على قرار الحكومة رفع الرسوم.") if e["type"] == "PROTEST")
    assert ev["target_actor"] and "الحكومة" in ev["target_actor"]["text"]


def test_claimed_attack_names_its_attacker(code):
    # "هجوم … نفذته X" / "تبناه «X»": the claimed attacker is the source of a nominal attack
    ev = one(code("وقتل ستة جنود أمس في هجوم انتحاري بسيارة مفخخة نفذته جماعة مسلحة قرب الحدود."), "ASSAULT")
    assert ev["source_actor"] and "جماعة" in ev["source_actor"]["text"]
    evs = code("وتعرضت نقطة للجيش أمس لاعتداء أسفر عن مقتل أربعة جنود، وقد تبناه «تنظيم مسلح» في بيان.")
    ev = next(e for e in evs if e["type"] == "ASSAULT" and e["trigger"]["text"] == "لاعتداء")
    assert ev["source_actor"] and ev["source_actor"]["text"].startswith("تنظيم")  # not the verb أسفر
    assert "جنود" in ev["target_actor"]["text"]


def test_unclaimed_attack_has_no_source(code):
    ev = one(code("وقتل ستة جنود أمس في هجوم انتحاري بسيارة مفخخة قرب الحدود."), "ASSAULT")
    assert ev["source_actor"] is None


def test_protest_target_from_its_demand(code):
    # "للمطالبة باستقالة X": the protest is aimed at X
    ev = one(code("احتشد آلاف المتظاهرين أمس في الساحة الكبرى للمطالبة باستقالة الحكومة المحلية."), "PROTEST")
    assert ev["target_actor"] and "الحكومة" in ev["target_actor"]["text"]


def test_exposed_to_is_not_a_purpose(code):
    # "تعرض … للتعذيب": what was suffered, not a plan ("planned" is for purpose لـ)
    evs = code("وقال المحامي إن موكله تعرض خلال الاستجواب في السجن للتعذيب بالصدمات الكهربائية.")
    assert all(e["modality"] != "planned" for e in evs if e["type"] == "ASSAULT")
    evs = code("وصل الوفد إلى المدينة للتظاهر أمام البرلمان.")
    assert one(evs, "PROTEST")["modality"] == "planned"


@pytest.mark.parametrize("text, typ, trigger", [
    ("وجدت الموظفة الطالب في الشقة صباح أمس.", "REQUEST", "الطالب"),          # the student, not "demanded"
    ("وتسعى الهيئة لتوفير وجهات سفر دولية جديدة.", "RETREAT", "سفر"),          # travel, not س + فر
    ("وتم نقل المصابين إلى المستشفى العام.", "RETREAT", "نقل"),                # hospital transport
    ("وأسفر الحادث المروري عن حالة وفاة وثلاث إصابات.", "OTHER", "وفاة"),     # a casualty count
    ("ويفيد تدليك اليدين والقدمين في تخفيف الألم.", "ACCUSE", "اليدين"),   # the hands, not أدان
    ("وناشد والدهما المسؤولين التدخل.", "COERCE", "والدهما"),                 # their father, not داهم
])
def test_readings_that_morphology_rules_out(code, text, typ, trigger):
    assert not [e for e in code(text) if e["type"] == typ and e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, typ, trigger, modality", [
    ("طالب الوزير أمس بإصلاح القانون.", "REQUEST", "طالب", None),
    ("سيفر المتهم إلى الخارج إذا أفرج عنه.", "RETREAT", "سيفر", "future"),
    ("وتم نقله جواً عبر قاعدة عسكرية إلى العاصمة.", "RETREAT", "نقله", None),
    ("وقد تولى الحكم منذ عام 1980 حتى وفاته في عام 1999.", "OTHER", "وفاته", None),
])
def test_the_same_words_where_they_are_events(code, text, typ, trigger, modality):
    ev = next(e for e in code(text) if e["type"] == typ and e["trigger"]["text"] == trigger)
    assert ev["modality"] == modality or (modality == "future" and ev["modality"] in ("future", "hypothetical"))


def test_phrase_boundaries_of_actors(code):
    ev = one(code("وفي عام 1977 اعتقلت السلطات المصرية مئات من أعضاء الجماعة."), "COERCE")
    assert ev["source_actor"]["text"] == "السلطات المصرية"       # the year is not the subject
    assert ev["target_actor"]["text"].startswith("مئات")
    ev = one(code("وذكرت الشرطة أن المهاجمين فرا وأضافت أن إصابة الحارس ليست خطيرة."), "RETREAT")
    assert ev["target_actor"] is None                             # "وأضافت" is a verb, not a phrase
    ev = one(code("وشن معجبو المغنية هجوماً حاداً على المصممة."), "ACCUSE")
    assert ev["source_actor"] is None or "حادا" not in ev["source_actor"]["text"]  # an adjective, not the agent
    ev = one(code("وأدت ضربة جوية أميركية أمس إلى مقتل ثمانية مسلحين."), "ASSAULT")
    assert ev["source_actor"] and "أميركية" in ev["source_actor"]["text"]  # a nationality names the attacker


@pytest.mark.parametrize("text, typ", [
    ("احتفلت الكلية أمس بتخريج 138 طالبًا من الدفعة الأولى.", "REQUEST"),         # tanween: a noun
    ("وقالت طالبة في الكلية إنها تحلم بالعمل في الصحافة.", "REQUEST"),             # ة: a noun
    ("وتخرج 120 طالبا من الكلية في فبراير.", "REQUEST"),                          # a counted noun
    ("ورفض متحدث باسم الشركة التعليق على الخبر.", "REJECT"),                     # declined to comment
    ("وتقدم الوزير بطلب رسمي إلى البرلمان لمناقشة الهجوم المسلح.", "ASSAULT"),      # submitted, not advanced
    ("وتقدم الحكومة تعازيها إلى عائلات ضحايا الهجوم المسلح.", "ASSAULT"),
    ("وأُدين المتهم أمس بتهمة التزوير.", "ACCUSE"),                          # convicted
    ("ويجري العمل بما يتفق مع المعايير الدولية.", "AGREE"),                       # in line with
    ("وهدد المهاجم المرمى في الشوط الأول من المباراة.", "THREATEN"),             # sport
])
def test_words_that_are_not_events_here(code, text, typ):
    assert not [e for e in code(text) if e["type"] == typ]


def test_sport_words_that_mean_something_else_do_not_hide_events(code):
    # "الهدف الأول" (the primary target), "الفريق" (a general) are not sport
    ev = one(code("وكان الناشط الهدف الأول للأجهزة، واعتقلت قوات الأمن أمس ناشطاً ثانياً."), "COERCE")
    assert "قوات الأمن" in ev["source_actor"]["text"]


def test_event_noun_before_a_verb_is_its_subject(code):
    ev = next(e for e in code("وشنت الطائرات غارات على مواقع المسلحين بعد تفجير استهدف تجمعا للشباب في البلدة أمس.")
              if e["type"] == "ASSAULT" and e["trigger"]["text"] == "استهدف")
    assert ev["source_actor"] is None and ev["target_actor"]["text"].startswith("تجمعا")


def test_death_extension_has_no_actors(code):
    ev = [e for e in code("وقد تولى الحكم منذ عام 1980 حتى وفاته في عام 1999.") if e.get("extension") == "death"][0]
    assert ev["source_actor"] is None and ev["target_actor"] is None and ev["date"]["iso"] == "1999"


@pytest.mark.parametrize("text, typ", [
    ("ورفض المتمردون إعلان وقف إطلاق النار من الجانبين.", "ASSAULT"),             # a ceasefire
    ("وقال القيادي جلال طالباني إن المفاوضات مستمرة.", "REQUEST"),                 # part of a name
    ("ويعاني نحو نصف مليون طالب من نقص المدارس.", "REQUEST"),                       # a counted noun
    ("وقال إن المهاجم، وهو طالب في كلية الهندسة، فر من المكان.", "REQUEST"),        # وهو طالب: a noun
    ("وعندما سافر إلى أوروبا درس الأدب.", "RETREAT"),                              # travelled
    ("وقال إن تسريب الوثائق يهدد الأمن الوطني.", "THREATEN"),                     # endangers (generic present)
    ("ويسيطر المتطرفون على مناطق واسعة في المحافظة.", "ASSAULT"),                  # a state, not an event
    ("وتجمع حشد من المحتجين أمام المحكمة.", "MOBILIZE"),                          # a crowd
    ("وقتل خمسة أشخاص في هجوم على سوق المدينة الشهر الماضي.", "ACCUSE"),      # not a verbal attack
    ("وألقت الشرطة القبض على ثلاثة متهمين أمس.", "ASSAULT"),                       # an arrest, not a throw
    ("ويهدف العلاج الجديد إلى تدمير الخلايا المصابة.", "ASSAULT"),                 # destroying without force
    ("وأكد الجيش إتمام سيطرته على المخيم أمس.", "ASSAULT"),                        # سيطرته: "its control", a noun
])
def test_more_words_that_are_not_these_events(code, text, typ):
    assert not [e for e in code(text) if e["type"] == typ]


@pytest.mark.parametrize("text, typ", [
    ("وهدد الجيش أمس باقتحام المدينة إذا لم ينسحب المسلحون.", "THREATEN"),
    ("وحشد الجيش آلاف الجنود على الحدود الشمالية.", "MOBILIZE"),
    ("وسيطرت القوات الحكومية أمس على قاعدة عسكرية بعد معارك عنيفة.", "ASSAULT"),  # territory taken in combat
    ("وتقدمت قوات المعارضة نحو العاصمة بعد انسحاب الجيش.", "COERCE"),  # an advance on a place: occupying territory
    ("وألقت قوات الأمن قنابل الغاز على المحتجين أمس.", "ASSAULT"),  # throwing bombs
    ("ودمر الجيش أمس مخازن للأسلحة تابعة للمتمردين.", "ASSAULT"),  # destroying by force
    ("وانتقد الوزير الهجوم الإعلامي على الحكومة.", "ACCUSE"),
])
def test_and_where_they_are(code, text, typ):
    assert [e for e in code(text) if e["type"] == typ]


def test_a_persons_death_and_a_casualty_count(code):
    evs = code("وأكدت الحركة وفاة زعيمها في أبريل عام 2013.")
    ev = [e for e in evs if e.get("extension") == "death"][0]
    assert ev["date"]["iso"] == "2013-04"
    assert not [e for e in code("ونتج عن الحادث في عام 2015 حالة وفاة وإصابتان.") if e["type"] == "OTHER"]
    assert not [e for e in code("ونتج عن الحادث في عام 2015 وفاة واحدة.") if e["type"] == "OTHER"]


def test_renewed_condemnation_is_reported(code):
    ev = one(code("وجدد مجلس الوزراء إدانة المملكة للجريمة الإرهابية."), "ACCUSE")
    assert ev["trigger"]["text"] == "إدانة"


def test_dated_list_line_after_a_dash_is_a_report(code):
    # "ـ 20 مايو: تفجير …" (a dated timeline line; the tatweel normalises away)
    for dash in ("ـ", "-"):
        assert [e for e in code(f"{dash} 20 مايو: تفجير انتحاري في فندق بالعاصمة.") if e["type"] == "ASSAULT"]


# --- round 3: triggers from the news set's misses ---------------------------

@pytest.mark.parametrize("text, typ, mode, trigger", [
    ("وعقد الوزير اجتماعاً مع نظيره الأردني في عمّان أمس.", "CONSULT", None, "اجتماعاً"),
    ("وصل ولي العهد إلى باريس أمس في زيارة رسمية.", "CONSULT", "visit", "زيارة"),
    ("واستقبل أمير المنطقة أمس السفير الياباني.", "CONSULT", "host", "واستقبل"),
    ("وألقت الشرطة القبض على ثلاثة مطلوبين أمس.", "COERCE", "arrest", "القبض"),
    ("واحتجزت السلطات سفينة الشحن في الميناء أمس.", "COERCE", "arrest", "واحتجزت"),
    ("ودعت الجامعة العربية أمس إلى وقف القتال فوراً.", "REQUEST", None, "ودعت"),
    ("ورحب الأمين العام أمس بالاتفاق بين الطرفين.", "SUPPORT", None, "ورحب"),
    ("واتهم المتحدث الجماعة أمس بتنفيذ الهجوم.", "ACCUSE", "allege", "واتهم"),
])
def test_news_triggers_of_round_3(code, text, typ, mode, trigger):
    ev = one(code(text), typ)
    assert ev["trigger"]["text"] == trigger and ev["mode"] == mode


@pytest.mark.parametrize("text, typ", [
    ("ودعا الإمام الله أن يحفظ البلاد.", "REQUEST"),   # a prayer, not a call
    ("وطلب الرجل القهوة.", "REQUEST"),                  # طلب without من: not a request to a party
    ("وأكد المدرب أهمية ضبط النفس في المباراة.", "COERCE"),  # ضبط النفس: self-restraint
])
def test_news_triggers_of_round_3_not_events(code, text, typ):
    assert all(e["type"] != typ for e in code(text))


def test_an_entity_over_the_trigger_is_no_actor_name():
    from pipeline.events.coder import EntityIndex, _with_entity

    text = "وتم ترتيب هروب الأسد إلى موسكو."
    s = text.index("هروب الأسد")
    ents = [{"id": "e1", "start": s, "end": s + len("هروب الأسد"), "label": "MISC", "text": "هروب الأسد"}]
    actor = text.index("الأسد")
    trig = (s, s + len("هروب"))
    # the tagger's "هروب الأسد" covers the trigger: the actor stays "الأسد"
    assert _with_entity({"text": text}, actor, actor + 5, EntityIndex(ents), trig)["text"] == "الأسد"
    # without a trigger inside, an overlapping entity still widens the actor to its name
    assert _with_entity({"text": text}, actor, actor + 5, EntityIndex(ents))["text"] == "هروب الأسد"


def test_the_two_ministries_are_no_visit(code):
    # وزارتا (the two ministries) is not و + زارتا (the two women visited)
    assert all(e["type"] != "CONSULT" for e in code("وشرعت وزارتا التعليم والصحة أمس في تفعيل المذكرة."))
    assert one(code("وزار الوزير المستشفى أمس."), "CONSULT")["trigger"]["text"] == "وزار"


def test_relaxed_attack_needs_the_second_gate(code, default_stages):
    # a killing verb without a weapon word: the rules alone hold it back (doubt "no_cue"); the
    # committed second gate reads the sentence as an attack report and keeps it
    text = "قتل عشرون شخصا على الأقل في هجوم على سوق شعبية بالعاصمة أمس."
    assert not [e for e in code(text, DAY) if e["type"] == "ASSAULT"]
    kept = [e for e in code(text, DAY, stages=default_stages) if e["type"] == "ASSAULT"]
    assert [e["trigger"]["text"] for e in kept] == ["قتل"] and kept[0]["dead"] == 20


def test_relaxed_candidates_and_their_doubts():
    from pipeline.events.coder import code_families
    from pipeline.registry import build

    stages = build(["normalise", "tokenise"])
    rec = new_record("t", "وقال شهود إن الطائرات قصفت مستودعا للذخيرة قرب الميناء. قتل الوقت بالقراءة عادة قديمة.", {})
    for st in stages:
        rec = st(rec)
    rec["entities"] = []
    flags: dict = {}
    evs = code_families(rec, use_gate=False, relaxed=flags)
    assert sorted((evs[i]["trigger"]["text"], tuple(w)) for i, w in flags.items()) == [
        ("قتل", ("no_cue", "no_harm")), ("قصفت", ("no_harm",))]
    assert code_families(rec, use_gate=False) == []  # without the gate the rules alone decide


def test_second_gate_keeps_one_relaxed_attack_a_sentence():
    from pipeline.events import coder

    def ev(trigger):
        return {"type": "ASSAULT", "negated": False, "modality": None, "mode": "kill", "dead": None, "date": None,
                "trigger": {"text": trigger}}

    model = {"ASSAULT_RELAXED": {"bias": 0.0, "threshold": 0.6, "weights": {"why:no_cue": 2.0}}}
    events = [ev("قتل"), ev("هجوم")]
    kept = coder._gated(model, ["قتل", "هجوم"], 0, 2, events, {0: ["no_cue"], 1: ["bare_mention"]})
    assert [e["trigger"]["text"] for e in kept] == ["قتل"]
    assert coder._gated(model, ["قتل", "هجوم"], 0, 2, events, {0: ["no_harm"], 1: ["bare_mention"]}) == []
    assert coder._gated({}, ["قتل"], 0, 1, [ev("قتل")], {0: ["no_cue"]}) == []  # no second gate: dropped
    assert coder._gated({}, ["قتل"], 0, 1, [ev("قتل")], {}) == [ev("قتل")]  # a rule-kept event, no first gate
