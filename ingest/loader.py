"""Ingest: extract files and write each document's graph into a store, all or nothing.

After a batch, the derived-links graph (resolved references, proposed links) is rebuilt.

Each file is read and extracted completely in memory first; only then is its graph written,
in one transaction that also drops what an earlier ingest of the same content left. A file
that fails leaves the store as it was, and the other files of the batch go on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from ingest.pipeline import DEFAULT_MAX_BYTES
from ingest.prepared import PreparationFailure, PreparedDocument, prepare_document
from ingest.readers import supported_suffixes
from linking.store_links import LinkSummary, rebuild_links
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG
from store import GraphStore, StoreError

if TYPE_CHECKING:
    from search import SearchIndex

__all__ = [
    "FileResult",
    "IngestReport",
    "expand_paths",
    "ingest_file",
    "ingest_paths",
    "write_prepared",
]

Progress = Callable[[str, Path], None]
"""Called with a stage name ("reading", "writing", "done") and the file."""

# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_FROM = 8
_AHEAD_PER_WORKER = 4

_SAME_CONTENT = """
SELECT DISTINCT ?g WHERE { GRAPH ?g { ?document $hasHash $hash } }
"""


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: its document and graph when ingested, else the error."""

    path: str
    ok: bool
    document: str | None = None
    graph: str | None = None
    triples: int = 0
    error: str | None = None


@dataclass
class IngestReport:
    """The per-file results of one ingest run, and what the links rebuild found."""

    results: list[FileResult] = field(default_factory=list)
    links: LinkSummary | None = None
    links_error: str | None = None
    search_entries: int | None = None
    search_error: str | None = None

    @property
    def failed(self) -> list[FileResult]:
        """Return the results of the files that were not ingested."""
        return [result for result in self.results if not result.ok]

    @property
    def succeeded(self) -> list[FileResult]:
        """Return the results of the files that were ingested."""
        return [result for result in self.results if result.ok]


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileResult]]:
    """Return the files to ingest (folders searched recursively) and results for bad paths.

    Inside folders only files with a known suffix are taken, and hidden entries are skipped;
    a file named directly is always taken, so an unknown type is reported, not ignored.
    """
    files: list[Path] = []
    missing: list[FileResult] = []
    suffixes = set(supported_suffixes())
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                child
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in suffixes
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
            if not found:
                missing.append(
                    FileResult(
                        str(path),
                        False,
                        error=f"{path}: no {', '.join(sorted(suffixes))} files in this folder",
                    )
                )
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            missing.append(FileResult(str(path), False, error=f"{path}: no such file or folder"))
    return files, missing


def _graphs_with_content(store: GraphStore, content_hash: str) -> list[URIRef]:
    rows = store.select(
        _SAME_CONTENT, bindings={"hasHash": MG.contentHash, "hash": Literal(content_hash)}
    )
    return [URIRef(str(row["g"])) for row in rows]


def write_prepared(
    store: GraphStore, prepared: PreparedDocument | PreparationFailure, progress: Progress
) -> FileResult:
    """Store one prepared document in one transaction; return its result. Never raises."""
    if isinstance(prepared, PreparationFailure):
        return FileResult(prepared.path, False, error=prepared.error)
    path = Path(prepared.path)
    try:
        progress("writing", path)
        graph_name = URIRef(prepared.graph_name)
        # The same content ingested earlier (from another path or name) is replaced, not kept twice.
        earlier = [
            name
            for name in _graphs_with_content(store, prepared.content_hash)
            if name != graph_name
        ]
        store.write_graphs(
            replace={graph_name: prepared.ntriples},
            add={URIRef(prepared.shared_graph): prepared.shared},
            drop=earlier,
        )
    except StoreError as error:
        return FileResult(str(path), False, error=f"{path}: not written: {error}")
    progress("done", path)
    return FileResult(
        str(path),
        True,
        document=prepared.document,
        graph=prepared.graph_name,
        triples=prepared.triples,
    )


def ingest_file(
    store: GraphStore, path: Path, *, iris: IriFactory, max_bytes: int, progress: Progress
) -> FileResult:
    """Ingest one file; return its result. Never raises for a bad file."""
    progress("reading", path)
    prepared = prepare_document(path, base_iri=iris.base, max_bytes=max_bytes)
    return write_prepared(store, prepared, progress)


def _prepared_in_workers(
    files: list[Path], *, iris: IriFactory, max_bytes: int, workers: int
) -> Iterator[PreparedDocument | PreparationFailure]:
    """Yield the files prepared by `workers` processes, in the order of `files`."""
    # Forked: a spawned worker must re-import the caller's main module, which an embedding
    # program may not have. Workers never touch the parent's open store and leave with
    # os._exit, so its files are neither used nor closed by them.
    context = multiprocessing.get_context("fork")
    prepare = partial(prepare_document, base_iri=iris.base, max_bytes=max_bytes)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # Only a few files run ahead of the writer: prepared documents waiting to be written
        # would otherwise pile up in memory whenever extraction is faster than writing.
        pending: deque[Future[PreparedDocument | PreparationFailure]] = deque()
        for path in files:
            pending.append(pool.submit(prepare, path))
            if len(pending) >= workers * _AHEAD_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def ingest_paths(
    store: GraphStore,
    paths: Iterable[str | Path],
    *,
    iris: IriFactory,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    search_index: SearchIndex | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest every file under `paths` into `store`; return one result per file.

    With `workers` > 1 and enough files, files are read and extracted in that many worker
    processes while this process writes them, each document still in its own transaction.
    When any file was ingested, the links graph and then `search_index` (if given) are
    rebuilt; their failures are reported in the report, never raised.
    """
    files, bad_paths = expand_paths(paths)
    report = IngestReport(results=list(bad_paths))
    progress = progress or _quiet
    if workers > 1 and len(files) >= _PARALLEL_FROM:
        for prepared in _prepared_in_workers(
            files, iris=iris, max_bytes=max_bytes, workers=workers
        ):
            progress("reading", Path(prepared.path))
            report.results.append(write_prepared(store, prepared, progress))
    else:
        for path in files:
            report.results.append(
                ingest_file(store, path, iris=iris, max_bytes=max_bytes, progress=progress)
            )
    if report.succeeded:
        # Documents are already stored whole; a failed rebuild leaves the earlier links graph.
        try:
            touched = [URIRef(result.document) for result in report.succeeded if result.document]
            report.links = rebuild_links(store, iris, touched=touched, workers=workers)
        except StoreError as error:
            report.links_error = f"links not rebuilt: {error}"
        if search_index is not None:
            _rebuild_search(store, search_index, report)
        if len(report.succeeded) >= _PARALLEL_FROM:
            # A large batch leaves several times the store's size in superseded files; if
            # compacting fails only that space is lost, the data are intact.
            with contextlib.suppress(StoreError):
                store.compact()
    return report


def _rebuild_search(store: GraphStore, search_index: SearchIndex, report: IngestReport) -> None:
    try:
        report.search_entries = search_index.rebuild(store)
    except Exception as error:  # the documents are stored; a stale index must not hide that
        report.search_error = f"search index not rebuilt: {type(error).__name__}: {error}"


def _quiet(_stage: str, _path: Path) -> None:
    return None
