"""Proposed implements links for the communes of one province, computed without a store.

Everything a province's linking needs is read from the store first (`ProvinceInput`), so the
work can run in a worker process; the result is N-Triples text per commune, ready to become
that commune's links graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox
from rdflib import URIRef

from linking import (
    LINK_THRESHOLD,
    Candidate,
    Linker,
    Proposal,
    build_item_candidates,
    build_programme_candidates,
)
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PROV, RDF, RDFS, XSD
from queries.coverage import programme_applies

__all__ = [
    "EVIDENCE_SEPARATOR",
    "CommuneItem",
    "ProvinceInput",
    "ProvinceLinks",
    "link_province",
]

EVIDENCE_SEPARATOR = " | "
"""Joins the matched terms of a similarity link in its one mg:evidence literal."""
# Declined proposals kept per item and kind of target, so reviewers see the nearest miss.
_DECLINED_KEPT = 1


@dataclass(frozen=True)
class CommuneItem:
    """A task or indicator of a commune document, to be linked."""

    item: str
    kind: str
    text: str


@dataclass
class ProvinceInput:
    """What linking the communes of one province needs: its lists and the communes' items."""

    province: str
    programmes: list[tuple[str, str, str]] = field(default_factory=list)
    """(programme IRI, number, title) of the province's listed programmes."""
    listing: str | None = None
    """The text of the document that lists the programmes (its guidance and templates)."""
    places: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Programme IRI → the (place IRI, name) it is restricted to."""
    provincial_items: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Kind IRI (mg:Task, mg:Indicator) → (item IRI, text with measures) of the province."""
    communes: dict[str, tuple[str, list[CommuneItem]]] = field(default_factory=dict)
    """Commune IRI → (its name, its items)."""


@dataclass
class ProvinceLinks:
    """The links of one province: N-Triples per commune, and counts."""

    province: str
    by_commune: dict[str, str] = field(default_factory=dict)
    proposed: int = 0
    accepted: int = 0


class _Linkers:
    """The province's linkers, built once and shared by its communes."""

    def __init__(self, data: ProvinceInput) -> None:
        self.data = data
        self.items = {
            kind: (
                Linker(build_item_candidates(items)),
                {item: URIRef(item) for item, _text in items},
            )
            for kind, items in data.provincial_items.items()
        }
        self._candidates: list[Candidate] | None = None
        # One programme linker per set of programmes that apply (most communes share one).
        self._programmes: dict[frozenset[str], tuple[Linker, dict[str, URIRef]]] = {}

    def programme_linker(self, commune: str, name: str) -> tuple[Linker, dict[str, URIRef]] | None:
        """Return the linker over the programmes that apply to `commune`, or None."""
        data = self.data
        chosen = frozenset(
            node
            for node, _number, _title in data.programmes
            if programme_applies(commune, name, data.places.get(node, []))
        )
        if not chosen:
            return None
        if chosen not in self._programmes:
            if self._candidates is None:
                # Profiles are built from the whole list, so wording about a programme that
                # does not apply here is not handed to a neighbour.
                task_texts = [text for _item, text in data.provincial_items.get(str(MG.Task), [])]
                self._candidates = build_programme_candidates(
                    [(number, title) for _node, number, title in data.programmes],
                    guidance_text=data.listing,
                    provincial_items=task_texts,
                )
            keys = {
                number: URIRef(node) for node, number, _title in data.programmes if node in chosen
            }
            applicable = [candidate for candidate in self._candidates if candidate.key in keys]
            self._programmes[chosen] = (Linker(applicable), keys)
        return self._programmes[chosen]


class _LinkWriter:
    """Writes links as pyoxigraph triples: at a million links rdflib's graph is the cost."""

    def __init__(self, iris: IriFactory) -> None:
        self.iris = iris
        self.triples: list[ox.Triple] = []
        node = ox.NamedNode
        self.qualified, self.type = node(str(MG.qualifiedImplementation)), node(str(RDF.type))
        self.link_class, self.entity = node(str(MG.ImplementationLink)), node(str(PROV.entity))
        self.method, self.similarity = node(str(MG.linkMethod)), node(str(MG.similarity))
        self.status, self.auto = node(str(MG.reviewStatus)), node(str(MG.auto))
        self.confidence, self.decimal = node(str(MG.confidence)), node(str(XSD.decimal))
        self.attributed = node(str(PROV.wasAttributedTo))
        self.software = node(str(iris.software_agent()))
        self.comment, self.evidence = node(str(RDFS.comment)), node(str(MG.evidence))

    def add(self, source: str, target: str, proposal: Proposal, confidence: float) -> None:
        """Add the qualified link saying `source` implements `target`, with its evidence."""
        link = ox.NamedNode(str(self.iris.implementation_link(URIRef(source), URIRef(target))))
        subject = ox.NamedNode(source)
        value = ox.Literal(f"{Decimal(f'{confidence:.4f}')}", datatype=self.decimal)
        self.triples += [
            ox.Triple(subject, self.qualified, link),
            ox.Triple(link, self.type, self.link_class),
            ox.Triple(link, self.entity, ox.NamedNode(target)),
            ox.Triple(link, self.method, self.similarity),
            ox.Triple(link, self.status, self.auto),
            ox.Triple(link, self.confidence, value),
            ox.Triple(link, self.attributed, self.software),
            ox.Triple(link, self.comment, ox.Literal(proposal.method)),
        ]
        terms = list(proposal.evidence)
        if terms:
            # One literal keeps the order (most telling term first); EVIDENCE_SEPARATOR splits it.
            evidence = ox.Literal(EVIDENCE_SEPARATOR.join(terms))
            self.triples.append(ox.Triple(link, self.evidence, evidence))

    def text(self) -> str:
        """Return the links added since the last call as N-Triples, and start afresh."""
        text = ox.serialize(self.triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        self.triples = []
        return text


def _link_item(
    writer: _LinkWriter,
    entry: CommuneItem,
    chosen: dict[str, tuple[Linker, dict[str, URIRef]]],
    result: ProvinceLinks,
) -> None:
    for name in ("programme", entry.kind):
        if name not in chosen:
            continue
        linker, keys = chosen[name]
        accepted_list, declined = linker.decide(entry.text, limit=_DECLINED_KEPT)
        accepted = {proposal.key: proposal for proposal in accepted_list}
        # Every accepted link, and the best declined one for reviewers to see.
        proposals = {p.key: p for p in declined if p.key not in accepted}
        proposals.update(accepted)
        for proposal in proposals.values():
            target = keys.get(proposal.key)
            if target is None:
                continue
            confidence = float(proposal.confidence)
            # The linker's decision (score, margin, abstention) wins over the raw score: an
            # accepted link is stored at or above the threshold queries use, and a declined
            # one below it, still visible for review.
            if proposal.key not in accepted:
                confidence = min(confidence, LINK_THRESHOLD - 0.01)
            else:
                confidence = max(confidence, LINK_THRESHOLD)
                result.accepted += 1
            writer.add(entry.item, str(target), proposal, max(confidence, 0.0))
            result.proposed += 1


def link_province(data: ProvinceInput, base_iri: str) -> ProvinceLinks:
    """Return the proposed links of every commune in `data`, as N-Triples per commune.

    For each task and indicator: the provincial programmes that apply to its commune, and
    the provincial tasks or indicators (of the same kind) it most likely implements.
    """
    writer = _LinkWriter(IriFactory(base_iri))
    linkers = _Linkers(data)
    result = ProvinceLinks(data.province)
    for commune, (name, items) in sorted(data.communes.items()):
        chosen = {str(kind): linker for kind, linker in linkers.items.items()}
        programmes = linkers.programme_linker(commune, name)
        if programmes is not None:
            chosen["programme"] = programmes
        for entry in items:
            _link_item(writer, entry, chosen, result)
        result.by_commune[commune] = writer.text()
    return result
