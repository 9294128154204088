"""The JSON API over the graph's questions: documents, nodes, lineage, coverage, agencies.

Every route reads through the same functions the command line uses (`queries/`), so an
answer is the same wherever it is asked. Arguments are query parameters (IRIs do not fit
in paths); errors are JSON (`api.errors`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query
from rdflib import URIRef

from api.context import AppContext, context_of
from api.errors import ERROR_RESPONSES, ApiError, error_responses
from api.security import require_read, require_write
from queries.limits import DEFAULT_AGENCY_LIMIT, MAX_AGENCY_LIMIT
from queries.reviews import DEFAULT_MIN_CONFIDENCE

__all__ = ["router"]

router = APIRouter(
    prefix="/api",
    tags=["graph"],
    dependencies=[Depends(require_read)],
    responses={**ERROR_RESPONSES, **error_responses(409)},
)

Context = Annotated[AppContext, Depends(context_of)]
MinConfidence = Annotated[
    float,
    Query(ge=0.0, le=1.0, description="Use proposed links only at or above this confidence."),
]


def _document(context: AppContext, reference: str) -> URIRef:
    """Return the node (any IRI) or document (also by number) named; never a local file."""
    from queries.lookup import resolve_document

    return resolve_document(context.store, reference, allow_files=False)


@router.get("/documents", summary="Ingested documents")
def documents(context: Context) -> list[dict[str, Any]]:
    """List every ingested document with its title, class, number, unit and counts."""
    from queries.documents import list_documents

    return list_documents(context.store)


@router.get("/document", summary="One document and its outline")
def document(
    context: Context,
    iri: Annotated[str, Query(description="A document IRI or document number.")],
) -> dict[str, Any]:
    """Return a document's statements and its outline (sections, tasks, indicators)."""
    from queries.documents import document_outline, node_statements

    node = _document(context, iri)
    return {
        "iri": str(node),
        "statements": node_statements(context.store, node),
        "outline": document_outline(context.store, node),
    }


@router.get("/node", summary="Any node by IRI")
def node(context: Context, iri: Annotated[str, Query(description="The node's IRI.")]) -> dict:
    """Return every statement about a node, outgoing and incoming."""
    from queries.documents import node_statements
    from queries.lineage import node_summary

    found = _document(context, iri)
    summary = node_summary(context.store, found)
    return {**summary.to_json(), "statements": node_statements(context.store, found)}


@router.get("/neighbours", summary="The nodes next to a node, by edge kind")
def neighbours(
    context: Context,
    iri: Annotated[str, Query(description="The node's IRI.")],
    kinds: Annotated[str, Query(description="Edge kinds to keep, comma-separated.")] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Return a node's neighbours (at most `limit`), for the explorer to draw in place."""
    from api.page_data import neighbours as next_to

    found = _document(context, iri)
    chosen = {kind.strip() for kind in kinds.split(",") if kind.strip()}
    every = [n for n in next_to(context.store, found) if not chosen or n.relation in chosen]
    return {
        "iri": str(found),
        "total": len(every),
        "truncated": len(every) > limit,
        "neighbours": [
            {"iri": n.iri, "label": n.label, "relation": n.relation, "direction": n.direction}
            for n in every[:limit]
        ],
    }


@router.get("/lineage", summary="Mandate lineage up to Nghị quyết Đại hội XIV")
def lineage(
    context: Context,
    node: Annotated[str, Query(description="A task, indicator or document (IRI or number).")],
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> dict[str, Any]:
    """Return every path up to the national congress resolution, or the named gap."""
    from queries.lineage import lineage as trace

    return trace(context.store, _document(context, node), min_confidence=min_confidence).to_json()


@router.get("/coverage", summary="Programme coverage of a commune or a province")
def coverage(
    context: Context,
    unit: Annotated[str, Query(description="Commune or province name (accents optional) or IRI.")],
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
    reviewed_only: bool = False,
) -> dict[str, Any]:
    """Return a commune's programme statuses, or a province's communes × programmes matrix."""
    from queries.coverage import coverage_of, resolve_unit

    found = resolve_unit(context.store, unit)
    return coverage_of(
        context.store, found, min_confidence=min_confidence, reviewed_only=reviewed_only
    )


@router.get("/agency", summary="What an agency chairs and coordinates")
def agency(
    context: Context,
    name: Annotated[str, Query(description="The agency's name.", max_length=500)],
    unit: Annotated[
        str, Query(description="Keep agencies of communes or provinces so named.", max_length=500)
    ] = "",
    offset: Annotated[int, Query(ge=0, description="Agencies to skip.")] = 0,
    limit: Annotated[
        int, Query(ge=1, le=MAX_AGENCY_LIMIT, description="Agencies on this page.")
    ] = DEFAULT_AGENCY_LIMIT,
) -> dict[str, Any]:
    """Return one page of the agencies the name denotes, each with its tasks and indicators."""
    from queries.responsibility import agency_duties

    return agency_duties(
        context.store, name, unit=unit or None, offset=offset, limit=limit
    ).to_json()


@router.get("/links", summary="Proposed and stated links of a document's tasks")
def links(
    context: Context,
    document: Annotated[str, Query(description="A document IRI or number.")],
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
    include_unused: bool = False,
) -> list[dict[str, Any]]:
    """Return, per task, the programmes and provincial items it implements."""
    from queries.links import document_links

    return document_links(
        context.store,
        _document(context, document),
        min_confidence=min_confidence,
        include_unused=include_unused,
    )


@router.get("/audit", summary="The province's rules checked on a plan")
def audit(
    context: Context,
    document: Annotated[str, Query(description="A document IRI or number.")],
    on: Annotated[date | None, Query(description="Judge deadlines on this day.")] = None,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> dict[str, Any]:
    """Return the findings of the province's rules on a plan (as `mandate audit --json`)."""
    from queries.audit import NotAuditable, audit_document

    try:
        report = audit_document(
            context.store,
            context.iris,
            _document(context, document),
            today=on or date.today(),
            min_confidence=min_confidence,
        )
    except NotAuditable as error:
        raise ApiError(409, str(error)) from error
    return report.to_json()


@router.get("/stats", summary="Nodes per class and statements per property")
def stats(context: Context) -> dict[str, Any]:
    """Return the graph's statistics (as `mandate stats --json`)."""
    from queries.stats import graph_stats

    return graph_stats(context.store, context.iris).to_json()


@router.post(
    "/reviews",
    summary="Confirm or reject a proposed link",
    dependencies=[Depends(require_write)],
)
def review(
    context: Context,
    link: Annotated[str, Body(description="The link's IRI, as /api/links gives it.")],
    decision: Annotated[str, Body(pattern="^(confirm|reject)$")],
    reviewer: Annotated[str, Body(min_length=1, max_length=200)],
) -> dict[str, Any]:
    """Store a reviewer's decision (who and when) in the reviews graph."""
    from queries.lookup import resolve_node
    from queries.reviews import record_review

    name = reviewer.strip()
    if not name:
        raise ApiError(422, "reviewer: give the reviewer's name, not only spaces")
    target = resolve_node(context.store, link, allow_files=False)
    if not link.startswith(("http://", "https://")) or "/implements/" not in str(target):
        raise ApiError(422, f"{link}: not the IRI of an implements link")
    with context.write_lock:
        recorded = record_review(
            context.store,
            context.iris,
            URIRef(target),
            confirmed=decision == "confirm",
            reviewer=name,
        )
    return {
        "link": str(target),
        "status": "confirmed" if decision == "confirm" else "rejected",
        "reviewer": recorded.who,
        "at": recorded.when,
    }
