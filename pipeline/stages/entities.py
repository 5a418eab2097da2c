"""Stage 3: entities.  Named entities as character spans of the original text."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..arabic import normalise
from ..errors import PipelineError
from ..ner import DEFAULT_BACKEND, get_backend
from ..registry import Stage, register

# proclitics that ANERcorp-style whitespace tokens keep attached to a name:
# conjunctions و ف, prepositions ب ل ك.  "والأسد" -> entity "الأسد".
_CONJ = "وف"
_PREP = "بلك"
#: known name words (normalised), one a line: built by `make models` from the
#: ANERGazet lists and the TRAIN entities (see models/ner/build.py)
NAMES_FILE = Path(__file__).resolve().parents[2] / "models" / "ner" / "names.txt"


@lru_cache(maxsize=4)
def known_names(path: Path = NAMES_FILE) -> frozenset:
    """The name words; a missing or unreadable file is E205, never an empty set
    (an empty set would silently change which proclitics are cut)."""
    try:
        return frozenset(w for w in path.read_text(encoding="utf-8").split("\n") if w)
    except (OSError, UnicodeDecodeError) as e:
        raise PipelineError("E205", path=path, detail=type(e).__name__) from None


def strip_proclitics(tok: str, names: frozenset | None = None) -> int:
    """How many leading characters of ``tok`` are proclitics, not part of the name.

    * a token that is itself a known name word is never cut (فالنسيا، كاليفورنيا،
      فالح، بنغازي: their first letters only look like proclitics);
    * before the article: و+الأسد, ب+الكرملين, وب+القاهرة;
    * before a bare name: ل+موسكو, ب+دمشق, وب+دمشق, only when the remainder is a
      known name word and the whole token is not (so بشار, لندن, كاميرون,
      فلاديمير, بيروت, which are names themselves, are never cut)."""
    if len(tok) < 4 or not (tok[0] in _CONJ or tok[0] in _PREP):
        return 0
    names = known_names() if names is None else names
    if normalise(tok) in names:
        return 0
    if len(tok) > 4 and tok[0] in _CONJ and tok[1] in _PREP and tok[2:4] == "ال":
        return 2
    if len(tok) > 3 and tok[1:3] == "ال":
        return 1
    if not names:
        return 0
    if len(tok) > 4 and tok[0] in _CONJ and tok[1] in _PREP and normalise(tok[2:]) in names and normalise(tok[1:]) not in names:
        return 2
    if normalise(tok[1:]) in names:
        return 1
    return 0


@register("entities")
class Entities(Stage):
    requires = ("tokens", "sentences")
    provides = ("entities",)

    def __init__(self, backend: str = DEFAULT_BACKEND, model: str | None = None, **config):
        super().__init__(backend=backend, model=model, **config)
        self.backend = get_backend(backend, model)

    def info(self) -> dict:
        d = super().info()
        d["model"] = self.backend.info()
        d["names"] = _file_digest(NAMES_FILE)
        return d

    def __call__(self, rec: dict) -> dict:
        return self.process_batch([rec])[0]

    def process_batch(self, recs: list[dict]) -> list[dict]:
        sents, where = [], []
        for r_i, rec in enumerate(recs):
            toks = rec["tokens"]
            for s in rec["sentences"]:
                a, b = s["tokens"] if "tokens" in s else _token_range(toks, s)
                sents.append([t["text"] for t in toks[a:b]])
                where.append((r_i, a))
        preds = self.backend.predict(sents) if sents else []
        ents_per = [[] for _ in recs]
        for (r_i, a), ents in zip(where, preds):
            toks = recs[r_i]["tokens"]
            text = recs[r_i]["text"]
            for i, j, label in ents:
                start, end = toks[a + i]["start"], toks[a + j - 1]["end"]
                start += strip_proclitics(text[start:toks[a + i]["end"]])
                if start >= end:
                    continue
                ents_per[r_i].append({"start": start, "end": end, "text": text[start:end], "label": label})
        for rec, ents in zip(recs, ents_per):
            ents.sort(key=lambda e: (e["start"], e["end"]))
            rec["entities"] = [{"id": f"e{k}", **e} for k, e in enumerate(ents, 1)]
        return recs


@lru_cache(maxsize=4)
def _file_digest(path: Path) -> str:
    import hashlib

    known_names(path)  # E205 when missing
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _token_range(toks: list[dict], sent: dict) -> tuple[int, int]:
    a = next((i for i, t in enumerate(toks) if t["start"] >= sent["start"]), len(toks))
    b = next((i for i, t in enumerate(toks) if t["start"] >= sent["end"]), len(toks))
    return a, b
