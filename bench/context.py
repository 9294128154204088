"""Where a benchmark run keeps its files and what it was asked to do."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.memory import Measured, run_measured
from bench.scales import Scale

__all__ = ["REPO", "SHARED", "Context", "run_child"]

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@dataclass(frozen=True)
class Context:
    """One benchmark invocation: the scale, runs, folders and options every stage reads."""

    scale: Scale
    runs: int
    work: Path
    out: Path
    seed: int = 2026
    api_seconds: float | None = None
    keep: bool = False

    @property
    def corpus(self) -> Path:
        """Return the folder of the generated corpus for this scale and seed."""
        return self.work / f"corpus-{self.scale.name}-{self.seed}"

    @property
    def store(self) -> Path:
        """Return the embedded store the ingest stage leaves for the later stages."""
        return self.work / "store"

    @property
    def real_corpus(self) -> Path:
        """Return the real documents (`../shared/corpus`)."""
        return SHARED / "corpus"

    @property
    def tools(self) -> Path:
        """Return the scoring tools folder (`../shared/tools`)."""
        return SHARED / "tools"

    def stage_dir(self, stage: str) -> Path:
        """Return (created) the scratch folder of `stage` under the work folder."""
        folder = self.work / stage
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def run_child(
    stage: str, params: Mapping[str, Any], *, timeout: float | None = None
) -> tuple[dict[str, Any], Measured]:
    """Run `stage`'s child work in a fresh Python process; return its result and Measured.

    The child is `python -m bench.child STAGE PARAMS RESULT`; raises RuntimeError when it
    fails, with the end of its stderr.
    """
    with tempfile.TemporaryDirectory(prefix=f"bench-{stage}-") as folder:
        params_path, result_path = Path(folder) / "params.json", Path(folder) / "result.json"
        params_path.write_text(json.dumps(params), encoding="utf-8")
        measured = run_measured(
            [sys.executable, "-m", "bench.child", stage, str(params_path), str(result_path)],
            cwd=REPO,
            timeout=timeout,
        ).check(f"the {stage} stage")
        return json.loads(result_path.read_text(encoding="utf-8")), measured
