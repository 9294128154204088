"""GraphML and GEXF exports of the property-graph projection, for Gephi, yEd and Cytoscape.

Neither format stores lists or missing values: lists are joined with " | " and None dropped.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from store import GraphStore

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LIST_SEPARATOR", "flat_graph", "to_gexf", "to_graphml"]

LIST_SEPARATOR = " | "


def _flat(attributes: dict[str, object]) -> dict[str, object]:
    return {
        key: LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else value
        for key, value in attributes.items()
        if value is not None
    }


def flat_graph(store: GraphStore) -> nx.MultiDiGraph:
    """Return the networkx projection of the store with only scalar attribute values."""
    import networkx as nx

    from projections import property_graph
    from projections.networkx_graph import to_networkx

    graph = to_networkx(property_graph(store))
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((node, _flat(data)) for node, data in graph.nodes(data=True))
    flat.add_edges_from(
        (source, target, key, _flat(data))
        for source, target, key, data in graph.edges(keys=True, data=True)
    )
    return flat


def to_graphml(store: GraphStore) -> bytes:
    """Return the property-graph projection as GraphML (UTF-8 XML)."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(store), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_gexf(store: GraphStore) -> bytes:
    """Return the property-graph projection as GEXF 1.2 (UTF-8 XML)."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(store), buffer, encoding="utf-8")
    return buffer.getvalue()
