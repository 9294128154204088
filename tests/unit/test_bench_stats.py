import pytest

from bench.stats import percentile, summarise


def test_median_and_range_of_odd_and_even_counts():
    odd = summarise([5.0, 1.0, 3.0])
    assert (odd.median, odd.minimum, odd.maximum, odd.count) == (3.0, 1.0, 5.0, 3)
    assert summarise([4.0, 1.0, 2.0, 3.0]).median == 2.5


def test_plain_summary_has_no_percentiles():
    summary = summarise([1.0, 2.0])
    assert summary.p50 is None and "p95" not in summary.to_json()


def test_percentiles_interpolate_linearly_like_numpy():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile(values, 99) == pytest.approx(99.01)
    assert percentile([7.0], 99) == 7.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0) == 1.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 100) == 4.0


def test_distribution_summary_carries_p50_p95_p99():
    summary = summarise([10.0, 20.0, 30.0, 40.0, 50.0], distribution=True)
    assert summary.p50 == 30.0
    assert summary.p95 == pytest.approx(48.0)
    assert summary.p99 == pytest.approx(49.6)
    assert set(summary.to_json()) == {"median", "minimum", "maximum", "count", "p50", "p95", "p99"}


@pytest.mark.parametrize("q", [-1, 101])
def test_percentile_outside_range_is_refused(q):
    with pytest.raises(ValueError):
        percentile([1.0], q)


def test_nothing_to_summarise_is_refused():
    with pytest.raises(ValueError):
        summarise([])
    with pytest.raises(ValueError):
        percentile([], 50)
