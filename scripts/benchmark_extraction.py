"""Time the extraction of every document in a folder and print the figures.

    python scripts/benchmark_extraction.py [FOLDER] [--repeat N]

Extraction only (reading, cleaning, every extractor); nothing is written to a store. The
best of N runs is reported per document and in total, with peak memory of one pass.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from ingest.pipeline import extract


def main() -> int:
    """Print per-document and total extraction time; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    documents = sorted(p for p in args.folder.iterdir() if p.is_file())
    if not documents:
        print(f"no documents in {args.folder}")
        return 1
    best: dict[Path, float] = {}
    for _ in range(args.repeat):
        for document in documents:
            started = time.perf_counter()
            extract(document)
            elapsed = time.perf_counter() - started
            best[document] = min(best.get(document, elapsed), elapsed)
    tracemalloc.start()
    for document in documents:
        extract(document)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    for document in documents:
        print(f"{document.name:40s} {best[document] * 1000:8.1f} ms")
    total = sum(best.values())
    print(f"{'total (' + str(len(documents)) + ' documents)':40s} {total * 1000:8.1f} ms")
    print(f"peak memory of one pass: {peak / 1_048_576:.1f} MB")
    print("goal: under 2000 ms in total:", "met" if total < 2.0 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
