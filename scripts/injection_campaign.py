"""Send thousands of hostile strings into every parameter of the app and the CLI; print figures.

    .venv/bin/python -m scripts.injection_campaign --strings 5000 [--seed 20250101]
        [--other-strings 300] [--cli-strings 300] [--writes 300]

The corpus is ingested into a temporary store and served by a real `mandate serve`. Every
GET route of the API and the pages (listed from the app itself) gets `--strings` hostile
strings in each of its free-text parameters and `--other-strings` in each number, date or
flag parameter; the read commands of the CLI get `--cli-strings` each, in process. The
graph must be unchanged afterwards (quad count and SHA-256 of the sorted N-Quads). Then
`--writes` reviews with the key carry hostile link IRIs (refused), decisions (refused) and
reviewer names (stored exactly, as literals, and nothing outside the reviews graph
changes), and hostile file names go with uploads. The last lines are the figures; the exit
status is 1 when any request got a 5xx or a wrong answer, or anything changed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

from tests.conftest import (
    SHARED,
)
from tests.hardening.hostile_strings import SEEDS, draw_strings
from tests.hardening.injection_support import (
    CLI_READS,
    Tally,
    benign_values,
    cli_fingerprint,
    graph_fingerprint,
    graphs_except,
    proposed_link,
    read_parameters,
    reviewer_names,
    send_cli,
    send_hostile,
)
from tests.hardening.served_corpus import CorpusNotIngested, served_corpus

_KEY = "campaign-key"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{status}: {count}" for status, count in sorted(counter.items()))


def _reads(client: httpx.Client, strings: list[str], others: list[str]) -> Tally:
    tally = Tally()
    every = read_parameters()
    benign = benign_values(client)
    for parameter in every:
        values = strings if parameter.text else others
        started = time.monotonic()
        send_hostile(
            client,
            [parameter],
            lambda _parameter, values=values: values,
            tally,
            every=every,
            benign=benign,
        )
        counts = tally.statuses.get(parameter.label, Counter())
        print(
            f"{parameter.label}: {sum(counts.values())} sent in "
            f"{time.monotonic() - started:.0f} s — {_counts(counts)}",
            flush=True,
        )
    return tally


def _writes(client: httpx.Client, values: list[str], corpus: Path) -> tuple[Tally, list[str]]:
    tally = Tally()
    problems: list[str] = []
    key = {"X-API-Key": _KEY}
    link = proposed_link(client)
    others = graphs_except(client, "graph/reviews")
    stored: list[str] = []
    for value in values:
        for field, body in (
            ("link", {"link": value, "decision": "confirm", "reviewer": "campaign"}),
            ("decision", {"link": link, "decision": value, "reviewer": "campaign"}),
            ("reviewer", {"link": link, "decision": "reject", "reviewer": value}),
        ):
            label = f"POST /api/reviews {field}"
            response = client.post("/api/reviews", json=body, headers=key)
            status = response.status_code
            problem = None
            if status >= 500:
                problem = f"{status} for {value[:80]!r}: {response.text[:200]}"
            elif field in ("link", "decision") and status == 200 and value != link:
                problem = f"a hostile {field} was accepted: {value[:80]!r}"
            elif field == "reviewer" and status == 200:
                stored.append(value.strip())
            tally.add(label, str(status), problem)
    names = set(reviewer_names(client))
    missing = [name for name in stored if name not in names]
    if missing:
        problems.append(f"{len(missing)} reviewer names not stored exactly, e.g. {missing[0]!r}")
    if graphs_except(client, "graph/reviews") != others:
        problems.append("a graph other than the reviews graph changed")
    source = sorted(corpus.glob("*.txt"))[0].read_bytes()
    for value in values[: max(1, len(values) // 3)]:
        name = f"campaign-upload {value}"[:200]
        response = client.post(
            "/api/documents", files={"files": (name + ".txt", source, "text/plain")}, headers=key
        )
        problem = None
        if response.status_code >= 500:
            problem = f"{response.status_code} for the name {name[:80]!r}"
        tally.add("POST /api/documents filename", str(response.status_code), problem)
    if "campaign-upload" in client.get("/api/export", params={"format": "nquads"}).text:
        problems.append("an uploaded file's name reached the graph")
    return tally, problems


def main(argv: list[str] | None = None) -> int:
    """Run the campaign; return 0 when nothing failed, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--strings", type=int, default=5000, help="per free-text parameter")
    parser.add_argument("--other-strings", type=int, default=300, help="per other parameter")
    parser.add_argument("--cli-strings", type=int, default=300, help="per read command")
    parser.add_argument("--writes", type=int, default=300, help="hostile values per write field")
    parser.add_argument("--seed", type=int, default=SEEDS[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    args = parser.parse_args(argv)
    strings = draw_strings(args.strings, seed_value=args.seed)
    others = strings[: args.other_strings]
    started = time.monotonic()
    try:
        with (
            served_corpus(args.corpus, api_key=_KEY, prefix="mandate-injection-") as served,
            httpx.Client(base_url=served.url, timeout=120) as client,
        ):
            before = graph_fingerprint(client)
            reads = _reads(client, strings, others)
            after = graph_fingerprint(client)
            writes, write_problems = _writes(client, strings[: args.writes], args.corpus)
            cli_before = cli_fingerprint(served.ingested)
            cli_tally = Tally()
            send_cli(served.ingested, strings[: args.cli_strings], cli_tally)
            cli_after = cli_fingerprint(served.ingested)
    except CorpusNotIngested as error:
        print(error, file=sys.stderr)
        return 1
    for label, counts in sorted(writes.statuses.items()):
        print(f"{label}: {sum(counts.values())} sent — {_counts(counts)}")
    for label, counts in sorted(cli_tally.statuses.items()):
        print(f"{label}: {sum(counts.values())} runs — {_counts(counts)}")
    failures = [*reads.failures, *writes.failures, *write_problems, *cli_tally.failures]
    for failure in failures[:20]:
        print("FAILED:", failure)
    read_total = reads.total()
    server_errors = sum(n for status, n in read_total.items() if status.startswith("5"))
    write_total = writes.total()
    write_errors = sum(n for status, n in write_total.items() if status.startswith("5"))
    unchanged = before == after and cli_before == cli_after
    print(f"--- injection campaign, seed {args.seed}, {time.monotonic() - started:.0f} s ---")
    print(
        f"reads: {sum(read_total.values())} requests over {len(reads.statuses)} route parameters "
        f"({args.strings} strings per text parameter, {len(others)} per other); "
        f"statuses: {_counts(read_total)}; 5xx: {server_errors}"
    )
    print(
        f"writes: {sum(write_total.values())} requests (reviews and uploads); "
        f"statuses: {_counts(write_total)}; 5xx: {write_errors}; "
        f"problems: {len(write_problems)}"
    )
    cli_total = cli_tally.total()
    print(
        f"cli: {sum(cli_total.values())} runs over {len(CLI_READS)} read commands; "
        f"exits: {_counts(cli_total)}"
    )
    print(
        f"graph unchanged by reads: {'yes' if unchanged else 'NO'} "
        f"(server {after[0]} quads, sha256 {after[1][:16]}; CLI store {cli_after[0]} quads, "
        f"sha256 {cli_after[1][:16]})"
    )
    print(f"failures: {len(failures)}")
    return 0 if not failures and unchanged else 1


if __name__ == "__main__":
    sys.exit(main())
