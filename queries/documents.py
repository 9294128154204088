"""Documents and nodes as the web app shows them: lists, outlines, a node's statements."""

from __future__ import annotations

from rdflib import Literal, URIRef

from queries.sparql import load_query
from queries.stats import compact
from store import GraphStore

__all__ = ["document_outline", "list_documents", "node_statements"]


def _text(row: dict, key: str) -> str | None:
    value = row.get(key)
    return str(value) if value is not None and str(value) != "" else None


# The list is re-read by every search page, the home page and the explorer; a province's
# takes a third of a second to count, so it is kept for the store's write generation.
_LIST_CACHE = "document list"
# Every view of a document (its page, /api/document) reads its outline again.
_OUTLINE_CACHE = "document outlines"


def list_documents(store: GraphStore) -> list[dict[str, object]]:
    """Return every ingested document: IRI, title, class, number, unit, file, counts."""
    known = store.remembered(_LIST_CACHE, "all", lambda: _read_documents(store), limit=1)
    return [dict(document) for document in known]


def _read_documents(store: GraphStore) -> list[dict[str, object]]:
    # A commune with two names (or a document with two titles) gives a row per name: each
    # document is listed once, under the first of its unit's names in alphabetical order.
    documents: dict[str, dict[str, object]] = {}
    for row in store.select(load_query("documents_list")):
        iri = str(row["document"])
        unit = _text(row, "unitLabel")
        known = documents.get(iri)
        if known is not None:
            if unit is not None and (known["unit"] is None or unit < str(known["unit"])):
                known["unit"] = unit
            continue
        documents[iri] = {
            "iri": iri,
            "title": _text(row, "title"),
            "class": compact(row["class"]),
            "number": _text(row, "number"),
            "unit": unit,
            "file": _text(row, "file"),
            "tasks": int(str(row.get("tasks") or 0)),
            "indicators": int(str(row.get("indicators") or 0)),
        }
    return list(documents.values())


def document_outline(store: GraphStore, document: URIRef) -> list[dict[str, object]]:
    """Return the sections, tasks and indicators of `document` in reading order.

    Each entry has its IRI, kind (section, task, indicator), outline path, text, parent,
    source span, timing, and the lead and partner agencies' names.
    """
    known = store.remembered(
        _OUTLINE_CACHE, str(document), lambda: _read_outline(store, document), limit=128
    )
    # Copies, lists included: the cached outline must not change with what a caller does.
    return [
        {key: list(value) if isinstance(value, list) else value for key, value in entry.items()}
        for entry in known
    ]


def _read_outline(store: GraphStore, document: URIRef) -> list[dict[str, object]]:
    outline = []
    for row in store.select(load_query("document_outline"), {"document": document}):
        start, end = _text(row, "start"), _text(row, "end")
        outline.append(
            {
                "iri": str(row["node"]),
                "kind": compact(row["class"]).removeprefix("mg:").lower(),
                "path": _text(row, "path"),
                "text": _text(row, "text"),
                "parent": _text(row, "parent"),
                "span": [int(start), int(end)] if start and end else None,
                "timing": _text(row, "timing"),
                "lead": [name for name in (_text(row, "lead") or "").split("; ") if name],
                "partners": [name for name in (_text(row, "partners") or "").split("; ") if name],
            }
        )
    return outline


def node_statements(store: GraphStore, node: URIRef) -> dict[str, list[dict[str, object]]]:
    """Return the statements about `node`: `out` (node → value) and `in` (value → node).

    Each has the property (as a prefixed name when possible), the value, whether it is a
    node or a literal, and the other end's title or label when it has one.
    """
    found: dict[str, list[dict[str, object]]] = {"out": [], "in": []}
    for row in store.select(load_query("node_statements"), {"node": node}):
        value = row["value"]
        found[str(row["direction"])].append(
            {
                "property": compact(row["predicate"]),
                "value": str(value),
                "is_node": not isinstance(value, Literal),
                "label": _text(row, "label"),
            }
        )
    return found
