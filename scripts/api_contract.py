"""Run Schemathesis against a served copy of the corpus, many examples per operation.

    .venv/bin/python -m scripts.api_contract --examples 500 [--seed 0]

The corpus is ingested into a temporary store and served by a real `mandate serve` with an
API key. Every operation of its /openapi.json gets `--examples` drawn requests (valid ones,
ones the schema forbids, and valid ones naming a real document), each sent with the key and
checked: no 5xx, a declared status, a declared media type, a body matching its schema.
Operations without parameters are sent once (there is nothing else to draw). The last
lines are the figures; the exit status is 1 when any check failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import (
    SHARED,
)
from tests.hardening.contract_support import CHECKS, check_contract
from tests.hardening.injection_support import benign_values
from tests.hardening.served_corpus import CorpusNotIngested, served_corpus

_KEY = "contract-key"


def main(argv: list[str] | None = None) -> int:
    """Run the contract checks; return 0 when nothing failed, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--examples", type=int, default=500, help="drawn requests per operation")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        with served_corpus(args.corpus, api_key=_KEY, prefix="mandate-contract-") as served:
            with httpx.Client(base_url=served.url, timeout=60) as client:
                real = benign_values(client)
            report = check_contract(
                served.url, examples=args.examples, api_key=_KEY, real=real, seed_value=args.seed
            )
    except CorpusNotIngested as error:
        print(error, file=sys.stderr)
        return 1
    for label, sent in report.sent.items():
        found = report.failures.get(label, [])
        print(f"{label}: {sent} requests, {len(found)} failures")
        for failure in found[:5]:
            print(f"    FAILED: {failure}")
    checks = ", ".join(check.__name__ for check in CHECKS)
    print(f"--- API contract, seed {args.seed}, {time.monotonic() - started:.0f} s ---")
    print(f"checks: {checks}")
    drawn = [sent for sent in report.sent.values() if sent > 1]
    print(
        f"operations: {len(report.sent)}; requests: {sum(report.sent.values())}; "
        f"examples per operation with parameters: at least {min(drawn, default=0)}; "
        f"operations without parameters: {len(report.sent) - len(drawn)} (sent once)"
    )
    print(f"failures: {report.failure_count()}")
    return 1 if report.failure_count() else 0


if __name__ == "__main__":
    sys.exit(main())
