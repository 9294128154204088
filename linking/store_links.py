"""The derived-links graph: resolved references and proposed implements links, rebuilt whole.

After every ingest the graph `iris.links_graph()` is recomputed from the document graphs:

- mg:resolvesTo from a referenced node to the document it turned out to be, and the
  mg:ReferencedDocument mark on documents still known only from references
  (`linking.resolution`);
- for every task and indicator of a commune document, the provincial programmes of its
  province and the provincial documents' tasks and indicators it most likely implements,
  each as an mg:ImplementationLink with confidence, method mg:similarity, the matched terms
  as evidence and review status auto. Proposals under the threshold are kept too, so
  reviewers can see near misses; queries use only those at or above it (or confirmed).

Link IRIs depend only on the two ends, so a reviewer's decision (kept in the reviews graph)
finds its link again after any re-ingest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from linking import (
    LINK_THRESHOLD,
    Candidate,
    Linker,
    Proposal,
    build_item_candidates,
    build_programme_candidates,
)
from linking.resolution import resolve_references
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PREFIXES, PROV, RDF, RDFS, XSD
from queries.coverage import programme_applies
from queries.sparql import load_query
from store import GraphStore

__all__ = ["EVIDENCE_SEPARATOR", "LinkSummary", "rebuild_links"]

EVIDENCE_SEPARATOR = " | "
"""Joins the matched terms of a similarity link in its one mg:evidence literal."""
# How many proposals per item and kind of target are kept for review.
_KEPT_PER_ITEM = 3


@dataclass
class LinkSummary:
    """What a rebuild wrote: counts of each kind of derived statement."""

    resolved: int = 0
    referenced_only: int = 0
    proposed: int = 0
    accepted: int = 0
    by_province: dict[str, int] = field(default_factory=dict)


@dataclass
class _Province:
    programmes: list[tuple[URIRef, str, str]] = field(default_factory=list)
    listing: str | None = None
    items: dict[URIRef, list[tuple[URIRef, str]]] = field(default_factory=dict)
    places: dict[URIRef, list[tuple[str, str]]] = field(default_factory=dict)
    # One programme linker per set of programmes that apply (most communes share one).
    programme_linkers: dict[frozenset[URIRef], tuple[Linker, dict[str, URIRef]]] = field(
        default_factory=dict
    )
    candidates: list[Candidate] | None = None

    def programme_linker(self, commune: str, name: str) -> tuple[Linker, dict[str, URIRef]] | None:
        """Return the linker over the programmes that apply to `commune`, or None."""
        chosen = frozenset(
            node
            for node, _number, _title in self.programmes
            if programme_applies(commune, name, self.places.get(node, []))
        )
        if not chosen:
            return None
        if chosen not in self.programme_linkers:
            if self.candidates is None:
                # Profiles are built from the whole list, so wording about a programme that
                # does not apply here is not handed to a neighbour.
                task_texts = [text for _item, text in self.items.get(MG.Task, [])]
                self.candidates = build_programme_candidates(
                    [(number, title) for _node, number, title in self.programmes],
                    guidance_text=self.listing,
                    provincial_items=task_texts,
                )
            keys = {number: node for node, number, _title in self.programmes if node in chosen}
            applicable = [candidate for candidate in self.candidates if candidate.key in keys]
            self.programme_linkers[chosen] = (Linker(applicable), keys)
        return self.programme_linkers[chosen]


def _provinces(store: GraphStore) -> dict[URIRef, _Province]:
    provinces: dict[URIRef, _Province] = defaultdict(_Province)
    for row in store.select(load_query("linking_programmes")):
        province = provinces[URIRef(str(row["province"]))]
        province.programmes.append(
            (URIRef(str(row["programme"])), str(row["number"]), str(row["title"]))
        )
        province.listing = province.listing or str(row["listing"])
    places: dict[URIRef, list[tuple[str, str]]] = defaultdict(list)
    for row in store.select(load_query("linking_programme_places")):
        place = str(row["place"])
        places[URIRef(str(row["programme"]))].append((place, str(row.get("label") or place)))
    for province in provinces.values():
        province.places = {
            node: places[node] for node, _n, _t in province.programmes if node in places
        }
    for row in store.select(load_query("linking_provincial_items")):
        province = provinces[URIRef(str(row["province"]))]
        text = " ".join(filter(None, (str(row["text"]), str(row.get("measures") or ""))))
        kind = URIRef(str(row["kind"]))
        province.items.setdefault(kind, []).append((URIRef(str(row["item"])), text))
    return provinces


def _write_link(
    graph: Graph,
    iris: IriFactory,
    source: URIRef,
    target: URIRef,
    proposal: Proposal,
    confidence: float,
) -> None:
    link = iris.implementation_link(source, target)
    graph.add((source, MG.qualifiedImplementation, link))
    graph.add((link, RDF.type, MG.ImplementationLink))
    graph.add((link, PROV.entity, target))
    graph.add((link, MG.linkMethod, MG.similarity))
    graph.add((link, MG.reviewStatus, MG.auto))
    value = Decimal(f"{confidence:.4f}")
    graph.add((link, MG.confidence, Literal(value, datatype=XSD.decimal)))
    graph.add((link, PROV.wasAttributedTo, iris.software_agent()))
    graph.add((link, RDFS.comment, Literal(proposal.method)))
    terms = list(proposal.evidence)
    if terms:
        # One literal keeps the order (most telling term first); EVIDENCE_SEPARATOR splits it.
        graph.add((link, MG.evidence, Literal(EVIDENCE_SEPARATOR.join(terms))))


def _propose(graph: Graph, iris: IriFactory, store: GraphStore, summary: LinkSummary) -> None:
    provinces = _provinces(store)
    item_linkers: dict[URIRef, dict[str, tuple[Linker, dict[str, URIRef]]]] = {}
    for unit, province in provinces.items():
        item_linkers[unit] = {
            str(kind): (
                Linker(build_item_candidates([(str(item), text) for item, text in items])),
                {str(item): item for item, _ in items},
            )
            for kind, items in province.items.items()
        }
    for row in store.select(load_query("linking_commune_items")):
        item, text = URIRef(str(row["item"])), str(row["text"])
        province_unit = URIRef(str(row["province"]))
        if province_unit not in provinces:
            continue
        province = provinces[province_unit]
        chosen = dict(item_linkers.get(province_unit, {}))
        commune = str(row["commune"])
        programmes = province.programme_linker(commune, str(row.get("communeLabel") or commune))
        if programmes is not None:
            chosen["programme"] = programmes
        for name in ("programme", str(row["kind"])):
            if name not in chosen:
                continue
            linker, keys = chosen[name]
            accepted = {proposal.key: proposal for proposal in linker.accepted(text)}
            # Every accepted link, and the best few declined ones for reviewers to see.
            proposals = {p.key: p for p in linker.propose(text, limit=_KEPT_PER_ITEM)}
            proposals.update(accepted)
            for proposal in proposals.values():
                target = keys.get(proposal.key)
                if target is None:
                    continue
                confidence = float(proposal.confidence)
                # The linker's decision (score, margin, abstention) wins over the raw score:
                # an accepted link is stored at or above the threshold queries use, and a
                # declined one below it, still visible for review.
                if proposal.key not in accepted:
                    confidence = min(confidence, LINK_THRESHOLD - 0.01)
                else:
                    confidence = max(confidence, LINK_THRESHOLD)
                    summary.accepted += 1
                _write_link(graph, iris, item, target, proposal, max(confidence, 0.0))
                summary.proposed += 1


def rebuild_links(store: GraphStore, iris: IriFactory) -> LinkSummary:
    """Recompute the derived-links graph from the document graphs; return what it holds.

    Written in one transaction, so readers see the old links or the new, never a mix.
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    summary = LinkSummary()
    resolutions, unresolved = resolve_references(store)
    for resolution in resolutions:
        graph.add((resolution.placeholder, MG.resolvesTo, resolution.document))
        graph.add((resolution.placeholder, RDFS.comment, Literal(resolution.reason, lang="en")))
    for node in unresolved:
        graph.add((node, RDF.type, MG.ReferencedDocument))
    summary.resolved, summary.referenced_only = len(resolutions), len(unresolved)
    _propose(graph, iris, store, summary)
    store.replace_graph(iris.links_graph(), graph)
    return summary
