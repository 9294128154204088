"""Stage `api`: a real `mandate serve` under 16 concurrent loopback clients per endpoint."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlencode

from bench.context import Context, run_child
from bench.memory import TreeSampler, tree_rss_mb
from bench.results import Metric, StageResult
from bench.server import serving

__all__ = ["child", "run"]

CLIENTS = 16
ENDPOINTS = ("lineage", "search")


def child(params: dict[str, Any]) -> dict[str, Any]:
    """Load each endpoint for params['seconds']; return per endpoint latencies and errors."""
    from bench.loadgen import drive
    from bench.targets import pick_targets
    from store.embedded import EmbeddedStore

    store = EmbeddedStore(params["store"], read_only=True)
    try:
        targets = pick_targets(store, params["size"], seed=params["seed"])
    finally:
        store.close()
    base = params["url"]
    urls = {
        "lineage": [f"{base}/api/lineage?{urlencode({'node': task})}" for task in targets.tasks],
        "search": [f"{base}/api/search?{urlencode({'q': words})}" for words in targets.searches],
    }
    found: dict[str, Any] = {}
    for endpoint in ENDPOINTS:
        drive(urls[endpoint][:CLIENTS], clients=CLIENTS, seconds=min(1.0, params["seconds"]))
        load = drive(urls[endpoint], clients=CLIENTS, seconds=params["seconds"])
        found[endpoint] = {
            "latencies_ms": load.latencies_ms,
            "errors": load.errors,
            "error_samples": load.error_samples,
            "requests_per_second": load.requests_per_second,
            "targets": len(urls[endpoint]),
        }
    return found


def run(context: Context) -> StageResult:
    """Return the api stage's result: requests/s, p50/p95/p99, errors, server memory."""
    result = StageResult("api")
    if not context.store.exists():
        raise RuntimeError(f"no store in {context.store}: run the ingest stage first")
    seconds = context.api_seconds or context.scale.api_seconds
    rates: dict[str, list[float]] = {endpoint: [] for endpoint in ENDPOINTS}
    latencies: dict[str, list[float]] = {endpoint: [] for endpoint in ENDPOINTS}
    errors = dict.fromkeys(ENDPOINTS, 0)
    samples: list[str] = []
    found: dict[str, Any] = {}
    with serving(context.store) as (server, url):
        before = tree_rss_mb(server.pid)
        with TreeSampler(server.pid) as sampler:
            for _ in range(context.runs):
                params = {
                    "store": str(context.store),
                    "url": url,
                    "seconds": seconds,
                    "size": context.scale.query_targets,
                    "seed": context.seed,
                }
                found, _measured = run_child("api", params)
                for endpoint in ENDPOINTS:
                    rates[endpoint].append(found[endpoint]["requests_per_second"])
                    latencies[endpoint].extend(found[endpoint]["latencies_ms"])
                    errors[endpoint] += found[endpoint]["errors"]
                    samples.extend(found[endpoint]["error_samples"])
        after = tree_rss_mb(server.pid)
    for endpoint in ENDPOINTS:
        result.add(Metric.of(f"{endpoint}: throughput", "requests/s", rates[endpoint]))
        if latencies[endpoint]:
            result.add(
                Metric.of(
                    f"{endpoint}: latency",
                    "ms",
                    latencies[endpoint],
                    distribution=True,
                    note=f"{len(latencies[endpoint])} answered requests",
                )
            )
        result.add(Metric(f"{endpoint}: errors", "requests", value=errors[endpoint]))
    result.add(Metric("server RSS before load", "MB", value=round(before, 1)))
    result.add(Metric("server RSS after load", "MB", value=round(after, 1)))
    result.add(Metric("server RSS peak under load", "MB", value=round(sampler.peak_mb, 1)))
    if samples:
        result.notes.append("errors seen: " + "; ".join(samples[:5]))
    result.notes.append(
        f"`mandate serve` on 127.0.0.1; {CLIENTS} concurrent clients (Python asyncio + aiohttp, "
        f"one process, on the same {len(os.sched_getaffinity(0))}-core machine as the server) "
        f"for {seconds:g} s per "
        f"endpoint per run after a 1 s warm-up; targets: "
        f"{ {e: found.get(e, {}).get('targets') for e in ENDPOINTS} }"
    )
    return result
