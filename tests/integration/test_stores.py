"""The store interface, on the embedded store and on a real Oxigraph server over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from ingest.loader import ingest_paths
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PROV, RDF
from queries.stats import graph_stats
from store import (
    EmbeddedStore,
    GraphStore,
    QuerySyntaxError,
    StoreError,
    StoreLockedError,
    open_store,
)
from store.terms import triples_text

IRIS = IriFactory()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
G = URIRef("http://example.org/graph/one")
NODE = URIRef("http://example.org/node")


def small_graph(text: str) -> Graph:
    graph = Graph()
    graph.add((NODE, RDF.type, MG.Task))
    graph.add((NODE, MG.text, Literal(text, lang="vi")))
    return graph


@pytest.fixture(params=["embedded", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "embedded":
        opened = open_store(str(tmp_path / "store"), base_iri=IRIS.base)
    else:
        url = request.getfixturevalue("oxigraph_server")
        opened = open_store(url, base_iri=IRIS.base)
    yield opened
    opened.close()


def texts(store: GraphStore) -> list[str]:
    rows = store.select("SELECT ?t WHERE { GRAPH $g { ?n $p ?t } }", {"g": G, "p": MG.text})
    return sorted(str(row["t"]) for row in rows)


def test_write_graphs_replaces_adds_and_drops_in_one_go(store: GraphStore) -> None:
    other = URIRef("http://example.org/graph/same-content-elsewhere")
    shared = URIRef("http://example.org/graph/shared")
    store.replace_graph(other, small_graph("bản cũ ở chỗ khác"))
    first = triples_text(small_graph('lần một "trích" {ngoặc}'))
    store.write_graphs(replace={G: first}, add={shared: triples_text(small_graph("chung"))})
    assert texts(store) == ['lần một "trích" {ngoặc}']
    second = triples_text(small_graph("lần hai"))
    store.write_graphs(
        replace={G: second}, add={shared: triples_text(small_graph("chung 2"))}, drop=[other]
    )
    assert texts(store) == ["lần hai"]
    assert other not in store.named_graphs()
    shared_texts = store.select(
        "SELECT ?t WHERE { GRAPH $g { ?n $p ?t } }", {"g": shared, "p": MG.text}
    )
    assert sorted(str(row["t"]) for row in shared_texts) == ["chung", "chung 2"]


def test_replace_graph_swaps_the_whole_graph(store: GraphStore) -> None:
    store.replace_graph(G, small_graph("cũ"))
    store.replace_graph(G, small_graph("mới"))
    assert texts(store) == ["mới"]
    assert G in store.named_graphs()
    store.drop_graph(G)
    assert texts(store) == []


def test_bound_values_cannot_change_the_query(store: GraphStore) -> None:
    hostile = '"} ; DROP ALL ; INSERT DATA { <x:a> <x:b> "c" } #'
    store.replace_graph(G, small_graph(hostile))
    rows = store.select(
        "SELECT ?n WHERE { ?n $p $text }", {"p": MG.text, "text": Literal(hostile, lang="vi")}
    )
    assert [row["n"] for row in rows] == [NODE]
    assert texts(store) == [hostile]


def test_a_failing_update_changes_nothing(store: GraphStore) -> None:
    store.replace_graph(G, small_graph("giữ nguyên"))
    with pytest.raises(StoreError):
        store.update(f"DROP GRAPH <{G}> ; INSERT DATA {{ GRAPH <{G}> {{ <x:a> <x:b> }} }}")
    assert texts(store) == ["giữ nguyên"]


def test_query_errors_are_named(store: GraphStore) -> None:
    with pytest.raises(QuerySyntaxError):
        store.select("SELECT WHERE {")


def test_reference_graph_holds_the_ontology(store: GraphStore) -> None:
    assert store.ask(
        "ASK { GRAPH $g { $task a ?kind } }", {"g": IRIS.reference_graph(), "task": MG.Task}
    )


def test_rdflib_view_sees_the_same_statements(store: GraphStore) -> None:
    store.replace_graph(G, small_graph("xem"))
    dataset = store.dataset()
    # A Graph over the dataset's store reads the named graph without trying to create it.
    named = Graph(store=dataset.store, identifier=G)
    assert (NODE, MG.text, Literal("xem", lang="vi")) in named


def test_embedded_and_remote_stores_give_the_same_statistics(
    corpus_dir: Path, oxigraph_server: str, tmp_path: Path
) -> None:
    results = []
    for location in (str(tmp_path / "embedded"), oxigraph_server):
        with open_store(location, base_iri=IRIS.base) as store:
            report = ingest_paths(store, [corpus_dir], iris=IRIS)
            assert not report.failed
            results.append(graph_stats(store, IRIS).to_json())
    assert results[0] == results[1]
    assert results[0]["documents"] == 5


def test_ingest_in_worker_processes_stores_exactly_what_one_process_does(
    corpus_dir: Path, tmp_path: Path
) -> None:
    files = [*sorted(corpus_dir.glob("*.txt")), *sorted(SAMPLES.glob("*.txt"))]
    assert len(files) >= 8  # enough for the loader to start its workers
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip archive")
    dumps = []
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}"), base_iri=IRIS.base) as store:
            report = ingest_paths(store, [*files, broken], iris=IRIS, workers=workers)
            assert [r.path for r in report.failed] == [str(broken)]
            assert len(report.succeeded) == len(files)
            lines = store.dump_nquads().decode("utf-8").splitlines()
            # When each ingest ended differs between the runs; everything else must not.
            dumps.append({line for line in lines if str(PROV.endedAtTime) not in line})
    assert dumps[0] == dumps[1]


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s"), base_iri=IRIS.base):
        with pytest.raises(StoreLockedError, match="open in another process"):
            EmbeddedStore(tmp_path / "s")
        reader = open_store(str(tmp_path / "s"), base_iri=IRIS.base, read_only=True)
        assert reader.quad_count() > 0
        reader.close()


def test_a_store_keeps_its_base_iri(tmp_path: Path) -> None:
    open_store(str(tmp_path / "s"), base_iri=IRIS.base).close()
    with pytest.raises(StoreError, match="created with base IRI"):
        open_store(str(tmp_path / "s"), base_iri="https://other.example/")


def test_an_unreachable_server_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a working SPARQL server"):
        open_store("http://127.0.0.1:9", base_iri=IRIS.base)


def test_a_malformed_graph_name_is_refused_before_reaching_the_store(store: GraphStore) -> None:
    store.replace_graph(G, small_graph("an toàn"))
    with pytest.raises(ValueError):
        store.drop_graph(URIRef("http://example.org/g> } ; DROP ALL ; #"))
    assert texts(store) == ["an toàn"]
    assert len(store.graph(G)) == 2
