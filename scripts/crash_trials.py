"""Kill ingests and review runs at random moments, many times, and print the figures.

    .venv/bin/python -m scripts.crash_trials --trials 100 [--seed 1] [--communes 4]

Each ingest trial kills (SIGKILL, the whole process group) `mandate ingest` of a folder of
small documents at a moment drawn uniformly from the length of an uninterrupted run (every
other trial: from the part of it in which documents are written),
reopens the store, finds the whole number k of documents whose state it holds, then runs
the ingest again and checks that the store and search index reach the complete state.
Each review trial kills a run of `mandate review` commands and checks that every decision
is whole (link, status, reviewer, time) or absent, and that the decisions present are the
first r of the run. A full disk is simulated once by a file size limit and, when the
process may mount one, once by a small full tmpfs. What counts as "the state after k whole
documents" is written in tests/hardening/crash_support.py. The last lines are the figures;
the exit status is 1 when any trial failed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tests.hardening import crash_support as crash

_REVIEWS_PER_TRIAL = 15


def _ingest_trials(
    reference: crash.Reference, work: Path, trials: int, rng: random.Random
) -> list[crash.IngestTrial]:
    outcomes = []
    first, last = reference.writing
    for number in range(trials):
        # Every other kill falls while documents are written, a short part of the run.
        low, high = (first, last) if number % 2 else (0.0, reference.duration)
        delay = rng.uniform(low, high)
        outcome = crash.ingest_trial(reference, work / "trial", delay=delay)
        outcomes.append(outcome)
        verdict = "ok" if not outcome.problems else "FAILED: " + "; ".join(outcome.problems)
        print(
            f"ingest {number + 1:>3}: kill at {delay:5.2f}s ({outcome.phase}), "
            f"{outcome.documents} documents whole — {verdict}",
            flush=True,
        )
    return outcomes


def _review_trials(
    reference: crash.Reference, work: Path, trials: int, rng: random.Random
) -> tuple[list[crash.ReviewTrial], float]:
    store = work / "reviews"
    shutil.copytree(reference.complete, store)
    links = crash.proposed_links(store, _REVIEWS_PER_TRIAL)
    # One uninterrupted run gives the length the kill moments are drawn from.
    started = time.monotonic()
    whole = crash.review_trial(store, 0, links, delay=600.0, on_line=None, earlier=0)
    span = time.monotonic() - started
    if whole.problems:
        raise RuntimeError(f"an uninterrupted review run failed: {whole.problems}")
    earlier = whole.reviews or 0
    outcomes = []
    for number in range(1, trials + 1):
        delay = rng.uniform(0.0, span)
        outcome = crash.review_trial(
            store, number, links, delay=delay, on_line=None, earlier=earlier
        )
        earlier += outcome.reviews or 0
        outcomes.append(outcome)
        verdict = "ok" if not outcome.problems else "FAILED: " + "; ".join(outcome.problems)
        print(
            f"review {number:>3}: kill at {delay:5.2f}s ({outcome.phase}), "
            f"{outcome.reviews} decisions whole — {verdict}",
            flush=True,
        )
    return outcomes, span


def _disk_full(reference: crash.Reference, work: Path) -> list[tuple[str, crash.DiskFull]]:
    outcomes = [
        ("file size limit", crash.disk_full_ingest(reference, work / "limited", disk=None))
    ]
    disk = work / "disk"
    if crash.mount_small_disk(disk, 256):
        try:
            outcomes.append(
                ("full tmpfs", crash.disk_full_ingest(reference, disk / "store", disk=disk))
            )
        finally:
            crash.unmount(disk)
    return outcomes


def _pairs(pairs: Iterable[tuple[object, object]]) -> str:
    return ", ".join(f"{key}: {value}" for key, value in pairs)


def _sorted(counts: Counter[int | None]) -> list[tuple[object, int]]:
    """Return the counts by key, None (no whole state: a failure) last."""
    return sorted(counts.items(), key=lambda item: (item[0] is None, item[0] or 0))


def main(argv: list[str] | None = None) -> int:
    """Run the trials and print the figures; return the exit status (0: no failure)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100, help="Trials of each kind.")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the kill moments.")
    parser.add_argument(
        "--communes", type=int, default=3, help="Communes of the synthetic province."
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mandate-crash-") as folder:
        work = Path(folder)
        reference = crash.build_reference(work, communes=args.communes)
        print(
            f"corpus: {len(reference.files)} documents; an uninterrupted ingest takes "
            f"{reference.duration:.2f}s",
            flush=True,
        )
        ingests = _ingest_trials(reference, work, args.trials, rng)
        reviews, span = _review_trials(reference, work, args.trials, rng)
        disks = _disk_full(reference, work)
    elapsed = time.monotonic() - started

    ingest_failures = sum(1 for outcome in ingests if outcome.problems)
    review_failures = sum(1 for outcome in reviews if outcome.problems)
    disk_failures = sum(1 for _how, outcome in disks if outcome.problems)
    for how, outcome in disks:
        if outcome.problems:
            print(f"disk full ({how}) FAILED: {'; '.join(outcome.problems)}")
    states = Counter(outcome.documents for outcome in ingests)
    decisions = Counter(outcome.reviews for outcome in reviews)
    phases = Counter(outcome.phase for outcome in ingests)
    first, last = reference.writing
    print("--- figures ---")
    print(f"ingest trials: {len(ingests)} on {len(reference.files)} documents")
    moments = crash.histogram([outcome.delay for outcome in ingests], reference.duration)
    print(f"ingest kill moments (s): {_pairs(moments)}")
    print(f"documents written from {first:.2f}s to {last:.2f}s of an uninterrupted run")
    print(f"ingest kill phases: {_pairs((phase, phases[phase]) for phase in crash.PHASES)}")
    print(f"states observed (whole documents k: trials): {_pairs(_sorted(states))}")
    print(f"review trials: {len(reviews)} of {_REVIEWS_PER_TRIAL} reviews each")
    moments = crash.histogram([outcome.delay for outcome in reviews], span)
    print(f"review kill moments (s): {_pairs(moments)}")
    print(f"decisions observed (whole decisions r: trials): {_pairs(_sorted(decisions))}")
    verdicts = ((how, "FAILED" if outcome.problems else "ok") for how, outcome in disks)
    print(f"disk full: {_pairs(verdicts)}")
    print(
        f"failures: {ingest_failures + review_failures + disk_failures} "
        f"(ingest {ingest_failures}, review {review_failures}, disk full {disk_failures})"
    )
    print(f"total time: {elapsed:.0f}s")
    return 1 if ingest_failures + review_failures + disk_failures else 0


if __name__ == "__main__":
    sys.exit(main())
