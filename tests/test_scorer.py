"""The evaluation's matching rule on small hand-made cases."""
from evaluation.harness import new_report, score_document, total
from evaluation.match import match, values_agree
from extractor.models import Figure


def fig(kind="count", value=19, start=0, end=8, **kw) -> Figure:
    base = dict(doc="d", kind=kind, role="actual", value=value, qualifier="exact",
                unit="người" if kind == "count" else ("%" if kind == "percent" else "VND"),
                text="x" * (end - start), start=start, end=end)
    return Figure(**{**base, **kw})


def test_values_within_half_a_percent_agree():
    assert values_agree(132_400_000, 132_900_000)
    assert not values_agree(132_400_000, 133_200_000)


def test_zero_matches_only_zero():
    assert values_agree(0, 0) and not values_agree(0, 1)


def test_different_kind_does_not_match():
    assert match([fig(kind="percent")], [fig()]) == []


def test_spans_must_overlap():
    assert match([fig(start=10, end=18)], [fig(start=0, end=8)]) == []
    assert match([fig(start=5, end=12)], [fig(start=0, end=8)]) == [(0, 0)]


def test_one_prediction_is_not_matched_twice():
    gold = [fig(start=0, end=8), fig(start=4, end=12)]
    assert len(match([fig(start=2, end=10)], gold)) == 1


def test_matching_finds_the_larger_assignment():
    # Greedy would give prediction 0 to gold 0 and leave gold 1 unmatched.
    preds = [fig(start=0, end=10), fig(start=0, end=3)]
    gold = [fig(start=0, end=3), fig(start=5, end=10)]
    assert sorted(match(preds, gold)) == [(0, 1), (1, 0)]


def test_scores_and_attribute_errors_are_counted():
    report = new_report()
    gold = [fig(start=0, end=8), fig(kind="percent", value=53, start=20, end=23)]
    preds = [fig(start=0, end=8, role="target"), fig(kind="money", value=5, start=30, end=35)]
    score_document("x" * 40, "d", preds, gold, total(report))
    total(report)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 1)
    assert report.attributes["role"] == [0, 1]
    assert {e.type for e in report.errors} == {"miss", "false_alarm", "role"}
