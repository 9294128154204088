"""Against a real Neo4j 5.9+ named by $NEO4J_URI: sync is idempotent, Cypher agrees with SPARQL.

Skipped unless NEO4J_URI is set (with NEO4J_USER, default neo4j, and NEO4J_PASSWORD). The
database given by NEO4J_DATABASE (default: the server's) should be empty to begin with.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import Mandate

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"), reason="no Neo4j server: set NEO4J_URI to run"
)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from neo4j import GraphDatabase

    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    with GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth) as opened:
        opened.verify_connectivity()
        yield opened


@pytest.fixture(scope="module")
def synced(corpus_store: Mandate, driver: Any) -> Iterator[Any]:
    from cli.common import settings_for
    from ontology.identifiers import IriFactory
    from projections.neo4j_sync import sync
    from projections.property_graph import property_graph
    from store import open_store

    base = IriFactory(settings_for(corpus_store.store).base_iri).base
    store = open_store(corpus_store.store, base_iri=base, read_only=True)
    try:
        pg = property_graph(store)
        database = os.environ.get("NEO4J_DATABASE")
        first = sync(pg, driver, database=database)
        counts = _counts(driver)
        second = sync(pg, driver, database=database)
        assert _counts(driver) == counts
        assert second.nodes_created == 0 and second.relationships_created == 0
        assert counts[0] >= first.nodes
        yield store
    finally:
        store.close()


def _counts(driver: Any) -> tuple[int, int]:
    database = os.environ.get("NEO4J_DATABASE")
    records, _summary, _keys = driver.execute_query(
        "MATCH (n:Node) WITH count(n) AS nodes "
        "OPTIONAL MATCH (:Node)-[r]->(:Node) RETURN nodes, count(r) AS relationships",
        database_=database,
    )
    return records[0]["nodes"], records[0]["relationships"]


def test_cypher_lineage_of_16_ctr_equals_sparql(synced: Any, driver: Any) -> None:
    from queries.cypher import cypher_lineage
    from queries.lineage import lineage
    from queries.lookup import resolve_node

    node = resolve_node(synced, "16-CTr/TU", allow_files=False)
    expected = {(hop.source, hop.target) for path in lineage(synced, node).paths for hop in path}
    assert expected
    database = os.environ.get("NEO4J_DATABASE")
    assert cypher_lineage(driver, str(node), database=database) == expected


def test_cypher_coverage_of_vinh_phong_equals_sparql(synced: Any, driver: Any) -> None:
    from queries.coverage import commune_coverage, resolve_unit
    from queries.cypher import cypher_coverage

    unit = resolve_unit(synced, "Vĩnh Phong")
    expected = {entry.number: entry.status for entry in commune_coverage(synced, unit).programmes}
    assert expected
    database = os.environ.get("NEO4J_DATABASE")
    assert cypher_coverage(driver, unit.iri, unit.name, database=database) == expected
