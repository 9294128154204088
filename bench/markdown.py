"""Markdown tables and the figures in them."""

from __future__ import annotations

from collections.abc import Sequence

from bench.results import Metric

__all__ = ["format_number", "metric_row", "table"]

METRIC_HEADERS = ("metric", "unit", "median", "min–max", "p50", "p95", "p99", "note")


def format_number(value: float | int | str | bool | None) -> str:
    """Return `value` written for a table: three significant figures or so, "–" for None.

    >>> format_number(1234.5678), format_number(0.012345), format_number(None)
    ('1235', '0.0123', '–')
    """
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    magnitude = abs(value)
    if magnitude >= 100 or value == 0:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return a GitHub Markdown table of `rows` under `headers` (cells' pipes escaped).

    >>> print(table(["a", "b"], [["1", "2"]]))
    | a | b |
    |---|---|
    | 1 | 2 |
    """
    lines = [
        "| " + " | ".join(_cell(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def metric_row(metric: Metric) -> list[str]:
    """Return the table row of `metric` in the order of METRIC_HEADERS."""
    summary = metric.summary
    if summary is None:
        return [metric.name, metric.unit, format_number(metric.value), "", "", "", "", metric.note]
    spread = f"{format_number(summary.minimum)}–{format_number(summary.maximum)}"
    if summary.count == 1:
        spread = ""
    return [
        metric.name,
        metric.unit,
        format_number(summary.median),
        spread,
        format_number(summary.p50) if summary.p50 is not None else "",
        format_number(summary.p95) if summary.p95 is not None else "",
        format_number(summary.p99) if summary.p99 is not None else "",
        metric.note,
    ]
