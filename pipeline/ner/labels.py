"""Label mapping from the corpora's tag sets to the feed's PER/ORG/LOC/MISC."""
LABEL_MAP = {
    "PERS": "PER", "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "MISC": "MISC", "MIS": "MISC", "MIS0": "MISC", "MIS1": "MISC", "MIS2": "MISC", "MIS3": "MISC",
}


def map_label(label: str) -> str:
    return LABEL_MAP.get(label.upper(), "MISC")
