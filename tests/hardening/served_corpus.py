"""A copy of the corpus ingested and served by a real `mandate serve`, for the long campaigns."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO_ROOT, Mandate, _free_port, mandate_executable, running_server

__all__ = ["CorpusNotIngested", "ServedCorpus", "served_corpus"]


class CorpusNotIngested(RuntimeError):
    """The corpus could not be ingested; the message is the command's output."""


@dataclass(frozen=True)
class ServedCorpus:
    """Where the corpus is served, and the ingested store the CLI may read beside it."""

    url: str
    work: Path
    ingested: Mandate


@contextmanager
def served_corpus(corpus: Path, *, api_key: str, prefix: str) -> Iterator[ServedCorpus]:
    """Yield the corpus ingested into a temporary store and served (a copy) with `api_key`.

    The server runs on a free loopback port until the block ends; the temporary folder is
    removed after it. Raises CorpusNotIngested when the ingest fails.
    """
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        work = Path(folder)
        ingested = Mandate(work / "ingested")
        result = ingested("ingest", str(corpus))
        if result.exit_code != 0:
            raise CorpusNotIngested(result.output)
        shutil.copytree(ingested.store, work / "served")
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
        environment = {**os.environ, "MANDATE_API_KEY": api_key, "PYTHONPATH": path}
        serve = [mandate_executable(), "serve", "--store", str(work / "served")]
        with running_server(
            [*serve, "--port", str(port)], url, "/openapi.json", env=environment, log=work / "log"
        ):
            yield ServedCorpus(url, work, ingested)
