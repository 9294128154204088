"""The floor of the three-way comparison: the same questions as plain-dict walks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ontology.vocabulary import MG, PROV, RDF

__all__ = ["Adjacency"]

_SOURCE, _IMPLEMENTS, _RESOLVES = str(MG.sourceDocument), str(MG.implements), str(MG.resolvesTo)
_QUALIFIED, _ENTITY, _CONFIDENCE = (
    str(MG.qualifiedImplementation),
    str(PROV.entity),
    str(MG.confidence),
)
_TYPE, _JURISDICTION, _HASH = str(RDF.type), str(MG.jurisdiction), str(MG.contentHash)


@dataclass
class Adjacency:
    """The edges both questions walk, indexed in dictionaries of IRIs."""

    up: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    qualified: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    entity: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    types: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    jurisdiction: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    units_documents: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    items: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    hashed: set[str] = field(default_factory=set)

    @classmethod
    def from_triples(cls, triples: Iterable[tuple[str, str, str]]) -> Adjacency:
        """Return the adjacency of `triples` (subject, predicate, object as lexical forms)."""
        graph = cls()
        for subject, predicate, obj in triples:
            if predicate == _SOURCE:
                graph.up[subject].add(obj)
                graph.items[obj].add(subject)
            elif predicate in (_IMPLEMENTS,):
                graph.up[subject].add(obj)
            elif predicate == _RESOLVES:
                graph.up[subject].add(obj)
                graph.up[obj].add(subject)
            elif predicate == _QUALIFIED:
                graph.qualified[subject].add(obj)
            elif predicate == _ENTITY:
                graph.entity[subject] = obj
            elif predicate == _CONFIDENCE:
                graph.confidence[subject] = float(obj)
            elif predicate == _TYPE:
                graph.types[subject].add(obj)
            elif predicate == _JURISDICTION:
                graph.jurisdiction[subject].add(obj)
                graph.units_documents[obj].add(subject)
            elif predicate == _HASH:
                graph.hashed.add(subject)
        return graph

    def _implemented(self, node: str, min_confidence: float) -> Iterable[str]:
        for link in self.qualified.get(node, ()):
            target = self.entity.get(link)
            if target is not None and self.confidence.get(link, -1.0) >= min_confidence:
                yield target

    def lineage(self, start: str, min_confidence: float) -> frozenset[str]:
        """Return every node reachable up from `start` (itself included)."""
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            for target in (*self.up.get(node, ()), *self._implemented(node, min_confidence)):
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return frozenset(seen)

    def coverage(self, unit: str, min_confidence: float) -> frozenset[str]:
        """Return the programmes `unit`'s items implement at `min_confidence` or more."""
        programme = str(MG.ProvincialProgramme)
        found = set()
        for document in self.units_documents.get(unit, ()):
            if document not in self.hashed:
                continue
            for item in self.items.get(document, ()):
                for target in self._implemented(item, min_confidence):
                    if programme in self.types.get(target, ()):
                        found.add(target)
        return frozenset(found)

    def national(self) -> frozenset[str]:
        """Return the national congress resolutions."""
        resolution, nation = str(MG.CongressResolution), str(MG.Nation)
        return frozenset(
            node
            for node, kinds in self.types.items()
            if resolution in kinds
            and any(nation in self.types.get(unit, ()) for unit in self.jurisdiction.get(node, ()))
        )
