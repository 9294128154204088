"""The batched question queries give the answers the one-at-a-time queries give.

Lineage reads the edges and names of every node it may reach in a few queries, and a
province's matrix reads all its links in one; these tests hold them to the per-node and
per-commune answers on the real corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import URIRef

from linking import LINK_THRESHOLD
from queries.coverage import commune_coverage, province_coverage, resolve_unit
from queries.lineage import _Walker, lineage, node_summary
from queries.sparql import load_query, prefix_block
from store.embedded import EmbeddedStore
from tests.conftest import Mandate

VINH_PHONG = "001_305fbde6a937b113.txt"
PROGRAMME_LIST = "000_ca2e7f0847605366.txt"


@pytest.fixture(scope="module")
def store(corpus_store: Mandate) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore(corpus_store.store, read_only=True)
    yield opened
    opened.close()


def _units(store: EmbeddedStore, *, provinces: bool) -> list:
    found = [resolve_unit(store, str(row["unit"])) for row in store.select(load_query("units"))]
    return [unit for unit in found if unit.is_province == provinces]


@pytest.mark.parametrize("min_confidence", [0.0, LINK_THRESHOLD, 0.6, 1.0])
@pytest.mark.parametrize("reviewed_only", [False, True])
def test_province_matrix_holds_each_communes_own_coverage(
    store: EmbeddedStore, min_confidence: float, reviewed_only: bool
) -> None:
    provinces = _units(store, provinces=True)
    assert provinces
    seen = 0
    for province in provinces:
        matrix = province_coverage(
            store, province, min_confidence=min_confidence, reviewed_only=reviewed_only
        )
        for entry in matrix.communes:
            alone = commune_coverage(
                store, entry.unit, min_confidence=min_confidence, reviewed_only=reviewed_only
            )
            assert entry.to_json() == alone.to_json(), entry.unit.name
            seen += 1
    assert seen, "no province has a commune with an ingested document"


class _OneNodeAtATime(_Walker):
    """The walk as it was: one lineage_out query and one node_summary query per node."""

    def __init__(self, store: EmbeddedStore, min_confidence: float, start: str) -> None:
        super().__init__(store, min_confidence, start)
        self.candidates = set()
        self.rows.clear()
        self.flags = {}
        self.summaries = {}

    def summarise(self, iris) -> None:
        for iri in iris:
            self.summary(iri)

    def summary(self, iri: str):
        if iri not in self.summaries:
            self.summaries[iri] = node_summary(self.store, URIRef(iri))
        return self.summaries[iri]


def _commune_items(store: EmbeddedStore) -> list[str]:
    query = (
        prefix_block()
        + """
    SELECT DISTINCT ?item WHERE {
      ?document mg:contentHash ?hash ; mg:jurisdiction ?unit . ?unit a mg:Commune .
      ?item mg:sourceDocument ?document .
      { ?item a mg:Task } UNION { ?item a mg:Indicator }
    } ORDER BY ?item"""
    )
    return [str(row["item"]) for row in store.select(query)]


@pytest.mark.parametrize("min_confidence", [LINK_THRESHOLD, 0.8])
def test_lineage_read_in_batches_equals_the_walk_one_node_at_a_time(
    store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch, min_confidence: float
) -> None:
    items = _commune_items(store)
    assert len(items) > 20
    chosen = items[:: max(1, len(items) // 40)]
    batched = {item: lineage(store, URIRef(item), min_confidence=min_confidence) for item in chosen}
    monkeypatch.setattr("queries.lineage._Walker", _OneNodeAtATime)
    reached = 0
    for item in chosen:
        alone = lineage(store, URIRef(item), min_confidence=min_confidence)
        assert batched[item].to_json() == alone.to_json(), item
        reached += alone.reaches_goal
    assert reached, "no commune item reaches Nghị quyết Đại hội XIV"


def test_a_confirmed_link_under_the_threshold_counts_in_the_matrix_and_the_commune(
    mandate: Mandate, corpus_dir: Path
) -> None:
    result = mandate("ingest", str(corpus_dir / PROGRAMME_LIST), str(corpus_dir / VINH_PHONG))
    assert result.exit_code == 0, result.output
    declined = (
        prefix_block()
        + """
    SELECT ?link ?item ?programme WHERE {
      ?item mg:qualifiedImplementation ?link .
      ?link prov:entity ?programme ; mg:confidence ?confidence .
      ?programme a mg:ProvincialProgramme .
      FILTER NOT EXISTS { ?programme mg:appliesTo ?place }
      FILTER (?confidence < $threshold)
    } ORDER BY DESC(?confidence) ?link LIMIT 1"""
    )
    from rdflib import Literal

    with EmbeddedStore(mandate.store, read_only=True) as opened:
        rows = opened.select(declined, {"threshold": Literal(LINK_THRESHOLD)})
    assert rows, "no declined proposal to a programme"
    link, item, programme = (str(rows[0][key]) for key in ("link", "item", "programme"))
    result = mandate("review", link, "--confirm", "--by", "tester")
    assert result.exit_code == 0, result.output
    with EmbeddedStore(mandate.store, read_only=True) as opened:
        commune = resolve_unit(opened, "Vĩnh Phong")
        alone = commune_coverage(opened, commune, reviewed_only=True)
        matrix = province_coverage(opened, resolve_unit(opened, "An Giang"), reviewed_only=True)
    entry = next(p for p in alone.programmes if p.iri == programme)
    assert entry.status == "covered"
    assert (item, "confirmed") in [(task["iri"], task["review_status"]) for task in entry.tasks]
    assert [c.to_json() for c in matrix.communes] == [alone.to_json()]
