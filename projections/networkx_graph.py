"""The property graph as a networkx MultiDiGraph, for analytics and GraphML/GEXF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from projections.property_graph import PropertyGraph

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["display_label", "to_networkx"]

_LABEL_KEYS = ("title", "text", "label", "citedAs", "documentNumber", "outlinePath")
_MAX_LABEL = 80


def display_label(iri: str, properties: dict[str, object]) -> str:
    """Return a short label for a node: its title, text or label, else its IRI."""
    for key in _LABEL_KEYS:
        value = properties.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if value is not None and str(value).strip():
            text = " ".join(str(value).split())
            return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"
    return iri


def to_networkx(pg: PropertyGraph) -> nx.MultiDiGraph:
    """Return a MultiDiGraph with one node per PGNode and one edge per relationship.

    Node attributes: `kind` (the first label), `label` (shortened title, text or label), and
    the node's properties. Edges are keyed by relationship type, with `kind` (the type) and
    the relationship's properties.
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    for iri, node in pg.nodes.items():
        attributes = {
            **node.properties,
            "kind": node.labels[0],
            "label": display_label(iri, node.properties),
        }
        graph.add_node(iri, **attributes)
    for relationship in pg.relationships:
        graph.add_edge(
            relationship.source,
            relationship.target,
            key=relationship.type,
            **{**relationship.properties, "kind": relationship.type},
        )
    return graph
