"""`GET /api/search`: accent-insensitive full-text search over the store's nodes.

The app keeps one search index (`app.state.search_index`), opened on the first search and
brought up to date with the store then and whenever the store's documents change.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.context import AppContext, context_of
from api.errors import ERROR_RESPONSES, ApiError
from api.security import require_read
from search import DERIVATION, KINDS, SearchIndex, SearchIndexError, open_index

__all__ = ["router"]

router = APIRouter(
    prefix="/api", tags=["search"], dependencies=[Depends(require_read)], responses=ERROR_RESPONSES
)

Context = Annotated[AppContext, Depends(context_of)]
_OPENING = threading.Lock()


def _index(request: Request, context: AppContext) -> SearchIndex:
    with _OPENING:
        index: SearchIndex | None = getattr(request.app.state, "search_index", None)
        if index is None:
            index = open_index(context.settings)
            request.app.state.search_index = index
        # Uploads may ingest without the index; one query over content hashes catches that.
        index.ensure_current(context.store)
        return index


@router.get("/search", summary="Find nodes by words, accents optional")
def search(
    request: Request,
    context: Context,
    q: Annotated[str, Query(description="Words to find; accents optional.", max_length=500)],
    limit: Annotated[int, Query(ge=1, le=200, description="The most hits.")] = 20,
    kind: Annotated[
        list[str] | None, Query(description=f"Only these kinds: {', '.join(KINDS)}.")
    ] = None,
) -> dict[str, Any]:
    """Return the hits for `q`: IRI, kind, label, snippet with highlight offsets, score."""
    unknown = sorted(set(kind or ()) - set(KINDS))
    if unknown:
        raise ApiError(400, f"unknown kind {unknown[0]!r}; kinds are: {', '.join(KINDS)}")
    try:
        hits = _index(request, context).search(q, limit=limit, kinds=kind or None)
    except SearchIndexError as error:
        raise ApiError(503, f"search is unavailable: {error}") from error
    return {"query": q, "hits": [hit.to_json() for hit in hits], "derivation": DERIVATION}
