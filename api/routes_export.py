"""`GET /api/export`: the whole graph as one file, in a format from the exports registry."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api.context import AppContext, context_of
from api.errors import ERROR_RESPONSES, ApiError
from api.security import require_read
from exports import EXPORTERS, export
from exports.registry import UnknownFormatError

__all__ = ["router"]

router = APIRouter(
    prefix="/api", tags=["export"], dependencies=[Depends(require_read)], responses=ERROR_RESPONSES
)


@router.get(
    "/export",
    summary="The whole graph as Turtle, N-Quads or JSON-LD",
    response_class=Response,
    responses={200: {"content": {entry.media_type: {} for entry in EXPORTERS.values()}}},
)
def export_graph(
    context: Annotated[AppContext, Depends(context_of)],
    format: Annotated[str, Query(description="turtle, nquads or jsonld.")] = "turtle",
    document: Annotated[
        str | None, Query(description="Only this document (IRI or number) and its links.")
    ] = None,
) -> Response:
    """Return the serialised graph (or one document's) with the format's media type."""
    entry = EXPORTERS.get(format)
    if entry is None:
        known = ", ".join(sorted(EXPORTERS))
        raise ApiError(400, f"unknown export format {format!r}; use one of: {known}")
    source = context.store
    if document is not None:
        from exports.scoping import document_store
        from queries.lookup import resolve_document

        found = resolve_document(context.store, document, allow_files=False)
        source = document_store(context.store, context.iris, found)
    try:
        body = export(source, format)
    except UnknownFormatError as error:
        raise ApiError(400, str(error)) from error
    finally:
        if source is not context.store:
            source.close()
    return Response(
        content=body,
        media_type=entry.media_type,
        headers={"Content-Disposition": f'attachment; filename="mandate-graph{entry.suffix}"'},
    )
