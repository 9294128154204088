"""The default store: Oxigraph embedded in the process, persisted in a directory on disk."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from store.base import Bindings, GraphStore
from store.errors import QuerySyntaxError, StoreError, StoreLockedError
from store.terms import bind_parameters, from_oxigraph

__all__ = ["EmbeddedStore"]

_DATA_SUBDIR = "oxigraph"


# A read-only open reads the writer's file list and then its files; when the writer
# compacts in between, a listed file is already gone. Opening again sees the new list.
_READ_ONLY_ATTEMPTS = 5


def _open_read_only(data_dir: Path) -> ox.Store:
    """Return a read-only view of the store in `data_dir`, retrying a race with the writer."""
    for attempt in range(_READ_ONLY_ATTEMPTS):
        try:
            return ox.Store.read_only(str(data_dir))
        except RuntimeError as error:
            vanished = "No such file or directory" in str(error)
            if not vanished or attempt == _READ_ONLY_ATTEMPTS - 1:
                raise StoreError(f"{data_dir.parent}: cannot open the store: {error}") from error
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


# How the operating system words a write refused for lack of room (ENOSPC, EDQUOT, EFBIG).
_NO_ROOM = ("no space left on device", "disk quota exceeded", "file too large")


def _io_error(directory: Path, doing: str, error: OSError) -> StoreError:
    """Return the StoreError for an I/O failure, saying plainly when the disk is full."""
    if any(words in str(error).lower() for words in _NO_ROOM):
        return StoreError(
            f"{directory}: {doing}: no room left for the store's files (disk full or file "
            "size limit reached); the store keeps what was written before; free some space "
            f"and run the command again ({error})"
        )
    return StoreError(f"{directory}: {doing}: {error}")


def _as_quads(ntriples: str, graph_name: URIRef) -> str:
    """Return N-Triples text as N-Quads in `graph_name` (each line ends with " .")."""
    suffix = f" <{graph_name}> .\n"
    return "".join(line[:-2] + suffix for line in ntriples.splitlines() if line.endswith(" ."))


class EmbeddedStore(GraphStore):
    """An Oxigraph store in `directory` (created when missing); no server needed.

    Only one process may open a directory for writing at a time; `read_only=True` opens it
    for queries alongside a writer.
    """

    def __init__(self, directory: str | Path, *, read_only: bool = False) -> None:
        self.directory = Path(directory)
        self.location = str(self.directory)
        self.read_only = read_only
        data_dir = self.directory / _DATA_SUBDIR
        try:
            if read_only:
                if not data_dir.exists():
                    raise StoreError(
                        f"{self.directory}: no store here yet; run 'mandate ingest' first"
                    )
                self._store = _open_read_only(data_dir)
            else:
                data_dir.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(data_dir))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreLockedError(
                    f"{self.directory}: the store is open in another process "
                    "(a running 'mandate serve' or ingest); stop it or use another --store"
                ) from error
            raise _io_error(self.directory, "cannot open the store", error) from error

    def _results(self, query: str, bindings: Bindings | None) -> object:
        try:
            return self._store.query(
                bind_parameters(query, bindings), use_default_graph_as_union=True
            )
        except SyntaxError as error:
            raise QuerySyntaxError(f"invalid SPARQL query: {error}") from error

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        """Return the triples of a SPARQL CONSTRUCT or DESCRIBE query as an rdflib graph."""
        result = self._results(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QuerySyntaxError(f"expected a CONSTRUCT query, got: {query[:80]}")
        graph = Graph()
        for triple in result:
            graph.add(
                (
                    from_oxigraph(triple.subject),
                    from_oxigraph(triple.predicate),
                    from_oxigraph(triple.object),
                )
            )
        return graph

    def update(self, update: str) -> None:
        """Apply a SPARQL 1.1 update in one transaction."""
        if self.read_only:
            raise StoreError(f"{self.directory}: the store was opened read-only")
        self._wrote()
        try:
            self._store.update(update)
        except SyntaxError as error:
            raise QuerySyntaxError(f"invalid SPARQL update: {error}") from error
        except OSError as error:
            raise _io_error(self.directory, "the update was not written", error) from error
        finally:
            # A reader on another thread may have cached facts while the write was under
            # way (read before it committed): a second step retires them.
            self._wrote()

    def write_graphs(
        self,
        *,
        replace: Mapping[URIRef, str],
        add: Mapping[URIRef, str] | None = None,
        drop: Iterable[URIRef] = (),
    ) -> None:
        """Write N-Triples texts in one transaction: all of it happens, or none of it.

        When nothing has to be emptied first (new graphs, nothing to drop), the texts are
        loaded as one N-Quads document, about twice as fast as the SPARQL update otherwise
        needed; both are single transactions.
        """
        self._wrote()
        drop = list(drop)
        emptied = [*drop, *replace]
        if self.read_only or any(
            self._store.contains_named_graph(ox.NamedNode(str(name))) for name in emptied
        ):
            super().write_graphs(replace=replace, add=add, drop=drop)
            return
        quads = "".join(
            _as_quads(text, name) for name, text in [*replace.items(), *(add or {}).items()]
        )
        try:
            self._store.load(quads, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as error:
            raise StoreError(f"{self.directory}: the graphs were not written: {error}") from error
        except OSError as error:
            raise _io_error(self.directory, "the graphs were not written", error) from error
        finally:
            self._wrote()  # as in `update`: retire facts read while the write was under way

    def compact(self) -> None:
        """Merge the store's files so replaced statements stop taking disk space."""
        if self.read_only:
            return
        self._wrote()
        try:
            self._store.optimize()
        except OSError as error:
            raise _io_error(self.directory, "the store was not compacted", error) from error

    def dump_nquads(self) -> bytes:
        """Return every quad of the store as N-Quads (named graphs kept)."""
        return self._store.dump(format=ox.RdfFormat.N_QUADS) or b""

    @property
    def cacheable(self) -> bool:
        """Return whether facts may be cached per generation.

        A read-only store is a snapshot. A writable one is locked to this process, so its
        generation sees every write, unless its native store or an rdflib view was handed
        out: writes through those bypass the generation.
        """
        return self.read_only or not self._handed_out

    _handed_out = False

    def oxigraph(self) -> ox.Store:
        """Return the underlying pyoxigraph store, for callers that need its native API.

        Writes through it are not counted in `generation`, so a writable store stops
        caching facts once it is handed out.
        """
        self._handed_out = True
        return self._store

    def dataset(self) -> Dataset:
        """Return a live rdflib Dataset over this store (through oxrdflib)."""
        from oxrdflib import OxigraphStore

        self._handed_out = True
        return Dataset(store=OxigraphStore(store=self._store))

    def close(self) -> None:
        """Flush and release the store."""
        store = getattr(self, "_store", None)
        if store is not None:
            if not self.read_only:
                # Every committed write is already in the store's write-ahead log, which the
                # next open replays; a flush that fails (a full disk) loses nothing, and
                # raising here would hide the error the failed write itself reported.
                with contextlib.suppress(OSError):
                    store.flush()
            del self._store
