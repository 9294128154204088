"""The HTML pages: home, search and documents here.

Graphs, coverage, agencies and reviews are in their own modules. Every page is
server-rendered, autoescaped, offline (its scripts and styles come from /static) and
carries a Content-Security-Policy without inline scripts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from rdflib import URIRef

from api.context import AppContext, context_of
from api.errors import ApiError
from api.i18n import translator
from api.page_data import document_text, fallback_search, paragraph_around
from api.pages_coverage import router as coverage_router
from api.pages_graph import router as graph_router
from api.rendering import CSP, highlight, page_language, render, url_for_page
from api.security import require_read
from queries.lookup import NotFound

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
router.include_router(graph_router)
router.include_router(coverage_router)

Context = Annotated[AppContext, Depends(context_of)]
STATIC = Path(__file__).with_name("static")
_STATIC_NAME = re.compile(r"^[a-z0-9-]+(?:\.min)?\.(?:css|js)$")


def _vis_file(name: str) -> Path:
    import pyvis

    return Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name


@router.get("/static/{name}")
def static(name: str) -> FileResponse:
    """Return one of the pages' scripts or styles; vis-network comes from the pyvis package."""
    if not _STATIC_NAME.match(name):
        raise ApiError(404, f"{name}: no such static file")
    path = _vis_file(name) if name.startswith("vis-network") else STATIC / name
    if not path.is_file():
        raise ApiError(404, f"{name}: no such static file")
    media = "text/css" if name.endswith(".css") else "text/javascript"
    headers = {"Cache-Control": "public, max-age=3600", "Content-Security-Policy": CSP}
    return FileResponse(path, media_type=media, headers=headers)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, context: Context) -> HTMLResponse:
    """Return the home page: the ingested documents with their counts, and graph statistics."""
    from queries.documents import list_documents
    from queries.stats import graph_stats

    documents = sorted(list_documents(context.store), key=lambda d: (str(d["unit"]), d["iri"]))
    stats = graph_stats(context.store, context.iris).to_json()
    return render(request, "home.html", documents=documents, stats=stats)


def _index_hits(request: Request, context: AppContext, query: str) -> list[dict] | None:
    """Return the search index's hits, or None when the `search` package offers no index."""
    try:
        import search
    except ImportError:
        return None
    open_index = getattr(search, "open_index", None)
    if open_index is None:
        return None
    index = getattr(request.app.state, "search_index", None)
    if index is None:
        index = open_index(context.settings)
        request.app.state.search_index = index
    index.ensure_current(context.store)
    return [
        {
            "iri": hit.iri,
            "kind": str(hit.kind).lower(),
            "label": hit.label,
            "snippet": highlight(hit.snippet, hit.highlights),
            "document": hit.document,
            "exact": hit.exact,
        }
        for hit in index.search(query, limit=20)
    ]


def _hit_url(lang: str, hit: dict) -> str:
    kind = str(hit["kind"])
    if kind in ("task", "indicator"):
        return url_for_page(lang, "/task", iri=hit["iri"])
    if kind == "agency":
        return url_for_page(lang, "/agency", name=hit.get("label") or hit["iri"])
    if kind in ("unit", "commune", "province"):
        return url_for_page(lang, "/coverage", unit=hit["iri"])
    if kind in ("document", "plan", "actionprogramme", "resolution"):
        return url_for_page(lang, "/document", iri=hit["iri"])
    return url_for_page(lang, "/explore", iri=hit["iri"])


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, context: Context, q: Annotated[str, Query(max_length=500)] = ""
) -> HTMLResponse:
    """Return the search page: hits for `q` with the matched words marked."""
    hits: list[dict] = []
    fallback = False
    if q.strip():
        found = _index_hits(request, context, q)
        if found is None:
            fallback = True
            found = [
                {**hit, "label": None, "snippet": highlight(hit["text"], hit["highlights"])}
                for hit in fallback_search(context.store, q)
            ]
        from queries.documents import list_documents

        lang = page_language(request)
        titles = {d["iri"]: d["title"] for d in list_documents(context.store)}
        hits = [
            {**hit, "href": _hit_url(lang, hit), "document_title": titles.get(hit["document"])}
            for hit in found
        ]
    return render(request, "search.html", q=q, hits=hits, fallback=fallback)


def _agency_links(lang: str, names: object) -> list[tuple[str, str]]:
    """Return (name, link to its agency page) for each agency name in `names`."""
    if not isinstance(names, list):
        return []
    return [(str(name), url_for_page(lang, "/agency", name=name)) for name in names]


@router.get("/document", response_class=HTMLResponse)
def document_page(
    request: Request, context: Context, iri: Annotated[str, Query(max_length=2000)]
) -> HTMLResponse:
    """Return a document's page: its outline, and each item's source paragraph marked."""
    from queries.documents import document_outline
    from queries.lookup import resolve_document

    try:
        node = resolve_document(context.store, iri, allow_files=False)
    except NotFound as error:
        return render(request, "error.html", status=error.status, message=str(error))
    text, title = document_text(context.store, node)
    lang = page_language(request)
    strings = translator(lang)
    entries = []
    # Links and badges are made here: through Jinja calls, per item of a 175-item outline,
    # they were most of the page's time.
    for entry in document_outline(context.store, node):
        source = None
        span = entry["span"]
        kind = str(entry["kind"])
        if kind != "section" and text and isinstance(span, list):
            paragraph, marked = paragraph_around(text, span[0], span[1])
            source = highlight(paragraph, [marked])
        entries.append(
            {
                **entry,
                "source": source,
                "badge": strings.get(kind, kind),
                "href": url_for_page(lang, "/task", iri=entry["iri"]),
                "lead_links": _agency_links(lang, entry.get("lead")),
                "partner_links": _agency_links(lang, entry.get("partners")),
            }
        )
    about = {
        "tasks": sum(1 for entry in entries if entry["kind"] == "task"),
        "indicators": sum(1 for entry in entries if entry["kind"] == "indicator"),
    }
    return render(
        request,
        "document.html",
        iri=str(node),
        title=title or str(URIRef(node)),
        about=about,
        entries=entries,
    )
