"""The Cypher forms of the lineage, coverage and responsibility questions, over Neo4j.

They read what `projections.neo4j_sync.sync` loaded and answer in the shapes the SPARQL
versions can be compared with. Values are bound as parameters, never spliced into the text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from queries.coverage import programme_applies
from queries.reviews import DEFAULT_MIN_CONFIDENCE

__all__ = ["cypher_coverage", "cypher_lineage", "cypher_responsibility", "load_cypher"]

_CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def load_cypher(name: str) -> str:
    """Return the text of `queries/cypher/<name>.cypher`."""
    return (_CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def _records(driver: Any, name: str, database: str | None, **parameters: Any) -> list[Any]:
    records, _summary, _keys = driver.execute_query(
        load_cypher(name), parameters, database_=database, routing_="r"
    )
    return list(records)


def cypher_lineage(
    driver: Any,
    iri: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    database: str | None = None,
) -> set[tuple[str, str]]:
    """Return the (from, to) hops of the paths from `iri` to a national congress resolution.

    Compare with `{(hop.source, hop.target) for path in lineage(...).paths for hop in path}`.
    """
    records = _records(driver, "lineage", database, iri=iri, minConfidence=min_confidence)
    return {(hop[0], hop[1]) for record in records for hop in record["hops"]}


def cypher_coverage(
    driver: Any,
    unit: str,
    unit_name: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    database: str | None = None,
) -> dict[str, str]:
    """Return programme number → status (covered, uncovered, not_applicable) for a commune.

    Compare with `{p.number: p.status for p in commune_coverage(...).programmes}`.
    """
    records = _records(driver, "coverage", database, unit=unit, minConfidence=min_confidence)
    statuses: dict[str, str] = {}
    for record in records:
        places = [(str(iri), str(label)) for iri, label in record["places"]]
        if not programme_applies(unit, unit_name, places):
            status = "not_applicable"
        else:
            status = "covered" if record["covering"] else "uncovered"
        statuses[str(record["number"])] = status
    return statuses


def cypher_responsibility(
    driver: Any, name: str, *, database: str | None = None
) -> dict[str, set[str]]:
    """Return role ("chairs", "coordinates") → the IRIs of the tasks and indicators of `name`.

    `name` is an agency IRI or one of its names (case-insensitive, accents significant).
    """
    duties: dict[str, set[str]] = {"chairs": set(), "coordinates": set()}
    for record in _records(driver, "responsibility", database, name=name):
        duties[record["role"]].add(record["item"])
    return duties
