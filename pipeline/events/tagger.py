"""The learned trigger tagger: events the lexicon does not reach.

Most of the asserted events the rules miss on the team's news set have no lexicon match at
all (370 of the 494 missed on the training days: "استعادت القوات …", "وجه الاتهام", "التحقيق
مع …").  The tagger reads every Arabic word of three letters or more and scores, by a
multinomial logistic regression trained on the team's news set (training days only,
``models/events/tagger_build.py``), whether it is the trigger of an event of one of the
categories it was trained for (``classes``; the rest is ``O``).  Its features are the
word, its clitic readings (:func:`pipeline.clitics.readings`), affixes, the words around it and
the bigrams it makes with them, the lexicon families that match it, and the entity label over
it.

The coder adds a tagger event where the tagger's best class is a category it adds
(``adds``) at probability ``threshold`` or more and no rule event covers the word; negation,
modality, actors, place and date come from the same steps as a rule event's
(``coder._build_event``), an attack or a protest must pass its gate as the rules' do, and the
event carries ``"lexicon": "tagger"``.  The categories, the threshold and what it adds were
chosen by 5-fold cross-validation over articles on the training days and by the PLOVER gold's
TUNE part (docs/events.md, round 7): it is trained for ACCUSE, AID, ASSAULT and COERCE and adds
the first, second and fourth; its attacks lifted the news but cost the PLOVER gold's TUNE part.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from .. import clitics

ROOT = Path(__file__).resolve().parents[2]
TAGGER_PATH = ROOT / "models" / "events" / "tagger.json"


def is_candidate(w: str) -> bool:
    """Arabic words of three letters or more are scored; punctuation, digits, Latin are not."""
    return len(w) >= 3 and "\u0621" <= w[0] <= "\u064a"


def features(norms: list[str], i: int, lex: dict[int, set[str]], ents: dict[int, str]) -> list[str]:
    """The features of token ``i`` (the build uses this; the run sums the same weights, the
    word's part cached per word)."""
    return word_features(norms[i]) + context_features(norms, i, lex, ents)


def lexicon_families(matches) -> dict[int, set[str]]:
    """Token index -> the lexicon families matching it ("ASSAULT/n", "CONSULT/v")."""
    lex: dict[int, set[str]] = {}
    for m in matches:
        for i in range(m.index, m.end_index):
            lex.setdefault(i, set()).add(m.entry.type + ("/n" if m.nominal else "/v"))
    return lex


def entity_labels(toks: list[dict], ents: list[dict]) -> dict[int, str]:
    """Token index -> the label of an entity over it."""
    out: dict[int, str] = {}
    if not ents:
        return out
    starts = [t["start"] for t in toks]
    for e in ents:
        k = max(0, bisect_right(starts, e["start"]) - 1)
        while k < len(toks) and toks[k]["start"] < e["end"]:
            if e["start"] < toks[k]["end"]:
                out.setdefault(k, e["label"])
            k += 1
    return out


@lru_cache(maxsize=2)
def load(path: str | None = None) -> dict | None:
    """The tagger (``models/events/tagger.json``); None when the file is absent (no tagger)."""
    p = Path(path) if path else TAGGER_PATH
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def check(path: str | None = None) -> dict | None:
    """Load at stage construction: a corrupt file stops the run there (E206)."""
    from ..errors import PipelineError

    p = Path(path) if path else TAGGER_PATH
    try:
        model = load(str(p) if path else None)
    except (OSError, ValueError) as exc:
        raise PipelineError("E206", path=str(p), detail=f"{type(exc).__name__}: {exc}") from None
    if model is not None and not {"classes", "bias", "weights", "threshold"} <= set(model):
        raise PipelineError("E206", path=str(p), detail="not a trigger tagger (classes, bias, weights, threshold)")
    return model


def info() -> dict:
    """For the run manifest and the cache key: which tagger file, and its hash."""
    from ..digest import files

    if not TAGGER_PATH.exists():
        return {"path": None}
    return {"path": "models/events/tagger.json", "sha1": files([TAGGER_PATH], "sha1", n=12)}


def _add(z: list[float], weights: dict, feats: list[str]) -> list[float]:
    """Add the weights of ``feats`` to the class scores ``z`` (in place)."""
    for f in feats:
        row = weights.get(f)
        if row is not None:
            for k, v in enumerate(row):
                z[k] += v
    return z


def _softmax(z: list[float]) -> list[float]:
    top = max(z)
    ex = [math.exp(v - top) for v in z]
    s = sum(ex)
    return [v / s for v in ex]


def probabilities(model: dict, feats: list[str]) -> list[float]:
    """Softmax over the model's classes."""
    return _softmax(_add(list(model["bias"]), model["weights"], feats))


def word_features(w: str) -> list[str]:
    """The features of a word alone (the same wherever it stands)."""
    f = ["w=" + w, "x3=" + w[-3:], "x2=" + w[-2:], "p2=" + w[:2]]
    for stem, ch in clitics.readings(w):
        f.append("s=" + stem)
        f.append("sp3=" + stem[:3])
        if ch is not None:
            f.append("ch=" + ch.text)
    return f


def context_features(norms: list[str], i: int, lex: dict[int, set[str]], ents: dict[int, str]) -> list[str]:
    """The features of token ``i`` that depend on where it stands."""
    w = norms[i]
    f = []
    for d in (-2, -1, 1, 2):
        j = i + d
        f.append(f"w{d}=" + (norms[j] if 0 <= j < len(norms) else "#"))
    for t in sorted(lex.get(i, ())):
        f.append("lex=" + t)
    if i > 0:
        f.append("b-1=" + norms[i - 1] + "|" + w)
    if i + 1 < len(norms):
        f.append("b+1=" + w + "|" + norms[i + 1])
    if i in ents:
        f.append("ent=" + ents[i])
    return f


def _word_scores(model: dict, w: str) -> list[float]:
    """Bias plus the word features' weights, kept per word in the loaded model (a news stream
    repeats its vocabulary): the run-time short cut, equal to summing :func:`features`."""
    cache = model.setdefault("_word_cache", {})
    z = cache.get(w)
    if z is None:
        z = _add(list(model["bias"]), model["weights"], word_features(w))
        if len(cache) < 1 << 18:
            cache[w] = z
    return z


def tag(model: dict, norms: list[str], a: int, b: int, lex: dict[int, set[str]], ents: dict[int, str]) -> list[tuple[int, str, float]]:
    """``(token, category, probability)`` for the words of ``[a, b)`` whose best class is a
    category the model adds (``adds``; default: every class but O) at its threshold or more
    (``thresholds`` per category, else ``threshold``)."""
    classes, weights = model["classes"], model["weights"]
    adds = set(model.get("adds", classes)) - {"O"}
    th = [model.get("thresholds", {}).get(c, model["threshold"]) if c in adds else math.inf for c in classes]
    out = []
    for i in range(a, b):
        if not is_candidate(norms[i]):
            continue
        p = _softmax(_add(list(_word_scores(model, norms[i])), weights, context_features(norms, i, lex, ents)))
        k = max(range(len(p)), key=p.__getitem__)
        if p[k] >= th[k]:
            out.append((i, classes[k], p[k]))
    return out
