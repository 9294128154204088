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

from linking import LINK_THRESHOLD, Linker, build_item_candidates, build_programme_candidates
from linking.resolution import resolve_references
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PREFIXES, PROV, RDF, RDFS, XSD
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


def _provinces(store: GraphStore) -> dict[URIRef, _Province]:
    provinces: dict[URIRef, _Province] = defaultdict(_Province)
    for row in store.select(load_query("linking_programmes")):
        province = provinces[URIRef(str(row["province"]))]
        province.programmes.append(
            (URIRef(str(row["programme"])), str(row["number"]), str(row["title"]))
        )
        province.listing = province.listing or str(row["listing"])
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
    proposal: object,
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
    graph.add((link, RDFS.comment, Literal(str(getattr(proposal, "method", "similarity")))))
    terms = list(getattr(proposal, "evidence", ()))
    if terms:
        # One literal keeps the order (most telling term first); EVIDENCE_SEPARATOR splits it.
        graph.add((link, MG.evidence, Literal(EVIDENCE_SEPARATOR.join(terms))))


def _propose(graph: Graph, iris: IriFactory, store: GraphStore, summary: LinkSummary) -> None:
    provinces = _provinces(store)
    linkers: dict[URIRef, dict[str, tuple[Linker, dict[str, URIRef]]]] = {}
    for unit, province in provinces.items():
        chosen: dict[str, tuple[Linker, dict[str, URIRef]]] = {}
        task_texts = [text for _item, text in province.items.get(MG.Task, [])]
        if province.programmes:
            candidates = build_programme_candidates(
                [(number, title) for _node, number, title in province.programmes],
                guidance_text=province.listing,
                provincial_items=task_texts,
            )
            keys = {number: node for node, number, _title in province.programmes}
            chosen["programme"] = (Linker(candidates), keys)
        for kind, items in province.items.items():
            candidates = build_item_candidates([(str(item), text) for item, text in items])
            chosen[str(kind)] = (Linker(candidates), {str(item): item for item, _ in items})
        linkers[unit] = chosen
    for row in store.select(load_query("linking_commune_items")):
        item, text = URIRef(str(row["item"])), str(row["text"])
        chosen = linkers.get(URIRef(str(row["province"])), {})
        for name in ("programme", str(row["kind"])):
            if name not in chosen:
                continue
            linker, keys = chosen[name]
            accepted = {proposal.key for proposal in linker.accepted(text)}
            for proposal in linker.propose(text, limit=_KEPT_PER_ITEM):
                target = keys.get(proposal.key)
                if target is None:
                    continue
                confidence = float(proposal.confidence)
                if proposal.key not in accepted:
                    # Abstention overrides the score: a proposal the linker declined stays
                    # visible for review but below the threshold queries use.
                    confidence = min(confidence, LINK_THRESHOLD - 0.01)
                else:
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
