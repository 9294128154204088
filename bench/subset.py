"""Keeping one province's part of the graph (what rdflib can hold at national scale)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["ProvincePart", "read_quads"]

_PLACE = re.compile(r"(?:graph/(?:links/)?)?(?:document|unit|agency)/([^/]+)")
NATION_SLUG = "vn"


@dataclass(frozen=True)
class ProvincePart:
    """One province's part of the graph: IRIs of its own places and the nation's, and others.

    A place is the first path segment after `document/`, `unit/` or `agency/` under `base`
    (after `graph/` or `graph/links/` for the named graphs of documents and of links).
    """

    base: str
    slug: str

    def foreign(self, iri: str) -> bool:
        """Return whether `iri` belongs to a place other than this province or the nation."""
        if not iri.startswith(self.base):
            return False
        match = _PLACE.match(iri, len(self.base))
        return match is not None and match.group(1) not in (self.slug, NATION_SLUG)

    def keeps(self, quad: ox.Quad) -> bool:
        """Return whether `quad` names no foreign place (subject, object or graph)."""
        return not any(
            isinstance(term, ox.NamedNode) and self.foreign(term.value)
            for term in (quad.subject, quad.object, quad.graph_name)
        )


def read_quads(store: ox.Store, part: ProvincePart | None) -> Iterator[ox.Quad]:
    """Yield every quad of `store`; with `part`, only those it keeps.

    With `part`, named graphs of foreign places are skipped without being read, so the cost
    follows the province's size, not the nation's.
    """
    if part is None:
        yield from store
        return
    graphs: list[ox.NamedNode | ox.DefaultGraph] = [ox.DefaultGraph()]
    graphs += [graph for graph in store.named_graphs() if not part.foreign(graph.value)]  # type: ignore[union-attr]
    for graph in graphs:
        for quad in store.quads_for_pattern(None, None, None, graph):
            if part.keeps(quad):
                yield quad
