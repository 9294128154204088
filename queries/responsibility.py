"""Responsibility: the tasks and indicators an agency chairs or coordinates."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from ingest.agencies import ABBREVIATIONS, canonical_agency_name
from queries.lookup import NotFound
from queries.sparql import load_query
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


def _matching_agencies(store: GraphStore, name: str) -> list[AgencyDuties]:
    wanted = _key(name)
    agencies: dict[str, AgencyDuties] = {}
    exact: set[str] = set()
    partial: set[str] = set()
    for row in store.select(load_query("agencies")):
        iri = str(row["agency"])
        agency = agencies.setdefault(
            iri,
            AgencyDuties(
                iri,
                str(row["pref"]),
                str(row["unitLabel"]) if row.get("unitLabel") is not None else None,
            ),
        )
        written = str(row["name"])
        if written not in agency.names:
            agency.names.append(written)
        variants = _variants(written, agency.unit)
        if name.strip() == iri or wanted in variants:
            exact.add(iri)
        elif wanted and any(wanted in variant for variant in variants):
            partial.add(iri)
    chosen = exact or partial
    return [agencies[iri] for iri in sorted(chosen, key=lambda iri: agencies[iri].name)]


def agency_duties(store: GraphStore, name: str) -> list[AgencyDuties]:
    """Return every agency `name` denotes (accent-insensitive) with its tasks and indicators.

    An agency whose name (or any spelling seen) equals `name` wins; otherwise every agency
    whose name contains it. Raises NotFound when none does.
    """
    agencies = _matching_agencies(store, name)
    if not agencies:
        raise NotFound(f"{name}: no agency of that name in the graph")
    for agency in agencies:
        for row in store.select(load_query("agency_tasks"), {"agency": URIRef(agency.iri)}):
            entry = {
                "iri": str(row["item"]),
                "kind": str(row["kind"]).rsplit("#", 1)[-1].lower(),
                "text": str(row["text"]),
                "timing": str(row["timing"]) if row.get("timing") is not None else None,
                "document": {
                    "iri": str(row["document"]),
                    "title": str(row["title"]) if row.get("title") is not None else None,
                },
            }
            (agency.chairs if str(row["role"]) == "chairs" else agency.coordinates).append(entry)
    return agencies
