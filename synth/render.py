"""Writing a generated document to disk as UTF-8 text or as a reproducible DOCX."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from synth.model import Doc

__all__ = ["render_docx", "render_txt", "write_bytes"]

_EPOCH = datetime(2026, 1, 1)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def render_txt(doc: Doc) -> bytes:
    """Return the document as UTF-8 text: one paragraph per line, a blank line between."""
    lines: list[str] = []
    for block in doc.blocks:
        if block.rows is not None:
            for row in block.rows:
                lines.extend(cell for cell in row if cell)
            continue
        lines.append(block.text)
    return ("\n\n".join(lines) + "\n").encode("utf-8")


def render_docx(doc: Doc) -> bytes:
    """Return the document as DOCX bytes that depend only on its content.

    python-docx stamps the core properties with the current time and zipfile stamps every
    entry; both are fixed here so that the same seed gives the same bytes.
    """
    from docx import Document

    document = Document()
    props = document.core_properties
    props.created = props.modified = props.last_printed = _EPOCH
    props.author = props.last_modified_by = "mandate synth"
    props.revision = 1
    for block in doc.blocks:
        if block.rows is not None:
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(block.text)
        run.bold = block.bold or None
        if block.center:
            paragraph.alignment = 1
    raw = io.BytesIO()
    document.save(raw)
    return _restamp(raw.getvalue())


def _restamp(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def write_bytes(path: Path, data: bytes) -> int:
    """Write `data` to `path` (parents created); return the number of bytes written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)
