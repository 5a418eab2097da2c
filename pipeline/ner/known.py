"""Known-entity fallback: token sequences that were (almost) always an entity of
one type in the training data, added where the statistical model found nothing.

The list (``known_entities.json`` in the model dir) is built from TRAIN, tune and
AQMAR only (:func:`build_known`), plus the multi-word names of the compiled
lists (``pipeline/lang/ar/names``) that the training text does not contradict
(:func:`listed_names`); it holds normalised token tuples with their label.  Matching is greedy, longest first, on normalised tokens; a first token
may carry one proclitic (و ف ب ل ك) in front of a listed name.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..arabic import normalise

CLITICS = "وفبلك"
MAX_LEN = 6


def build_known(sents, entities, min_count: int = 2, min_ratio: float = 0.7, min_label_share: float = 0.8) -> list:
    """[[tokens..., label], ...] sorted; ``entities(sent)`` gives (a, b, label) spans."""
    ent_labels: dict[tuple, Counter] = defaultdict(Counter)
    normed = []
    for sent in sents:
        toks = [normalise(t) for t in sent[0]]
        normed.append(toks)
        for a, b, lab in entities(sent):
            if b - a <= MAX_LEN:
                ent_labels[tuple(toks[a:b])][lab] += 1
    occ: Counter = Counter()
    lens = sorted({len(k) for k in ent_labels})
    for toks in normed:
        for n in lens:
            for i in range(len(toks) - n + 1):
                key = tuple(toks[i : i + n])
                if key in ent_labels:
                    occ[key] += 1
    out = []
    for key, labs in ent_labels.items():
        total = sum(labs.values())
        lab, c = labs.most_common(1)[0]
        if total >= min_count and total / max(occ[key], 1) >= min_ratio and c / total >= min_label_share:
            if any(ch.isalpha() for ch in "".join(key)):
                out.append([*key, lab])
    return sorted(out)


class KnownEntities:
    def __init__(self, rows: list):
        self.table = {tuple(r[:-1]): r[-1] for r in rows}
        self.max_len = max((len(k) for k in self.table), default=0)

    def match(self, words: list[str]) -> list[tuple[int, int, str]]:
        toks = [normalise(w) for w in words]
        out, i, n = [], 0, len(toks)
        while i < n:
            hit = None
            for L in range(min(self.max_len, n - i), 0, -1):
                key = tuple(toks[i : i + L])
                lab = self.table.get(key)
                if lab is None and len(key[0]) > 3 and key[0][0] in CLITICS:
                    lab = self.table.get((key[0][1:],) + key[1:])
                if lab is not None:
                    hit = (i, i + L, lab)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def add_to(self, words: list[str], ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """``ents`` plus the known entities that overlap none of them."""
        taken = set()
        for a, b, _ in ents:
            taken.update(range(a, b))
        extra = [(a, b, l) for a, b, l in self.match(words) if not taken.intersection(range(a, b))]
        return sorted(ents + extra) if extra else ents


def listed_names(lists: dict[str, list[str]], sents, entities, max_non_entity: float = 0.5) -> list:
    """[[tokens..., label], ...]: the compiled lists' names of two to MAX_LEN words
    with one type, guarded by the training text: a name written there mostly
    outside any gold entity (more than ``max_non_entity`` of its occurrences) is left out."""
    types: dict[tuple, set] = defaultdict(set)
    for lab, names in lists.items():
        for name in names:
            key = tuple(t for t in (normalise(w) for w in name.split()) if t)
            if 2 <= len(key) <= MAX_LEN:
                types[key].add(lab)
    occ: Counter = Counter()
    inside: Counter = Counter()
    lens = sorted({len(k) for k in types})
    for sent in sents:
        toks = [normalise(t) for t in sent[0]]
        covered = set()
        for a, b, _ in entities(sent):
            covered.update(range(a, b))
        for n in lens:
            for i in range(len(toks) - n + 1):
                key = tuple(toks[i : i + n])
                if key in types:
                    occ[key] += 1
                    inside[key] += i in covered
    out = []
    for key, labs in types.items():
        if len(labs) == 1 and (not occ[key] or (occ[key] - inside[key]) / occ[key] <= max_non_entity):
            out.append([*key, next(iter(labs))])
    return sorted(out)
