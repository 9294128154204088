"""Responsibility: the tasks and indicators an agency chairs or coordinates."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from ingest.agencies import ABBREVIATIONS, canonical_agency_name
from queries.lookup import NotFound
from queries.sparql import load_query
from queries.values import values_query
from store import GraphStore
from vntext import fold_accents

__all__ = ["AgencyDuties", "agency_duties"]


@dataclass
class AgencyDuties:
    """One agency and what it must do, as lead (chairs) or partner (coordinates)."""

    iri: str
    name: str
    unit: str | None
    names: list[str] = field(default_factory=list)
    chairs: list[dict[str, object]] = field(default_factory=list)
    coordinates: list[dict[str, object]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """Return the agency's duties as a JSON-ready dictionary."""
        return {
            "iri": self.iri,
            "name": self.name,
            "unit": self.unit,
            "names": self.names,
            "chairs": self.chairs,
            "coordinates": self.coordinates,
        }


# Abbreviations as a user may type them: any case, accents optional ("ubnd", "hdnd").
_FOLDED_ABBREVIATIONS = {fold_accents(short): fold_accents(long) for short, long in ABBREVIATIONS}


def _key(text: str) -> str:
    """Return a name in comparable form: abbreviations written out, accents folded."""
    words = fold_accents(canonical_agency_name(text)).split()
    return " ".join(_FOLDED_ABBREVIATIONS.get(word, word) for word in words)


def _variants(name: str, unit: str | None) -> set[str]:
    """Return the keys one written name answers to, with and without its unit's name."""
    key = _key(name)
    variants = {key}
    if unit:
        place = _key(unit)
        if key.endswith(" " + place):
            variants.add(key[: -len(place) - 1])
    return variants


_INDEX_CACHE = "agency names"


@dataclass(frozen=True)
class _Agency:
    iri: str
    name: str
    unit: str | None
    names: tuple[str, ...]
    variants: frozenset[str]


def _agency_index(store: GraphStore) -> list[_Agency]:
    """Return every agency with its names and their keys, read once per store generation."""
    cache = store.facts(_INDEX_CACHE, limit=1)
    known = cache.get("index") if cache is not None else None
    if isinstance(known, list):
        return known
    names: dict[str, list[str]] = {}
    first: dict[str, dict[str, str]] = {}
    for row in store.select_values(load_query("agencies")):
        iri = row["agency"]
        first.setdefault(iri, row)
        written = names.setdefault(iri, [])
        if row["name"] not in written:
            written.append(row["name"])
    index = []
    for iri, row in first.items():
        unit = row.get("unitLabel")
        variants = frozenset(v for written in names[iri] for v in _variants(written, unit))
        index.append(_Agency(iri, row["pref"], unit, tuple(names[iri]), variants))
    if cache is not None:
        cache.put("index", index)
    return index


def _matching_agencies(store: GraphStore, name: str) -> list[AgencyDuties]:
    wanted = _key(name)
    exact: list[_Agency] = []
    partial: list[_Agency] = []
    for agency in _agency_index(store):
        if name.strip() == agency.iri or wanted in agency.variants:
            exact.append(agency)
        elif wanted and any(wanted in variant for variant in agency.variants):
            partial.append(agency)
    # Same-named agencies (one per commune) in IRI order, so the answer does not depend on
    # the order rows came in.
    chosen = sorted(exact or partial, key=lambda agency: (agency.name, agency.iri))
    return [
        AgencyDuties(agency.iri, agency.name, agency.unit, list(agency.names)) for agency in chosen
    ]


def agency_duties(store: GraphStore, name: str) -> list[AgencyDuties]:
    """Return every agency `name` denotes (accent-insensitive) with its tasks and indicators.

    An agency whose name (or any spelling seen) equals `name` wins; otherwise every agency
    whose name contains it. Raises NotFound when none does.
    """
    agencies = _matching_agencies(store, name)
    if not agencies:
        raise NotFound(f"{name}: no agency of that name in the graph")
    by_iri = {agency.iri: agency for agency in agencies}
    query, bindings = values_query(
        load_query("agency_tasks"), "agency", [URIRef(iri) for iri in by_iri]
    )
    rows = store.select_values(query, bindings)
    # By document, then outline path (a missing path first, as SPARQL orders unbound).
    rows.sort(key=lambda row: (row["document"], "path" in row, row.get("path", "")))
    for row in rows:
        entry = {
            "iri": row["item"],
            "kind": row["kind"].rsplit("#", 1)[-1].lower(),
            "text": row["text"],
            "timing": row.get("timing"),
            "document": {"iri": row["document"], "title": row.get("title")},
        }
        agency = by_iri[row["agency"]]
        (agency.chairs if row["role"] == "chairs" else agency.coordinates).append(entry)
    return agencies
