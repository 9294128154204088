"""Keeping one province's part of the graph (what rdflib can hold at national scale)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["ProvincePart", "quads_of"]

_PLACE = re.compile(r"(?:graph/)?(?:document|unit|agency)/([^/]+)")
NATION_SLUG = "vn"


@dataclass(frozen=True)
class ProvincePart:
    """One province's part of the graph: IRIs of its own places and the nation's, and others.

    A place is the first path segment after `document/`, `unit/` or `agency/` under `base`.
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


def quads_of(nquads: bytes, part: ProvincePart | None) -> Iterator[ox.Quad]:
    """Yield the quads of `nquads`; with `part`, only those it keeps."""
    parsed: Iterable[ox.Quad] = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)  # type: ignore[assignment]
    for quad in parsed:
        if part is None or part.keeps(quad):
            yield quad
