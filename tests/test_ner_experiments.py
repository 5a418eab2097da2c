"""The measured-but-not-adopted NER experiments (models/ner/experiments.py):
the CRF featurizer, training and the span union, on hand-written sentences."""
import hashlib

import numpy as np

from models.ner import experiments as X



def vec(word: str) -> np.ndarray:
    """A fixed pseudo-random vector per word (a stand-in for floret, same interface)."""
    seed = int(hashlib.sha1(word.encode()).hexdigest()[:8], 16)
    return np.random.default_rng(seed).standard_normal(8).astype("float32")


SENTS = [
    (["قال", "الرئيس", "سمير", "حداد", "في", "عمان"], ["O", "O", "B-PER", "I-PER", "O", "B-LOC"]),
    (["وزار", "سمير", "حداد", "مدينة", "حلب"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
    (["التقى", "ليلى", "عطار", "في", "بغداد"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
    (["وصل", "الوفد", "إلى", "عمان", "أمس"], ["O", "O", "O", "B-LOC", "O"]),
]


def featurizer():
    words = sorted({w for s, _ in SENTS for w in s})
    cents = X.cluster_centres(vec, words, ks=(2, 4, 8))
    return X.Featurizer(vec, cents, {"حلب": "LOC"}, {"ليلى"})


def test_features_are_per_token_with_window_and_clusters():
    fz = featurizer()
    feats = fz.sent(["والموصل", "حلب"])
    assert len(feats) == 2
    first = feats[0]
    assert "n=والموصل" in first and "s=موصل" in first  # normalised form and clitic-stripped stem
    assert "-1:BOS" in first and "1:g=LOC" in first     # window: the next word is in the gazetteer
    assert any(f.startswith("c8=") for f in first)
    assert "g=LOC" in feats[1]


def test_crf_learns_the_training_sentences_and_maps_spans(tmp_path):
    fz = featurizer()
    tagger = X.train_crf(fz, SENTS * 3, tmp_path / "m.crfsuite", c1=0.0, c2=0.01, iters=100)
    preds = X.crf_predict(tagger, fz, [s for s, _ in SENTS])
    assert preds[0] == [(2, 4, "PER"), (5, 6, "LOC")]
    sc = X.score(SENTS, preds)
    assert sc["micro"]["f"] == 1.0


def test_union_adds_only_non_overlapping_spans():
    a = [[(0, 2, "PER")]]
    b = [[(1, 3, "ORG"), (4, 5, "LOC")]]
    assert X.union(a, b) == [[(0, 2, "PER"), (4, 5, "LOC")]]
