"""Summary statistics for timings: median with min–max, and percentiles of distributions."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass

__all__ = ["Summary", "percentile", "summarise"]


def percentile(values: Sequence[float], q: float) -> float:
    """Return the `q`-th percentile (0–100) of `values`, interpolating linearly.

    The same definition as numpy's default ("linear"): rank `q/100 * (n-1)` in the sorted
    values. Raises ValueError for no values or `q` outside 0–100.

    >>> percentile([1, 2, 3, 4], 50)
    2.5
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0–100")
    ordered = sorted(values)
    rank = q / 100 * (len(ordered) - 1)
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Summary:
    """The median, minimum and maximum of some values, and their percentiles when asked."""

    median: float
    minimum: float
    maximum: float
    count: int
    p50: float | None = None
    p95: float | None = None
    p99: float | None = None

    def to_json(self) -> dict[str, float | int | None]:
        """Return the summary as a JSON-ready dictionary (absent percentiles left out)."""
        return {key: value for key, value in asdict(self).items() if value is not None}


def summarise(values: Sequence[float], *, distribution: bool = False) -> Summary:
    """Return the Summary of `values`; with `distribution`, also p50, p95 and p99.

    Raises ValueError for no values.

    >>> summarise([3, 1, 2]).median
    2
    """
    if not values:
        raise ValueError("no values to summarise")
    if not distribution:
        return Summary(statistics.median(values), min(values), max(values), len(values))
    return Summary(
        statistics.median(values),
        min(values),
        max(values),
        len(values),
        p50=percentile(values, 50),
        p95=percentile(values, 95),
        p99=percentile(values, 99),
    )
