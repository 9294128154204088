"""The benchmark stages, listed once in the order they run; each is a module of this package.

A stage module has `run(context) -> StageResult` (the parent side, which starts child
processes and measures them) and, when it does work in a Python child, `child(params)`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["STAGES", "stage_module"]

STAGES: tuple[str, ...] = ("synth", "extract", "ingest", "queries", "threeway", "api")
"""The stage names, in the order they run."""


def stage_module(name: str) -> ModuleType:
    """Return the module of stage `name` (imported on first use); ValueError if unknown."""
    if name not in STAGES:
        raise ValueError(f"unknown stage {name!r}; stages are: {', '.join(STAGES)}")
    return importlib.import_module(f"bench.stages.{name}_stage")
