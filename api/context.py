"""What every request handler needs: the open store, the IRI factory and the settings.

The app opens the store once at start-up (writable for an embedded store, so uploads and
reviews can write) and shares it between requests; `AppContext` is kept on `app.state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

from fastapi import Request

from config import Settings
from ontology.identifiers import IriFactory
from store import GraphStore

__all__ = ["AppContext", "context_of"]


@dataclass
class AppContext:
    """The store, identifiers and settings one running app serves."""

    store: GraphStore
    iris: IriFactory
    settings: Settings
    # Ingest and review writes go one at a time; reads never wait for this lock.
    write_lock: Lock

    @property
    def store_location(self) -> str:
        """Return where the store lives (a directory or a SPARQL URL)."""
        return self.settings.store


async def context_of(request: Request) -> AppContext:
    """Return the app context of the request's app (a FastAPI dependency).

    A coroutine although it never waits: FastAPI runs a plain function dependency on its
    thread pool, a hop per dependency per request that cost more than the lookup itself.
    """
    return request.app.state.context  # type: ignore[no-any-return]
