"""Stage `extract`: extraction and graph-building throughput, and extraction quality at scale."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from bench.context import Context, run_child
from bench.corpus import read_manifest, sample
from bench.results import Metric, StageResult
from bench.scoring import score_extraction

__all__ = ["child", "run"]


def _time_set(paths: list[str], predictions: Path | None) -> dict[str, float]:
    from config import load_settings
    from ingest.graph_builder import build_document_graph
    from ingest.pipeline import extract
    from ontology.identifiers import IriFactory

    iris = IriFactory(load_settings().base_iri)
    extract_s = build_s = 0.0
    size = 0
    for path in paths:
        started = time.perf_counter()
        extraction = extract(path)
        extracted = time.perf_counter()
        build_document_graph(extraction, iris)
        build_s += time.perf_counter() - extracted
        extract_s += extracted - started
        size += Path(path).stat().st_size
        if predictions is not None:
            # The answer-key form `mandate extract` prints, written outside the timed part.
            (predictions / f"{Path(path).stem}.json").write_text(
                json.dumps(extraction.to_answer_key(), ensure_ascii=False), encoding="utf-8"
            )
    return {"documents": len(paths), "bytes": size, "extract_s": extract_s, "build_s": build_s}


def child(params: dict[str, Any]) -> dict[str, Any]:
    """Extract and build every document of each set; return per set counts and seconds."""
    from ingest.pipeline import extract

    # One untimed extraction first: imports and compiled patterns are start-up, not throughput.
    extract(params["warmup"])
    predictions = Path(params["predictions"]) if params.get("predictions") else None
    sets: dict[str, Any] = {}
    for name, paths in params["sets"].items():
        folder = predictions / name if predictions is not None else None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        sets[name] = _time_set(paths, folder)
    return {"sets": sets}


def _throughput(result: StageResult, name: str, runs: list[dict[str, float]]) -> None:
    documents, megabytes = runs[0]["documents"], runs[0]["bytes"] / 1e6
    for label, seconds in (
        ("extract", [run["extract_s"] for run in runs]),
        ("build graph", [run["build_s"] for run in runs]),
        ("extract + build", [run["extract_s"] + run["build_s"] for run in runs]),
    ):
        result.add(Metric.of(f"{name}: {label}", "documents/s", [documents / s for s in seconds]))
        result.add(Metric.of(f"{name}: {label}", "MB/s", [megabytes / s for s in seconds]))
    result.details[f"{name}_documents"] = documents
    result.details[f"{name}_mb"] = round(megabytes, 3)


def _keys_subset(folder: Path, documents: list[Any]) -> Path:
    keys = folder / "keys"
    if keys.exists():
        shutil.rmtree(keys)
    keys.mkdir(parents=True)
    for document in documents:
        if document.key is not None and document.key.exists():
            # The scorer pairs keys and predictions by file name: name the key after its source.
            shutil.copy2(document.key, keys / f"{document.path.stem}.json")
    return keys


def run(context: Context) -> StageResult:
    """Return the extract stage's result: throughput per set over the runs, and quality."""
    result = StageResult("extract")
    folder = context.stage_dir("extract")
    real = sorted(str(path) for path in context.real_corpus.iterdir() if path.is_file())
    chosen = sample(read_manifest(context.corpus), context.scale.extract_sample, seed=context.seed)
    predictions = folder / "predictions"
    if predictions.exists():
        shutil.rmtree(predictions)
    params: dict[str, Any] = {
        "warmup": real[0],
        "sets": {"real corpus": real, "synthetic sample": [str(d.path) for d in chosen]},
    }
    runs, memory, maxrss = [], [], []
    for number in range(context.runs):
        last = number == context.runs - 1
        summary, measured = run_child(
            "extract", {**params, "predictions": str(predictions) if last else None}
        )
        runs.append(summary["sets"])
        memory.append(measured.peak_tree_mb)
        maxrss.append(measured.maxrss_mb)
    for name in params["sets"]:
        _throughput(result, name, [run[name] for run in runs])
    result.add(Metric.of("peak memory (process tree)", "MB", memory))
    result.add(Metric.of("ru_maxrss", "MB", maxrss))
    # score_extraction.py takes about half a second per synthetic document: score a subset.
    keys = _keys_subset(folder, sample(chosen, context.scale.quality_sample, seed=context.seed))
    if any(keys.iterdir()):
        quality = score_extraction(
            context.tools / "score_extraction.py", keys, predictions / "synthetic sample"
        )
        result.details["quality"] = quality
        result.add(
            Metric(
                "quality: overall F1",
                "F1",
                value=quality["overall_f1"],
                note=f"{quality['documents']} answer keys",
            )
        )
        for category, figures in quality["categories"].items():
            if figures["gold"]:
                result.add(
                    Metric(
                        f"quality: {category} F1",
                        "F1",
                        value=figures["f1"],
                        note=f"gold {figures['gold']}, predicted {figures['pred']}",
                    )
                )
        for attribute, value in quality["attributes"].items():
            result.add(Metric(f"quality: {attribute} on matched items", "score", value=value))
    else:
        result.notes.append("the sampled documents have no answer keys: quality not scored")
    result.notes.append(
        f"throughput: `ingest.pipeline.extract` and `build_document_graph` in one process "
        f"after one untimed warm-up extraction; synthetic sample of {len(chosen)} documents "
        f"chosen by seed {context.seed}"
    )
    return result
