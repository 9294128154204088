"""Facts cached per store generation never outlive a write through the same store object.

Lineage and coverage cache what every answer re-reads (reviews, node summaries, the edges
above a task, a province's programmes); a review recorded or a document ingested through
the same store must show in the next answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from config import load_settings
from ingest.loader import ingest_paths
from linking import LINK_THRESHOLD
from ontology.identifiers import IriFactory
from queries.coverage import commune_coverage, resolve_unit
from queries.lineage import lineage
from queries.reviews import latest_reviews, record_review
from queries.sparql import prefix_block
from store.embedded import EmbeddedStore
from store.remote import RemoteStore

VINH_PHONG = "001_305fbde6a937b113.txt"
PROGRAMME_LIST = "000_ca2e7f0847605366.txt"

_DECLINED = """
SELECT ?link ?item ?programme WHERE {
  ?item mg:qualifiedImplementation ?link .
  ?link prov:entity ?programme ; mg:confidence ?confidence .
  ?programme a mg:ProvincialProgramme .
  FILTER NOT EXISTS { ?programme mg:appliesTo ?place }
  FILTER (?confidence < $threshold)
} ORDER BY DESC(?confidence) ?link LIMIT 1"""


def _covering(store: EmbeddedStore, programme: str) -> list[tuple[str, str]]:
    coverage = commune_coverage(store, resolve_unit(store, "Vĩnh Phong"), reviewed_only=True)
    entry = next(p for p in coverage.programmes if p.iri == programme)
    return [(str(task["iri"]), str(task["review_status"])) for task in entry.tasks]


def _link_kinds(store: EmbeddedStore, item: str, link: str) -> set[str]:
    found = lineage(store, URIRef(item))
    hops = [hop for path in found.paths for hop in path]
    return {hop.kind for hop in hops if hop.link == link}


def test_a_review_through_the_same_store_shows_in_the_next_answers(
    tmp_path: Path, corpus_dir: Path
) -> None:
    iris = IriFactory(load_settings().base_iri)
    with EmbeddedStore(tmp_path / "store") as store:
        ingest_paths(store, [corpus_dir / PROGRAMME_LIST, corpus_dir / VINH_PHONG], iris=iris)
        rows = store.select_values(
            prefix_block() + _DECLINED, {"threshold": Literal(LINK_THRESHOLD)}
        )
        assert rows, "no declined proposal to a programme"
        link, item, programme = (rows[0][key] for key in ("link", "item", "programme"))
        assert store.cacheable
        before = store.generation
        assert (item, "confirmed") not in _covering(store, programme)
        assert "confirmed" not in _link_kinds(store, item, link)
        assert URIRef(link) not in latest_reviews(store)
        assert store.facts("reviews") is not None and len(store.facts("reviews")) == 1

        record_review(store, iris, URIRef(link), confirmed=True, reviewer="tester")

        assert store.generation > before
        assert latest_reviews(store)[URIRef(link)].who == "tester"
        assert (item, "confirmed") in _covering(store, programme)
        assert "confirmed" in _link_kinds(store, item, link)


def test_ingesting_another_document_through_the_same_store_changes_coverage(
    tmp_path: Path, corpus_dir: Path
) -> None:
    iris = IriFactory(load_settings().base_iri)
    with EmbeddedStore(tmp_path / "store") as store:
        ingest_paths(store, [corpus_dir / VINH_PHONG], iris=iris)
        commune = resolve_unit(store, "Vĩnh Phong")
        # Read (and cache) the province's programmes while it has none.
        assert commune_coverage(store, commune).programmes == []
        ingest_paths(store, [corpus_dir / PROGRAMME_LIST], iris=iris)
        assert commune_coverage(store, commune).programmes


def test_a_store_written_outside_the_generation_is_not_cached(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        assert store.facts("anything") is not None
        store.oxigraph()
        assert not store.cacheable
        assert store.facts("anything") is None
    remote = RemoteStore("http://127.0.0.1:9")
    try:
        assert not remote.cacheable
        assert remote.facts("reviews") is None
    finally:
        remote.close()


@pytest.mark.parametrize("write", ["update", "drop_graph", "compact", "write_graphs"])
def test_every_write_method_moves_the_generation(tmp_path: Path, write: str) -> None:
    graph = URIRef("urn:test:graph")
    with EmbeddedStore(tmp_path / "store") as store:
        cache = store.facts("facts")
        assert cache is not None
        cache.put("key", "value")
        before = store.generation
        if write == "update":
            store.update("INSERT DATA { GRAPH <urn:test:graph> { <urn:a> <urn:b> <urn:c> } }")
        elif write == "drop_graph":
            store.drop_graph(graph)
        elif write == "compact":
            store.compact()
        else:
            store.write_graphs(replace={graph: "<urn:a> <urn:b> <urn:c> .\n"})
        assert store.generation > before
        assert store.facts("facts").get("key") is None  # type: ignore[union-attr]
