"""The reference article: the events an analyst expects, and no spurious ones."""
from __future__ import annotations

from pipeline.events.plover import CATEGORIES


def _events(seed_record, typ, trigger=None):
    return [e for e in seed_record["events"] if e["type"] == typ and (trigger is None or e["trigger"]["text"] == trigger)]


def _entity_text(rec, eid):
    return next(e["text"] for e in rec["entities"] if e["id"] == eid)


def test_kremlin_orders_assad_to_flee(seed_record):
    (order,) = [e for e in _events(seed_record, "REQUEST") if e["source_actor"] and e["source_actor"]["text"] == "الكرملين"]
    assert order["trigger"]["text"] in ("أصدر", "أوامره")
    assert "بشار الأسد" in order["target_actor"]["text"]
    assert order["negated"] is False and order["modality"] is None
    # the ordered flight is coded too, as demanded (not as having happened here)
    (flee,) = _events(seed_record, "RETREAT", "بالفرار")
    assert flee["modality"] == "demanded"
    assert "بشار الأسد" in flee["source_actor"]["text"]


def test_assad_flight(seed_record):
    (flight,) = _events(seed_record, "RETREAT", "هروب")
    assert flight["source_actor"]["text"] == "الأسد"
    assert flight["modality"] is None


def test_opposition_advance_and_capture(seed_record):
    advances = _events(seed_record, "COERCE", "تقدمت")
    assert len(advances) == 2 and all(e["mode"] == "confiscate" and e["context"] == ["military"] for e in advances)
    for ev in advances:
        assert ev["source_actor"]["text"].startswith("قوات المعارضة")
        assert ev["target_actor"]["text"] == "العاصمة دمشق"
    (fall,) = _events(seed_record, "COERCE", "سقوط")
    assert fall["target_actor"]["text"] == "دمشق"
    assert _entity_text(seed_record, fall["target_actor"]["entity"]) == "دمشق"
    assert fall["source_actor"]["text"] == "المعارضة"
    (enter,) = _events(seed_record, "COERCE", "دخل")
    assert enter["source_actor"]["text"] == "المسلحون" and enter["target_actor"]["text"] == "المدينة"
    (control,) = _events(seed_record, "COERCE", "وأعلنوا")
    assert control["source_actor"]["text"] == "المسلحون"


def test_putin_demands_explanation(seed_record):
    (dem,) = _events(seed_record, "REQUEST", "طالب")
    assert "فلاديمير بوتين" in dem["source_actor"]["text"]
    assert _entity_text(seed_record, dem["source_actor"]["entity"]) == "فلاديمير بوتين"
    assert dem["target_actor"]["text"].startswith("جهاز الاستخبارات")


def test_assad_agrees(seed_record):
    (agree,) = _events(seed_record, "AGREE", "وافق")
    assert agree["source_actor"]["text"] == "الأسد"
    assert agree["target_actor"]["text"] == "العرض"


def test_transport_via_hmeimim_is_retreat_with_location(seed_record):
    (move,) = _events(seed_record, "RETREAT", "نقله")
    assert move["location"]["text"].startswith("قاعدة حميميم")


def test_hafez_office_and_death_with_normalised_years(seed_record):
    (office,) = [e for e in seed_record["events"] if e.get("extension") == "take_office"]
    assert office["type"] == "OTHER" and office["trigger"]["text"] == "تولى"
    assert office["source_actor"]["text"] == "حافظ الأسد"
    assert office["date"]["text"] == "عام 1971" and office["date"]["iso"] == "1971"
    (death,) = [e for e in seed_record["events"] if e.get("extension") == "death"]
    assert death["type"] == "OTHER" and death["date"]["text"] == "عام 2000" and death["date"]["iso"] == "2000"


def test_no_spurious_events(seed_record):
    evs = seed_record["events"]
    allowed = set(CATEGORIES) | {"OTHER"}
    assert all(e["type"] in allowed for e in evs)
    # no violence is reported in the article; the army's collapse is an outcome, not an event;
    # the advance on and capture of Damascus are COERCE confiscate (occupying territory)
    assert not [e for e in evs if e["type"] in ("ASSAULT", "PROTEST")]
    assert not [e for e in evs if "انهيار" in e["trigger"]["text"]]
    # "أن معركة الأسد أصبحت خاسرة" is an assessment, not a report of fighting
    assert not [e for e in evs if "معركة" in e["trigger"]["text"]]
    assert len(evs) <= 15


def test_events_rest_on_their_attributions(seed_record):
    """Each event carries the id of the attribution whose claim holds it."""
    atts = {a["source"]["text"]: a["id"] for a in seed_record["attributions"]}
    by = {e["trigger"]["text"]: e for e in seed_record["events"]}
    assert by["أصدر"]["attribution"] == atts["صحيفة “بلومبيرغ”"]          # the Kremlin's order: Bloomberg
    assert by["طالب"]["attribution"] == atts["مصادر مقربة من الكرملين"]   # Putin's demand: sources close to the Kremlin
    assert by["هروب"]["attribution"] == atts["مصدرين آخرين"]             # the flight arranged by Russian intelligence
    office = next(e for e in seed_record["events"] if e.get("extension") == "take_office")
    assert office["attribution"] is None                                   # the article asserts it itself
