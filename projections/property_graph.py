"""The property-graph projection: RDF resources as labelled nodes, links as typed edges.

Literal statements become node properties keyed by the predicate's local name
(`skos:prefLabel` and `rdfs:label` become `label`); statements between resources become
relationships typed by the predicate in upper snake case (`mg:chairedBy` → `CHAIRED_BY`).
Implementation links are qualified in RDF (`mg:qualifiedImplementation` → an
`mg:ImplementationLink` → `prov:entity`); each becomes one IMPLEMENTS relationship carrying the
link's confidence, method, evidence and review status, not a node. Bookkeeping resources
(links, reviews, ingest activities, software and reviewer agents) are not nodes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from linking.store_links import EVIDENCE_SEPARATOR
from ontology.vocabulary import MG, PROV, RDF, RDFS, SKOS
from queries.reviews import latest_reviews
from queries.sparql import load_query
from store import GraphStore

__all__ = ["PGNode", "PGRelationship", "PropertyGraph", "PropertyValue", "property_graph"]

PropertyValue = str | int | float | bool | list[str]

_BOOKKEEPING = frozenset(
    str(cls)
    for cls in (
        MG.ImplementationLink,
        MG.Review,
        MG.IngestActivity,
        PROV.SoftwareAgent,
        PROV.Person,
    )
)
# Shown through the IMPLEMENTS relationships, or bookkeeping about the resource itself.
_SKIPPED_PREDICATES = frozenset({MG.implements, PROV.wasGeneratedBy, PROV.wasAttributedTo})
# Objects that are values of a closed list, kept as a property rather than as an edge.
_VALUE_PREDICATES = frozenset({MG.comparator})
_LABEL_PREDICATES = frozenset({SKOS.prefLabel, RDFS.label})
_METHODS = {MG.stated: "stated", MG.similarity: "similarity"}
_STATUSES = {MG.auto: "auto", MG.confirmed: "confirmed", MG.rejected: "rejected"}


@dataclass(frozen=True)
class PGNode:
    """A node: its IRI, its mg classes (most general first) and its literal properties."""

    iri: str
    labels: tuple[str, ...]
    properties: dict[str, PropertyValue]


@dataclass(frozen=True)
class PGRelationship:
    """A typed, directed relationship between two nodes, with its properties."""

    source: str
    target: str
    type: str
    properties: dict[str, PropertyValue]


@dataclass
class PropertyGraph:
    """Nodes by IRI and the relationships between them."""

    nodes: dict[str, PGNode] = field(default_factory=dict)
    relationships: list[PGRelationship] = field(default_factory=list)


def local_name(iri: str) -> str:
    """Return the part of `iri` after its last `#` or `/`."""
    return re.split(r"[#/]", iri)[-1]


def relationship_type(predicate: str) -> str:
    """Return the relationship type of a predicate: its local name in upper snake case."""
    name = local_name(predicate)
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


class _Collected:
    """The statements of the projected graphs, grouped by subject, merged across graphs."""

    def __init__(self) -> None:
        self.types: dict[str, set[str]] = defaultdict(set)
        self.literals: dict[str, dict[str, list[Literal]]] = defaultdict(lambda: defaultdict(list))
        self.edges: set[tuple[str, str, str]] = set()
        self.in_graph: dict[str, set[str]] = defaultdict(set)

    def add(self, graph: str, subject: Node, predicate: Node, value: Node) -> None:
        s, p = str(subject), URIRef(str(predicate))
        self.in_graph[graph].add(s)
        if p == RDF.type:
            self.types[s].add(str(value))
        elif isinstance(value, Literal):
            key = "label" if p in _LABEL_PREDICATES else local_name(p)
            if value not in self.literals[s][key]:
                self.literals[s][key].append(value)
        elif p in _VALUE_PREDICATES:
            self.literals[s][local_name(p)].append(Literal(local_name(str(value))))
        elif p not in _SKIPPED_PREDICATES:
            self.edges.add((s, str(p), str(value)))


def _graphs(store: GraphStore) -> tuple[URIRef | None, list[URIRef]]:
    reference: URIRef | None = None
    others: list[URIRef] = []
    for row in store.select(load_query("projection_graphs")):
        if str(row["reference"]) == "true":
            reference = URIRef(str(row["graph"]))
        else:
            others.append(URIRef(str(row["graph"])))
    return reference, [graph for graph in others if graph != reference]


class _Reference:
    """The ontology's class hierarchy and named individuals."""

    def __init__(self, store: GraphStore, reference: URIRef | None) -> None:
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.individuals: dict[str, tuple[str, str | None]] = {}
        if reference is None:
            return
        for row in store.select(load_query("projection_reference"), {"reference": reference}):
            if row.get("class") is not None and row.get("super") is not None:
                self.parents[str(row["class"])].add(str(row["super"]))
            if row.get("individual") is not None:
                label = row.get("label")
                known = self.individuals.get(str(row["individual"]))
                if known is None or (isinstance(label, Literal) and label.language == "vi"):
                    text = str(label) if label is not None else None
                    self.individuals[str(row["individual"])] = (str(row["type"]), text)

    def ancestors(self, cls: str) -> dict[str, int]:
        """Return each mg class at or above `cls` with its distance from `cls`."""
        found: dict[str, int] = {}
        frontier, distance = [cls], 0
        while frontier:
            following = []
            for current in frontier:
                if current in found:
                    continue
                found[current] = distance
                following.extend(self.parents.get(current, ()))
            frontier, distance = following, distance + 1
        return {iri: d for iri, d in found.items() if iri.startswith(str(MG._NS))}

    def labels(self, types: set[str]) -> tuple[str, ...]:
        """Return the mg classes of `types` and their superclasses, most general first."""
        depth: dict[str, int] = {}
        for cls in types:
            for iri, distance in self.ancestors(cls).items():
                depth[iri] = max(depth.get(iri, 0), distance)
        ordered = sorted(depth, key=lambda iri: (-depth[iri], local_name(iri)))
        return tuple(local_name(iri) for iri in ordered) or ("Resource",)


def _value(literals: list[Literal]) -> PropertyValue:
    if len(literals) > 1:
        return sorted(str(literal) for literal in literals)
    python = literals[0].toPython()
    if isinstance(python, bool | int | float):
        return python
    return str(literals[0])


def _properties(values: dict[str, list[Literal]]) -> dict[str, PropertyValue]:
    return {key: _value(literals) for key, literals in sorted(values.items())}


def _implements(collected: _Collected, store: GraphStore) -> list[PGRelationship]:
    reviews = latest_reviews(store)
    outgoing: dict[str, dict[str, str]] = defaultdict(dict)
    for s, p, o in collected.edges:
        outgoing[s][p] = o
    links: list[PGRelationship] = []
    for subject, predicate, link in sorted(collected.edges):
        target = outgoing[link].get(str(PROV.entity))
        if predicate != str(MG.qualifiedImplementation) or target is None:
            continue
        values = collected.literals.get(link, {})
        method = URIRef(outgoing[link].get(str(MG.linkMethod), ""))
        decision = reviews.get(URIRef(link))
        status = _STATUSES[decision.status] if decision is not None else "auto"
        evidence = [str(literal) for literal in values.get("evidence", [])]
        if method == MG.similarity:
            evidence = [part for text in evidence for part in text.split(EVIDENCE_SEPARATOR)]
        confidence = values.get("confidence")
        properties: dict[str, PropertyValue] = {
            "confidence": float(confidence[0]) if confidence else 0.0,
            "method": _METHODS.get(method, local_name(method)),
            "status": status,
            "link": link,
            "evidence": evidence,
        }
        links.append(PGRelationship(subject, target, "IMPLEMENTS", properties))
    return links


def _collect(store: GraphStore, reference: URIRef | None) -> _Collected:
    collected = _Collected()
    # Without a reference graph nothing is excluded; a never-used IRI stands in for it.
    excluded = reference or URIRef(str(MG._NS) + "no-reference-graph")
    for row in store.select(load_query("projection_statements"), {"reference": excluded}):
        collected.add(str(row["graph"]), row["s"], row["p"], row["o"])
    return collected


def _document_graph(store: GraphStore, document: URIRef, graphs: list[URIRef]) -> str:
    rows = store.select(load_query("projection_document_graph"), {"document": document})
    found = [str(row["graph"]) for row in rows if URIRef(str(row["graph"])) in graphs]
    if not found:
        raise LookupError(f"{document} is not an ingested document")
    return found[0]


def _province_graphs(store: GraphStore, province: URIRef, graphs: list[URIRef]) -> list[str]:
    rows = store.select(load_query("projection_province_graphs"), {"province": province})
    found = [str(row["graph"]) for row in rows if URIRef(str(row["graph"])) in graphs]
    if not found:
        raise LookupError(f"{province}: no document of this province or its communes is ingested")
    return found


def property_graph(
    store: GraphStore, *, document: URIRef | None = None, province: URIRef | None = None
) -> PropertyGraph:
    """Return the property-graph projection of the store.

    All named graphs but the reference graph (the ontology) are projected: the documents, the
    links graph and the reviews. With `document`, only that document's graph is, plus the
    relationships (implementation links, citations, resolved references) touching its nodes
    and the nodes at their other ends; with `province` (a unit IRI), likewise for every
    document of the province and its communes. Raises LookupError when no such document
    was ingested.
    """
    reference, graphs = _graphs(store)
    onto = _Reference(store, reference)
    collected = _collect(store, reference)
    bookkeeping = {s for s, types in collected.types.items() if types & _BOOKKEEPING}
    implements = _implements(collected, store)
    edges = [
        PGRelationship(s, o, relationship_type(p), {})
        for s, p, o in sorted(collected.edges)
        if s not in bookkeeping and o not in bookkeeping
    ]
    relationships = [*edges, *implements]
    subset = (
        [_document_graph(store, document, graphs)]
        if document is not None
        else _province_graphs(store, province, graphs)
        if province is not None
        else None
    )
    if subset is not None:
        own = set().union(*(collected.in_graph[graph] for graph in subset)) - bookkeeping
        relationships = [r for r in relationships if r.source in own or r.target in own]
        keep = own | {r.source for r in relationships} | {r.target for r in relationships}
    else:
        keep = (
            {s for s in collected.types if s not in bookkeeping}
            | {s for s in collected.literals if s not in bookkeeping}
            | {r.source for r in relationships}
            | {r.target for r in relationships}
        )
    result = PropertyGraph()
    for iri in sorted(keep):
        properties = _properties(collected.literals.get(iri, {}))
        types = collected.types.get(iri, set())
        if iri in onto.individuals:
            kind, label = onto.individuals[iri]
            types = types | {kind}
            if label is not None:
                properties.setdefault("label", label)
        result.nodes[iri] = PGNode(iri, onto.labels(types), properties)
    result.relationships = relationships
    return result
