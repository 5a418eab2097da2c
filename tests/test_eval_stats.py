"""Bootstrap intervals (pipeline.eval.stats) and the span scorers built on them."""
from pipeline.eval.ner import per_unit
from pipeline.eval.stats import accuracy_ci, bootstrap, prf_ci


def test_interval_contains_the_value_and_narrows_with_more_units():
    small = [(1, 1, 1), (0, 1, 1), (1, 1, 2), (1, 2, 1)] * 5
    large = small * 20
    s, l = prf_ci(small), prf_ci(large)
    assert s["f"] == l["f"]  # same proportions, same score
    assert s["f_ci"][0] <= s["f"] <= s["f_ci"][1]
    assert (l["f_ci"][1] - l["f_ci"][0]) < (s["f_ci"][1] - s["f_ci"][0])


def test_deterministic_and_degenerate_cases():
    units = [(1, 2), (2, 2), (0, 1)]
    assert accuracy_ci(units) == accuracy_ci(units)
    assert accuracy_ci(units)["acc"] == 0.6
    assert bootstrap([], lambda t: 1.0) == (None, None, None)
    perfect = prf_ci([(2, 2, 2)] * 10)
    assert perfect["f"] == 1.0 and perfect["f_ci"] == [1.0, 1.0]


def test_overlap_matching_is_one_to_one_and_typed():
    gold = [{(0, 10, "ORG"), (12, 18, "LOC")}]
    pred = [{(0, 4, "ORG"), (5, 10, "ORG"), (12, 18, "PER")}]
    exact = per_unit(gold, pred, ("PER", "ORG", "LOC"))
    over = per_unit(gold, pred, ("PER", "ORG", "LOC"), overlap=True)
    assert exact["micro"] == [(0, 3, 2)]
    assert over["micro"] == [(1, 3, 2)]  # one ORG found once; the LOC has only a PER over it
    assert over["ORG"] == [(1, 2, 1)] and over["LOC"] == [(0, 0, 1)]
