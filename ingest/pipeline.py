"""Extraction as an ordered list of small named stages.

`extract(path)` reads the file and runs each stage in turn on one `Extraction`; every stage
fills in its own part and returns it. New extractors join by being listed in `STAGES`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.items import extract_items
from ingest.metadata import extract_metadata
from ingest.model import Extraction
from ingest.programmes import extract_programmes
from ingest.readers import read_source
from ingest.references import extract_references

__all__ = ["STAGES", "Stage", "extract"]

Stage = Callable[[Extraction], Extraction]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def metadata_stage(extraction: Extraction) -> Extraction:
    """Fill in the document's metadata block."""
    extraction.document = extract_metadata(extraction.source)
    return extraction


def references_stage(extraction: Extraction) -> Extraction:
    """Fill in the documents this one implements or cites."""
    extraction.references = extract_references(extraction.source, extraction.document)
    return extraction


def items_stage(extraction: Extraction) -> Extraction:
    """Fill in the indicators and tasks."""
    indicators, tasks = extract_items(extraction.source, extraction.document)
    extraction.indicators, extraction.tasks = indicators, tasks
    return extraction


def programmes_stage(extraction: Extraction) -> Extraction:
    """Fill in the list of provincial programmes, when the document has one."""
    extraction.programmes = extract_programmes(extraction.source)
    return extraction


STAGES: tuple[tuple[str, Stage], ...] = (
    ("metadata", metadata_stage),
    ("references", references_stage),
    ("items", items_stage),
    ("programmes", programmes_stage),
)
"""The extraction stages, in the order they run."""


def extract(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Return everything extracted from the file at `path`, without touching any store.

    Raises IngestError with a one-line message naming the file when it cannot be read.
    """
    extraction = Extraction(source=read_source(path, max_bytes=max_bytes))
    for _name, stage in STAGES:
        extraction = stage(extraction)
    return extraction
