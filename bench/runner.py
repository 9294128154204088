"""Running the chosen stages in order and collecting their results."""

from __future__ import annotations

import sys
import time
import traceback

from bench.context import Context
from bench.results import StageResult
from bench.stages import stage_module

__all__ = ["run_stages"]


def run_stages(context: Context, stages: list[str]) -> dict[str, StageResult]:
    """Run `stages` in order; return each one's result (a failed stage records its error).

    A failure does not stop the later stages, which may still have what they need from an
    earlier benchmark in the same work folder.
    """
    results: dict[str, StageResult] = {}
    for name in stages:
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            result = stage_module(name).run(context)
        except Exception as error:  # one broken stage must not lose the others' figures
            traceback.print_exc(file=sys.stderr)
            result = StageResult(name, error=f"{type(error).__name__}: {error}")
        result.details["stage_seconds"] = round(time.perf_counter() - started, 2)
        print(
            f"[bench] {name} done in {result.details['stage_seconds']} s"
            + (f" — FAILED: {result.error}" if result.error else ""),
            file=sys.stderr,
            flush=True,
        )
        results[name] = result
    return results
