"""Running the shared scoring tools (`../shared/tools`) and reading what they print."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["score_extraction", "score_links"]

_ATTRIBUTE = re.compile(r"(\w+)=([0-9.]+)")


def _prf(gold: int, pred: int, matched: int) -> dict[str, float | int]:
    precision = matched / pred if pred else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": gold,
        "pred": pred,
        "matched": matched,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def score_extraction(tool: Path, keys: Path, predictions: Path) -> dict[str, Any]:
    """Return score_extraction.py's verdict on the folder `predictions` against `keys`.

    The result has `overall_f1` (its last line), `attributes` (lead, coordinating, targets on
    matched items) and `categories`: per category the gold, predicted and matched counts
    pooled over the documents, with precision, recall and F1.
    """
    completed = subprocess.run(
        [sys.executable, str(tool), "--dir", "--json", str(keys), str(predictions)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = completed.stdout.rstrip().splitlines()
    overall = re.fullmatch(r"overall F1 = ([0-9.]+)", lines[-1].strip())
    if overall is None:
        raise RuntimeError(f"score_extraction.py printed no overall F1: {lines[-1]!r}")
    attributes = {name: float(value) for name, value in _ATTRIBUTE.findall(lines[-2])}
    report = json.loads("\n".join(lines[:-2]))
    pooled: dict[str, list[int]] = {}
    for document in report["documents"]:
        for category, counts in document["categories"].items():
            totals = pooled.setdefault(category, [0, 0, 0])
            totals[0] += counts["gold"]
            totals[1] += counts["pred"]
            totals[2] += counts["matched"]
    return {
        "overall_f1": float(overall.group(1)),
        "attributes": attributes,
        "categories": {category: _prf(*totals) for category, totals in pooled.items()},
        "documents": len(report["documents"]),
    }


def score_links(tool: Path, key: Path, prediction: Path) -> dict[str, float | int]:
    """Return score_links.py's figures for one document: link F1, precision, recall, top-1."""
    completed = subprocess.run(
        [sys.executable, str(tool), str(key), str(prediction)],
        capture_output=True,
        text=True,
        check=True,
    )
    text = completed.stdout
    figures: dict[str, float | int] = {}
    if match := re.search(r"link F1 = ([0-9.]+)", text):
        figures["f1"] = float(match.group(1))
    if match := re.search(r"tp=(\d+) fp=(\d+) fn=(\d+)", text):
        figures.update(tp=int(match.group(1)), fp=int(match.group(2)), fn=int(match.group(3)))
    if match := re.search(r"top-1 accuracy: (\d+)/(\d+)", text):
        figures.update(top1_hit=int(match.group(1)), top1_n=int(match.group(2)))
    if "f1" not in figures:
        raise RuntimeError(f"score_links.py printed no link F1: {text[-300:]!r}")
    return figures
