"""Time each question command on the corpus and print the figures.

    python scripts/benchmark_questions.py [FOLDER] [--repeat N]

Ingests FOLDER (default: the shared corpus) into a temporary embedded store, then runs each
command the way `mandate` does (resolving its argument included) N times: `links` and
`audit` of every document, `lineage` of every task of the commune plans, `coverage` of every
commune and province, `agency` for a few names. Reports, per command, the median and the
slowest answer in milliseconds, and the goal of answering in under a second.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rdflib import URIRef

from config import load_settings
from ingest.loader import ingest_paths
from ontology.identifiers import IriFactory
from queries.coverage import commune_coverage, province_coverage, resolve_unit
from queries.lineage import lineage
from queries.links import document_links
from queries.lookup import resolve_document
from queries.responsibility import agency_duties
from queries.sparql import load_query
from store import GraphStore, open_store

_AGENCIES = ("UBND xã", "Công an", "Văn phòng", "Mặt trận Tổ quốc")


def _timed(runs: list[float], action: Callable[[], object]) -> None:
    started = time.perf_counter()
    action()
    runs.append((time.perf_counter() - started) * 1000)


def _audit(store: GraphStore, iris: IriFactory, document: str) -> object:
    try:
        from queries.audit import audit_document
    except ImportError:
        return None
    return audit_document(store, iris, resolve_document(store, document), today=date.today())


def main() -> int:
    """Print the per-command timings; return the exit status (1 when a goal is missed)."""
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    iris = IriFactory(load_settings().base_iri)
    files = sorted(str(path) for path in args.folder.iterdir() if path.is_file())
    timings: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(folder, base_iri=iris.base)
        started = time.perf_counter()
        ingest_paths(store, files, iris=iris)
        ingest_ms = (time.perf_counter() - started) * 1000
        provinces = {
            row["province"]
            for row in store.select_values(load_query("linking_documents"))
            if "province" in row
        }
        tasks = [
            URIRef(row["item"])
            for province in sorted(provinces)
            for row in store.select_values(
                load_query("linking_commune_items"), {"province": URIRef(province)}
            )
            if row["kind"].endswith("Task")
        ]
        units = [row for row in store.select(load_query("units"))]
        for _ in range(args.repeat):
            for path in files:
                _timed(
                    timings.setdefault("links", []),
                    lambda path=path: document_links(store, resolve_document(store, path)),
                )
                _timed(timings.setdefault("audit", []), lambda path=path: _audit(store, iris, path))
            for task in tasks:
                _timed(timings.setdefault("lineage", []), lambda task=task: lineage(store, task))
            for row in units:
                unit = resolve_unit(store, str(row["unit"]))
                name = "coverage (province)" if unit.is_province else "coverage (commune)"
                query = province_coverage if unit.is_province else commune_coverage
                _timed(timings.setdefault(name, []), lambda u=unit, q=query: q(store, u))
            for agency in _AGENCIES:
                _timed(timings.setdefault("agency", []), lambda a=agency: agency_duties(store, a))
        store.close()
    print(f"ingest of {len(files)} files with links rebuild: {ingest_ms:.0f} ms")
    print(f"{'command':<22}{'runs':>6}{'median ms':>12}{'max ms':>10}  under 1 s")
    missed = False
    for name, runs in timings.items():
        slowest = max(runs)
        missed = missed or slowest >= 1000
        verdict = "yes" if slowest < 1000 else "NO"
        print(
            f"{name:<22}{len(runs):>6}{statistics.median(runs):>12.1f}{slowest:>10.1f}  {verdict}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
