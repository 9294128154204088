"""Stage `synth`: generate the corpus for the scale, or reuse the one already in --work."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from bench.context import SHARED, Context, run_child
from bench.corpus import MARKER
from bench.results import Metric, StageResult

__all__ = ["child", "run"]

FALLBACK = "shared corpus (synth package not available)"


def _copy_shared_corpus(out_dir: Path) -> dict[str, Any]:
    """Stand in for the generator with the five real documents and their answer keys."""
    started = time.perf_counter()
    (out_dir / "keys" / "links").mkdir(parents=True, exist_ok=True)
    documents = []
    for source in sorted((SHARED / "corpus").iterdir()):
        shutil.copy2(source, out_dir / source.name)
        key = SHARED / "gold" / f"{source.stem}.json"
        entry: dict[str, Any] = {"path": source.name, "format": source.suffix.lstrip(".")}
        if key.exists():
            shutil.copy2(key, out_dir / "keys" / key.name)
            entry["key"] = f"keys/{key.name}"
        links = SHARED / "gold" / "links" / f"links_{source.stem.split('_')[0]}.json"
        if links.exists():
            shutil.copy2(links, out_dir / "keys" / "links" / f"{source.stem}.json")
            entry["links_key"] = f"keys/links/{source.stem}.json"
        documents.append(entry)
    (out_dir / "manifest.json").write_text(json.dumps({"documents": documents}), encoding="utf-8")
    return {"documents": len(documents), "seconds": time.perf_counter() - started}


def child(params: dict[str, Any]) -> dict[str, Any]:
    """Generate the corpus into params['out']; return the generator's summary as a dict."""
    out_dir = Path(params["out"])
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        from synth import generate_corpus
    except ImportError:
        return {"generator": FALLBACK, **_copy_shared_corpus(out_dir)}
    summary = generate_corpus(
        out_dir,
        provinces=params["provinces"],
        communes_per_province=params["communes_per_province"],
        seed=params["seed"],
    )
    return {
        "generator": "synth.generate_corpus",
        "documents": summary.documents,
        "provinces": summary.provinces,
        "communes": summary.communes,
        "tasks": summary.tasks,
        "indicators": summary.indicators,
        "seconds": summary.seconds,
    }


def _wanted(context: Context) -> dict[str, Any]:
    return {
        "scale": context.scale.name,
        "provinces": context.scale.provinces,
        "communes_per_province": context.scale.communes_per_province,
        "seed": context.seed,
    }


def _reusable(context: Context) -> dict[str, Any] | None:
    marker = context.corpus / MARKER
    if not (marker.exists() and (context.corpus / "manifest.json").exists()):
        return None
    recorded: dict[str, Any] = json.loads(marker.read_text(encoding="utf-8"))
    wanted = _wanted(context)
    return recorded if all(recorded.get(k) == v for k, v in wanted.items()) else None


def _corpus_mb(root: Path) -> float:
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    return sum((root / entry["path"]).stat().st_size for entry in manifest["documents"]) / 1e6


def run(context: Context) -> StageResult:
    """Return the synth stage's result: time, documents, MB and peak memory of generation."""
    result = StageResult("synth")
    recorded = _reusable(context)
    if recorded is not None:
        result.notes.append(
            f"reused the corpus in {context.corpus} (same scale and seed); figures are from "
            "when it was generated"
        )
    else:
        if context.corpus.exists():
            shutil.rmtree(context.corpus)
        params = {**_wanted(context), "out": str(context.corpus)}
        summary, measured = run_child("synth", params)
        recorded = {
            **_wanted(context),
            **summary,
            "wall_seconds": measured.wall_seconds,
            "peak_tree_mb": measured.peak_tree_mb,
            "maxrss_mb": measured.maxrss_mb,
        }
        (context.corpus / MARKER).write_text(json.dumps(recorded, indent=2), encoding="utf-8")
    megabytes = _corpus_mb(context.corpus)
    result.add(Metric("documents", "documents", value=recorded["documents"]))
    result.add(Metric("corpus size", "MB", value=round(megabytes, 2)))
    result.add(
        Metric(
            "generation wall time",
            "s",
            value=round(recorded["wall_seconds"], 2),
            note="one run; the corpus is generated once per scale and seed",
        )
    )
    result.add(Metric("peak memory (process tree)", "MB", value=round(recorded["peak_tree_mb"], 1)))
    result.add(Metric("ru_maxrss", "MB", value=round(recorded["maxrss_mb"], 1)))
    if recorded.get("generator") == FALLBACK:
        result.notes.append(
            "the synth package is not installed: the five real documents stand in for the "
            "generated corpus"
        )
    result.details = {k: v for k, v in recorded.items() if k not in ("scale", "seed")}
    return result
