"""Stage 3: entities.  Named entities as character spans of the original text."""
from __future__ import annotations

from .. import clitics
from ..ner import DEFAULT_BACKEND, get_backend
from ..registry import Stage, register


@register("entities")
class Entities(Stage):
    requires = ("tokens", "sentences")  # tokens with their clitic segmentation
    provides = ("entities",)

    def __init__(self, backend: str = DEFAULT_BACKEND, model: str | None = None, **config):
        super().__init__(backend=backend, model=model, **config)
        self.backend = get_backend(backend, model)

    def info(self) -> dict:
        d = super().info()
        d["model"] = self.backend.info()
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
                start += clitics.name_start(toks[a + i])  # و|الأسد، ل|موسكو (pipeline/clitics.py)
                if start >= end:
                    continue
                ents_per[r_i].append({"start": start, "end": end, "text": text[start:end], "label": label})
        for rec, ents in zip(recs, ents_per):
            ents.sort(key=lambda e: (e["start"], e["end"]))
            rec["entities"] = [{"id": f"e{k}", **e} for k, e in enumerate(ents, 1)]
        return recs


def _token_range(toks: list[dict], sent: dict) -> tuple[int, int]:
    a = next((i for i, t in enumerate(toks) if t["start"] >= sent["start"]), len(toks))
    b = next((i for i, t in enumerate(toks) if t["start"] >= sent["end"]), len(toks))
    return a, b
