"""One file read, extracted and turned into N-Triples, ready to be written in one transaction.

This is the part of an ingest that needs no store, so it can run in worker processes while
the one writer stores what they send back. Everything here is plain data (picklable).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError
from ingest.graph_builder import build_document_graph
from ingest.pipeline import extract
from ontology.identifiers import IriFactory
from store.terms import triples_text

__all__ = ["PreparationFailure", "PreparedDocument", "prepare_document"]


@dataclass(frozen=True)
class PreparedDocument:
    """A document's statements as N-Triples text, with what the writer needs to place them.

    `ntriples` holds the statements about the document's own nodes (its named graph);
    `shared` those about the units, agencies and documents it mentions (the shared graph).
    """

    path: str
    document: str
    graph_name: str
    shared_graph: str
    content_hash: str
    ntriples: str
    shared: str
    triples: int


@dataclass(frozen=True)
class PreparationFailure:
    """Why a file could not be prepared: a one-line message naming the file."""

    path: str
    error: str


def prepare_document(
    path: Path, *, base_iri: str, max_bytes: int
) -> PreparedDocument | PreparationFailure:
    """Return the file's graph as N-Triples, or the failure; never raises for a bad file."""
    try:
        extraction = extract(path, max_bytes=max_bytes)
        iris = IriFactory(base_iri)
        built = build_document_graph(extraction, iris)
        owned, shared = built.partition()
        owned_text, shared_text = triples_text(owned), triples_text(shared)
    except IngestError as error:
        return PreparationFailure(str(path), str(error))
    except Exception as error:  # an extractor bug must not stop the batch
        return PreparationFailure(
            str(path), f"{path}: internal error while extracting: {type(error).__name__}: {error}"
        )
    return PreparedDocument(
        path=str(path),
        document=str(built.document),
        graph_name=str(built.graph_name),
        shared_graph=str(iris.shared_graph()),
        content_hash=extraction.source.content_hash,
        ntriples=owned_text,
        shared=shared_text,
        triples=len(built.statements),
    )
