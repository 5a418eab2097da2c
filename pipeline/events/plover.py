"""PLOVER categories and the CAMEO → PLOVER mapping used to read the
UniversalPetrarch CAMEO dictionary.

The mapping follows PLOVER's documentation table at the level of CAMEO's
two-digit root codes, with the one split that matters here: CAMEO 086/087
(ceasefire, de-escalate/retreat) go to RETREAT, the rest of 08 to CONCEDE.
CAMEO 01 (statements) and 02 (appeals) are not events in PLOVER: they are
attributions, handled by another stage.
"""
from __future__ import annotations

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
