"""Mandate lineage: every path from a node up to the national congress resolution.

The walk goes up the edges that say where an obligation comes from: a task or indicator is
part of its document; a document or programme implements (qualified links: stated by a
document, proposed by similarity, or confirmed by a reviewer) or cites another; a node known
from references resolves to the document it turned out to be. Rejected links and proposals
under the confidence threshold are not walked. Each path ends at a national congress
resolution (Nghị quyết Đại hội XIV); when none does, the answer gives the furthest
ancestors reached and says why the chain stops there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import URIRef

from linking.store_links import EVIDENCE_SEPARATOR
from ontology.vocabulary import MG
from queries.reviews import DEFAULT_MIN_CONFIDENCE, Decision, hop_kind, latest_reviews, link_is_used
from queries.sparql import load_query
from store import GraphStore

__all__ = ["Hop", "Lineage", "NodeSummary", "lineage", "node_summary"]

_MAX_DEPTH = 10
_MAX_PATHS = 200


@dataclass(frozen=True)
class NodeSummary:
    """What to show for a node: a label, its class, and the facts lineage needs."""

    iri: str
    label: str
    kind: str | None
    national_congress: bool
    referenced_only: bool

    def to_json(self) -> dict[str, object]:
        """Return the summary as a JSON-ready dictionary."""
        return {"iri": self.iri, "label": self.label, "class": self.kind}


@dataclass(frozen=True)
class Hop:
    """One step of a path: from a node to the node it implements, cites or belongs to."""

    source: str
    target: str
    relation: str
    kind: str
    explanation: str
    confidence: float | None = None
    evidence: tuple[str, ...] = ()
    link: str | None = None

    def to_json(self) -> dict[str, object]:
        """Return the hop as a JSON-ready dictionary."""
        return {
            "from": self.source,
            "to": self.target,
            "relation": self.relation,
            "kind": self.kind,
            "confidence": self.confidence,
            "evidence": list(self.evidence),
            "link": self.link,
            "explanation": self.explanation,
        }


@dataclass
class Lineage:
    """The paths up from a node, or where the chain stops when none reaches the goal."""

    start: NodeSummary
    paths: list[list[Hop]] = field(default_factory=list)
    furthest: list[NodeSummary] = field(default_factory=list)
    gap: str | None = None
    nodes: dict[str, NodeSummary] = field(default_factory=dict)
    derivation: str = (
        "Walked up part-of, implements (stated, proposed at or above the confidence threshold, "
        "or confirmed; never rejected), cites and resolved-reference edges until a national "
        "congress resolution."
    )

    @property
    def reaches_goal(self) -> bool:
        """Return whether some path ends at a national congress resolution."""
        return bool(self.paths)

    def to_json(self) -> dict[str, object]:
        """Return the lineage as a JSON-ready dictionary."""
        return {
            "node": self.start.to_json(),
            "reaches": sorted({path[-1].target for path in self.paths}),
            "paths": [[hop.to_json() for hop in path] for path in self.paths],
            "furthest_ancestors": [node.to_json() for node in self.furthest],
            "gap": self.gap,
            "nodes": {iri: node.to_json() for iri, node in sorted(self.nodes.items())},
            "derivation": self.derivation,
        }


def node_summary(store: GraphStore, node: URIRef) -> NodeSummary:
    """Return how to show `node`: its title, text or label (shortened), and its class."""
    rows = store.select(load_query("node_summary"), {"node": node})
    label = kind = None
    national = referenced = False
    for row in rows:
        for key in ("title", "text", "label", "cited", "number", "path"):
            if label is None and row.get(key) is not None:
                label = " ".join(str(row[key]).split())
        if kind is None and row.get("class") is not None:
            kind = str(row["class"]).rsplit("#", 1)[-1]
        national = national or str(row.get("national")) == "true"
        referenced = referenced or str(row.get("referenced")) == "true"
    label = label or str(node)
    if len(label) > 200:
        label = label[:199] + "…"
    return NodeSummary(str(node), label, kind, national, referenced)


def _explain(
    relation: str,
    kind: str,
    target: str,
    said: str | None,
    decision: Decision | None,
    confidence: float | None,
    comment: str | None,
) -> str:
    if relation == "part_of":
        return "part of this document (its outline)"
    if relation == "cites":
        return "the document cites it (a citation, not a statement that it carries it out)"
    if relation == "same_document":
        return f"the reference is this document: {comment or 'matched by the graph'}"
    if kind == "confirmed" and decision is not None:
        return f"confirmed by reviewer {decision.who or 'unknown'} at {decision.when}"
    if kind == "stated":
        where = f" in {said}" if said else ""
        return f"stated{where}"
    return f"proposed by text similarity, confidence {confidence:.2f}"


class _Walker:
    def __init__(self, store: GraphStore, min_confidence: float) -> None:
        self.store = store
        self.min_confidence = min_confidence
        self.reviews = latest_reviews(store)
        self.summaries: dict[str, NodeSummary] = {}
        self.out: dict[str, list[Hop]] = {}

    def summary(self, iri: str) -> NodeSummary:
        if iri not in self.summaries:
            self.summaries[iri] = node_summary(self.store, URIRef(iri))
        return self.summaries[iri]

    def hops(self, iri: str) -> list[Hop]:
        if iri in self.out:
            return self.out[iri]
        grouped: dict[tuple[str, str, str | None], dict[str, object]] = {}
        for row in self.store.select(load_query("lineage_out"), {"node": URIRef(iri)}):
            link = str(row["link"]) if row.get("link") is not None else None
            key = (str(row["target"]), str(row["relation"]), link)
            entry = grouped.setdefault(key, {**row, "evidence": []})
            if row.get("evidence") is not None and str(row["evidence"]) not in entry["evidence"]:
                entry["evidence"].append(str(row["evidence"]))  # type: ignore[attr-defined]
        hops: list[Hop] = []
        for (target, relation, link), entry in grouped.items():
            method = URIRef(str(entry["method"])) if entry.get("method") is not None else None
            confidence = float(str(entry["confidence"])) if entry.get("confidence") else None
            decision = self.reviews.get(URIRef(link)) if link else None
            evidence: list[str] = list(entry["evidence"])  # type: ignore[call-overload]
            if relation == "implements":
                if not link_is_used(method, confidence or 0.0, decision, self.min_confidence):
                    continue
                kind = hop_kind(method, decision)
                if method == MG.similarity:
                    evidence = [t for e in evidence for t in e.split(EVIDENCE_SEPARATOR)]
            else:
                kind = "stated" if relation != "same_document" else "resolved"
            said = entry.get("said")
            said_label = self.summary(str(said)).label if said is not None else None
            comment = str(entry["comment"]) if entry.get("comment") is not None else None
            hops.append(
                Hop(
                    source=iri,
                    target=target,
                    relation=relation,
                    kind=kind,
                    explanation=_explain(
                        relation, kind, target, said_label, decision, confidence, comment
                    ),
                    confidence=confidence,
                    evidence=tuple(evidence),
                    link=link,
                )
            )
        hops.sort(
            key=lambda hop: (hop.relation != "implements", -(hop.confidence or 0), hop.target)
        )
        self.out[iri] = hops
        return hops

    def paths(self, start: str) -> Iterator[list[Hop]]:
        """Yield simple paths from `start` to a national congress resolution, shortest first."""
        frontier: list[tuple[str, list[Hop]]] = [(start, [])]
        for _depth in range(_MAX_DEPTH):
            following: list[tuple[str, list[Hop]]] = []
            for node, path in frontier:
                visited = {start, *(hop.target for hop in path)}
                for hop in self.hops(node):
                    if hop.target in visited:
                        continue
                    extended = [*path, hop]
                    if self.summary(hop.target).national_congress:
                        yield extended
                    else:
                        following.append((hop.target, extended))
            frontier = following[: _MAX_PATHS * 20]
            if not frontier:
                return

    def reachable(self, start: str) -> set[str]:
        seen, stack = {start}, [start]
        while stack:
            for hop in self.hops(stack.pop()):
                if hop.target not in seen:
                    seen.add(hop.target)
                    stack.append(hop.target)
        return seen


def _gap(walker: _Walker, start: str) -> tuple[list[NodeSummary], str]:
    reached = walker.reachable(start)
    ends = [walker.summary(iri) for iri in sorted(reached) if iri != start and not walker.hops(iri)]
    if not ends:
        return [], (
            "no path reaches Nghị quyết Đại hội XIV: nothing links this node to another "
            "document (no stated, confirmed or sufficiently confident link)"
        )
    reasons = []
    for node in ends:
        why = (
            "known only from references (not ingested), so what it implements is unknown"
            if node.referenced_only
            else "states nothing it implements or cites"
        )
        reasons.append(f"{node.label} — {why}")
    return ends, "no path reaches Nghị quyết Đại hội XIV; the chain stops at: " + "; ".join(reasons)


def lineage(
    store: GraphStore, node: URIRef, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> Lineage:
    """Return the paths from `node` up to a national congress resolution, or the gap."""
    walker = _Walker(store, min_confidence)
    start = str(node)
    result = Lineage(walker.summary(start))
    seen_routes: set[tuple[str, ...]] = set()
    for path in walker.paths(start):
        route = tuple(hop.target for hop in path)
        if route not in seen_routes:
            seen_routes.add(route)
            result.paths.append(path)
        if len(result.paths) >= _MAX_PATHS:
            break
    if not result.paths:
        result.furthest, result.gap = _gap(walker, start)
    used = {start} | {hop.target for path in result.paths for hop in path}
    used |= {node.iri for node in result.furthest}
    result.nodes = {iri: walker.summary(iri) for iri in used}
    return result
