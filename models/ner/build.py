"""Build everything under models/ner (called by ``python -m models.build``).

1. models/ner/names.txt: known name words for the entities stage's clitic
   stripping (ANERGazet entries + TRAIN/tune/AQMAR and news-training entity
   words + the compiled name lists; never dev or the news held-out days).
2. models/ner/spacy: the default spaCy model + dev_scores.json.
3. models/ner/stanza/ar_ner.pt: the stanza model + dev_scores.json.
"""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.arabic import normalise
from pipeline.ner import corpus as D

ROOT = Path(__file__).resolve().parents[2]
NAMES = ROOT / "models" / "ner" / "names.txt"
CLITICS = "وفبلك"


def _looks_clitic(w: str) -> bool:
    """و ف ب ل ك + the article (والزبداني، بالرياض، وبالقاهرة) or لل: a clitic form."""
    return (w[0] in CLITICS and w[1:3] == "ال") or (w[0] in "وف" and w[1:2] in tuple("بلك") and w[2:4] == "ال") or w.startswith("لل")


def name_words(data_dir: Path) -> list[str]:
    """Name words: ANERGazet entries, TRAIN/tune/AQMAR and news-training entity
    words, and every word of the compiled name lists (pipeline/lang/ar/names).
    A word that is a proclitic + another name word, or a proclitic + the
    article, is a clitic form, not a name, unless a compiled list spells it as
    a name (فالنسيا، كاليفورنيا، فالح)."""
    from pipeline.lang.ar import name_lists

    lists = name_lists()
    entries = [e for names in lists.values() for e in names]
    words: set[str] = set()
    for entries_ in D.gazetteers(data_dir).values():
        for e in entries_:
            words.update(normalise(w) for w in e.split())
    s = D.anercorp_splits(data_dir)
    for sent in s["train"] + s["tune"] + D.aqmar(data_dir) + D.news(data_dir, "train"):
        toks = sent[0]
        for a, b, _ in D.entities(sent):
            words.update(normalise(w) for w in toks[a:b])
    listed_multi = {normalise(w) for e in entries if " " in e.strip() for w in e.split()}
    listed_single = {normalise(e.strip()) for e in entries if " " not in e.strip()}
    every = words | listed_multi | listed_single
    # given names are short and many (ريا، وفي): a remainder that is only a given name does not
    # make a word a clitic form (كوريا is not ك + و + ريا)
    from pipeline.lang.ar import name_variants

    given = {normalise(v) for row in name_variants("given_names") for v in row} - words
    names_for_rest = every - given

    def clitic_form(w: str) -> bool:
        """و ف ب ل ك + a name word, or و/ف + ب/ل/ك + a name word (the only order Arabic allows)."""
        return w[0] in CLITICS and (w[1:] in names_for_rest or (w[0] in "وف" and w[1] in "بلك" and w[2:] in names_for_rest))

    words = {w for w in words if len(w) >= 3 and w.isalpha()}
    keep = {w for w in words if not clitic_form(w) and not _looks_clitic(w)}
    # words inside multi-word list entries ("الغرفة التجارية الصناعية بجدة") pass the same filters;
    # a one-word list entry is a name even when it looks like a proclitic + the article
    # (فالنسيا، كاليفورنيا), unless the rest is itself a name (وجدة: و + جدة)
    keep |= {w for w in listed_multi if len(w) >= 3 and w.isalpha() and not clitic_form(w) and not _looks_clitic(w)}
    keep |= {w for w in listed_single if len(w) >= 3 and w.isalpha() and not clitic_form(w)}
    return sorted(keep)


def build_names(data_dir: Path, out: Path = NAMES) -> int:
    words = name_words(data_dir)
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"[ner] {out.relative_to(ROOT)}: {len(words)} name words")
    return len(words)


def build(data_dir: Path) -> None:
    from . import spacy_build, stanza_build

    data_dir = Path(data_dir)
    build_names(data_dir)
    only = os.environ.get("NER_BUILD", "names,spacy,stanza").split(",")
    if "spacy" in only:
        spacy_build.build(data_dir)
    if "stanza" in only:
        stanza_build.build(data_dir)
