"""Stage `queries`: the analysts' questions on the embedded store, in process, p50/p95."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.context import Context, run_child
from bench.results import Metric, StageResult
from bench.stats import percentile

__all__ = ["child", "run"]

_WARMUP = 5
_MATRIX_REPEATS = 5
_MAX_PROVINCES = 5
QUESTIONS = (
    "lineage",
    "resolve unit",
    "commune coverage",
    "province matrix",
    "province matrix, repeated",
    "agency responsibility",
    "search",
)


def _unit(store: Any, iri: str, name: str) -> Any:
    """Return the unit a user names; by its IRI when several communes share the name."""
    from queries.coverage import resolve_unit
    from queries.lookup import NotFound

    try:
        return resolve_unit(store, name)
    except NotFound:
        # At national scale commune names repeat across provinces; the answer then asks for
        # the IRI, which is what a user gives next.
        return resolve_unit(store, iri)


def _cold_matrices(location: str, units: list[Any]) -> list[float]:
    """Return the ms each province matrix took on a store object opened for it alone.

    Opening the store is not timed; none of the facts an earlier answer read is kept.
    """
    from queries.coverage import province_coverage
    from store.embedded import EmbeddedStore

    timings = []
    for unit in units:
        store = EmbeddedStore(location, read_only=True)
        try:
            started = time.perf_counter()
            province_coverage(store, unit)
            timings.append((time.perf_counter() - started) * 1000)
        finally:
            store.close()
    return timings


def child(params: dict[str, Any]) -> dict[str, Any]:
    """Time each question over the targets; return {"timings": {question: [ms...]}, ...}."""
    from rdflib import URIRef

    from bench.targets import pick_targets
    from bench.timing import time_each
    from queries.coverage import commune_coverage, province_coverage, resolve_unit
    from queries.lineage import lineage
    from queries.responsibility import agency_duties
    from search import INDEX_FILE, SearchIndex
    from store.embedded import EmbeddedStore

    store = EmbeddedStore(params["store"], read_only=True)
    # Every search is measured, not the index's memory of recent answers.
    index = SearchIndex(Path(params["store"]) / INDEX_FILE, answers_kept=0)
    try:
        targets = pick_targets(store, params["size"], seed=params["seed"])
        timings: dict[str, list[float]] = {}
        timings["lineage"] = time_each(
            targets.tasks, lambda task: lineage(store, URIRef(task)), warmup=_WARMUP
        )
        units: dict[str, Any] = {}
        timings["resolve unit"] = time_each(
            targets.communes,
            lambda commune: units.__setitem__(commune[0], _unit(store, *commune)),
        )
        timings["commune coverage"] = time_each(
            list(units.values()), lambda unit: commune_coverage(store, unit), warmup=_WARMUP
        )
        provinces = [resolve_unit(store, iri) for iri, _ in targets.provinces[:_MAX_PROVINCES]]
        # Cold: each matrix on a store object of its own; repeated: on the shared store
        # object, as a server answers, reusing the facts the first answer read.
        timings["province matrix"] = _cold_matrices(params["store"], provinces * _MATRIX_REPEATS)
        timings["province matrix, repeated"] = time_each(
            provinces * _MATRIX_REPEATS, lambda unit: province_coverage(store, unit), warmup=1
        )
        timings["agency responsibility"] = time_each(
            targets.agencies, lambda name: agency_duties(store, name), warmup=_WARMUP
        )
        timings["search"] = time_each(targets.searches, index.search, warmup=_WARMUP)
        return {
            "timings": timings,
            "targets": {
                "tasks": len(targets.tasks),
                "communes": len(targets.communes),
                "provinces": len(provinces),
                "agencies": len(targets.agencies),
                "searches": len(targets.searches),
            },
        }
    finally:
        index.close()
        store.close()


def run(context: Context) -> StageResult:
    """Return the queries stage's result: per question p50/p95/p99 pooled over the runs."""
    result = StageResult("queries")
    if not context.store.exists():
        raise RuntimeError(f"no store in {context.store}: run the ingest stage first")
    params = {
        "store": str(context.store),
        "size": context.scale.query_targets,
        "seed": context.seed,
    }
    pooled: dict[str, list[float]] = {question: [] for question in QUESTIONS}
    run_p50s: dict[str, list[float]] = {question: [] for question in QUESTIONS}
    memory = []
    targets: dict[str, int] = {}
    for _ in range(context.runs):
        found, measured = run_child("queries", params)
        memory.append(measured.peak_tree_mb)
        targets = found["targets"]
        for question, timings in found["timings"].items():
            if timings:
                pooled[question].extend(timings)
                run_p50s[question].append(percentile(timings, 50))
    for question in QUESTIONS:
        if not pooled[question]:
            result.notes.append(f"{question}: no target in the store")
            continue
        spread = run_p50s[question]
        result.add(
            Metric.of(
                question,
                "ms",
                pooled[question],
                distribution=True,
                note=f"{len(pooled[question])} calls; "
                f"p50 per run {min(spread):.3g}–{max(spread):.3g}",
            )
        )
    result.add(Metric.of("peak memory (process tree)", "MB", memory))
    result.details["targets"] = targets
    result.notes.append(
        "in process on a read-only EmbeddedStore; targets picked by SPARQL in IRI order and "
        f"sampled by seed {context.seed}: {targets}; {_WARMUP} warm-up calls per question "
        f"(province matrix: one), province matrix repeated {_MATRIX_REPEATS}× per province, "
        "each on a newly opened store (cold) and on the shared one (repeated: facts kept per "
        "write generation); search measured without the index's memory of recent answers; "
        "search phrases are the first two words of commune tasks, accents folded"
    )
    return result
