"""The one error ingest lets escape: a source file that cannot be read or understood."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file could not be ingested; `str()` gives one line naming the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
