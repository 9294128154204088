"""The two three-way questions answered with SPARQL on any engine, one query text each."""

from __future__ import annotations

from rdflib import Literal, URIRef

from bench.engines import SparqlEngine
from bench.sparql import bench_query
from ontology.vocabulary import XSD
from store.terms import bind_parameters

__all__ = ["sparql_coverage", "sparql_lineage", "sparql_national"]


def _confidence(value: float) -> Literal:
    return Literal(f"{value}", datatype=XSD.decimal)


def sparql_lineage(engine: SparqlEngine, start: str, min_confidence: float) -> frozenset[str]:
    """Return every node reachable up from `start` (itself included), one hop query per node."""
    hop = bench_query("lineage_hop")
    minimum = _confidence(min_confidence)
    seen, stack = {start}, [start]
    while stack:
        text = bind_parameters(hop, {"node": URIRef(stack.pop()), "min": minimum})
        for (target,) in engine.select(text):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return frozenset(seen)


def sparql_coverage(engine: SparqlEngine, unit: str, min_confidence: float) -> frozenset[str]:
    """Return the programmes `unit`'s items implement at `min_confidence` or more."""
    text = bind_parameters(
        bench_query("commune_programmes"),
        {"unit": URIRef(unit), "min": _confidence(min_confidence)},
    )
    return frozenset(row[0] for row in engine.select(text))


def sparql_national(engine: SparqlEngine) -> frozenset[str]:
    """Return the national congress resolutions (the goal of a lineage)."""
    return frozenset(row[0] for row in engine.select(bench_query("national_congress")))
