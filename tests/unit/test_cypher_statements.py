"""Every statement a Neo4j sync sends is parameterised, with allow-listed labels and types."""

from __future__ import annotations

import re

import pytest

from projections.neo4j_sync import (
    UnsafeCypherName,
    schema_statements,
    statements,
)
from queries.cypher import load_cypher
from tests.unit._property_graph import PGNode, PGRelationship, PropertyGraph, sample_graph


def _values(graph: PropertyGraph) -> set[str]:
    found: set[str] = set()
    for node in graph.nodes.values():
        found.add(node.iri)
        found |= {str(v) for v in node.properties.values() if not isinstance(v, list)}
        found |= {item for v in node.properties.values() if isinstance(v, list) for item in v}
    for rel in graph.relationships:
        found |= {str(v) for v in rel.properties.values() if not isinstance(v, list)}
        found |= {item for v in rel.properties.values() if isinstance(v, list) for item in v}
    # Short numbers such as "1" occur in any text; the point is no data value leaks in.
    return {value for value in found if len(value) > 3}


def test_no_value_appears_in_any_query_text() -> None:
    graph = sample_graph()
    sent = schema_statements(graph) + statements(graph)
    values = _values(graph)
    assert values
    for query, _parameters in sent:
        for value in values:
            assert value not in query, (value, query)


def test_data_statements_bind_rows_as_the_only_parameter() -> None:
    for query, parameters in statements(sample_graph()):
        assert query.startswith("UNWIND $rows AS row ")
        assert set(parameters) == {"rows"}
        assert parameters["rows"]


def test_every_iri_and_property_travels_in_the_parameters() -> None:
    graph = sample_graph()
    rows = [row for _query, parameters in statements(graph) for row in parameters["rows"]]
    assert {row["iri"] for row in rows if "iri" in row} == set(graph.nodes)
    implements = [row for row in rows if row.get("properties", {}).get("method")]
    assert {row["key"] for row in implements} == {
        "https://example.org/mg/link/abc",
        "https://example.org/mg/link/def",
    }
    assert any(row["properties"]["evidence"] == ["ocop", "sản phẩm"] for row in implements)


def test_labels_and_types_in_queries_come_from_the_graph_allow_list() -> None:
    graph = sample_graph()
    allowed = {"Node"} | {label for node in graph.nodes.values() for label in node.labels}
    allowed |= {rel.type for rel in graph.relationships}
    for query, _parameters in schema_statements(graph) + statements(graph):
        for name in re.findall(r"\((?:n|a|b):([A-Za-z]+)|\[r:([A-Z_]+)|:([A-Z][A-Za-z]*)\b", query):
            assert {part for part in name if part} <= allowed, query


def test_relationships_merge_on_a_stable_key() -> None:
    graph = sample_graph()
    part_of = [
        row
        for query, parameters in statements(graph)
        if "[r:PART_OF" in query
        for row in parameters["rows"]
    ]
    assert [row["key"] for row in part_of] == [
        "https://example.org/mg/task/1|PART_OF|https://example.org/mg/document/16-CTr"
    ]
    assert statements(graph) == statements(graph)


def test_batches_split_rows() -> None:
    nodes = {f"urn:n{i}": PGNode(f"urn:n{i}", ("Task",), {"order": i}) for i in range(5)}
    batches = statements(PropertyGraph(nodes, []), batch_size=2)
    assert [len(parameters["rows"]) for _query, parameters in batches] == [2, 2, 1]


@pytest.mark.parametrize(
    "graph",
    [
        pytest.param(
            PropertyGraph({"urn:a": PGNode("urn:a", ("Task) DETACH DELETE (x",), {})}, []),
            id="label-injection",
        ),
        pytest.param(PropertyGraph({"urn:a": PGNode("urn:a", ("task",), {})}, []), id="lowercase"),
        pytest.param(
            PropertyGraph(
                {"urn:a": PGNode("urn:a", ("Task",), {})},
                [PGRelationship("urn:a", "urn:a", "CITES]->() DELETE r//", {})],
            ),
            id="type-injection",
        ),
    ],
)
def test_names_outside_the_allow_list_are_refused(graph: PropertyGraph) -> None:
    with pytest.raises(UnsafeCypherName):
        schema_statements(graph) + statements(graph)


@pytest.mark.parametrize("name", ["lineage", "coverage", "responsibility"])
def test_cypher_questions_take_parameters(name: str) -> None:
    text = load_cypher(name)
    assert "$" in text
    assert "http" not in text
