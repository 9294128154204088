"""The pages about responsibility: programme coverage, agencies, and the review queue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from rdflib import URIRef

from api.agency_view import ROWS_PER_ROLE, agency_roles
from api.context import AppContext, context_of
from api.i18n import translator
from api.page_data import review_documents, review_queue
from api.rendering import page_language, render
from queries.lookup import NotFound

__all__ = ["router"]

router = APIRouter()
Context = Annotated[AppContext, Depends(context_of)]


@router.get("/coverage", response_class=HTMLResponse)
def coverage_page(
    request: Request, context: Context, unit: Annotated[str, Query(max_length=2000)] = ""
) -> HTMLResponse:
    """Return a province's communes × programmes heat map, or a commune's programme list."""
    from queries.coverage import commune_coverage, province_coverage, resolve_unit, unit_choices

    units = unit_choices(context.store)
    if not unit.strip():
        return render(request, "coverage.html", units=units, province=None, commune=None)
    try:
        found = resolve_unit(context.store, unit)
    except NotFound as error:
        return render(request, "error.html", status=error.status, message=str(error))
    if found.is_province:
        matrix = province_coverage(context.store, found)
        return render(request, "coverage.html", units=units, province=matrix, commune=None)
    return render(
        request,
        "coverage.html",
        units=units,
        province=None,
        commune=commune_coverage(context.store, found),
    )


@router.get("/agency", response_class=HTMLResponse)
def agency_page(
    request: Request,
    context: Context,
    name: Annotated[str, Query(max_length=500)] = "",
    unit: Annotated[str, Query(max_length=500)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """Return a page of what the named agencies chair and coordinate, or the list of agencies."""
    from queries.responsibility import agency_duties, agency_names

    if not name.strip():
        names = agency_names(context.store, offset=offset)
        return render(request, "agency.html", name=name, unit=unit, found=None, names=names)
    try:
        found = agency_duties(context.store, name, unit=unit or None, offset=offset)
    except NotFound as error:
        return render(request, "error.html", status=error.status, message=str(error))
    lang = page_language(request)
    strings = translator(lang)
    shown = ROWS_PER_ROLE if len(found.agencies) > 1 else None
    roles = [agency_roles(agency, lang, strings, shown=shown) for agency in found.agencies]
    return render(
        request,
        "agency.html",
        name=name,
        unit=unit,
        found=found,
        names=None,
        agencies=list(zip(found.agencies, roles, strict=True)),
        # One agency (as its own page, reached by its IRI) is headed by its name.
        heading=found.agencies[0].name if len(found.agencies) == 1 else name,
    )


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request, context: Context, document: Annotated[str, Query(max_length=2000)] = ""
) -> HTMLResponse:
    """Return the review queue of one document: proposals awaiting a reviewer's decision."""
    from queries.lookup import resolve_document

    documents = review_documents(context.store)
    chosen = str(documents[0]["iri"]) if documents else ""
    if document.strip():
        try:
            chosen = str(resolve_document(context.store, document, allow_files=False))
        except NotFound as error:
            return render(request, "error.html", status=error.status, message=str(error))
    queue = review_queue(context.store, URIRef(chosen)) if chosen else []
    return render(request, "review.html", documents=documents, chosen=chosen, queue=queue)
