"""The corpus a benchmark runs on: its manifest, and a deterministic sample of it."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MARKER", "CorpusDocument", "read_manifest", "sample"]

MARKER = "bench-corpus.json"
"""Written beside the manifest: the scale and seed the corpus was generated for."""


@dataclass(frozen=True)
class CorpusDocument:
    """One document of a generated corpus, with its answer keys when it has them."""

    path: Path
    key: Path | None
    links_key: Path | None
    province: str | None
    commune: str | None
    kind: str | None
    format: str | None


def _under(root: Path, value: str | None) -> Path | None:
    if not value:
        return None
    path = Path(value)
    return path if path.is_absolute() else root / path


def read_manifest(root: Path) -> list[CorpusDocument]:
    """Return the documents `root/manifest.json` lists, in its order, paths made absolute."""
    data = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    return [
        CorpusDocument(
            path=_under(root, entry["path"]) or root,
            key=_under(root, entry.get("key")),
            links_key=_under(root, entry.get("links_key")),
            province=entry.get("province"),
            commune=entry.get("commune"),
            kind=entry.get("kind"),
            format=entry.get("format"),
        )
        for entry in data["documents"]
    ]


def sample(documents: list[CorpusDocument], size: int, *, seed: int) -> list[CorpusDocument]:
    """Return `size` documents (all when fewer) chosen by `seed`, in manifest order."""
    if len(documents) <= size:
        return list(documents)
    chosen = set(random.Random(seed).sample(range(len(documents)), size))
    return [document for index, document in enumerate(documents) if index in chosen]
