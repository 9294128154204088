"""Checks on a DOCX package before python-docx opens it: what the ZIP and its XML may hold.

python-docx unpacks every part it loads into memory and hands the XML to lxml, so a package
is refused first when it is an OLE file (old .doc, or an encrypted DOCX), has too many parts,
declares too large an unpacked size, expands suspiciously far (a ZIP bomb), or carries a
DOCTYPE or ENTITY declaration in any XML part (entity expansion, external entities). Word
never writes a DTD into a DOCX, so refusing one loses no real document.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ingest.errors import IngestError

__all__ = ["MAX_PARTS", "MAX_RATIO", "MAX_UNPACKED_BYTES", "check_package"]

MAX_PARTS = 10_000
"""More parts than this in one package are refused."""

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""A package whose parts declare more unpacked bytes than this in total is refused."""

MAX_RATIO = 100
"""An entry, or the whole package, unpacking to more than this many times its packed size
is refused once it passes `_RATIO_FLOOR` bytes. Real DOCX parts stay under about 35."""

_RATIO_FLOOR = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_CHUNK = 1 << 20
_DECLARATIONS = tuple(
    word.encode(codec)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(marker) for marker in _DECLARATIONS) - 1
# Encodings libxml2 detects from the first bytes, in which ASCII markers cannot be searched.
_UNSEARCHABLE_STARTS = (
    b"\x00\x00\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"\x00\x00\x00<",
    b"<\x00\x00\x00",
    b"\x00\x00<\x00",
    b"\x00<\x00\x00",
    b"\x4c\x6f\xa7\x94",
)
_UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_SEARCHABLE_ENCODING = re.compile(
    r"utf-?8|(us-)?ascii|iso[-_]?8859[-_]?\d+|latin-?1|(windows|cp)-?125\d|utf-?16(le|be)?",
    re.IGNORECASE,
)


def _refuse(path: Path, problem: str) -> IngestError:
    return IngestError(path, f"not a readable DOCX file ({problem})")


def _check_ole(path: Path, data: bytes) -> None:
    if not data.startswith(_OLE_MAGIC):
        return
    if _ENCRYPTED_STREAM in data:
        raise IngestError(
            path, "password-protected (encrypted) DOCX: remove the password and save it again"
        )
    raise IngestError(
        path, "not a readable DOCX file (an old Word .doc/OLE file): save it as .docx"
    )


def _check_sizes(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_PARTS:
        raise _refuse(path, f"{len(entries)} parts in the package, over the {MAX_PARTS} limit")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refuse(
            path,
            f"unpacks to {unpacked / 1_048_576:.0f} MB, over the "
            f"{MAX_UNPACKED_BYTES / 1_048_576:.0f} MB limit",
        )
    for entry in entries:
        if entry.file_size > _RATIO_FLOOR and entry.file_size > MAX_RATIO * entry.compress_size:
            ratio = entry.file_size / max(entry.compress_size, 1)
            raise _refuse(
                path,
                f"part {entry.filename!r} expands {ratio:.0f} times, over the {MAX_RATIO}x "
                "limit: a ZIP bomb?",
            )
    packed = sum(entry.compress_size for entry in entries)
    if unpacked > _RATIO_FLOOR and unpacked > MAX_RATIO * packed:
        raise _refuse(
            path,
            f"the package expands {unpacked / max(packed, 1):.0f} times, over the {MAX_RATIO}x "
            "limit: a ZIP bomb?",
        )


def _looks_like_xml(start: bytes) -> bool:
    text = start.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return text.startswith(b"<") or start.startswith(_UTF16_STARTS + _UNSEARCHABLE_STARTS)


def _check_encoding(path: Path, name: str, start: bytes) -> None:
    if start.startswith(_UNSEARCHABLE_STARTS):
        raise _refuse(path, f"XML part {name!r} is in UCS-4 or EBCDIC, which Word never writes")
    if start.startswith(_UTF16_STARTS):
        return
    declared = _DECLARED_ENCODING.match(start.removeprefix(b"\xef\xbb\xbf"))
    if declared is not None:
        encoding = declared.group(1).decode("ascii")
        if not _SEARCHABLE_ENCODING.fullmatch(encoding):
            raise _refuse(path, f"XML part {name!r} declares the unusual encoding {encoding!r}")


def _check_declarations(path: Path, package: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    with package.open(entry) as part:
        start = part.read(512)
        if not _looks_like_xml(start[:64]):
            return  # images and other binary parts: lxml never sees them
        _check_encoding(path, entry.filename, start)
        window = start
        while True:
            if any(marker in window for marker in _DECLARATIONS):
                raise _refuse(
                    path,
                    f"XML part {entry.filename!r} has a DOCTYPE or ENTITY declaration, which "
                    "Word never writes",
                )
            chunk = part.read(_CHUNK)
            if not chunk:
                return
            window = window[-_OVERLAP:] + chunk


def check_package(path: Path, data: bytes) -> None:
    """Return None when `data` may be handed to python-docx; raise IngestError otherwise.

    Refuses OLE files (old .doc, encrypted DOCX), data that is not a ZIP package, packages
    with more than `MAX_PARTS` parts, more than `MAX_UNPACKED_BYTES` declared unpacked, an
    expansion over `MAX_RATIO` times, and XML parts with DOCTYPE/ENTITY declarations.
    """
    _check_ole(path, data)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:
        raise _refuse(path, "not a ZIP package") from error
    with package:
        entries = package.infolist()
        _check_sizes(path, entries)
        for entry in entries:
            if entry.is_dir():
                continue
            try:
                _check_declarations(path, package, entry)
            except IngestError:
                raise
            except Exception as error:
                # CRC and deflate errors, unsupported compression methods, encrypted entries.
                raise _refuse(path, f"damaged ZIP package: {_one_line(error)}") from error


def _one_line(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return message if len(message) <= 160 else message[:157] + "..."
