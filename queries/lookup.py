"""Finding the node a user means: a document by file, IRI or number; a node by IRI.

Commands take DOCUMENT or NODE as the user knows it. A path of an ingested file is found by
the hash of its bytes (the same hash ingest records), an IRI is checked to be in the graph,
and a document number ("06-CTr/TU", any case or spacing) is matched against the numbers the
graph holds. Each failure says what was tried, so the user can correct the argument.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from ontology.vocabulary import MG
from queries.sparql import load_query
from store import GraphStore

__all__ = ["InvalidReference", "NotFound", "resolve_document", "resolve_node"]


class NotFound(ValueError):
    """The argument names nothing in the graph; the message says what was tried."""

    status = 404
    """The HTTP status the web app answers with."""


class InvalidReference(NotFound):
    """The argument cannot name anything: it looks like an IRI but is not a valid one."""

    status = 422


def _checked_iri(reference: str) -> URIRef:
    """Return `reference` as an IRI node, or raise InvalidReference saying what is wrong."""
    try:
        ox.NamedNode(reference)
    except ValueError as error:
        raise InvalidReference(f"{reference}: not a valid IRI ({error})") from error
    return URIRef(reference)


def _is_iri(text: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://\S+$", text, re.IGNORECASE))


def _number_key(text: str) -> str:
    """Return a document number in comparable form: no spaces, one dash, casefolded."""
    return re.sub(r"\s+", "", text.replace("–", "-").replace("—", "-")).casefold()


def _document_by_file(store: GraphStore, path: Path) -> URIRef:
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise NotFound(f"{path}: cannot read the file: {error.strerror or error}") from error
    rows = store.select(
        load_query("lookup_by_hash"), {"hasHash": MG.contentHash, "hash": Literal(digest)}
    )
    if not rows:
        raise NotFound(f"{path}: this file has not been ingested; run 'mandate ingest {path}'")
    return URIRef(str(rows[0]["document"]))


def _documents_by_number(store: GraphStore, number: str) -> list[tuple[URIRef, bool]]:
    """Return the documents carrying `number`, each with whether it was ingested."""
    key = _number_key(number)
    found: dict[URIRef, bool] = {}
    for row in store.select(load_query("lookup_numbers")):
        if _number_key(str(row["number"])) == key:
            document = URIRef(str(row["document"]))
            found[document] = found.get(document, False) or str(row["ingested"]) == "true"
    return sorted(found.items(), key=lambda item: (not item[1], str(item[0])))


def _exists(store: GraphStore, node: URIRef) -> bool:
    return store.ask(load_query("lookup_exists"), {"node": node})


def resolve_document(store: GraphStore, reference: str, *, allow_files: bool = True) -> URIRef:
    """Return the IRI of the document `reference` names: a file path, an IRI or a number.

    Raises NotFound naming the argument when nothing matches, and listing the candidates
    when a number is carried by several ingested documents; InvalidReference (a NotFound)
    when it looks like an IRI but is not a valid one. `allow_files=False` (the web
    app) never looks at the local file system.
    """
    reference = reference.strip()
    if not reference:
        raise NotFound("empty document argument: give a file path, an IRI or a document number")
    if _is_iri(reference):
        node = _checked_iri(reference)
        if not _exists(store, node):
            raise NotFound(f"{reference}: no such node in the graph")
        return node
    if allow_files and Path(reference).is_file():
        return _document_by_file(store, Path(reference))
    matches = _documents_by_number(store, reference)
    ingested = [document for document, was_ingested in matches if was_ingested]
    if len(ingested) > 1:
        listed = ", ".join(str(document) for document in ingested)
        raise NotFound(f"{reference}: several ingested documents carry this number: {listed}")
    if matches:
        return matches[0][0]
    raise NotFound(
        f"{reference}: not an ingested file, an IRI in the graph, or a document number the "
        "graph knows"
    )


def resolve_node(store: GraphStore, reference: str, *, allow_files: bool = True) -> URIRef:
    """Return the IRI of the node `reference` names: any node's IRI, or a document (see above).

    Raises NotFound when nothing matches.
    """
    return resolve_document(store, reference, allow_files=allow_files)
