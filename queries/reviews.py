"""Reviewers' decisions on proposed links, and which links the queries therefore use.

A decision is an mg:Review in the reviews graph: the link it is about, confirmed or
rejected, who decided (a PROV agent with a label) and when. The reviews graph is never
touched by ingest, and link IRIs depend only on their two ends, so decisions survive any
re-ingest. The latest decision on a link wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import Graph, Literal, URIRef

from linking import LINK_THRESHOLD
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PROV, RDF, RDFS, XSD
from queries.sparql import load_query
from store import GraphStore
from store.terms import insert_data_block

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "Decision",
    "hop_kind",
    "latest_reviews",
    "link_is_used",
    "record_review",
]

DEFAULT_MIN_CONFIDENCE = LINK_THRESHOLD
"""Similarity links at or above this confidence are used by queries unless rejected.

It is the linker's threshold (see docs/linking.md); commands take `--min-confidence` to ask
for more or less.
"""


@dataclass(frozen=True)
class Decision:
    """The latest reviewer's decision on one link."""

    status: URIRef
    who: str | None
    when: str


_REVIEWS_CACHE = "reviews"


def latest_reviews(store: GraphStore) -> dict[URIRef, Decision]:
    """Return, per reviewed link, its latest decision.

    Every lineage and coverage answer reads all decisions, so they are read once per store
    generation when the store allows caching (a new review is a write, which ends it).
    """
    # A copy: callers may add decisions of their own.
    return dict(store.remembered(_REVIEWS_CACHE, "latest", lambda: _read_reviews(store), limit=1))


def _read_reviews(store: GraphStore) -> dict[URIRef, Decision]:
    latest: dict[URIRef, Decision] = {}
    for row in store.select_values(load_query("reviews_latest")):
        link = URIRef(row["link"])
        decision = Decision(URIRef(row["status"]), row.get("who"), row["when"])
        if link not in latest or latest[link].when <= decision.when:
            latest[link] = decision
    return latest


def record_review(
    store: GraphStore,
    iris: IriFactory,
    link: URIRef,
    *,
    confirmed: bool,
    reviewer: str,
    at: datetime | None = None,
) -> Decision:
    """Store a reviewer's decision on `link` in the reviews graph; return it.

    The decision, its reviewer and its time are added in one transaction, so a crash
    leaves either all of it or none.
    """
    moment = (at or datetime.now(UTC)).isoformat()
    status = MG.confirmed if confirmed else MG.rejected
    review = iris.review(link, moment)
    agent = iris.reviewer(reviewer)
    graph = Graph()
    graph.add((review, RDF.type, MG.Review))
    graph.add((review, MG.reviewedLink, link))
    graph.add((review, MG.reviewStatus, status))
    graph.add((review, PROV.endedAtTime, Literal(moment, datatype=XSD.dateTime)))
    graph.add((review, PROV.wasAssociatedWith, agent))
    graph.add((agent, RDF.type, PROV.Person))
    graph.add((agent, RDFS.label, Literal(reviewer)))
    store.update(insert_data_block(iris.reviews_graph(), graph))
    return Decision(status, reviewer, moment)


# Looked up once: a closed namespace's attribute access costs microseconds, and coverage asks
# for every link of a commune.
_CONFIRMED = MG.confirmed
_STATED = MG.stated


def link_is_used(
    method: URIRef | None, confidence: float, decision: Decision | None, min_confidence: float
) -> bool:
    """Return whether queries count a link.

    Rejected links never count and confirmed ones always do; otherwise a link the document
    states counts, and a proposed one when its confidence reaches `min_confidence`.
    """
    if decision is not None:
        return decision.status == _CONFIRMED
    if method == _STATED:
        return True
    return confidence >= min_confidence


def hop_kind(method: URIRef | None, decision: Decision | None) -> str:
    """Return how a link is known: "confirmed", "rejected", "stated" or "proposed"."""
    if decision is not None:
        return "confirmed" if decision.status == _CONFIRMED else "rejected"
    return "stated" if method == _STATED else "proposed"
