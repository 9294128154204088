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
    """A document's whole graph as N-Triples text, with what the writer needs to place it."""

    path: str
    document: str
    graph_name: str
    content_hash: str
    ntriples: str
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
        built = build_document_graph(extraction, IriFactory(base_iri))
        text = triples_text(built.graph)
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
        content_hash=extraction.source.content_hash,
        ntriples=text,
        triples=len(built.graph),
    )
