"""Graph statistics: nodes per class and statements per property."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal
from rdflib.term import Node

from ontology.identifiers import IriFactory
from ontology.vocabulary import PREFIXES
from queries.sparql import load_query
from store import GraphStore

__all__ = ["GraphStats", "compact", "graph_stats"]


def compact(iri: Node) -> str:
    """Return `iri` as a prefixed name (``mg:Task``) when a known prefix covers it."""
    text = str(iri)
    best = ""
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(namespace) > len(best):
            best, name = namespace, f"{prefix}:{text[len(namespace) :]}"
    return name if best else text


@dataclass
class GraphStats:
    """Counts over the documents' graphs, excluding the reference data."""

    documents: int = 0
    graphs: int = 0
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    attributes: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """Return the counts as a JSON-ready dictionary with sorted keys."""
        return {
            "documents": self.documents,
            "graphs": self.graphs,
            "nodes": dict(sorted(self.nodes.items())),
            "edges": dict(sorted(self.edges.items())),
            "attributes": dict(sorted(self.attributes.items())),
            "total_nodes": sum(self.nodes.values()),
            "total_edges": sum(self.edges.values()),
        }


def graph_stats(store: GraphStore, iris: IriFactory) -> GraphStats:
    """Return the node, edge and attribute counts of every document graph in `store`."""
    bindings = {"reference": iris.reference_graph()}
    stats = GraphStats()
    for row in store.select(load_query("stats_documents"), bindings):
        stats.documents = int(row["documents"])  # type: ignore[call-overload]
        stats.graphs = int(row["graphs"])  # type: ignore[call-overload]
    for row in store.select(load_query("stats_classes"), bindings):
        stats.nodes[compact(row["class"])] = int(row["count"])  # type: ignore[call-overload]
    for row in store.select(load_query("stats_properties"), bindings):
        target = stats.edges if row["isEdge"] == Literal(True) else stats.attributes
        target[compact(row["property"])] = int(row["count"])  # type: ignore[call-overload]
    return stats
