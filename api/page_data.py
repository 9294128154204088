"""What the pages read beside the query layer.

Source paragraphs, a fallback search, the review queue and a node's neighbours.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from rdflib import URIRef

from queries.documents import node_statements
from queries.links import document_links
from queries.sparql import load_query
from store import GraphStore
from visualizations.network import Neighbour

__all__ = [
    "document_text",
    "fallback_search",
    "neighbours",
    "paragraph_around",
    "review_documents",
    "review_queue",
]


def document_text(store: GraphStore, document: URIRef) -> tuple[str, str | None]:
    """Return the document's normalised full text ("" when absent) and its title."""
    for row in store.select(load_query("pages_document_text"), {"document": document}):
        text = str(row["text"]) if row.get("text") is not None else ""
        return text, str(row["title"]) if row.get("title") is not None else None
    return "", None


def paragraph_around(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """Return the paragraph(s) holding text[start:end] and the span's range inside them."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return text[first:last], (start - first, end - first)


def _fold_char(character: str) -> str:
    # One character in, one out, so offsets in the folded text are offsets in the original.
    if character in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", character)[:1] or character
    folded = base.casefold()
    return folded if len(folded) == 1 else character


def fold_keep_length(text: str) -> str:
    """Return `text` lower-cased without accents, exactly as long as `text`."""
    return "".join(_fold_char(character) for character in text)


def fallback_search(store: GraphStore, query: str, *, limit: int = 20) -> list[dict[str, object]]:
    """Return tasks and indicators whose text holds every word of `query` (accents ignored).

    Each hit has `iri`, `kind`, `text`, `highlights` (ranges of the words in `text`),
    `document` and `document_title`; the most matched words first.
    """
    words = [word for word in fold_keep_length(unicodedata.normalize("NFC", query)).split()]
    if not words:
        return []
    phrase = " ".join(words)
    hits: list[tuple[int, dict[str, object]]] = []
    for row in store.select(load_query("pages_item_texts")):
        text = " ".join(str(row["text"]).split())
        folded = fold_keep_length(text)
        if not all(word in folded for word in words):
            continue
        ranges = []
        for word in words:
            position = folded.find(word)
            while position >= 0:
                ranges.append((position, position + len(word)))
                position = folded.find(word, position + len(word))
        hits.append(
            (
                0 if phrase in folded else 1,
                {
                    "iri": str(row["item"]),
                    "kind": str(row["class"]).rsplit("#", 1)[-1].lower(),
                    "text": text,
                    "highlights": ranges,
                    "document": str(row["document"]),
                    "document_title": str(row["title"]) if row.get("title") else None,
                },
            )
        )
    hits.sort(key=lambda hit: (hit[0], len(str(hit[1]["text"]))))
    return [hit for _rank, hit in hits[:limit]]


def review_documents(store: GraphStore) -> list[dict[str, object]]:
    """Return the documents with proposed links: IRI, title and number of proposals."""
    return [
        {
            "iri": str(row["document"]),
            "title": str(row["title"]) if row.get("title") is not None else str(row["document"]),
            "links": int(str(row["links"])),
        }
        for row in store.select(load_query("pages_review_documents"))
    ]


def review_queue(store: GraphStore, document: URIRef) -> list[dict[str, object]]:
    """Return the document's proposed links no reviewer has decided, per item, best first.

    Each entry is the task (`task`, `iri`) with its `proposals` (as `document_links` gives
    programmes and provincial items, with `used` saying whether queries count it now).
    """
    queue = []
    for item in document_links(store, document, include_unused=True, with_indicators=True):
        targets = [*item["programmes"], *item["provincial_items"]]  # type: ignore[misc]
        waiting = [entry for entry in targets if entry["status"] == "proposed"]
        if waiting:
            waiting.sort(key=lambda entry: -float(str(entry["confidence"])))
            queue.append({"task": item["task"], "iri": item["iri"], "proposals": waiting})
    return queue


def neighbours(store: GraphStore, node: URIRef) -> list[Neighbour]:
    """Return the nodes joined to `node` by an edge either way, labelled, in stable order."""
    statements = node_statements(store, node)
    found: dict[tuple[str, str, str], Neighbour] = {}
    for direction in ("out", "in"):
        for statement in statements[direction]:
            if not statement["is_node"]:
                continue
            iri = str(statement["value"])
            label = str(statement["label"] or iri.rstrip("/").rsplit("/", 1)[-1])
            relation = str(statement["property"])
            found.setdefault((iri, relation, direction), Neighbour(iri, label, relation, direction))
    return sorted(found.values(), key=lambda n: (n.relation, n.direction, n.label, n.iri))


def kinds_count(found: list[Neighbour]) -> dict[str, int]:
    """Return how many neighbours each edge kind (property) joins, by kind."""
    counts: dict[str, int] = defaultdict(int)
    for neighbour in found:
        counts[neighbour.relation] += 1
    return dict(sorted(counts.items()))
