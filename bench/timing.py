"""Timing calls in milliseconds."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = ["time_each"]

T = TypeVar("T")


def time_each(items: Iterable[T], action: Callable[[T], object], *, warmup: int = 0) -> list[float]:
    """Return the milliseconds `action(item)` took for each of `items`.

    The first `warmup` items are also run once before timing starts, so caches and lazily
    compiled queries are warm.
    """
    items = list(items)
    for item in items[:warmup]:
        action(item)
    timings = []
    for item in items:
        started = time.perf_counter()
        action(item)
        timings.append((time.perf_counter() - started) * 1000)
    return timings
