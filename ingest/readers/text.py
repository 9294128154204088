"""Plain-text reader: UTF-8 or UTF-16, with or without a byte-order mark."""

from __future__ import annotations

import codecs
from pathlib import Path

from ingest.errors import IngestError

__all__ = ["read_text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed mark binary data.
_BINARY_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13}


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when zero bytes sit in every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(
            path,
            f"not valid {encoding.upper().replace('-SIG', '')} text "
            f"(byte 0x{data[error.start]:02x} at offset {error.start}); save it as UTF-8",
        ) from error


def read_text(path: Path, data: bytes) -> str:
    """Return the text of a plain-text file in UTF-8 or UTF-16 (BOM optional).

    Raises IngestError for binary data and for other encodings, naming the first bad byte.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _check_text(path, _decode(path, data, encoding))
    utf16 = _guess_utf16_without_bom(data)
    if utf16 is not None:
        return _check_text(path, _decode(path, data, utf16))
    if b"\x00" in data:
        raise IngestError(path, "binary data (NUL bytes), not a text file")
    return _check_text(path, _decode(path, data, "utf-8"))


def _check_text(path: Path, text: str) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) in _BINARY_CONTROLS)
    if controls > max(8, len(sample) // 100):
        raise IngestError(path, "binary data (control characters), not a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")
