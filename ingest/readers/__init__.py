"""Document readers, chosen by file suffix from one registry.

A reader turns a file's bytes into blocks: runs of text (which may still carry line wraps,
page numbers and page headers) and tables (rows of cell texts). `read_source` normalises the
text runs and lays out everything as one `SourceText`. A reader may also return a plain string
(one text run). Heavy libraries are imported only when a reader of that kind is first used.
Register another format with `register(".ext", "module", "function", "media/type")`; built-in
readers go through the same call. Readers of formats whose libraries parse hostile structures
(DOCX, PDF) are registered `isolated`: they run in a child process held to `ReadLimits`
(`ingest.readers.sandbox`), so a file that would hang or exhaust memory is stopped and named.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError
from ingest.layout import assemble_blocks
from ingest.model import SourceText
from ingest.readers.sandbox import DEFAULT_LIMITS, ReadLimits, read_limited

__all__ = [
    "DEFAULT_LIMITS",
    "READERS",
    "Block",
    "ReadLimits",
    "ReaderEntry",
    "read_source",
    "register",
    "supported_suffixes",
]

Block = str | list[list[str]]
"""A run of text, or a table given as rows of cell texts."""

ReadFunction = Callable[[Path, bytes], "str | list[Block]"]


@dataclass(frozen=True)
class ReaderEntry:
    """One reader: where to find it, the media type it reads, whether it runs isolated."""

    module: str
    function: str
    media_type: str
    isolated: bool = False

    def load(self) -> ReadFunction:
        """Return the reader function, importing its module on first use."""
        module = importlib.import_module(self.module)
        reader: ReadFunction = getattr(module, self.function)
        return reader


READERS: dict[str, ReaderEntry] = {}


def register(
    suffix: str, module: str, function: str, media_type: str, *, isolated: bool = False
) -> None:
    """Register the reader `module.function` for files ending in `suffix`.

    An `isolated` reader runs in a child process with a deadline and a memory ceiling; its
    module should import its libraries at the top, so that each child inherits them.
    """
    READERS[suffix.lower()] = ReaderEntry(module, function, media_type, isolated)


register(".txt", "ingest.readers.text", "read_text", "text/plain")
register(
    ".docx",
    "ingest.readers.docx",
    "read_docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    isolated=True,
)
register(".pdf", "ingest.readers.pdf", "read_pdf", "application/pdf", isolated=True)


def supported_suffixes() -> list[str]:
    """Return the file suffixes ingest can read, sorted."""
    return sorted(READERS)


def read_source(
    path: str | Path, *, max_bytes: int, limits: ReadLimits = DEFAULT_LIMITS
) -> SourceText:
    """Return the normalised text of the file at `path`.

    Raises IngestError (one line naming the file) when the file is missing, too large, empty,
    of an unknown kind, or unreadable by its reader, and when an isolated reader runs past
    `limits` (time or memory).
    """
    path = Path(path)
    entry = READERS.get(path.suffix.lower())
    if entry is None:
        known = ", ".join(supported_suffixes())
        raise IngestError(
            path, f"unsupported file type {path.suffix or '(none)'!r}; known: {known}"
        )
    try:
        size = path.stat().st_size
    except OSError as error:
        raise IngestError(path, f"cannot read the file: {error.strerror or error}") from error
    if size > max_bytes:
        raise IngestError(
            path,
            f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit "
            "(MANDATE_MAX_FILE_MB)",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(path, f"cannot read the file: {error.strerror or error}") from error
    if not data.strip():
        raise IngestError(path, "empty file")
    reader = entry.load()
    if entry.isolated:
        blocks = read_limited(reader, path, data, limits=limits)
    else:
        blocks = reader(path, data)
    text, tables = assemble_blocks([blocks] if isinstance(blocks, str) else blocks)
    if not text.strip():
        raise IngestError(path, "no text in the file")
    return SourceText(
        path=str(path),
        text=text,
        media_type=entry.media_type,
        content_hash=hashlib.sha256(data).hexdigest(),
        tables=tables,
    )
