"""The graph pages: a node's lineage (`/task`) and its neighbourhood (`/explore`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from rdflib import URIRef

from api.context import AppContext, context_of
from api.page_data import kinds_count, neighbours
from api.rendering import page_language, render, url_for_page
from queries.lookup import NotFound
from queries.reviews import DEFAULT_MIN_CONFIDENCE
from visualizations.network import lineage_graph, neighbourhood_graph

__all__ = ["MAX_DRAWN", "router"]

router = APIRouter()
Context = Annotated[AppContext, Depends(context_of)]
MAX_DRAWN = 150
"""The most neighbours one explore page draws; more are paged."""


@router.get("/task", response_class=HTMLResponse)
def task_page(
    request: Request,
    context: Context,
    iri: Annotated[str, Query(max_length=2000)],
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_MIN_CONFIDENCE,
) -> HTMLResponse:
    """Return a node's lineage page: the paths up to Nghị quyết XIV drawn and explained."""
    from queries.lineage import lineage
    from queries.lookup import resolve_node

    lang = page_language(request)
    try:
        node = resolve_node(context.store, iri, allow_files=False)
    except NotFound as error:
        return render(request, "error.html", status=error.status, message=str(error))
    found = lineage(context.store, URIRef(node), min_confidence=min_confidence)
    url_of = {key: url_for_page(lang, "/task", iri=key) for key in found.nodes}
    graph = lineage_graph(found, url_of=url_of)
    return render(
        request,
        "task.html",
        found=found,
        graph=graph.to_json(),
        labels={key: summary.label for key, summary in found.nodes.items()},
        api_url=url_for_page("vi", "/api/lineage", node=str(node)),
    )


def _kinds(values: list[str]) -> list[str]:
    # Both ?kinds=a&kinds=b and ?kinds=a,b work, so links and forms can use either.
    return sorted({kind.strip() for value in values for kind in value.split(",") if kind.strip()})


@router.get("/explore", response_class=HTMLResponse)
def explore_page(
    request: Request,
    context: Context,
    iri: Annotated[str, Query(max_length=2000)] = "",
    kinds: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI reads the default
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    """Return the neighbourhood of a node by edge kind; at most MAX_DRAWN drawn per page."""
    from queries.documents import list_documents
    from queries.lineage import node_summary
    from queries.lookup import resolve_node

    lang = page_language(request)
    if not iri.strip():
        return render(request, "explore.html", centre=None, documents=list_documents(context.store))
    try:
        node = resolve_node(context.store, iri, allow_files=False)
    except NotFound as error:
        return render(request, "error.html", status=error.status, message=str(error))
    chosen = _kinds(kinds)
    every = neighbours(context.store, URIRef(node))
    counts = kinds_count(every)
    selected = [n for n in every if not chosen or n.relation in chosen]
    pages = max(1, -(-len(selected) // MAX_DRAWN))
    page = min(page, pages)
    drawn = selected[(page - 1) * MAX_DRAWN : page * MAX_DRAWN]
    summary = node_summary(context.store, URIRef(node))
    url_of = {
        n.iri: url_for_page(lang, "/explore", iri=n.iri, kinds=",".join(chosen) or None)
        for n in [*drawn]
    }
    graph = neighbourhood_graph(str(node), summary.label, summary.kind, drawn, url_of=url_of)
    return render(
        request,
        "explore.html",
        centre=summary,
        counts=counts,
        chosen=chosen,
        drawn=drawn,
        total=len(selected),
        page=page,
        pages=pages,
        # The explorer grows in place: a click fetches the node's neighbours from the API.
        graph={**graph.to_json(), "expand": "/api/neighbours", "kinds": ",".join(chosen)},
        kinds_param=",".join(chosen) or None,
    )
