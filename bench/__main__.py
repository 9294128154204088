"""`python -m bench [--scale tiny|province|national] [--runs N] [--work DIR] [--out DIR] ...`."""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from bench.context import REPO, Context
from bench.goals import check_goals
from bench.machine import machine_info
from bench.report import write_reports
from bench.runner import run_stages
from bench.scales import SCALES
from bench.stages import STAGES

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="tiny")
    parser.add_argument("--runs", type=int, default=3, help="runs per stage (default 3)")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "mandate-bench",
        help="scratch folder: corpus, store, predictions (default: $TMPDIR/mandate-bench)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument(
        "--stages", default=",".join(STAGES), help=f"comma-separated subset of {','.join(STAGES)}"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--api-seconds",
        type=float,
        default=None,
        help="load duration per API endpoint (default: the scale's)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the store and scratch files (the corpus is always kept)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write its reports; return 0, or 1 when a stage failed."""
    args = _parser().parse_args(argv)
    stages = [name.strip() for name in args.stages.split(",") if name.strip()]
    unknown = [name for name in stages if name not in STAGES]
    if unknown or args.runs < 1:
        print(
            f"unknown stage(s) {unknown}; stages are {', '.join(STAGES)}"
            if unknown
            else "--runs must be at least 1",
            file=sys.stderr,
        )
        return 2
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    context = Context(
        SCALES[args.scale],
        args.runs,
        work,
        args.out.resolve(),
        seed=args.seed,
        api_seconds=args.api_seconds,
        keep=args.keep,
    )
    command = "python -m bench " + shlex.join(argv if argv is not None else sys.argv[1:])
    results = run_stages(context, [name for name in STAGES if name in stages])
    goals = check_goals(args.scale, results)
    json_path, md_path = write_reports(
        context.out, args.scale, machine_info(), results, goals, runs=args.runs, command=command
    )
    print(f"[bench] wrote {json_path} and {md_path}", file=sys.stderr)
    if not args.keep:
        for name in ("store", *(s for s in STAGES if s != "synth")):
            shutil.rmtree(work / name, ignore_errors=True)
    return 1 if any(result.error for result in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
