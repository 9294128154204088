"""Opening a store from a location string, checking its base IRI and reference data."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from rdflib import Graph, Literal

from ontology import ONTOLOGY_FILE
from ontology.identifiers import IriFactory
from ontology.vocabulary import DCTERMS, MG_ONTOLOGY
from store.base import GraphStore
from store.embedded import EmbeddedStore
from store.errors import StoreError
from store.remote import RemoteStore

__all__ = ["open_store"]

_MANIFEST = "store.json"
_FORMAT_VERSION = 1


def _is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def _check_manifest(directory: Path, base_iri: str, *, create: bool) -> None:
    """Refuse to mix IRIs: a store keeps the base IRI it was created with."""
    manifest = directory / _MANIFEST
    if manifest.exists():
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise StoreError(f"{manifest}: unreadable store manifest: {error}") from error
        if recorded.get("base_iri") != base_iri:
            raise StoreError(
                f"{directory}: this store was created with base IRI {recorded.get('base_iri')!r}, "
                f"not {base_iri!r}; set MANDATE_BASE_IRI to match or use another --store"
            )
    elif create:
        directory.mkdir(parents=True, exist_ok=True)
        content = {"base_iri": base_iri, "format_version": _FORMAT_VERSION}
        manifest.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")


def ensure_reference_data(store: GraphStore, iris: IriFactory) -> None:
    """Load the ontology into the reference graph unless this version is already there."""
    source = ONTOLOGY_FILE.read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    present = store.ask(
        "ASK { GRAPH $graph { $ontology $identifier $digest } }",
        {
            "graph": iris.reference_graph(),
            "ontology": MG_ONTOLOGY,
            "identifier": DCTERMS.identifier,
            "digest": Literal(digest),
        },
    )
    if present:
        return
    graph = Graph().parse(data=source.decode("utf-8"), format="turtle")
    graph.add((MG_ONTOLOGY, DCTERMS.identifier, Literal(digest)))
    store.replace_graph(iris.reference_graph(), graph)


def open_store(location: str, *, base_iri: str, read_only: bool = False) -> GraphStore:
    """Return the store at `location`: a directory (embedded) or an http(s) SPARQL URL.

    A writable store is given the reference data (the ontology) when it lacks the current
    version. Raises StoreError with a message naming the location when it cannot be opened.
    """
    iris = IriFactory(base_iri)
    store: GraphStore
    if _is_url(location):
        remote = RemoteStore(location)
        remote.check()
        store = remote
    else:
        directory = Path(location)
        if directory.exists() and not directory.is_dir():
            raise StoreError(f"{directory}: not a directory; --store takes a directory or a URL")
        _check_manifest(directory, iris.base, create=not read_only)
        store = EmbeddedStore(directory, read_only=read_only)
    if not read_only:
        ensure_reference_data(store, iris)
    return store
