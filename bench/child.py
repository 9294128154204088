"""The child-process side of a stage: `python -m bench.child STAGE PARAMS RESULT`."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

from bench.stages import stage_module

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the named stage's `child(params)` and write its result as JSON; return 0."""
    stage, params_path, result_path = argv if argv is not None else sys.argv[1:]
    params = json.loads(Path(params_path).read_text(encoding="utf-8"))
    result = stage_module(stage).child(params)
    result["self_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(result_path).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
