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

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import URIRef

from linking.store_links import EVIDENCE_SEPARATOR
from ontology.vocabulary import MG
from queries.reviews import DEFAULT_MIN_CONFIDENCE, Decision, hop_kind, latest_reviews, link_is_used
from queries.sparql import load_query
from queries.values import values_query
from store import GraphStore
from store.terms import Row

__all__ = ["Hop", "Lineage", "NodeSummary", "lineage", "node_summary"]

_MAX_DEPTH = 10
_MAX_PATHS = 200
_REFERENCED = "ReferencedDocument"


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
    return node_summaries(store, [str(node)])[str(node)]


def node_summaries(store: GraphStore, nodes: Iterable[str]) -> dict[str, NodeSummary]:
    """Return `node_summary` of each of `nodes`, asked in one query."""
    wanted = list(dict.fromkeys(nodes))
    if not wanted:
        return {}
    query, bindings = values_query(
        load_query("lineage_summaries"), "node", [URIRef(iri) for iri in wanted]
    )
    values: dict[str, dict[str, set[str]]] = {iri: defaultdict(set) for iri in wanted}
    for row in store.select_values(query, bindings):
        values[row["node"]][row["key"]].add(row["value"])
    return {iri: _summary_of(iri, values[iri]) for iri in wanted}


# Facts about the nodes above a task (documents, programmes, resolutions) that every walk
# through them reads again: their upward edges and their summaries, per store generation.
_EDGES_CACHE = "lineage edges"
_SUMMARY_CACHE = "node summaries"
_CACHE_LIMIT = 50_000


def _cached_summaries(store: GraphStore, nodes: Iterable[str]) -> dict[str, NodeSummary]:
    """Return `node_summaries` of `nodes`, reading only those the store's cache lacks."""
    cache = store.facts(_SUMMARY_CACHE, limit=_CACHE_LIMIT)
    if cache is None:
        return node_summaries(store, nodes)
    found: dict[str, NodeSummary] = {}
    missing = []
    for iri in dict.fromkeys(nodes):
        known = cache.get(iri)
        if isinstance(known, NodeSummary):
            found[iri] = known
        else:
            missing.append(iri)
    for iri, summary in node_summaries(store, missing).items():
        cache.put(iri, summary)
        found[iri] = summary
    return found


def _edge_rows_of(store: GraphStore, nodes: list[str]) -> dict[str, list[Row]]:
    """Return the upward edges (lineage_edges.rq rows, as strings) of each of `nodes`."""
    rows: dict[str, list[Row]] = {iri: [] for iri in nodes}
    if nodes:
        query, bindings = values_query(
            load_query("lineage_edges"), "node", [URIRef(iri) for iri in nodes]
        )
        for row in store.select_values(query, bindings):
            rows[row["node"]].append(row)  # type: ignore[arg-type]
    return rows


_NAME_KEYS = ("title", "text", "label", "cited", "number", "path")


def _summary_of(node: str, values: dict[str, set[str]]) -> NodeSummary:
    # A cited document can also carry the "referenced, not ingested" mark: its own kind wins.
    classes = {iri.rsplit("#", 1)[-1] for iri in values["class"]}
    kinds = sorted(classes - {_REFERENCED}) or sorted(classes)
    # The first kind of name present; of several (a document cited in several wordings),
    # the first in sorted order, so the answer does not depend on the store's row order.
    names = next((values[key] for key in _NAME_KEYS if values[key]), {node})
    label = min(" ".join(name.split()) for name in names)
    if len(label) > 200:
        label = label[:199] + "…"
    return NodeSummary(
        node,
        label,
        kinds[0] if kinds else None,
        bool(values["national"]),
        bool(values["referenced"]),
    )


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
    """The walk's view of the graph, read before it starts.

    The upward edges (`lineage_edges`) and names of the start and of the nodes above it
    (documents, programmes, resolutions) are read level by level, from the store's facts
    cache when an earlier walk read them at the same generation. A node's summary gives
    whether it is a goal. A node outside them (none should be) is asked about on its own.
    """

    def __init__(self, store: GraphStore, min_confidence: float, start: str) -> None:
        self.store = store
        self.min_confidence = min_confidence
        self.reviews = latest_reviews(store)
        self.rows: dict[str, list[Row]] = {}
        self.summaries: dict[str, NodeSummary] = {}
        # A page and its JSON twin, and every reader of one task, ask about the same start:
        # it is a fact like the nodes above it, cached for the store's generation.
        self.summaries.update(_cached_summaries(store, [start]))
        edges = store.facts(_EDGES_CACHE, limit=_CACHE_LIMIT)
        frontier = [start]
        while frontier:
            missing = []
            for iri in frontier:
                known = edges.get(iri) if edges is not None else None
                if isinstance(known, list):
                    self.rows[iri] = known
                else:
                    missing.append(iri)
            read = _edge_rows_of(store, missing)
            self.rows.update(read)
            if edges is not None:
                for iri, rows in read.items():
                    edges.put(iri, rows)
            frontier = self._targets(frontier)
        self.candidates = set(self.rows)
        self.summaries.update(_cached_summaries(store, sorted(self.candidates - {start})))
        self.flags: dict[str, tuple[bool, bool]] = {
            iri: (summary.national_congress, summary.referenced_only)
            for iri, summary in self.summaries.items()
        }
        # A link that many documents state names the first of them (in IRI order).
        first_said: dict[str, str] = {}
        for rows in self.rows.values():
            for row in rows:
                if row.get("said") is not None:
                    link, said = str(row["link"]), str(row["said"])
                    first_said[link] = min(said, first_said.get(link, said))
        self.summaries.update(_cached_summaries(store, sorted(set(first_said.values()))))
        self.out: dict[str, list[Hop]] = {}

    def _targets(self, nodes: Iterable[str]) -> list[str]:
        """Return the targets of `nodes`' edges whose own edges are not read yet."""
        found = {str(row["target"]) for iri in nodes for row in self.rows.get(iri, [])}
        return sorted(found - set(self.rows))

    def summary(self, iri: str) -> NodeSummary:
        if iri not in self.summaries:
            self.summaries[iri] = node_summary(self.store, URIRef(iri))
        return self.summaries[iri]

    def summarise(self, iris: Iterable[str]) -> None:
        """Fetch, in one query, the summaries of `iris` not yet known."""
        wanted = sorted(set(iris) - set(self.summaries))
        self.summaries.update(_cached_summaries(self.store, wanted))

    def is_goal(self, iri: str) -> bool:
        if iri in self.flags:
            return self.flags[iri][0]
        return self.summary(iri).national_congress

    def is_referenced_only(self, iri: str) -> bool:
        if iri in self.flags:
            return self.flags[iri][1]
        return self.summary(iri).referenced_only

    def _edge_rows(self, iri: str) -> list[Row]:
        if iri in self.candidates:
            return self.rows.get(iri, [])
        return self.store.select(load_query("lineage_out"), {"node": URIRef(iri)})

    def hops(self, iri: str) -> list[Hop]:
        if iri in self.out:
            return self.out[iri]
        grouped: dict[tuple[str, str, str | None], dict[str, object]] = {}
        for row in self._edge_rows(iri):
            link = str(row["link"]) if row.get("link") is not None else None
            key = (str(row["target"]), str(row["relation"]), link)
            entry = grouped.setdefault(key, {**row, "evidence": []})
            if row.get("said") is not None:
                entry["said"] = min(str(row["said"]), str(entry.get("said") or row["said"]))
            if row.get("evidence") is not None and str(row["evidence"]) not in entry["evidence"]:
                entry["evidence"].append(str(row["evidence"]))  # type: ignore[attr-defined]
        hops: list[Hop] = []
        for (target, relation, link), entry in grouped.items():
            method = URIRef(str(entry["method"])) if entry.get("method") is not None else None
            confidence = _confidence(entry.get("confidence"))
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
                    if self.is_goal(hop.target):
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


def _confidence(value: object) -> float | None:
    # A link of confidence 0 shows none, as when rows held rdflib literals (a zero is false).
    number = float(str(value)) if value is not None else 0.0
    return number or None


def _gap(walker: _Walker, start: str) -> tuple[list[NodeSummary], str]:
    reached = walker.reachable(start)
    ends = [iri for iri in sorted(reached) if iri != start and not walker.hops(iri)]
    if not ends:
        return [], (
            "no path reaches Nghị quyết Đại hội XIV: nothing links this node to another "
            "document (no stated, confirmed or sufficiently confident link)"
        )
    walker.summarise(ends)
    reasons = []
    for iri in ends:
        why = (
            "known only from references (not ingested), so what it implements is unknown"
            if walker.is_referenced_only(iri)
            else "states nothing it implements or cites"
        )
        reasons.append(f"{walker.summary(iri).label} — {why}")
    return [walker.summary(iri) for iri in ends], (
        "no path reaches Nghị quyết Đại hội XIV; the chain stops at: " + "; ".join(reasons)
    )


def lineage(
    store: GraphStore, node: URIRef, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> Lineage:
    """Return the paths from `node` up to a national congress resolution, or the gap."""
    start = str(node)
    walker = _Walker(store, min_confidence, start)
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
    walker.summarise(used)
    result.nodes = {iri: walker.summary(iri) for iri in used}
    return result
