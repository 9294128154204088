"""GraphML/GEXF exports and `mandate analyze` on the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from config import load_settings
from projections import property_graph
from projections.networkx_graph import to_networkx
from store import open_store
from tests.conftest import Mandate

pytestmark = pytest.mark.corpus


def _expected(corpus_store: Mandate) -> nx.MultiDiGraph:
    settings = load_settings(store=corpus_store.store)
    with open_store(settings.store, base_iri=settings.base_iri, read_only=True) as store:
        return to_networkx(property_graph(store))


@pytest.mark.parametrize(
    ("format_name", "reader"),
    [
        pytest.param("graphml", nx.read_graphml, id="graphml"),
        pytest.param("gexf", nx.read_gexf, id="gexf"),
    ],
)
def test_export_reads_back_with_the_same_counts(
    corpus_store: Mandate, tmp_path: Path, format_name: str, reader
) -> None:
    output = tmp_path / f"graph.{format_name}"
    result = corpus_store("export", "--format", format_name, "-o", str(output))
    assert result.exit_code == 0, result.output
    loaded = reader(output)
    expected = _expected(corpus_store)
    assert loaded.number_of_nodes() == expected.number_of_nodes()
    assert loaded.number_of_edges() == expected.number_of_edges()


def test_analyze_json_on_the_corpus(corpus_store: Mandate) -> None:
    result = corpus_store("analyze", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    top = [row["label"] for row in report["agencies_by_tasks"][:10]]
    assert any("Ủy ban nhân dân" in label for label in top)
    assert report["agencies_by_betweenness"]
    implemented = [p["number"] for p in report["programmes_by_communes"] if p["communes"] >= 1]
    assert "12" in implemented
    assert report["document_components"] and report["document_components"][0]["size"] > 1
    assert report["orphan_task_count"] == len(report["orphan_tasks"])
    assert set(report["derivation"]) >= {"orphan_tasks", "document_components"}


def test_analyze_plain_output(corpus_store: Mandate) -> None:
    result = corpus_store("analyze")
    assert result.exit_code == 0, result.output
    assert "Agencies by betweenness" in result.output
    assert "Document components:" in result.output


def test_a_province_subset_keeps_only_its_documents(corpus_store):
    import json as _json

    whole = _json.loads(corpus_store("analyze", "--json").output)
    result = corpus_store("analyze", "--json", "--province", "thai nguyen")
    assert result.exit_code == 0, result.output
    part = _json.loads(result.output)
    assert not [p for p in part["programmes_by_communes"] if p["communes"]]
    size = lambda data: sum(c["size"] for c in data["document_components"])  # noqa: E731
    assert 0 < size(part) < size(whole)
    assert corpus_store("analyze", "--province", "Atlantis").exit_code == 2
