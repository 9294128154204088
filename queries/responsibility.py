"""Responsibility: the tasks and indicators an agency chairs or coordinates."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from ingest.agencies import ABBREVIATIONS, canonical_agency_name
from queries.limits import AGENCY_NAMES_PAGE, DEFAULT_AGENCY_LIMIT, MAX_AGENCY_LIMIT
from queries.lookup import NotFound
from queries.sparql import load_query
from queries.values import values_query
from store import GraphStore
from vntext import fold_accents

__all__ = ["AgencyDuties", "DutiesPage", "NamesPage", "agency_duties", "agency_names"]


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


@dataclass
class DutiesPage:
    """One page of the agencies a name denotes, with how many there are in all."""

    query: str
    total: int
    offset: int
    limit: int
    agencies: list[AgencyDuties]

    @property
    def more(self) -> bool:
        """Return whether agencies follow this page."""
        return self.offset + len(self.agencies) < self.total

    def to_json(self) -> dict[str, object]:
        """Return the page as a JSON-ready dictionary."""
        return {
            "query": self.query,
            "total": self.total,
            "offset": self.offset,
            "limit": self.limit,
            "more": self.more,
            "agencies": [agency.to_json() for agency in self.agencies],
        }


@dataclass
class NamesPage:
    """One page of every agency's (name, unit name) pair, in unit then name order."""

    total: int
    offset: int
    limit: int
    names: list[tuple[str, str]]

    @property
    def more(self) -> bool:
        """Return whether names follow this page."""
        return self.offset + len(self.names) < self.total


_INDEX_CACHE = "agency names"
_NAMES_CACHE = "agency name list"
_DUTIES_CACHE = "agency duties rows"


@dataclass(frozen=True)
class _Agency:
    iri: str
    name: str
    unit: str | None
    names: tuple[str, ...]
    variants: frozenset[str]
    unit_key: str


@dataclass(frozen=True)
class _Index:
    agencies: tuple[_Agency, ...]
    by_key: dict[str, tuple[_Agency, ...]]


def _agency_index(store: GraphStore) -> _Index:
    """Return every agency with its names and their keys, read once per store generation."""
    return store.remembered(_INDEX_CACHE, "index", lambda: _read_index(store), limit=1)


def _read_index(store: GraphStore) -> _Index:
    names: dict[str, list[str]] = {}
    first: dict[str, dict[str, str]] = {}
    for row in store.select_values(load_query("agencies")):
        iri = row["agency"]
        first.setdefault(iri, row)
        written = names.setdefault(iri, [])
        if row["name"] not in written:
            written.append(row["name"])
    agencies = []
    by_key: dict[str, list[_Agency]] = {}
    for iri, row in first.items():
        unit = row.get("unitLabel")
        variants = frozenset(v for written in names[iri] for v in _variants(written, unit))
        agency = _Agency(iri, row["pref"], unit, tuple(names[iri]), variants, _unit_key(unit))
        agencies.append(agency)
        by_key.setdefault(iri, []).append(agency)
        for variant in variants:
            by_key.setdefault(variant, []).append(agency)
    return _Index(tuple(agencies), {key: tuple(found) for key, found in by_key.items()})


def agency_names(
    store: GraphStore, *, offset: int = 0, limit: int = AGENCY_NAMES_PAGE
) -> NamesPage:
    """Return the NamesPage of agency names from `offset`: each (name, unit) pair once.

    The unit name is "" for an agency of no place. Read from the index kept per store
    generation, so later pages cost no query.
    """
    pairs = _name_pairs(store)
    return NamesPage(len(pairs), offset, limit, pairs[offset : offset + limit])


def _name_pairs(store: GraphStore) -> list[tuple[str, str]]:
    return store.remembered(
        _NAMES_CACHE,
        "pairs",
        lambda: sorted(
            {(agency.name, agency.unit or "") for agency in _agency_index(store).agencies},
            key=lambda pair: (pair[1], pair[0]),
        ),
        limit=1,
    )


def _unit_key(unit: str | None) -> str:
    return _key(unit) if unit else ""


def _matching_agencies(index: _Index, name: str, unit: str | None) -> list[_Agency]:
    """Return the agencies `name` denotes, in (name, IRI) order, within `unit` when given.

    An exact key (or the IRI) wins, looked up in the index; otherwise every agency one of
    whose keys contains the name.
    """
    wanted = _key(name)
    found = list(index.by_key.get(name.strip(), ())) or list(index.by_key.get(wanted, ()))
    if not found and wanted:
        found = [
            agency
            for agency in index.agencies
            if any(wanted in variant for variant in agency.variants)
        ]
    if unit and unit.strip():
        place = _key(unit)
        found = [agency for agency in found if place and place in agency.unit_key]
    # Same-named agencies (one per commune) in IRI order, so the answer does not depend on
    # the order rows came in.
    return sorted(set(found), key=lambda agency: (agency.name, agency.iri))


def agency_duties(
    store: GraphStore,
    name: str,
    *,
    unit: str | None = None,
    offset: int = 0,
    limit: int = DEFAULT_AGENCY_LIMIT,
) -> DutiesPage:
    """Return one page of the agencies `name` denotes, each with its tasks and indicators.

    Matching is accent-insensitive and abbreviation-aware: an agency whose name (or any
    spelling seen, or its IRI) equals `name` wins; otherwise every agency whose name contains
    it. `unit` keeps only agencies of the communes or provinces whose name contains it.
    Agencies are ordered by name then IRI; `offset` and `limit` (1 to MAX_AGENCY_LIMIT) pick
    the page, and only that page's tasks are read. Raises NotFound when no agency matches,
    ValueError on a bad page.
    """
    if not 1 <= limit <= MAX_AGENCY_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_AGENCY_LIMIT}")
    if offset < 0:
        raise ValueError("offset must not be negative")
    matched = _matching_agencies(_agency_index(store), name, unit)
    if not matched:
        within = f" in {unit.strip()}" if unit and unit.strip() else ""
        raise NotFound(f"{name}: no agency of that name{within} in the graph")
    page = [
        AgencyDuties(agency.iri, agency.name, agency.unit, list(agency.names))
        for agency in matched[offset : offset + limit]
    ]
    if page:
        _read_duties(store, page)
    return DutiesPage(name, len(matched), offset, limit, page)


def _duty_rows(store: GraphStore, iris: tuple[str, ...]) -> list[dict[str, str]]:
    """Return the agency_tasks rows of the agencies `iris`, kept per store generation.

    A page of a much-asked agency name costs a few hundred milliseconds to read on a
    province, and every visit to it asks for the same agencies again.
    """

    def read() -> list[dict[str, str]]:
        agencies = [URIRef(iri) for iri in iris]
        return store.select_values(*values_query(load_query("agency_tasks"), "agency", agencies))

    # A copy: the caller sorts the rows it gets.
    return list(store.remembered(_DUTIES_CACHE, iris, read, limit=32))


def _read_duties(store: GraphStore, agencies: list[AgencyDuties]) -> None:
    """Fill each agency's chairs and coordinates lists from the store."""
    by_iri = {agency.iri: agency for agency in agencies}
    rows = _duty_rows(store, tuple(by_iri))
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
