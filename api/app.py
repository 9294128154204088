"""The web app: a FastAPI application over one store, with the JSON API and the pages.

`create_app(settings)` opens the store named by the settings and returns the app; the
store is closed when the app shuts down. `mandate serve` runs it with uvicorn.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from threading import Lock

from fastapi import FastAPI

from api.context import AppContext
from api.errors import install_error_handlers
from api.routes_api import router as api_router
from config import Settings
from ontology.identifiers import IriFactory
from store import open_store

__all__ = ["OPTIONAL_ROUTERS", "create_app"]

OPTIONAL_ROUTERS = (
    "api.routes_search",
    "api.routes_sparql",
    "api.routes_upload",
    "api.routes_export",
    "api.pages",
)
"""Modules that add routes when present, each exposing `router` (an APIRouter)."""


def create_app(settings: Settings) -> FastAPI:
    """Return the web app serving the store `settings` names (opened now, writable)."""
    iris = IriFactory(settings.base_iri)
    store = open_store(settings.store, base_iri=iris.base)
    context = AppContext(store=store, iris=iris, settings=settings, write_lock=Lock())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        # Request handlers run in this pool; more threads than cores only queue for the GIL.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield
        store.close()

    app = FastAPI(
        title="mandate-graph",
        summary="Vietnamese policy documents, their tasks and where each mandate comes from.",
        version="0.1.0",
        lifespan=lifespan,
        # FastAPI's documentation pages load their scripts from a CDN; the app must work
        # offline, so only the schema itself (/openapi.json) is served.
        docs_url=None,
        redoc_url=None,
    )
    app.state.context = context
    install_error_handlers(app)
    app.include_router(api_router)
    for name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        app.include_router(module.router)
    return app
