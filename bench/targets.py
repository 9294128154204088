"""Choosing what the query stages ask about: picked by SPARQL, in a deterministic order."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import URIRef

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


def _commune_tasks(store: GraphStore, communes: list[str]) -> dict[str, str]:
    """Return the text of every task of the given communes' documents, by task IRI."""
    query = bench_query("commune_tasks")
    texts: dict[str, str] = {}
    for commune in communes:
        rows = store.select_values(query, {"unit": URIRef(commune)})
        texts.update((row["task"], row["text"]) for row in rows)
    return texts


def pick_targets(
    store: GraphStore, size: int, *, seed: int, keep: Callable[[str], bool] | None = None
) -> Targets:
    """Return up to `size` targets of each kind from `store`, the same for the same store.

    Communes are sampled first; tasks are sampled from those communes' documents, so the cost
    does not grow with the number of tasks in the store (814,000 at national scale). Search
    phrases are the first words of sampled tasks with their accents folded ("xay dung"), as
    a user without a Vietnamese keyboard types them. With `keep`, only communes (and so
    tasks) whose IRI it accepts are chosen.
    """
    wanted = keep or (lambda _iri: True)
    units = store.select_values(bench_query("units_with_documents"))
    communes = [
        (r["unit"], r["label"])
        for r in units
        if r["class"].endswith("Commune") and wanted(r["unit"])
    ]
    chosen_communes = _spread([iri for iri, _ in communes], size, seed)
    task_text = _commune_tasks(store, chosen_communes)
    tasks = _spread(sorted(iri for iri in task_text if wanted(iri)), size, seed)
    agencies = _spread(
        [r["name"] for r in store.select_values(bench_query("chairing_agencies"))], size, seed
    )
    phrases = [_phrase(task_text[task]) for task in _spread(sorted(task_text), size, seed + 1)]
    chosen = set(chosen_communes)
    return Targets(
        tasks=tasks,
        communes=[unit for unit in communes if unit[0] in chosen],
        provinces=_provinces(units),
        agencies=agencies,
        searches=[phrase for phrase in phrases if phrase],
    )
