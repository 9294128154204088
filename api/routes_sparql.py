"""`/api/sparql`: a read-only SPARQL 1.1 endpoint over the whole store.

Only SELECT, ASK and CONSTRUCT are answered (`api.sparql_sandbox` checks the parse tree);
each query runs in a worker process stopped after MANDATE_SPARQL_TIMEOUT seconds, and at
most MANDATE_SPARQL_MAX_ROWS rows or triples come back (header `X-Result-Truncated: true`
and, in SPARQL JSON, `"truncated": true` when cut). SELECT and ASK answer in SPARQL JSON
results; CONSTRUCT in Turtle (default) or N-Triples, by `format` or the Accept header.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from anyio import CapacityLimiter
from anyio.to_thread import run_sync
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.context import AppContext, context_of
from api.errors import ERROR_RESPONSES, ApiError, error_responses
from api.security import require_read
from api.sparql_sandbox import (
    QueryBusy,
    QueryFailed,
    QueryRefused,
    QueryTimedOut,
    check_query,
    run_query,
)
from api.sparql_worker import GRAPH_FORMATS, QueryJob

__all__ = ["router"]

router = APIRouter(
    prefix="/api",
    tags=["sparql"],
    dependencies=[Depends(require_read)],
    responses={**ERROR_RESPONSES, **error_responses(413, 415, 504)},
)

Context = Annotated[AppContext, Depends(context_of)]
Format = Annotated[
    str | None,
    Query(description="CONSTRUCT only: turtle or ntriples (default: from Accept, else turtle)."),
]

_MAX_QUERY_BYTES = 256 * 1024
# Each query waits for its worker in a thread of its own pool, so queries that run to the
# time limit never hold the threads the other requests are answered in (MANDATE_THREADS).
_WAITING = CapacityLimiter(8)
# A URL must fit in the server's request head (h11 refuses heads over 16 KiB that arrive
# in pieces), so GET takes short queries only; POST takes up to _MAX_QUERY_BYTES.
_MAX_GET_QUERY = 4 * 1024
_RESULT_FORMATS = {"json", "sparql-results+json"}


def _graph_format(requested: str | None, accept: str) -> str:
    if requested:
        if requested not in GRAPH_FORMATS:
            known = ", ".join(sorted(GRAPH_FORMATS))
            raise ApiError(400, f"unknown format {requested!r} for CONSTRUCT; use one of: {known}")
        return requested
    if "application/n-triples" in accept and "text/turtle" not in accept:
        return "ntriples"
    return "turtle"


def _answer(context: AppContext, query: str, requested: str | None, accept: str) -> Response:
    try:
        kind = check_query(query)
    except QueryRefused as error:
        raise ApiError(400, str(error)) from error
    if kind == "construct":
        graph_format = _graph_format(requested, accept)
    elif requested and requested not in _RESULT_FORMATS:
        raise ApiError(400, f"SELECT and ASK answer only in SPARQL JSON, not {requested!r}")
    else:
        graph_format = "turtle"
    settings = context.settings
    job = QueryJob(
        location=context.store_location,
        base_iri=context.iris.base,
        query=query,
        kind=kind,
        max_rows=settings.sparql_max_rows,
        graph_format=graph_format,
    )
    try:
        result = run_query(job, timeout=settings.sparql_timeout)
    except QueryRefused as error:
        raise ApiError(400, str(error)) from error
    except QueryTimedOut as error:
        raise ApiError(504, str(error)) from error
    except QueryBusy as error:
        raise ApiError(503, str(error)) from error
    except QueryFailed as error:
        raise ApiError(503, str(error)) from error
    headers = {"X-Result-Rows": str(result.rows)}
    if result.truncated:
        headers["X-Result-Truncated"] = "true"
    return Response(content=result.body, media_type=result.media_type, headers=headers)


_RESPONSES = {
    200: {
        "content": {
            "application/sparql-results+json": {},
            "text/turtle": {},
            "application/n-triples": {},
        }
    }
}


@router.get(
    "/sparql",
    summary="Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT)",
    response_class=Response,
    responses=_RESPONSES,
)
async def sparql_get(
    request: Request,
    context: Context,
    query: Annotated[
        str,
        Query(
            description="The SPARQL query; longer ones than this go by POST.",
            max_length=_MAX_GET_QUERY,
        ),
    ],
    format: Format = None,
) -> Response:
    """Return the query's answer: SPARQL JSON results, or Turtle / N-Triples for CONSTRUCT."""
    accept = request.headers.get("accept", "")
    return await run_sync(_answer, context, query, format, accept, limiter=_WAITING)


async def _read_capped(request: Request) -> bytes:
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > _MAX_QUERY_BYTES:
            raise ApiError(413, f"the query is larger than {_MAX_QUERY_BYTES // 1024} KiB")
    return bytes(body)


@router.post(
    "/sparql",
    summary="Run a read-only SPARQL query sent as a form or as application/sparql-query",
    response_class=Response,
    responses=_RESPONSES,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {"query": {"type": "string"}},
                        "required": ["query"],
                    }
                },
            }
        }
    },
)
async def sparql_post(request: Request, context: Context, format: Format = None) -> Response:
    """Return the query's answer, as for GET; the query is the body or its `query` field."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await _read_capped(request)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, "the query must be UTF-8 text") from error
    if content_type == "application/sparql-query":
        query = text
    elif content_type == "application/x-www-form-urlencoded":
        fields = parse_qs(text, keep_blank_values=True)
        if not fields.get("query"):
            raise ApiError(400, "the form has no `query` field")
        query = fields["query"][0]
        format = format or (fields.get("format") or [None])[0]
    else:
        raise ApiError(
            415,
            "send the query as application/sparql-query or as a form field `query` "
            "(application/x-www-form-urlencoded)",
        )
    accept = request.headers.get("accept", "")
    return await run_sync(_answer, context, query, format, accept, limiter=_WAITING)
