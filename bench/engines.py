"""Two SPARQL engines behind one call: embedded Oxigraph and rdflib's in-memory Dataset."""

from __future__ import annotations

from typing import Protocol

import pyoxigraph as ox
from rdflib import Dataset

__all__ = ["OxigraphEngine", "RdflibEngine", "SparqlEngine"]


class SparqlEngine(Protocol):
    """Anything that answers a SELECT query with rows of plain strings."""

    name: str

    def select(self, query: str) -> list[tuple[str, ...]]:
        """Return the rows of `query`, each value as its lexical form ("" when unbound)."""
        ...


class OxigraphEngine:
    """pyoxigraph's own query API over the union of the store's graphs."""

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def select(self, query: str) -> list[tuple[str, ...]]:
        """Return the rows of `query`, each value as its lexical form ("" when unbound)."""
        solutions = self.store.query(query, use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise TypeError("expected a SELECT query")
        width = len(solutions.variables)
        return [
            tuple("" if row[i] is None else row[i].value for i in range(width))  # type: ignore[union-attr]
            for row in solutions
        ]


class RdflibEngine:
    """rdflib's SPARQL over an in-memory Dataset whose default graph is the union."""

    name = "rdflib"

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def select(self, query: str) -> list[tuple[str, ...]]:
        """Return the rows of `query`, each value as its lexical form ("" when unbound)."""
        return [
            tuple("" if value is None else str(value) for value in row)  # type: ignore[union-attr]
            for row in self.dataset.query(query)
        ]
