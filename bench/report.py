"""Writing the results: `<out>/<scale>.json` and a readable `<out>/<scale>.md`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bench.goals import GoalCheck
from bench.markdown import METRIC_HEADERS, metric_row, table
from bench.results import StageResult

__all__ = ["render_markdown", "write_reports"]

_MET = {True: "yes", False: "**NO**", None: "–"}


def render_markdown(
    scale: str,
    machine: Mapping[str, Any],
    stages: Mapping[str, StageResult],
    goals: list[GoalCheck],
    *,
    runs: int,
    command: str,
) -> str:
    """Return the Markdown report: machine, goals, then one table per stage with its notes."""
    parts = [
        f"# Benchmark: {scale} scale",
        "",
        f"`{command}` — {runs} run(s) per stage; timings are the median with min–max over the "
        "runs, latency distributions p50/p95/p99 over every sample of every run.",
        "",
        table(["machine", ""], [[key, str(value)] for key, value in machine.items()]),
        "",
        "## Goals",
        "",
        table(["goal", "measured", "met?"], [[g.goal, g.measured, _MET[g.met]] for g in goals]),
    ]
    for name, stage in stages.items():
        parts += ["", f"## {name}", ""]
        if stage.error:
            parts += [f"**FAILED**: {stage.error}", ""]
        if stage.metrics:
            parts.append(table(METRIC_HEADERS, [metric_row(m) for m in stage.metrics]))
        if stage.notes:
            parts += ["", *[f"- {note}" for note in stage.notes]]
    return "\n".join(parts) + "\n"


def write_reports(
    out: Path,
    scale: str,
    machine: Mapping[str, Any],
    stages: Mapping[str, StageResult],
    goals: list[GoalCheck],
    *,
    runs: int,
    command: str,
) -> tuple[Path, Path]:
    """Write `<out>/<scale>.json` and `<out>/<scale>.md`; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    data = {
        "scale": scale,
        "runs": runs,
        "command": command,
        "machine": dict(machine),
        "goals": [{"goal": g.goal, "measured": g.measured, "met": g.met} for g in goals],
        "stages": {name: stage.to_json() for name, stage in stages.items()},
    }
    json_path, md_path = out / f"{scale}.json", out / f"{scale}.md"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(
        render_markdown(scale, machine, stages, goals, runs=runs, command=command),
        encoding="utf-8",
    )
    return json_path, md_path
