"""The store interface shared by the embedded store and a remote SPARQL server."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from types import TracebackType
from typing import Self, TypeVar, cast

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from store.errors import QuerySyntaxError
from store.terms import Row, solution_rows, term_text, triples_text

__all__ = ["Bindings", "FactCache", "GraphStore", "Row"]

Bindings = Mapping[str, Node]
"""Values for query variables, bound as parameters (never spliced into the query text)."""

_Fact = TypeVar("_Fact")


class FactCache:
    """Facts read from a store, kept while the store is unchanged, at most `limit` of them.

    The least recently used fact goes first when the cache is full. A cache belongs to one
    store object and one write generation (`GraphStore.facts`); never put an answer to a
    question in one, only statements that many answers re-read.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        # The web app answers on several threads: one evicting a fact while another moves it
        # to the end would raise KeyError.
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> object | None:
        """Return the fact cached under `key`, or None."""
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: object) -> None:
        """Cache `value` under `key`, forgetting the least recently used fact when full."""
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class GraphStore(ABC):
    """A quad store with SPARQL 1.1 query and update, one named graph per source document.

    Queries see the union of all named graphs as their default graph, so patterns can cross
    documents without naming graphs. Every write is one SPARQL update, which both the embedded
    store and an Oxigraph server apply as a single transaction: it happens entirely or not at all.
    """

    location: str
    _generation: int = 0
    _caches: dict[str, FactCache] | None = None
    _caches_generation: int = -1

    @property
    def generation(self) -> int:
        """Return how many writes this store object has made (each write method adds one).

        Facts read at one generation still hold at the same generation when nothing else
        writes to the store (see `cacheable`).
        """
        return self._generation

    @property
    def cacheable(self) -> bool:
        """Return whether every change to the store goes through this object's writes.

        Only then may facts be cached per `generation`. True by default (an embedded store
        is locked to one writing process); a store other clients write to says False.
        """
        return True

    def _wrote(self) -> None:
        self._generation += 1

    def facts(self, name: str, *, limit: int = 4096) -> FactCache | None:
        """Return the cache `name` of facts read at the current generation, or None.

        None when the store is not `cacheable`. A write empties every cache of the store, so
        a fact read before it is never served after it.
        """
        if not self.cacheable:
            return None
        if self._caches is None or self._caches_generation != self._generation:
            self._caches = {}
            self._caches_generation = self._generation
        cache = self._caches.get(name)
        if cache is None:
            cache = self._caches[name] = FactCache(limit)
        return cache

    def remembered(
        self, name: str, key: Hashable, read: Callable[[], _Fact], *, limit: int = 4096
    ) -> _Fact:
        """Return the fact `key` of the cache `name`, from `read()` when not cached yet.

        The value is kept until the next write (see `facts`); callers must not change it.
        Without caching (`cacheable` false), `read()` runs every time.
        """
        cache = self.facts(name, limit=limit)
        if cache is not None:
            known = cache.get(key)
            if known is not None:
                return cast(_Fact, known)
        value = read()
        if cache is not None:
            cache.put(key, value)
        return value

    @abstractmethod
    def _results(self, query: str, bindings: Bindings | None) -> object:
        """Run a SELECT or ASK query; return pyoxigraph's QuerySolutions or QueryBoolean."""

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        """Return the solutions of a SPARQL SELECT query as a list of rows.

        `bindings` gives values to the query's `$name` parameters.
        """
        result = self._results(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QuerySyntaxError(f"expected a SELECT query, got: {query[:80]}")
        return solution_rows(result)

    def select_values(self, query: str, bindings: Bindings | None = None) -> list[dict[str, str]]:
        """Return the solutions of a SELECT query as rows of plain strings (lexical values).

        Unbound variables are left out. Much cheaper than `select` for large results whose
        callers only need the text of each value.
        """
        result = self._results(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QuerySyntaxError(f"expected a SELECT query, got: {query[:80]}")
        names = [variable.value for variable in result.variables]
        rows: list[dict[str, str]] = []
        for solution in result:
            row: dict[str, str] = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = value.value
            rows.append(row)
        return rows

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        """Return the answer of a SPARQL ASK query.

        `bindings` gives values to the query's `$name` parameters.
        """
        result = self._results(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QuerySyntaxError(f"expected an ASK query, got: {query[:80]}")
        return bool(result)

    @abstractmethod
    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        """Return the triples of a SPARQL CONSTRUCT or DESCRIBE query as an rdflib graph.

        `bindings` gives values to variables of the query, as parameters.
        """

    @abstractmethod
    def update(self, update: str) -> None:
        """Apply a SPARQL 1.1 update in one transaction."""

    @abstractmethod
    def dump_nquads(self) -> bytes:
        """Return every quad of the store as N-Quads (named graphs kept)."""

    @abstractmethod
    def dataset(self) -> Dataset:
        """Return an rdflib Dataset view of the store, for rdflib users."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; later calls fail."""

    def replace_graph(self, graph_name: URIRef, graph: Graph) -> None:
        """Replace the content of the named graph `graph_name` by `graph`, atomically.

        Readers see either the old content or the new content, never a mixture, and a crash
        in the middle leaves the old content.
        """
        self.replace_graphs({graph_name: graph})

    def replace_graphs(self, graphs: dict[URIRef, Graph]) -> None:
        """Replace several named graphs in one transaction (all of them or none)."""
        self.write_graphs(replace={name: triples_text(graph) for name, graph in graphs.items()})

    def write_graphs(
        self,
        *,
        replace: Mapping[URIRef, str],
        add: Mapping[URIRef, str] | None = None,
        drop: Iterable[URIRef] = (),
    ) -> None:
        """Write N-Triples texts in one transaction: all of it happens, or none of it.

        Each graph of `replace` gets exactly its text as content, each text of `add` is
        added to what its graph holds, and the graphs of `drop` are emptied.
        """
        self._wrote()
        names = dict.fromkeys([*drop, *replace])
        operations = [f"DROP SILENT GRAPH {term_text(name)}" for name in names]
        blocks = [
            f"GRAPH {term_text(name)} {{\n{text}}}"
            for name, text in [*replace.items(), *(add or {}).items()]
            if text.strip()
        ]
        if blocks:
            operations.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if operations:
            self.update(" ;\n".join(operations))

    def compact(self) -> None:
        """Reclaim the space that replaced and dropped statements still take (may be a no-op)."""
        self._wrote()

    def drop_graph(self, graph_name: URIRef) -> None:
        """Remove the named graph `graph_name` and everything in it (no error if absent)."""
        self._wrote()
        self.update(f"DROP SILENT GRAPH {term_text(graph_name)}")

    def named_graphs(self) -> list[URIRef]:
        """Return the names of the non-empty named graphs, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [URIRef(str(row["g"])) for row in rows]

    def graph(self, graph_name: URIRef) -> Graph:
        """Return a copy of the named graph `graph_name` as an rdflib graph."""
        query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH $graph { ?s ?p ?o } }"
        return self.construct(query, {"graph": graph_name})

    def quad_count(self) -> int:
        """Return the number of quads in all named graphs."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0  # type: ignore[call-overload]

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
