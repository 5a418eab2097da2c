"""PLOVER categories: today's 16 (what the feed carries), the 2016 draft's 19
(the names the lexicon's trigger families still carry), the table from the
one to the other, and the CAMEO → PLOVER mapping used to read the
UniversalPetrarch CAMEO dictionary.

The mapping follows PLOVER's documentation table at the level of CAMEO's
two-digit root codes, with the one split that matters here: CAMEO 086/087
(ceasefire, de-escalate/retreat) go to RETREAT, the rest of 08 to CONCEDE.
CAMEO 01 (statements) and 02 (appeals) are not events in PLOVER: they are
attributions, handled by another stage.
"""
from __future__ import annotations

#: today's PLOVER (openeventdata/PLOVER, PLOVER_MANUAL.tex and CAMEO2PLOVER-2021.txt):
#: 16 categories; DEMAND is named REQUEST, as the issue and the newer manual text do
CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: each category's modes (the manual's names)
MODES = {
    "CONSULT": ("visit", "host", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign", "ease"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence", "political"),
    "PROTEST": ("demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "heavy-weapons", "cleansing", "massacre", "unconventional", "sideAB"),
}
#: the lexicon's trigger families (the 2016 draft's 19 names) → today's category
#: and mode; ``(family, None)`` is the default for a family, ``(family, mode)``
#: a specific mode.  The same table tells holders of old feeds what each 2016
#: value became (docs/events.md).
FROM_2016 = {
    ("FIGHT", None): ("ASSAULT", None),               # FIGHT folded into ASSAULT
    ("FIGHT", "small-arms"): ("ASSAULT", "firearms"),  # 193: fight with small arms
    ("FIGHT", "occupy"): ("COERCE", "confiscate"),     # seizing territory (192: occupy territory): an advance, a fall
    ("FIGHT", "seize"): ("ASSAULT", None),             # territory taken in combat (سيطرت القوات على …; guideline §8, news set)
    ("DEMAND", None): ("REQUEST", None),
    ("DISAPPROVE", None): ("ACCUSE", "disapprove"),
    ("INVESTIGATE", None): ("ACCUSE", "investigate"),
    ("CRIME", None): (None, None),                     # dropped: the act is coded, not the crime
    ("ASSAULT", "kill"): ("ASSAULT", None),            # killing is no mode of its own (1823)
    ("ASSAULT", "bombing"): ("ASSAULT", "explosives"),
    ("ASSAULT", "aerial"): ("ASSAULT", "heavy-weapons"),  # 195: employ aerial weapons
    ("COERCE", "raid"): ("COERCE", None),
}


#: context values the family implies (PLOVER's context list applies to any category)
CONTEXT_2016 = {"FIGHT": ["military"]}


def to_today(family: str, mode: str | None) -> tuple[str | None, str | None]:
    """Today's ``(category, mode)`` of a 2016 ``(type, mode)``; ``(None, None)``
    for a dropped category.  Unlisted pairs keep their names."""
    if (family, mode) in FROM_2016:
        return FROM_2016[(family, mode)]
    if (family, None) in FROM_2016:
        typ, default_mode = FROM_2016[(family, None)]
        return typ, mode if typ is not None and mode in MODES.get(typ, ()) else default_mode
    return family, mode


#: the 2016 types the lexicon families still carry (internal names)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST",
    "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT", "CRIME",
)

_ROOT = {
    "03": "AGREE",        # express intent to cooperate
    "04": "CONSULT",
    "05": "COOPERATE",    # diplomatic cooperation
    "06": "COOPERATE",    # material cooperation
    "07": "AID",
    "08": "CONCEDE",      # yield (086/087 → RETREAT below)
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",     # exhibit force posture
    "16": "SANCTION",     # reduce relations
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "ASSAULT",      # unconventional mass violence
}


def cameo_to_plover(code: str) -> str | None:
    """PLOVER category of a CAMEO code ("190", "0874", "14"), or None when the
    code is not an event (01, 02) or not a CAMEO code."""
    code = code.strip()
    if len(code) < 2 or not code[:2].isdigit():
        return None
    if code[:3] in ("086", "087"):
        return "RETREAT"
    if code[:3] == "057":  # sign formal agreement
        return "AGREE"
    return _ROOT.get(code[:2])
