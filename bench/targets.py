"""Choosing what the query stages ask about: picked by SPARQL, in a deterministic order."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.sparql import bench_query
from store import GraphStore
from vntext import fold_accents

__all__ = ["Targets", "pick_targets", "provinces_with_documents"]

_SEARCH_WORDS = 2


@dataclass(frozen=True)
class Targets:
    """Commune tasks, communes, provinces, agency names and accent-less search phrases."""

    tasks: list[str]
    communes: list[tuple[str, str]]
    provinces: list[tuple[str, str]]
    agencies: list[str]
    searches: list[str]


def _spread(items: list[str], size: int, seed: int) -> list[str]:
    """Return `size` of `items` chosen by `seed`, keeping their order (all when fewer)."""
    if len(items) <= size:
        return items
    chosen = sorted(random.Random(seed).sample(range(len(items)), size))
    return [items[index] for index in chosen]


def _phrase(text: str) -> str | None:
    words = [word for word in fold_accents(text).lower().split() if word.isalpha()]
    return " ".join(words[:_SEARCH_WORDS]) if len(words) >= _SEARCH_WORDS else None


def _provinces(units: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(r["unit"], r["label"]) for r in units if r["class"].endswith("Province")]


def provinces_with_documents(store: GraphStore) -> list[tuple[str, str]]:
    """Return (IRI, name) of the provinces that have documents, as `pick_targets` lists them."""
    return _provinces(store.select_values(bench_query("units_with_documents")))


def pick_targets(
    store: GraphStore, size: int, *, seed: int, keep: Callable[[str], bool] | None = None
) -> Targets:
    """Return up to `size` targets of each kind from `store`, the same for the same store.

    Search phrases are the first words of sampled commune tasks with their accents folded
    ("xay dung"), as a user without a Vietnamese keyboard types them. With `keep`, only
    tasks and communes whose IRI it accepts are chosen.
    """
    wanted = keep or (lambda _iri: True)
    # Plain strings: at national scale this reads 814,000 task texts, minutes as RDF terms.
    rows = store.select_values(bench_query("commune_tasks"))
    task_text = {str(row["task"]): str(row["text"]) for row in rows if wanted(str(row["task"]))}
    tasks = _spread(sorted(task_text), size, seed)
    units = store.select_values(bench_query("units_with_documents"))
    communes = [
        (str(r["unit"]), str(r["label"]))
        for r in units
        if str(r["class"]).endswith("Commune") and wanted(str(r["unit"]))
    ]
    provinces = _provinces(units)
    chosen_communes = set(_spread([iri for iri, _ in communes], size, seed))
    agencies = _spread(
        [str(r["name"]) for r in store.select_values(bench_query("chairing_agencies"))], size, seed
    )
    phrases = [_phrase(task_text[task]) for task in _spread(sorted(task_text), size, seed + 1)]
    return Targets(
        tasks=tasks,
        communes=[unit for unit in communes if unit[0] in chosen_communes],
        provinces=provinces,
        agencies=agencies,
        searches=[phrase for phrase in phrases if phrase],
    )
