"""Load test: concurrent clients mixing lineage, coverage, search and pages against a real server.

    .venv/bin/python -m scripts.load_test --store DIR --clients 32 --seconds 300

Starts `mandate serve` over DIR on a free loopback port and warms it up (every URL of the
mix once, then `--warmup` seconds of the mix). Then `--clients` closed-loop clients run for
`--seconds` over a fixed mix (lineage 30 %, coverage 25 %, search 25 %, pages 20 %) while
the server's memory is sampled every second and, every `--expensive-every` seconds, one
expensive SPARQL query is sent (a cross join, an unbounded property path, an ORDER BY over
every literal) that the endpoint must stop within MANDATE_SPARQL_TIMEOUT. The last lines
printed are the figures; `--json` also writes them to a file.

Exit codes: 0 when no request failed and every expensive query was stopped (or answered)
within the limit plus `--margin`; 1 when some did not; 2 for bad arguments. The latency
goal (p99 < 300 ms) is printed with the figures, never turned into the exit code: it
depends on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil

from bench.loadgen import MixResult, Sample, run_mix
from bench.server import serving
from bench.stats import percentile

WEIGHTS = {"lineage": 30, "coverage": 25, "search": 25, "pages": 20}
"""Share of each kind of request in the mix, in percent."""

PAGES = ("/document", "/coverage", "/search", "/task", "/agency")
GOAL_P99_MS = 300.0
GOAL_GROWTH_PERCENT = 10.0

EXPENSIVE = {
    "cross join": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "property path": (
        "SELECT (COUNT(*) AS ?n) WHERE "
        "{ ?x (mg:implements|^mg:implements|mg:partOf|^mg:partOf|mg:cites|^mg:cites)* ?y }"
    ),
    "order by every literal": (
        "SELECT ?s ?o WHERE { ?s ?p ?o . ?t ?q ?o FILTER (isLiteral(?o)) } "
        "ORDER BY DESC(STRLEN(STR(?o))) ?o ?s"
    ),
}
"""Queries that no store of province size answers within the endpoint's time limit."""


class LoadTestError(Exception):
    """The load test cannot run; the message says what to fix."""


@dataclass
class Plan:
    """The requests of the mix, in the order clients walk them, and every distinct URL."""

    requests: list[tuple[str, str]]
    targets: dict[str, int]


@dataclass
class Expensive:
    """One expensive query sent during the run: when, how long until the answer, and what."""

    name: str
    started: float
    seconds: float
    status: int
    message: str

    @property
    def finished(self) -> float:
        """Return when the answer came, in seconds since the run began."""
        return self.started + self.seconds


@dataclass
class MemorySampler:
    """Samples one process's resident memory (MB) every `interval` seconds in a thread."""

    pid: int
    interval: float = 1.0
    samples: list[tuple[float, float]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def rss_mb(self) -> float:
        """Return the process's resident memory now, in MB (0 when it has gone)."""
        try:
            return psutil.Process(self.pid).memory_info().rss / (1024 * 1024)
        except psutil.Error:
            return 0.0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.monotonic(), self.rss_mb()))
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _chosen(items: list[str], size: int, seed: int) -> list[str]:
    if len(items) <= size:
        return items
    return sorted(random.Random(seed).sample(items, size))


def build_plan(store: Path, *, size: int, seed: int) -> Plan:
    """Return the mix over `store`: its tasks, communes, documents, agencies and phrases.

    Targets are chosen by SPARQL (`bench.targets`) before the server opens the store; the
    same store and seed give the same plan. Raises LoadTestError when the store lacks any.
    """
    from bench.targets import pick_targets
    from queries.documents import list_documents
    from store import StoreError
    from store.embedded import EmbeddedStore

    try:
        opened = EmbeddedStore(store, read_only=True)
    except StoreError as error:
        raise LoadTestError(str(error)) from error
    try:
        targets = pick_targets(opened, size, seed=seed)
        documents = _chosen(sorted(str(d["iri"]) for d in list_documents(opened)), size, seed)
    finally:
        opened.close()
    communes = [iri for iri, _label in targets.communes]
    missing = [
        name
        for name, found in (
            ("tasks", targets.tasks),
            ("communes", communes),
            ("search phrases", targets.searches),
            ("documents", documents),
            ("agencies", targets.agencies),
        )
        if not found
    ]
    if missing:
        raise LoadTestError(f"{store}: the store has no {', '.join(missing)} to ask about")
    urls: dict[str, list[str]] = {
        "lineage": [f"/api/lineage?{urlencode({'node': task})}" for task in targets.tasks],
        "coverage": [f"/api/coverage?{urlencode({'unit': unit})}" for unit in communes],
        "search": [f"/api/search?{urlencode({'q': words})}" for words in targets.searches],
    }
    page_urls = {
        "/document": [f"/document?{urlencode({'iri': iri})}" for iri in documents],
        "/coverage": [f"/coverage?{urlencode({'unit': unit})}" for unit in communes],
        "/search": [f"/search?{urlencode({'q': words})}" for words in targets.searches],
        "/task": [f"/task?{urlencode({'iri': task})}" for task in targets.tasks],
        "/agency": [f"/agency?{urlencode({'name': name})}" for name in targets.agencies],
    }
    requests: list[tuple[str, str]] = []
    rounds = 50  # the plan holds 50 × 100 requests, so every target recurs
    for kind, weight in WEIGHTS.items():
        for turn in range(weight * rounds):
            if kind == "pages":
                page = PAGES[turn % len(PAGES)]
                chosen = page_urls[page]
                requests.append((f"pages {page}", chosen[(turn // len(PAGES)) % len(chosen)]))
            else:
                requests.append((kind, urls[kind][turn % len(urls[kind])]))
    random.Random(seed).shuffle(requests)
    counts = {kind: len(found) for kind, found in urls.items()}
    counts["pages"] = sum(len(found) for found in page_urls.values())
    return Plan(requests=requests, targets=counts)


def _expensive_text(name: str) -> str:
    from queries.sparql import prefix_block

    return prefix_block() + "\n" + EXPENSIVE[name]


async def _send_expensive(
    client: httpx.AsyncClient, base: str, name: str, origin: float
) -> Expensive:
    started = time.perf_counter()
    try:
        response = await client.post(
            f"{base}/api/sparql",
            content=_expensive_text(name).encode(),
            headers={"Content-Type": "application/sparql-query"},
        )
        status, message = response.status_code, response.text[:200]
    except httpx.HTTPError as error:
        status, message = 0, f"{type(error).__name__}: {error}"
    ended = time.perf_counter()
    return Expensive(name, started - origin, ended - started, status, message)


async def _expensive_loop(
    base: str, *, every: float, seconds: float, limit: float, origin: float
) -> list[Expensive]:
    sent: list[Expensive] = []
    if every <= 0:
        return sent
    names = list(EXPENSIVE)
    async with httpx.AsyncClient(timeout=limit + 60) as client:
        turn = 0
        while True:
            due = origin + every / 2 + turn * every
            # A query sent too close to the end would still run after the normal reads stop.
            if due + limit + 1 > origin + seconds:
                return sent
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            sent.append(await _send_expensive(client, base, names[turn % len(names)], origin))
            turn += 1


async def _run(
    base: str, plan: Plan, *, clients: int, seconds: float, think: float, every: float, limit: float
) -> tuple[MixResult, list[Expensive]]:
    origin = time.perf_counter()
    mix, expensive = await asyncio.gather(
        run_mix(
            base,
            plan.requests,
            clients=clients,
            seconds=seconds,
            origin=origin,
            think_seconds=think,
        ),
        _expensive_loop(base, every=every, seconds=seconds, limit=limit, origin=origin),
    )
    return mix, expensive


async def _each_once(base: str, urls: list[str], clients: int) -> list[str]:
    """Ask every URL once, `clients` at a time; return those that did not answer 200."""
    slots = asyncio.Semaphore(clients)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:

        async def ask(url: str) -> str | None:
            async with slots:
                try:
                    answered = (await client.get(url)).status_code == 200
                except httpx.HTTPError:
                    answered = False
                return None if answered else url

        found = await asyncio.gather(*(ask(url) for url in urls))
    return [url for url in found if url is not None]


def _warm_up(base: str, plan: Plan, *, clients: int, seconds: float) -> list[str]:
    """Ask every URL of the plan once, then run the mix for `seconds`; return failed URLs.

    The first request of a kind pays for imports and templates, and the first about a
    target reads what later ones find cached; a server that has run for a while has paid
    both, so neither is part of the measured run.
    """
    with httpx.Client(base_url=base, timeout=120) as client:
        # Starts the SPARQL endpoint's worker server, which the first query would otherwise pay.
        client.post(
            "/api/sparql", content=b"ASK {}", headers={"Content-Type": "application/sparql-query"}
        )
    urls = list(dict.fromkeys(url for _kind, url in plan.requests))
    failed = asyncio.run(_each_once(base, urls, clients))
    if seconds > 0:
        asyncio.run(_run(base, plan, clients=clients, seconds=seconds, think=0, every=0, limit=0))
    return failed


def _figures(samples: Iterable[Sample]) -> dict[str, float | int]:
    found = list(samples)
    latencies = [sample.ms for sample in found]
    figures: dict[str, float | int] = {
        "requests": len(found),
        "errors": sum(1 for sample in found if sample.status != 200),
        "server_errors": sum(1 for sample in found if sample.status >= 500 or sample.status == 0),
    }
    if latencies:
        for name, share in (("p50_ms", 50), ("p95_ms", 95), ("p99_ms", 99)):
            figures[name] = round(percentile(latencies, share), 1)
        figures["max_ms"] = round(max(latencies), 1)
    return figures


def _timeline(samples: list[tuple[float, float]], points: int = 5) -> list[float]:
    """Return the RSS at evenly spaced moments of the run (start, quarters, end)."""
    if not samples:
        return []
    last = len(samples) - 1
    return [round(samples[round(last * i / (points - 1))][1], 1) for i in range(points)]


def _overlaps(sample: Sample, windows: list[tuple[float, float]]) -> bool:
    return any(sample.started < end and sample.finished > start for start, end in windows)


def summarise(
    mix: MixResult,
    expensive: list[Expensive],
    memory: MemorySampler,
    *,
    before_mb: float,
    after_mb: float,
    limit: float,
    margin: float,
) -> dict[str, object]:
    """Return every figure of a run as a JSON-ready dictionary."""
    by_kind: dict[str, list[Sample]] = defaultdict(list)
    by_page: dict[str, list[Sample]] = defaultdict(list)
    for sample in mix.samples:
        by_kind[sample.kind.split()[0]].append(sample)
        if sample.kind.startswith("pages "):
            by_page[sample.kind.split()[1]].append(sample)
    peak = max([before_mb, after_mb, *(rss for _at, rss in memory.samples)])
    windows = [(query.started, query.finished) for query in expensive]
    during = [sample for sample in mix.samples if _overlaps(sample, windows)]
    outside = [sample for sample in mix.samples if not _overlaps(sample, windows)]
    stopped = [query for query in expensive if query.status != 200 and query.status != 0]
    in_time = [query for query in expensive if query.seconds <= limit + margin]
    return {
        "kinds": {kind: _figures(by_kind[kind]) for kind in WEIGHTS if kind in by_kind},
        "pages": {page: _figures(found) for page, found in sorted(by_page.items())},
        "overall": _figures(mix.samples),
        "seconds": round(mix.seconds, 1),
        "requests_per_second": round(len(mix.samples) / mix.seconds, 1) if mix.seconds else 0.0,
        "error_samples": mix.error_samples,
        "memory": {
            "before_mb": round(before_mb, 1),
            "after_mb": round(after_mb, 1),
            "peak_mb": round(peak, 1),
            "growth_percent": round(100 * (after_mb - before_mb) / before_mb, 1)
            if before_mb
            else 0.0,
            "timeline_mb": _timeline(memory.samples),
        },
        "expensive": {
            "limit_s": limit,
            "margin_s": margin,
            "sent": len(expensive),
            "stopped": len(stopped),
            "within_limit": len(in_time),
            "queries": [
                asdict(query) | {"seconds": round(query.seconds, 2)} for query in expensive
            ],
            "reads_during": _figures(during),
            "reads_outside": _figures(outside),
        },
    }


def _row(name: str, figures: dict[str, float | int]) -> str:
    cells = [figures.get(key, "-") for key in ("p50_ms", "p95_ms", "p99_ms", "max_ms")]
    return (
        f"{name:<16}{figures['requests']:>9}{figures['errors']:>8}{figures['server_errors']:>6}"
        + "".join(f"{cell:>10}" for cell in cells)
    )


def report_lines(result: dict[str, object], setup: dict[str, object]) -> list[str]:
    """Return the figures as the lines the command prints last."""
    kinds: dict[str, dict] = result["kinds"]  # type: ignore[assignment]
    pages: dict[str, dict] = result["pages"]  # type: ignore[assignment]
    overall: dict = result["overall"]  # type: ignore[assignment]
    memory: dict = result["memory"]  # type: ignore[assignment]
    expensive: dict = result["expensive"]  # type: ignore[assignment]
    lines = [
        f"== load test: {setup['clients']} clients for {setup['seconds']} s "
        f"(think {setup['think_ms']} ms) on {setup['store']}; {setup['cores']} cores, "
        f"load average {setup['load_before']} before, {setup['load_after']} after",
        f"{'kind':<16}{'requests':>9}{'errors':>8}{'5xx':>6}"
        + "".join(f"{name:>10}" for name in ("p50 ms", "p95 ms", "p99 ms", "max ms")),
    ]
    lines += [_row(kind, figures) for kind, figures in kinds.items()]
    lines += [_row(f"  {page}", figures) for page, figures in pages.items()]
    lines.append(_row("overall", overall))
    lines.append(f"throughput: {result['requests_per_second']} requests/s")
    cpu: dict = result.get("cpu", {})  # type: ignore[assignment]
    if cpu:
        lines.append(
            f"server CPU: {cpu['server_seconds']} s ({cpu['server_cores']} cores on average, "
            f"{cpu['server_ms_per_request']} ms per request); load generator CPU: "
            f"{cpu['load_generator_seconds']} s"
        )
    lines.append(
        f"server RSS: before {memory['before_mb']} MB, after {memory['after_mb']} MB, "
        f"peak {memory['peak_mb']} MB, growth {memory['growth_percent']:+} %; "
        f"at 0/25/50/75/100 % of the run: {memory['timeline_mb']} MB"
    )
    times = [query["seconds"] for query in expensive["queries"]]
    statuses = sorted({query["status"] for query in expensive["queries"]})
    lines.append(
        f"expensive SPARQL: sent {expensive['sent']}, stopped {expensive['stopped']}, "
        f"answered within {expensive['limit_s']:g} s + {expensive['margin_s']:g} s: "
        f"{expensive['within_limit']}; statuses {statuses}"
        + (
            f"; stop times {min(times):.2f}-{max(times):.2f} s "
            f"(median {statistics.median(times):.2f} s)"
            if times
            else ""
        )
    )
    for query in expensive["queries"]:
        lines.append(
            f"  at {query['started']:7.1f} s  {query['name']:<24}{query['status']:>5}"
            f"  {query['seconds']:6.2f} s  {query['message'][:70]!r}"
        )
    during, outside = expensive["reads_during"], expensive["reads_outside"]
    lines.append(
        f"normal reads during expensive queries: {during['requests']} requests, "
        f"p99 {during.get('p99_ms', '-')} ms, errors {during['errors']}; "
        f"outside them: {outside['requests']} requests, p99 {outside.get('p99_ms', '-')} ms"
    )
    p99 = overall.get("p99_ms", float("inf"))
    lines.append(
        f"goals: p99 < {GOAL_P99_MS:g} ms: {'met' if p99 < GOAL_P99_MS else 'NOT met'} "
        f"({p99} ms); errors: {overall['errors']}; memory growth < {GOAL_GROWTH_PERCENT:g} %: "
        f"{'met' if memory['growth_percent'] < GOAL_GROWTH_PERCENT else 'NOT met'}; "
        f"expensive queries stopped in time: {expensive['within_limit']}/{expensive['sent']}"
    )
    return lines


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.load_test", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--store", required=True, type=Path, help="An embedded store directory.")
    parser.add_argument("--clients", type=int, default=32, help="Concurrent clients (32).")
    parser.add_argument("--seconds", type=float, default=300, help="Length of the run (300).")
    parser.add_argument(
        "--expensive-every",
        type=float,
        default=20,
        help="Seconds between expensive SPARQL queries; 0 sends none (20).",
    )
    parser.add_argument(
        "--think-ms", type=float, default=0, help="Pause of each client between requests (0)."
    )
    parser.add_argument("--warmup", type=float, default=20, help="Seconds of mixed warm-up (20).")
    parser.add_argument(
        "--sparql-timeout",
        type=float,
        default=None,
        help="MANDATE_SPARQL_TIMEOUT for the server (default: the setting in force).",
    )
    parser.add_argument(
        "--margin", type=float, default=2.0, help="Seconds allowed past the SPARQL limit (2)."
    )
    parser.add_argument(
        "--targets", type=int, default=100, help="Tasks, communes, phrases... of each kind (100)."
    )
    parser.add_argument("--server-log", type=Path, help="Keep the server's output in this file.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0 or args.targets < 1:
        parser.error("--clients, --seconds and --targets must be above 0")
    if not (args.store / "oxigraph").is_dir():
        parser.error(f"{args.store}: not a store directory (no oxigraph/ in it)")
    return args


def _cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system, s) process `pid` has used so far (0 when gone)."""
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


def _sparql_limit(requested: float | None) -> float:
    if requested is not None:
        return requested
    from config import load_settings

    return load_settings().sparql_timeout


def main(argv: list[str] | None = None) -> int:
    """Run the load test; return the exit code (0: no failure, 1: failures)."""
    args = _arguments(argv)
    limit = _sparql_limit(args.sparql_timeout)
    try:
        plan = build_plan(args.store, size=args.targets, seed=args.seed)
    except LoadTestError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    env = {"MANDATE_SPARQL_TIMEOUT": f"{limit:g}"}
    with serving(args.store, env=env, log_path=args.server_log) as (server, base):
        failed = _warm_up(base, plan, clients=args.clients, seconds=args.warmup)
        if failed:
            print(f"warm-up: {len(failed)} URLs failed, e.g. {failed[0]}", file=sys.stderr)
        load_before = round(os.getloadavg()[0], 2)
        server_cpu = _cpu_seconds(server.pid)
        client_cpu = _cpu_seconds(os.getpid())
        with MemorySampler(server.pid) as memory:
            before = memory.rss_mb()
            mix, expensive = asyncio.run(
                _run(
                    base,
                    plan,
                    clients=args.clients,
                    seconds=args.seconds,
                    think=args.think_ms / 1000,
                    every=args.expensive_every,
                    limit=limit,
                )
            )
            after = memory.rss_mb()
        server_cpu = _cpu_seconds(server.pid) - server_cpu
        client_cpu = _cpu_seconds(os.getpid()) - client_cpu
    setup = {
        "store": str(args.store),
        "clients": args.clients,
        "seconds": args.seconds,
        "think_ms": args.think_ms,
        "cores": os.cpu_count(),
        "load_before": load_before,
        "load_after": round(os.getloadavg()[0], 2),
        "targets": plan.targets,
    }
    result = summarise(
        mix, expensive, memory, before_mb=before, after_mb=after, limit=limit, margin=args.margin
    )
    result["cpu"] = {
        "server_seconds": round(server_cpu, 1),
        "server_cores": round(server_cpu / mix.seconds, 2) if mix.seconds else 0.0,
        "server_ms_per_request": round(1000 * server_cpu / len(mix.samples), 2)
        if mix.samples
        else 0.0,
        "load_generator_seconds": round(client_cpu, 1),
    }
    if args.json:
        args.json.write_text(json.dumps({"setup": setup, **result}, indent=2), encoding="utf-8")
    if mix.error_samples:
        print("failed requests, e.g.: " + "; ".join(mix.error_samples[:5]))
    print("\n".join(report_lines(result, setup)))
    expensive_figures: dict = result["expensive"]  # type: ignore[assignment]
    overall: dict = result["overall"]  # type: ignore[assignment]
    ok = (
        overall["errors"] == 0
        and expensive_figures["within_limit"] == expensive_figures["sent"]
        and not failed
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
