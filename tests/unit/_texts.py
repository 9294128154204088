"""Build a SourceText from a string the way the readers do, for extractor tests."""

from ingest.layout import assemble_blocks
from ingest.model import SourceText


def source(text: str, name: str = "sample.txt") -> SourceText:
    normalised, tables = assemble_blocks([text])
    return SourceText(name, normalised, "text/plain", "0" * 64, tables)
