"""Graph analytics on the property-graph projection: agencies, programmes, components, orphans.

Every figure is computed with networkx from `property_graph(store)`; the result says how each
one is defined (`derivation`), so a reader can tell what was counted.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rdflib import URIRef

from linking import LINK_THRESHOLD
from ontology.vocabulary import MG
from projections.networkx_graph import display_label
from projections.property_graph import PGRelationship, PropertyGraph, property_graph
from queries.reviews import Decision, link_is_used
from store import GraphStore

__all__ = ["DERIVATION", "analyze", "implements_counts"]

_AGENCY_EDGES = ("CHAIRED_BY", "COORDINATES_WITH")
_DOCUMENT_EDGES = ("IMPLEMENTS", "CITES", "RESOLVES_TO")
_STATUS = {"confirmed": MG.confirmed, "rejected": MG.rejected}
_METHOD = {"stated": MG.stated, "similarity": MG.similarity}

DERIVATION = {
    "agencies_by_tasks": "per agency, the distinct tasks with a CHAIRED_BY (chairs) or "
    "COORDINATES_WITH (coordinates) relationship to it; ranked by chairs + coordinates",
    "agencies_by_betweenness": "betweenness centrality (normalised) in the undirected "
    "agency–task network made of the CHAIRED_BY and COORDINATES_WITH relationships",
    "programmes_by_communes": "per provincial programme, the communes with an ingested "
    "document (its jurisdiction) one of whose tasks or indicators has a counting IMPLEMENTS "
    "to the programme",
    "counting_link": "an IMPLEMENTS counts when confirmed, or stated, or proposed by "
    "similarity with confidence ≥ min_confidence; a rejected one never counts",
    "document_components": "weakly connected components of the documents joined by counting "
    "IMPLEMENTS, CITES and RESOLVES_TO (a task's or indicator's relationship counts for its "
    "document); single documents included",
    "orphan_tasks": "tasks with no counting IMPLEMENTS of their own whose document neither "
    "implements (counting) nor cites anything",
}


def implements_counts(relationship: PGRelationship, min_confidence: float) -> bool:
    """Return whether an IMPLEMENTS relationship counts (`queries.reviews.link_is_used`)."""
    properties = relationship.properties
    status = _STATUS.get(str(properties.get("status")))
    decision = Decision(status, None, "") if status is not None else None
    confidence = properties.get("confidence", 0.0)
    return link_is_used(
        _METHOD.get(str(properties.get("method"))),
        float(confidence) if isinstance(confidence, int | float) else 0.0,
        decision,
        min_confidence,
    )


def _has(pg: PropertyGraph, iri: str, label: str) -> bool:
    node = pg.nodes.get(iri)
    return node is not None and label in node.labels


def _name(pg: PropertyGraph, iri: str) -> str:
    node = pg.nodes.get(iri)
    return display_label(iri, dict(node.properties)) if node is not None else iri


def _agencies(pg: PropertyGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    import networkx as nx

    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"chairs": set(), "coord": set()})
    network = nx.Graph()
    for r in pg.relationships:
        if r.type not in _AGENCY_EDGES or not _has(pg, r.target, "Agency"):
            continue
        network.add_edge(r.source, r.target)
        if _has(pg, r.source, "Task"):
            roles[r.target]["chairs" if r.type == "CHAIRED_BY" else "coord"].add(r.source)
    by_tasks = [
        {
            "agency": iri,
            "label": _name(pg, iri),
            "chairs": len(sets["chairs"]),
            "coordinates": len(sets["coord"]),
            "tasks": len(sets["chairs"] | sets["coord"]),
        }
        for iri, sets in roles.items()
    ]
    by_tasks.sort(key=lambda a: (-(a["chairs"] + a["coordinates"]), -a["chairs"], a["label"]))
    centrality = nx.betweenness_centrality(network) if network.number_of_nodes() else {}
    by_betweenness = [
        {"agency": iri, "label": _name(pg, iri), "betweenness": round(score, 6)}
        for iri, score in centrality.items()
        if _has(pg, iri, "Agency")
    ]
    by_betweenness.sort(key=lambda a: (-a["betweenness"], a["label"]))
    return by_tasks, by_betweenness


def _document_of(pg: PropertyGraph) -> dict[str, str]:
    owner = {iri: iri for iri, node in pg.nodes.items() if "Document" in node.labels}
    for r in pg.relationships:
        if r.type == "SOURCE_DOCUMENT" and (
            _has(pg, r.source, "Task") or _has(pg, r.source, "Indicator")
        ):
            owner[r.source] = r.target
    return owner


def _programmes(
    pg: PropertyGraph, counting: list[PGRelationship], owner: dict[str, str]
) -> list[dict[str, Any]]:
    communes_of: dict[str, set[str]] = defaultdict(set)
    for r in pg.relationships:
        if r.type == "JURISDICTION" and _has(pg, r.target, "Commune"):
            communes_of[r.source].add(r.target)
    implementers: dict[str, set[str]] = defaultdict(set)
    for r in counting:
        item = r.source
        if not (_has(pg, item, "Task") or _has(pg, item, "Indicator")):
            continue
        if _has(pg, r.target, "ProvincialProgramme"):
            implementers[r.target] |= communes_of.get(owner.get(item, ""), set())
    ranked = [
        {
            "programme": iri,
            "number": node.properties.get("outlinePath"),
            "label": _name(pg, iri),
            "communes": len(implementers.get(iri, set())),
            "commune_labels": sorted(_name(pg, c) for c in implementers.get(iri, set())),
        }
        for iri, node in pg.nodes.items()
        if "ProvincialProgramme" in node.labels
    ]
    ranked.sort(key=lambda p: (-p["communes"], p["label"]))
    return ranked


def _components(
    pg: PropertyGraph, counting: list[PGRelationship], owner: dict[str, str]
) -> list[dict[str, Any]]:
    import networkx as nx

    network = nx.DiGraph()
    network.add_nodes_from(iri for iri, node in pg.nodes.items() if "Document" in node.labels)
    joined = [*counting, *(r for r in pg.relationships if r.type in _DOCUMENT_EDGES[1:])]
    for r in joined:
        source, target = owner.get(r.source), owner.get(r.target)
        if source is not None and target is not None and source != target:
            network.add_edge(source, target)
    components = [sorted(c) for c in nx.weakly_connected_components(network)]
    components.sort(key=lambda c: (-len(c), c))
    return [
        {"size": len(c), "documents": [{"document": d, "label": _name(pg, d)} for d in c]}
        for c in components
    ]


def _orphans(
    pg: PropertyGraph, counting: list[PGRelationship], owner: dict[str, str]
) -> list[dict[str, Any]]:
    upward = {r.source for r in counting}
    upward |= {r.source for r in pg.relationships if r.type == "CITES"}
    orphans = [
        {"task": iri, "label": _name(pg, iri), "document": owner.get(iri)}
        for iri, node in pg.nodes.items()
        if "Task" in node.labels and iri not in upward and owner.get(iri) not in upward
    ]
    orphans.sort(key=lambda o: (str(o["document"]), o["task"]))
    return orphans


def analyze(
    store: GraphStore, *, min_confidence: float = LINK_THRESHOLD, province: URIRef | None = None
) -> dict[str, Any]:
    """Return the analytics of the whole graph (or one province's part) as a JSON dictionary.

    Keys: `agencies_by_tasks`, `agencies_by_betweenness`, `programmes_by_communes`,
    `document_components`, `orphan_tasks` (with `orphan_task_count`), `min_confidence` and
    `derivation` (how each figure is defined).
    """
    pg = property_graph(store, province=province)
    counting = [
        r
        for r in pg.relationships
        if r.type == "IMPLEMENTS" and implements_counts(r, min_confidence)
    ]
    owner = _document_of(pg)
    by_tasks, by_betweenness = _agencies(pg)
    orphans = _orphans(pg, counting, owner)
    return {
        "min_confidence": min_confidence,
        "agencies_by_tasks": by_tasks,
        "agencies_by_betweenness": by_betweenness,
        "programmes_by_communes": _programmes(pg, counting, owner),
        "document_components": _components(pg, counting, owner),
        "orphan_task_count": len(orphans),
        "orphan_tasks": orphans,
        "derivation": DERIVATION,
    }
