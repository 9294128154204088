"""Stage `threeway`: lineage and commune coverage on Oxigraph, rdflib and plain dicts."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench.context import Context, run_child
from bench.results import Metric, StageResult
from bench.stats import percentile

__all__ = ["child", "run"]

ENGINES = ("oxigraph", "rdflib", "floor")
QUESTIONS = ("lineage", "commune coverage")
_WARMUP = 2


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1024 / 1024


def _answer_all(
    ask: Callable[[str], frozenset[str]], targets: list[str]
) -> tuple[list[float], list[frozenset[str]]]:
    for target in targets[:_WARMUP]:
        ask(target)
    timings, answers = [], []
    for target in targets:
        started = time.perf_counter()
        answers.append(ask(target))
        timings.append((time.perf_counter() - started) * 1000)
    return timings, answers


def child(params: dict[str, Any]) -> dict[str, Any]:
    """Answer both questions three ways; return timings, load costs and any mismatch."""
    import pyoxigraph as ox
    from rdflib import Dataset

    from bench.engines import OxigraphEngine, RdflibEngine
    from bench.floor import Adjacency
    from bench.subset import ProvincePart, read_quads
    from bench.targets import pick_targets, provinces_with_documents
    from bench.walks import sparql_coverage, sparql_lineage, sparql_national
    from config import load_settings
    from linking import LINK_THRESHOLD
    from store.embedded import EmbeddedStore

    store = EmbeddedStore(params["store"], read_only=True)
    loads: dict[str, float] = {}
    part = None
    if params["one_province"]:
        # Only the province list: picking every target would read every commune task.
        provinces = provinces_with_documents(store)
        part = ProvincePart(load_settings().base_iri, provinces[0][0].rstrip("/").rsplit("/", 1)[1])
    targets = pick_targets(
        store,
        params["size"],
        seed=params["seed"],
        keep=None if part is None else (lambda iri: not part.foreign(iri)),
    )
    started = time.perf_counter()
    quads = list(read_quads(store.oxigraph(), part))
    loads["quads read (s)"] = time.perf_counter() - started
    started = time.perf_counter()
    dump = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    loads["N-Quads serialise (s)"] = time.perf_counter() - started
    before = _rss_mb()
    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data=dump, format="nquads")
    loads["rdflib load (s)"] = time.perf_counter() - started
    loads["rdflib memory (MB)"] = _rss_mb() - before
    before = _rss_mb()
    started = time.perf_counter()
    floor = Adjacency.from_triples(
        (quad.subject.value, quad.predicate.value, quad.object.value) for quad in quads
    )
    loads["floor build (s)"] = time.perf_counter() - started
    loads["floor memory (MB)"] = _rss_mb() - before
    del dump, quads
    engines = {"oxigraph": OxigraphEngine(store.oxigraph()), "rdflib": RdflibEngine(dataset)}
    minimum = LINK_THRESHOLD
    askers: dict[str, dict[str, Callable[[str], frozenset[str]]]] = {
        name: {
            "lineage": lambda node, e=engine: sparql_lineage(e, node, minimum),
            "commune coverage": lambda unit, e=engine: sparql_coverage(e, unit, minimum),
        }
        for name, engine in engines.items()
    }
    askers["floor"] = {
        "lineage": lambda node: floor.lineage(node, minimum),
        "commune coverage": lambda unit: floor.coverage(unit, minimum),
    }
    national = {
        "oxigraph": sparql_national(engines["oxigraph"]),
        "rdflib": sparql_national(engines["rdflib"]),
        "floor": floor.national(),
    }
    asked = {"lineage": targets.tasks, "commune coverage": [iri for iri, _ in targets.communes]}
    # Each pass asks every question of every engine once: the passes are the runs, over one
    # load (loading rdflib dominated the stage when every run loaded it again).
    passes: list[dict[str, dict[str, list[float]]]] = []
    answers: dict[str, dict[str, list[frozenset[str]]]] = {}
    for _ in range(params["passes"]):
        timings: dict[str, dict[str, list[float]]] = {}
        for engine in ENGINES:
            for question in QUESTIONS:
                spent, found = _answer_all(askers[engine][question], asked[question])
                timings.setdefault(question, {})[engine] = spent
                answers.setdefault(question, {})[engine] = found
        passes.append(timings)
    mismatches = []
    for question in QUESTIONS:
        for index, target in enumerate(asked[question]):
            sets = {engine: answers[question][engine][index] for engine in ENGINES}
            if len(set(sets.values())) > 1:
                mismatches.append(
                    {
                        "question": question,
                        "target": target,
                        "sizes": {e: len(s) for e, s in sets.items()},
                    }
                )
    if len(set(national.values())) > 1:
        mismatches.append(
            {
                "question": "national congress resolutions",
                "target": "",
                "sizes": {e: len(s) for e, s in national.items()},
            }
        )
    reaching = sum(1 for found in answers["lineage"]["floor"] if found & national["floor"])
    store.close()
    return {
        "passes": passes,
        "loads": loads,
        "mismatches": mismatches,
        "targets": {question: len(items) for question, items in asked.items()},
        "reaching_national": reaching,
        "answer_sizes": {q: sum(len(a) for a in answers[q]["floor"]) for q in QUESTIONS},
        "province": part.slug if part is not None else None,
    }


def run(context: Context) -> StageResult:
    """Return the threeway stage's result: p50/p95 per engine and question, ratios, agreement."""
    result = StageResult("threeway")
    if not context.store.exists():
        raise RuntimeError(f"no store in {context.store}: run the ingest stage first")
    params = {
        "store": str(context.store),
        "size": context.scale.threeway_targets,
        "seed": context.seed,
        "one_province": context.scale.rdflib_one_province,
        "passes": context.runs,
    }
    pooled: dict[str, dict[str, list[float]]] = {q: {e: [] for e in ENGINES} for q in QUESTIONS}
    found, measured = run_child("threeway", params)
    memory = [measured.peak_tree_mb]
    mismatches = list(found["mismatches"])
    for timings in found["passes"]:
        for question in QUESTIONS:
            for engine in ENGINES:
                pooled[question][engine].extend(timings[question][engine])
    loads = {name: [value] for name, value in found["loads"].items()}
    for question in QUESTIONS:
        if not pooled[question]["floor"]:
            result.notes.append(f"{question}: no target in the store")
            continue
        for engine in ENGINES:
            result.add(
                Metric.of(
                    f"{question}: {engine}", "ms", pooled[question][engine], distribution=True
                )
            )
        p50 = {engine: percentile(pooled[question][engine], 50) for engine in ENGINES}
        for top, bottom in (("oxigraph", "floor"), ("rdflib", "floor"), ("rdflib", "oxigraph")):
            ratio = p50[top] / p50[bottom] if p50[bottom] > 0 else None
            result.add(
                Metric(
                    f"{question}: {top}/{bottom}",
                    "× (p50)",
                    value=round(ratio, 2) if ratio is not None else None,
                )
            )
    for name, values in loads.items():
        label, unit = name.rsplit(" (", 1)
        result.add(Metric.of(label, unit.rstrip(")"), values))
    result.add(Metric.of("peak memory (process tree)", "MB", memory))
    result.add(
        Metric(
            "answers equal (all three)",
            "",
            value=not mismatches,
            note=f"{len(mismatches)} mismatches" if mismatches else "",
        )
    )
    result.details.update(
        mismatches=mismatches[:20],
        targets=found.get("targets"),
        reaching_national=found.get("reaching_national"),
        answer_sizes=found.get("answer_sizes"),
    )
    if mismatches:
        result.notes.append(
            f"**ANSWERS DIFFER** for {len(mismatches)} target(s): "
            + "; ".join(f"{m['question']} {m['target']} {m['sizes']}" for m in mismatches[:5])
        )
    scope = (
        f"rdflib and the floor hold only province `{found.get('province')}` (and the "
        "nation's nodes): the whole store does not fit in rdflib"
        if found.get("province")
        else "rdflib and the floor hold the whole store"
    )
    result.notes += [
        "lineage: every node reachable up mg:sourceDocument, mg:implements, qualified links "
        "(prov:entity) at mg:confidence ≥ linking.LINK_THRESHOLD and mg:resolvesTo (both ways); "
        "SPARQL engines run `bench/lineage_hop.rq` once per node reached, the floor walks dicts",
        "commune coverage: `bench/commune_programmes.rq` (the same text on both SPARQL engines)",
        f"the stores are loaded once; every question is asked {context.runs} time(s) over them "
        "(the runs), so load figures are one sample",
        f"targets: {found.get('targets')}; {found.get('reaching_national')} of the lineage "
        "targets reach a national congress resolution; " + scope,
    ]
    return result
