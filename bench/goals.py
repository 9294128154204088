"""The performance goals and whether the measured figures meet them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bench.results import StageResult

__all__ = ["GOALS", "Goal", "GoalCheck", "check_goals"]


@dataclass(frozen=True)
class Goal:
    """A goal: what it says, the stage and metric it reads, and the limit it must stay under."""

    text: str
    stage: str
    metric: str
    limit: float
    unit: str
    scales: tuple[str, ...] | None = None
    """The scales at which the goal is judged (None: every scale)."""


@dataclass(frozen=True)
class GoalCheck:
    """One goal's verdict: the measured figure (None when not measured) and whether it is met."""

    goal: str
    measured: str
    met: bool | None


GOALS: tuple[Goal, ...] = (
    Goal("national ingest < 10 min", "ingest", "wall time", 600, "s", ("national",)),
    Goal(
        "national ingest < 4 GB peak memory",
        "ingest",
        "peak memory (process tree)",
        4096,
        "MB",
        ("national",),
    ),
    Goal("lineage p50 < 1 ms", "queries", "lineage", 1, "ms"),
    Goal("commune coverage p50 < 20 ms", "queries", "commune coverage", 20, "ms"),
    Goal("province matrix < 300 ms", "queries", "province matrix", 300, "ms"),
    Goal("search p50 < 20 ms", "queries", "search", 20, "ms"),
)


def _embedded_faster(stages: Mapping[str, StageResult]) -> GoalCheck:
    threeway = stages.get("threeway")
    text = "embedded store faster than rdflib on every query"
    if threeway is None or threeway.error:
        return GoalCheck(text, "not measured", None)
    ratios = {
        metric.name.split(":")[0]: float(metric.value)  # type: ignore[arg-type]
        for metric in threeway.metrics
        if metric.name.endswith(": rdflib/oxigraph") and metric.value is not None
    }
    if not ratios:
        return GoalCheck(text, "not measured", None)
    shown = ", ".join(f"{name} rdflib/oxigraph = {ratio:.1f}×" for name, ratio in ratios.items())
    return GoalCheck(text, shown, all(ratio > 1 for ratio in ratios.values()))


def check_goals(scale: str, stages: Mapping[str, StageResult]) -> list[GoalCheck]:
    """Return a verdict for every goal; goals of another scale or stage not run say so."""
    checks: list[GoalCheck] = []
    for goal in GOALS:
        stage = stages.get(goal.stage)
        metric = stage.metric(goal.metric) if stage is not None and not stage.error else None
        if goal.scales is not None and scale not in goal.scales:
            measured = "judged at " + ", ".join(goal.scales) + " scale"
            if metric is not None and isinstance(metric.central, float | int):
                measured += f" (here: {metric.central:.4g} {goal.unit})"
            checks.append(GoalCheck(goal.text, measured, None))
            continue
        if metric is None or not isinstance(metric.central, float | int):
            checks.append(GoalCheck(goal.text, "not measured", None))
            continue
        value = float(metric.central)
        checks.append(GoalCheck(goal.text, f"{value:.4g} {goal.unit}", value < goal.limit))
    extra: tuple[Callable[[Mapping[str, StageResult]], GoalCheck], ...] = (_embedded_faster,)
    checks.extend(check(stages) for check in extra)
    return checks
