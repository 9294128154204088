"""Reading policy documents and turning them into graph statements."""

from ingest.errors import IngestError
from ingest.loader import FileResult, IngestReport, ingest_paths
from ingest.model import Extraction
from ingest.pipeline import extract

__all__ = ["Extraction", "FileResult", "IngestError", "IngestReport", "extract", "ingest_paths"]
