"""Receiving uploaded files: streamed to disk, size-capped, sniffed, kept by content hash.

Nothing here reads a whole request body into memory: each file part goes straight to a
temporary file beside the kept uploads, in chunks, while its size is capped and its SHA-256
is computed.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from python_multipart.multipart import MultipartParser, parse_options_header

from config import Settings

__all__ = [
    "SNIFFERS",
    "IncomingFile",
    "UploadReceiver",
    "keep",
    "kept_bytes",
    "sniff",
    "uploads_folder",
]

_INCOMING_PREFIX = ".incoming-"
_MAX_FIELD_BYTES = 64 * 1024


def uploads_folder(settings: Settings) -> Path:
    """Return the folder that keeps uploads: `<store>/uploads`, or `./.mandate-uploads`."""
    if settings.store.startswith(("http://", "https://")):
        return Path(".mandate-uploads")
    return Path(settings.store) / "uploads"


def kept_bytes(folder: Path) -> int:
    """Return the total size of the uploads kept in `folder` (files in flight not counted)."""
    if not folder.is_dir():
        return 0
    return sum(
        entry.stat().st_size
        for entry in folder.iterdir()
        if entry.is_file() and not entry.name.startswith(".")
    )


def _is_docx(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(4)
    return None if head == b"PK\x03\x04" else "not a DOCX file (no ZIP signature)"


def _is_pdf(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(5)
    return None if head == b"%PDF-" else "not a PDF file (it does not start with %PDF-)"


def _is_text(path: Path) -> str | None:
    from ingest.errors import IngestError
    from ingest.readers.text import read_text

    try:
        read_text(path, path.read_bytes())
    except IngestError as error:
        return str(error).removeprefix(f"{path}: ")
    return None


SNIFFERS: dict[str, Callable[[Path], str | None]] = {
    ".docx": _is_docx,
    ".pdf": _is_pdf,
    ".txt": _is_text,
}
"""Suffix → content check on the stored bytes (None when the bytes fit the suffix)."""


def sniff(path: Path, suffix: str) -> str | None:
    """Return why the bytes at `path` are not a `suffix` file, or None when they are."""
    check = SNIFFERS.get(suffix)
    if check is None:
        return f"no content check is known for {suffix} files, so they are not accepted"
    return check(path)


@dataclass
class IncomingFile:
    """One file part of an upload: the client's name, where its bytes wait, and any refusal."""

    name: str
    suffix: str
    temp: Path | None = None
    size: int = 0
    sha256: str = ""
    error: str | None = None
    _digest: hashlib._Hash = field(default_factory=hashlib.sha256, repr=False)

    def discard(self) -> None:
        """Delete the waiting bytes, if any; returns nothing."""
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)
            self.temp = None


def _client_name(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace")
    # Browsers on Windows may send a full path; keep only the last part, as metadata.
    return PureWindowsPath(PurePosixPath(text).name).name or "unnamed"


class UploadReceiver:
    """Feeds a multipart body through python-multipart, one chunk at a time, to disk."""

    def __init__(
        self,
        boundary: bytes,
        folder: Path,
        *,
        max_file_bytes: int,
        suffixes: set[str],
        max_files: int = 50,
    ) -> None:
        self.folder = folder
        self.max_file_bytes = max_file_bytes
        self.suffixes = suffixes
        self.max_files = max_files
        self.files: list[IncomingFile] = []
        self._headers: dict[bytes, bytes] = {}
        self._field = b""
        self._value = b""
        self._current: IncomingFile | None = None
        self._handle: object | None = None
        self._field_bytes = 0
        self.problem: str | None = None
        callbacks = {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }
        self._parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]

    def feed(self, chunk: bytes) -> None:
        """Parse the next chunk of the body; returns nothing (raises on a malformed body)."""
        self._parser.write(chunk)

    def finish(self) -> list[IncomingFile]:
        """Return the files received, after the end of the body."""
        self._parser.finalize()
        return self.files

    def discard(self) -> None:
        """Delete every waiting file (the request failed); returns nothing."""
        self._close_handle()
        for incoming in self.files:
            incoming.discard()

    def _part_begin(self) -> None:
        self._headers = {}
        self._field = b""
        self._value = b""
        self._current = None

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._field.lower()] = self._value
        self._field = b""
        self._value = b""

    def _headers_finished(self) -> None:
        _kind, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        raw_name = options.get(b"filename")
        if raw_name is None:
            return  # an ordinary form field: its bytes are counted, not kept
        name = _client_name(raw_name)
        suffix = Path(name).suffix.lower()
        incoming = IncomingFile(name=name, suffix=suffix)
        self.files.append(incoming)
        if len(self.files) > self.max_files:
            incoming.error = f"more than {self.max_files} files in one upload; send fewer"
        elif suffix not in self.suffixes:
            shown = suffix or "files without a suffix"
            incoming.error = (
                f"{shown} is not accepted; upload one of {', '.join(sorted(self.suffixes))}"
            )
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            incoming.temp = self.folder / f"{_INCOMING_PREFIX}{secrets.token_hex(8)}"
            self._handle = incoming.temp.open("wb")
            self._current = incoming

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        incoming = self._current
        if incoming is None:
            self._field_bytes += end - start
            if self._field_bytes > _MAX_FIELD_BYTES:
                raise ValueError("the form's text fields are too large")
            return
        incoming.size += end - start
        if incoming.size > self.max_file_bytes:
            self._close_handle()
            incoming.discard()
            limit = self.max_file_bytes / (1024 * 1024)
            incoming.error = f"larger than the {limit:.3g} MB a file may have (MANDATE_MAX_FILE_MB)"
            self._current = None
            return
        incoming._digest.update(data[start:end])
        self._handle.write(data[start:end])  # type: ignore[attr-defined]

    def _part_end(self) -> None:
        if self._current is not None:
            self._close_handle()
            self._current.sha256 = self._current._digest.hexdigest()
        self._current = None

    def _close_handle(self) -> None:
        if self._handle is not None:
            self._handle.close()  # type: ignore[attr-defined]
            self._handle = None


def keep(incoming: IncomingFile, folder: Path) -> tuple[Path, bool]:
    """Move the waiting bytes to `<sha256><suffix>` in `folder`; return (path, newly kept)."""
    waiting = incoming.temp
    if waiting is None:
        raise ValueError(f"{incoming.name}: nothing to keep")
    target = folder / f"{incoming.sha256}{incoming.suffix}"
    if target.exists():
        incoming.discard()
        return target, False
    os.replace(waiting, target)
    incoming.temp = None
    return target, True
