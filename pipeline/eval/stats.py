"""95% bootstrap intervals for every figure ``make eval`` prints.

Scores are computed from per-unit counts (a unit is a sentence, a paragraph
or an article: whatever the gold was sampled by), so resampling units with
replacement and recomputing the score from the summed counts gives the
percentile interval.  Fixed seed: the same counts give the same interval.
"""
from __future__ import annotations

import random
from typing import Callable, Sequence

N_RESAMPLES = 1000
SEED = 0


def f1(tp: float, n_pred: float, n_gold: float) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def bootstrap(units: Sequence[Sequence[float]], score: Callable[[list[float]], float | None],
              n: int = N_RESAMPLES, seed: int = SEED) -> tuple[float | None, float | None, float | None]:
    """``(value, low, high)``: ``score`` of the summed unit counts, and its 95%
    percentile interval over ``n`` resamples of the units."""
    if not units:
        return None, None, None
    k = len(units[0])

    def total(rows) -> list[float]:
        t = [0.0] * k
        for row in rows:
            for i in range(k):
                t[i] += row[i]
        return t

    value = score(total(units))
    rng = random.Random(seed)
    m = len(units)
    vals = []
    for _ in range(n):
        v = score(total(units[rng.randrange(m)] for _ in range(m)))
        if v is not None:
            vals.append(v)
    if not vals:
        return value, None, None
    vals.sort()
    return value, vals[int(0.025 * (len(vals) - 1))], vals[int(0.975 * (len(vals) - 1))]


def prf_ci(units: Sequence[tuple[int, int, int]]) -> dict:
    """P, R, F1 with intervals from per-unit ``(tp, n_pred, n_gold)``."""
    out = {}
    for name, fn in (("p", lambda t: t[0] / t[1] if t[1] else None),
                     ("r", lambda t: t[0] / t[2] if t[2] else None),
                     ("f", lambda t: f1(t[0], t[1], t[2]))):
        v, lo, hi = bootstrap(units, fn)
        out[name] = None if v is None else round(v, 3)
        out[name + "_ci"] = None if lo is None else [round(lo, 3), round(hi, 3)]
    out["gold"] = int(sum(u[2] for u in units))
    out["pred"] = int(sum(u[1] for u in units))
    out["units"] = len(units)
    return out


def accuracy_ci(units: Sequence[tuple[int, int]]) -> dict:
    """Accuracy with interval from per-unit ``(right, total)``."""
    v, lo, hi = bootstrap(units, lambda t: t[0] / t[1] if t[1] else None)
    return {"acc": None if v is None else round(v, 3), "acc_ci": None if lo is None else [round(lo, 3), round(hi, 3)],
            "n": int(sum(u[1] for u in units))}


def fmt(d: dict, key: str = "f") -> str:
    v, ci = d.get(key), d.get(key + "_ci")
    if v is None:
        return "  n/a"
    return f"{v:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else f"{v:.3f}"
