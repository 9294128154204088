"""Stage `ingest`: the real `mandate ingest` into a fresh store, and link quality after it."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from bench.context import Context, run_child
from bench.corpus import read_manifest, sample
from bench.disk import directory_mb
from bench.memory import run_measured
from bench.results import Metric, StageResult
from bench.scoring import score_links

__all__ = ["child", "run"]


def child(params: dict[str, Any]) -> dict[str, Any]:
    """Count the store's statements and write `mandate links --json` for the given documents.

    Returns {"statements": n, "links": {source path: prediction file}}; a document the
    store does not know is left out.
    """
    from queries.links import document_links
    from queries.lookup import NotFound, resolve_document
    from store.embedded import EmbeddedStore

    store = EmbeddedStore(params["store"], read_only=True)
    try:
        written: dict[str, str] = {}
        for source, target in params["links"].items():
            try:
                node = resolve_document(store, source)
            except NotFound:
                continue
            Path(target).write_text(
                json.dumps(document_links(store, node), ensure_ascii=False), encoding="utf-8"
            )
            written[source] = target
        return {"statements": store.quad_count(), "links": written}
    finally:
        store.close()


def _mandate() -> str:
    return str(Path(sys.executable).with_name("mandate"))


def _link_quality(context: Context, result: StageResult, documents: list[Any]) -> None:
    folder = context.stage_dir("ingest") / "links"
    folder.mkdir(parents=True, exist_ok=True)
    keyed = [d for d in documents if d.links_key is not None and d.links_key.exists()]
    # Reading one document's links is a whole query; a national corpus has thousands.
    keyed = sample(keyed, context.scale.quality_sample, seed=context.seed)
    wanted = {str(d.path): str(folder / f"{d.path.stem}.json") for d in keyed}
    found, _measured = run_child("ingest", {"store": str(context.store), "links": wanted})
    result.add(Metric("statements in the store", "quads", value=found["statements"]))
    if not keyed:
        result.notes.append("no document has a links answer key: link quality not scored")
        return
    totals = {"tp": 0, "fp": 0, "fn": 0}
    f1s = []
    for document in keyed:
        prediction = found["links"].get(str(document.path))
        if prediction is None:
            continue
        tool = context.tools / "score_links.py"
        figures = score_links(tool, document.links_key, Path(prediction))
        f1s.append(float(figures["f1"]))
        for key in totals:
            totals[key] += int(figures.get(key, 0))
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    pooled = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result.details["link_quality"] = {**totals, "documents": len(f1s)}
    result.add(
        Metric(
            "link quality: pooled F1",
            "F1",
            value=round(pooled, 4),
            note=f"a sample of {len(f1s)} documents with a links key (score_links.py pairs pooled)",
        )
    )
    if f1s:
        result.add(Metric.of("link quality: F1 per document", "F1", f1s))


def run(context: Context) -> StageResult:
    """Return the ingest stage's result: time, throughput, memory, store size, link quality."""
    result = StageResult("ingest")
    documents = read_manifest(context.corpus)
    megabytes = sum(d.path.stat().st_size for d in documents) / 1e6
    runs = context.scale.ingest_runs or context.runs
    walls, peaks, maxrss, sizes, indexes, failures = [], [], [], [], [], []
    for _ in range(runs):
        if context.store.exists():
            shutil.rmtree(context.store)
        measured = run_measured(
            [_mandate(), "ingest", "--store", str(context.store), str(context.corpus)],
            cwd=context.work,
        )
        lines = measured.stdout.splitlines()
        failed = [line for line in lines if line.startswith("error")]
        if measured.returncode not in (0, 1) or not any(line.startswith("ok") for line in lines):
            raise RuntimeError(
                f"mandate ingest failed ({measured.returncode}):\n" + measured.stderr[-2000:]
            )
        walls.append(measured.wall_seconds)
        peaks.append(measured.peak_tree_mb)
        maxrss.append(measured.maxrss_mb)
        sizes.append(directory_mb(context.store))
        indexes.append(
            directory_mb(context.store / "search.sqlite3")
            if (context.store / "search.sqlite3").is_dir()
            else (context.store / "search.sqlite3").stat().st_size / 1e6
            if (context.store / "search.sqlite3").exists()
            else 0.0
        )
        failures.append(failed)
    once = " (one run at this scale)" if context.scale.ingest_runs else ""
    result.add(Metric.of("wall time", "s", walls, note=f"{len(documents)} documents{once}"))
    result.add(Metric.of("throughput", "documents/s", [len(documents) / s for s in walls]))
    result.add(Metric.of("throughput", "MB/s", [megabytes / s for s in walls]))
    result.add(Metric.of("peak memory (process tree)", "MB", peaks))
    result.add(Metric.of("ru_maxrss", "MB", maxrss))
    result.add(Metric.of("store size on disk", "MB", sizes, note="whole store folder"))
    result.add(Metric.of("search index size", "MB", indexes))
    result.add(Metric("files not ingested", "files", value=len(failures[-1])))
    if failures[-1]:
        result.notes.append("NOT INGESTED: " + "; ".join(failures[-1][:5]))
    _link_quality(context, result, documents)
    result.notes.append(
        f"`mandate ingest --store STORE CORPUS` in a fresh store each run{once}; "
        f"{len(documents)} documents, {megabytes:.1f} MB"
    )
    return result
