"""Interactive graphs as data: pyvis networks built from lineage and neighbourhoods.

pyvis builds the network (nodes, edges, styling); the pages never use its HTML output,
whose template escapes nothing and loads scripts from CDNs. `GraphData.to_json()` is what a
page embeds in a JSON block for its own static script. Titles are plain text only: vis
treats a title string as text, but an HTML element title as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyvis.network import Network

from queries.lineage import Lineage

__all__ = ["COLOURS", "GraphData", "Neighbour", "lineage_graph", "neighbourhood_graph"]

COLOURS = {
    "Task": "#2f7ed8",
    "Indicator": "#8e44ad",
    "Plan": "#27ae60",
    "ActionProgramme": "#16a085",
    "Programme": "#e67e22",
    "ProvincialProgramme": "#e67e22",
    "CongressResolution": "#c0392b",
    "Resolution": "#c0392b",
    "ReferencedDocument": "#95a5a6",
    "Agency": "#d4a017",
}
_DEFAULT_COLOUR = "#7f8c8d"
_EDGE_COLOURS = {
    "stated": "#2c3e50",
    "confirmed": "#27ae60",
    "proposed": "#e67e22",
    "resolved": "#7f8c8d",
}
_LABEL_LENGTH = 30


def _short(text: str, length: int = _LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


@dataclass
class GraphData:
    """Nodes and edges ready for vis-network, and the pyvis network they came from."""

    nodes: list[dict[str, object]] = field(default_factory=list)
    edges: list[dict[str, object]] = field(default_factory=list)
    layout: str = "free"

    def to_json(self) -> dict[str, object]:
        """Return `{"nodes", "edges", "layout"}` for a page's JSON block."""
        return {"nodes": self.nodes, "edges": self.edges, "layout": self.layout}


def _new_network() -> Network:
    return Network(directed=True, cdn_resources="remote", notebook=False)


def _data(network: Network, layout: str) -> GraphData:
    nodes = [dict(node) for node in network.nodes]
    edges = [dict(edge) for edge in network.edges]
    return GraphData(nodes, edges, layout)


def _add_node(network: Network, iri: str, label: str, kind: str | None, url: str) -> None:
    network.add_node(
        iri,
        label=_short(label),
        title=f"{kind or 'node'}: {label}\n{iri}",
        color=COLOURS.get(kind or "", _DEFAULT_COLOUR),
        shape="dot",
        size=14,
        url=url,
        kind=kind or "",
    )


def lineage_graph(found: Lineage, *, url_of: dict[str, str]) -> GraphData:
    """Return the lineage's nodes (exactly `found.nodes`) and the hops of its paths as edges.

    `url_of` maps each node IRI to the page a click opens. When no path reaches the goal,
    dashed edges join the start to the furthest ancestors reached.
    """
    network = _new_network()
    for iri, summary in sorted(found.nodes.items()):
        _add_node(network, iri, summary.label, summary.kind, url_of.get(iri, ""))
    seen: set[tuple[str, str, str]] = set()
    for path in found.paths:
        for hop in path:
            key = (hop.source, hop.target, hop.relation)
            if key in seen:
                continue
            seen.add(key)
            confidence = f" {hop.confidence:.2f}" if hop.confidence is not None else ""
            network.add_edge(
                hop.source,
                hop.target,
                label=hop.relation,
                title=f"{hop.relation} ({hop.kind}{confidence}): {hop.explanation}",
                color=_EDGE_COLOURS.get(hop.kind, _DEFAULT_COLOUR),
                dashes=hop.kind == "proposed",
                arrows="to",
            )
    for node in found.furthest:
        network.add_edge(
            found.start.iri, node.iri, label="…", title="gap", dashes=True, arrows="to"
        )
    # Levels by hop distance from the start: vis's own "directed" sort stretches the drawing
    # over many empty levels when paths of different lengths meet.
    levels = _distances(found.start.iri, [(edge["from"], edge["to"]) for edge in network.edges])
    for entry in network.nodes:
        entry["level"] = levels.get(str(entry["id"]), 1)
    return _data(network, "hierarchical")


def _distances(start: str, edges: list[tuple[str, str]]) -> dict[str, int]:
    following: dict[str, list[str]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    distance, frontier = {start: 0}, [start]
    while frontier:
        reached = []
        for node in frontier:
            for target in following.get(node, []):
                if target not in distance:
                    distance[target] = distance[node] + 1
                    reached.append(target)
        frontier = reached
    return distance


@dataclass(frozen=True)
class Neighbour:
    """A node next to the centre, by one edge kind, in one direction ("out" or "in")."""

    iri: str
    label: str
    relation: str
    direction: str


def neighbourhood_graph(
    centre: str, centre_label: str, centre_kind: str | None, neighbours: list[Neighbour],
    *, url_of: dict[str, str],
) -> GraphData:
    """Return the centre, its `neighbours` and one edge per (neighbour, relation, direction)."""
    network = _new_network()
    _add_node(network, centre, centre_label, centre_kind, url_of.get(centre, ""))
    network.nodes[0]["size"] = 22
    for neighbour in neighbours:
        if neighbour.iri not in network.get_nodes():
            _add_node(network, neighbour.iri, neighbour.label, None, url_of.get(neighbour.iri, ""))
        source, target = (
            (centre, neighbour.iri) if neighbour.direction == "out" else (neighbour.iri, centre)
        )
        network.add_edge(
            source, target, label=neighbour.relation, title=neighbour.relation, arrows="to"
        )
    return _data(network, "free")
