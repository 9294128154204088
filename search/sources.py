"""What the search index holds, read from the store: one entry per searchable node.

Each kind of node comes from its own query (`queries/search_*.rq`); the fingerprint says
which ingested documents the entries were read from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import URIRef

from queries.sparql import load_query
from search.folding import WORD, display_text
from store import GraphStore
from store.base import Bindings

__all__ = [
    "KINDS",
    "Entry",
    "entry_batches",
    "fingerprint_of",
    "ingested_documents",
    "read_entries",
    "store_fingerprint",
]

KINDS = ("document", "task", "indicator", "section", "programme", "agency", "unit")
"""Every kind of node the index holds."""

# (query name, kind); a query that returns ?kind itself says None.
_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("search_documents", "document"),
    ("search_programmes", "programme"),
    ("search_agencies", "agency"),
    ("search_units", "unit"),
)
# The items (tasks, indicators, sections) are read one document at a time.
_ITEMS_OF = "search_items_of"
# Bump when the entries or the table change, so every existing index is rebuilt.
SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Entry:
    """One searchable node: its IRI, kind, label, text to search and source document."""

    iri: str
    kind: str
    label: str
    text: str
    document: str | None = None


def _entries_of(
    store: GraphStore, query: str, kind: str | None, bindings: Bindings | None = None
) -> list[Entry]:
    entries: list[Entry] = []
    for row in store.select_values(load_query(query), bindings):
        if "label" in row:
            label = display_text(str(row["label"]))
            aliases = display_text(str(row.get("aliases", "")))
            text = f"{label} · {aliases}" if aliases else label
        else:
            text = display_text(str(row["text"]))
            label = ""
        if not any(word.isalpha() for word in WORD.findall(text)):
            continue  # a bare outline number ("III.2") finds nothing worth showing
        document = row.get("document")
        entries.append(
            Entry(
                iri=str(row["node"]),
                kind=kind or str(row["kind"]),
                label=label,
                text=text,
                document=str(document) if document is not None else None,
            )
        )
    return entries


def _merged(entries: Iterable[Entry]) -> list[Entry]:
    """Return the entries with the texts of one node and kind joined into one entry."""
    merged: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.iri, entry.kind)
        earlier = merged.get(key)
        if earlier is None:
            merged[key] = entry
        elif entry.text not in earlier.text:
            merged[key] = Entry(
                earlier.iri,
                earlier.kind,
                earlier.label,
                f"{earlier.text} · {entry.text}",
                earlier.document or entry.document,
            )
    return list(merged.values())


def entry_batches(store: GraphStore, documents: Iterable[str]) -> Iterator[list[Entry]]:
    """Yield the entries of `store` in batches: each named kind's, then each document's items.

    `documents` are the IRIs of the ingested documents (`ingested_documents`).

    A node's entries all fall in one batch (a kind is read whole, an item belongs to one
    document), so each batch is merged on its own.
    """
    for query, kind in _SOURCES:
        yield _merged(_entries_of(store, query, kind))
    for document in sorted(documents):
        yield _merged(_entries_of(store, _ITEMS_OF, None, {"document": URIRef(document)}))


def read_entries(store: GraphStore) -> list[Entry]:
    """Return one entry per searchable node of `store`, texts of one node joined.

    A node with several texts of one kind (two titles, say) gets one entry whose text holds
    them all, separated by " · ".
    """
    documents = ingested_documents(store)
    return [entry for batch in entry_batches(store, documents) for entry in batch]


def ingested_documents(store: GraphStore) -> dict[str, str]:
    """Return each ingested document's IRI with its content hash."""
    rows = store.select_values(load_query("search_fingerprint"))
    return {row["document"]: row["hash"] for row in rows}


def fingerprint_of(documents: dict[str, str]) -> str:
    """Return a digest of the documents' content hashes (and the index schema).

    It changes whenever a document is ingested, re-ingested with other content or removed.
    """
    lines = sorted(f"{document} {content}" for document, content in documents.items())
    digest = hashlib.sha256("\n".join([SCHEMA_VERSION, *lines]).encode("utf-8"))
    return f"{len(lines)}:{digest.hexdigest()}"


def store_fingerprint(store: GraphStore) -> str:
    """Return the fingerprint (`fingerprint_of`) of the documents `store` holds now."""
    return fingerprint_of(ingested_documents(store))
