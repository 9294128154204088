"""The property-graph projection on a small store ingested from two sample documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from config import load_settings
from projections import property_graph
from projections.networkx_graph import to_networkx
from store import open_store
from tests.conftest import SAMPLES, Mandate


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mandate = Mandate(tmp_path_factory.mktemp("pg") / "store")
    paths = sorted(str(path) for path in SAMPLES.glob("0[12]-*.txt"))
    result = mandate("ingest", *paths)
    assert result.exit_code == 0, result.output
    return Path(mandate.store)


@pytest.fixture
def pg(sample_store: Path):
    settings = load_settings(store=str(sample_store))
    with open_store(settings.store, base_iri=settings.base_iri, read_only=True) as store:
        yield property_graph(store)


def test_labels_are_mg_classes_most_general_first(pg) -> None:
    labels = {node.labels for node in pg.nodes.values()}
    assert ("Task",) in labels
    assert any(label[0] == "Document" and len(label) > 1 for label in labels)
    assert not any("ImplementationLink" in label or "Review" in label for label in labels)


def test_implements_carries_the_link(pg) -> None:
    implements = [r for r in pg.relationships if r.type == "IMPLEMENTS"]
    assert implements
    for relationship in implements:
        props = relationship.properties
        assert isinstance(props["confidence"], float)
        assert props["method"] in {"stated", "similarity"}
        assert props["status"] == "auto"
        assert isinstance(props["link"], str) and props["link"] not in pg.nodes
        assert isinstance(props["evidence"], list)
    assert any(r.properties["method"] == "stated" for r in implements)


def test_chaired_by_joins_a_task_to_an_agency(pg) -> None:
    chaired = [r for r in pg.relationships if r.type == "CHAIRED_BY"]
    assert chaired
    for relationship in chaired:
        assert "Task" in pg.nodes[relationship.source].labels
        assert "Agency" in pg.nodes[relationship.target].labels
        assert isinstance(pg.nodes[relationship.target].properties["label"], str)


def test_every_relationship_joins_two_nodes(pg) -> None:
    for relationship in pg.relationships:
        assert relationship.source in pg.nodes and relationship.target in pg.nodes


def test_one_document_projection_is_a_part(sample_store: Path, pg) -> None:
    ingested = [iri for iri, node in pg.nodes.items() if "contentHash" in node.properties]
    settings = load_settings(store=str(sample_store))
    with open_store(settings.store, base_iri=settings.base_iri, read_only=True) as store:
        part = property_graph(store, document=URIRef(ingested[0]))
        with pytest.raises(LookupError):
            property_graph(store, document=URIRef("https://example.org/not-a-document"))
    assert ingested[0] in part.nodes
    assert 0 < len(part.nodes) < len(pg.nodes)


def test_networkx_keeps_counts_and_kinds(pg) -> None:
    graph = to_networkx(pg)
    assert graph.number_of_nodes() == len(pg.nodes)
    assert graph.number_of_edges() == len(pg.relationships)
    task = next(iri for iri, node in pg.nodes.items() if node.labels == ("Task",))
    assert graph.nodes[task]["kind"] == "Task" and graph.nodes[task]["label"]
