"""Graph stores: an embedded on-disk Oxigraph store by default, or a remote SPARQL server."""

from store.base import GraphStore, Row
from store.embedded import EmbeddedStore
from store.errors import QuerySyntaxError, StoreError, StoreLockedError, StoreUnavailableError
from store.opening import open_store
from store.remote import RemoteStore

__all__ = [
    "EmbeddedStore",
    "GraphStore",
    "QuerySyntaxError",
    "RemoteStore",
    "Row",
    "StoreError",
    "StoreLockedError",
    "StoreUnavailableError",
    "open_store",
]
