"""The structured result of a stage: named metrics (a summary or a single value) and notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.stats import Summary, summarise

__all__ = ["Metric", "StageResult"]


@dataclass(frozen=True)
class Metric:
    """One measured quantity: a Summary over runs or samples, or a single value."""

    name: str
    unit: str
    summary: Summary | None = None
    value: float | int | str | bool | None = None
    note: str = ""

    @classmethod
    def of(
        cls,
        name: str,
        unit: str,
        values: Sequence[float],
        *,
        distribution: bool = False,
        note: str = "",
    ) -> Metric:
        """Return the Metric summarising `values` (with percentiles when `distribution`)."""
        return cls(name, unit, summarise(values, distribution=distribution), note=note)

    @property
    def central(self) -> float | int | str | bool | None:
        """Return the figure goals compare: p50 of a distribution, the median, or the value."""
        if self.summary is None:
            return self.value
        return self.summary.p50 if self.summary.p50 is not None else self.summary.median

    def to_json(self) -> dict[str, Any]:
        """Return the metric as a JSON-ready dictionary."""
        data: dict[str, Any] = {"name": self.name, "unit": self.unit}
        if self.summary is not None:
            data.update(self.summary.to_json())
        else:
            data["value"] = self.value
        if self.note:
            data["note"] = self.note
        return data


@dataclass
class StageResult:
    """What one stage measured, with notes on how, and free-form details."""

    stage: str
    metrics: list[Metric] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def add(self, metric: Metric) -> Metric:
        """Append `metric` and return it."""
        self.metrics.append(metric)
        return metric

    def metric(self, name: str) -> Metric | None:
        """Return the metric called `name`, or None."""
        return next((metric for metric in self.metrics if metric.name == name), None)

    def to_json(self) -> dict[str, Any]:
        """Return the stage result as a JSON-ready dictionary."""
        return {
            "stage": self.stage,
            "metrics": [metric.to_json() for metric in self.metrics],
            "notes": self.notes,
            "details": self.details,
            "error": self.error,
        }
