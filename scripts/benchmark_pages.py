"""Time every page kind on the corpus through the real app in process (goal: under 300 ms).

Usage: python scripts/benchmark_pages.py [--store DIR] [--rounds N]. Without --store the
corpus (../shared/corpus) is ingested into a temporary store first.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.app import create_app  # noqa: E402
from config import load_settings  # noqa: E402


def _pages(client: TestClient) -> dict[str, str]:
    documents = client.get("/api/documents").json()
    biggest = max(documents, key=lambda d: d["tasks"] + d["indicators"])
    task = client.get("/api/document", params={"iri": biggest["iri"]}).json()["outline"]
    task_iri = next(entry["iri"] for entry in task if entry["kind"] == "task")
    quoted = quote(biggest["iri"], safe="")
    return {
        "home": "/",
        "search": "/search?q=nong+thon+moi",
        "document": f"/document?iri={quoted}",
        "task": f"/task?iri={quote(task_iri, safe='')}",
        "coverage province": "/coverage?unit=an+giang",
        "coverage commune": "/coverage?unit=vinh+phong",
        "agency": "/agency?name=UBND+xa",
        "agencies": "/agency",
        "review": "/review",
        "explore": f"/explore?iri={quoted}",
    }


def main() -> None:
    """Print the median and slowest time of each page kind, in milliseconds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store")
    parser.add_argument("--rounds", type=int, default=10)
    arguments = parser.parse_args()
    store = arguments.store
    if store is None:
        store = str(Path(tempfile.mkdtemp()) / "store")
        corpus = ROOT.parent / "shared" / "corpus"
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "mandate"), "ingest", str(corpus), "--store", store],
            check=True,
            capture_output=True,
        )
    with TestClient(create_app(load_settings(store=store))) as client:
        for name, path in _pages(client).items():
            client.get(path)
            times = []
            for _round in range(arguments.rounds):
                start = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
            print(
                f"{name:<18} median {statistics.median(times):7.1f} ms   "
                f"max {max(times):7.1f} ms"
            )


if __name__ == "__main__":
    main()
