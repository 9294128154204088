"""An in-memory Oxigraph store: the same GraphStore, for a subset of the graph in hand."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from store.embedded import EmbeddedStore

__all__ = ["MemoryStore"]


class MemoryStore(EmbeddedStore):
    """A store that lives in memory only, e.g. one document's graphs being exported."""

    def __init__(self) -> None:
        self.directory = Path("<memory>")
        self.location = "memory"
        self.read_only = False
        self._store = ox.Store()

    def close(self) -> None:
        """Release the store (nothing to flush)."""
        self.__dict__.pop("_store", None)
