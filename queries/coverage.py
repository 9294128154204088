"""Coverage: which of its province's programmes a commune's plans carry out.

For a commune, each programme of its province is:

- `not_applicable` when the programme is restricted to named places (the "đô thị động lực",
  Phú Quốc, a border area) and the commune is not one of them;
- `covered` when some task or indicator of the commune's ingested documents implements it by
  a link queries use (stated, confirmed, or proposed at or above the confidence threshold,
  never rejected);
- `uncovered` otherwise.

For a province, the same decision for every commune with an ingested document gives the
communes × programmes matrix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from ontology.vocabulary import MG, XSD
from queries.lookup import NotFound
from queries.reviews import DEFAULT_MIN_CONFIDENCE, Decision, latest_reviews, link_is_used
from queries.sparql import load_query
from queries.values import values_query
from store import GraphStore
from vntext import fold_accents

__all__ = [
    "CommuneCoverage",
    "ProgrammeCoverage",
    "ProvinceCoverage",
    "Unit",
    "commune_coverage",
    "coverage_of",
    "programme_applies",
    "province_coverage",
    "resolve_unit",
    "unit_choices",
]

# Matched on accent-folded names, so "xa Vinh Phong" and "xã Vĩnh Phong" agree.
_LEVEL_WORDS = re.compile(r"^(?:xa|phuong|dac khu|tinh|thanh pho|tp\.?)\s+")
_DERIVATION = (
    "Programmes of the commune's province (mg:jurisdiction); not applicable when restricted to "
    "places (mg:appliesTo) that do not include the commune; covered when a task or indicator of "
    "the commune's ingested documents implements it by a link that is stated, confirmed, or "
    "proposed at or above the minimum confidence, and not rejected."
)


@dataclass(frozen=True)
class Unit:
    """A commune or province of the graph."""

    iri: str
    name: str
    is_province: bool


@dataclass
class ProgrammeCoverage:
    """One programme's status for one commune, with the tasks that cover it and why."""

    number: str
    title: str
    iri: str
    status: str = "uncovered"
    tasks: list[dict[str, object]] = field(default_factory=list)
    reason: str = ""

    def to_json(self) -> dict[str, object]:
        """Return the entry in the `mandate coverage --json` form."""
        return {
            "number": self.number,
            "title": self.title,
            "iri": self.iri,
            "status": self.status,
            "tasks": self.tasks,
            "reason": self.reason,
        }


@dataclass
class CommuneCoverage:
    """The coverage of every programme of a commune's province."""

    unit: Unit
    province: Unit | None
    programmes: list[ProgrammeCoverage] = field(default_factory=list)
    min_confidence: float = DEFAULT_MIN_CONFIDENCE

    def to_json(self) -> dict[str, object]:
        """Return the coverage in the `mandate coverage --json` form."""
        return {
            "unit": {"iri": self.unit.iri, "name": self.unit.name},
            "province": {"iri": self.province.iri, "name": self.province.name}
            if self.province
            else None,
            "min_confidence": self.min_confidence,
            "programmes": [programme.to_json() for programme in self.programmes],
            "derivation": _DERIVATION,
        }


@dataclass
class ProvinceCoverage:
    """The communes × programmes matrix of a province."""

    unit: Unit
    programmes: list[tuple[str, str, str]] = field(default_factory=list)
    communes: list[CommuneCoverage] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """Return the matrix: programmes, and per commune each programme's status."""
        return {
            "unit": {"iri": self.unit.iri, "name": self.unit.name},
            "programmes": [
                {"number": number, "title": title, "iri": iri}
                for number, title, iri in self.programmes
            ],
            "communes": [
                {
                    "iri": commune.unit.iri,
                    "name": commune.unit.name,
                    "cells": {
                        entry.number: {
                            "status": entry.status,
                            "tasks": len(entry.tasks),
                            "confidence": max(
                                (float(str(task["confidence"])) for task in entry.tasks),
                                default=None,
                            ),
                        }
                        for entry in commune.programmes
                    },
                }
                for commune in self.communes
            ],
            "derivation": _DERIVATION,
        }


def _name_key(name: str) -> str:
    # "vinh-phong" (as in the unit's IRI) and "Vĩnh Phong" name the same place.
    words = fold_accents(name.replace("-", " ").replace("_", " ")).split()
    return _LEVEL_WORDS.sub("", " ".join(words)).strip()


def resolve_unit(store: GraphStore, reference: str) -> Unit:
    """Return the commune or province `reference` names (accent-insensitive) or its IRI.

    "Vĩnh Phong", "xã vinh phong" and the unit's IRI all name the same commune. Raises
    NotFound when nothing matches, listing the matches when a name is ambiguous.
    """
    wanted = reference.strip()
    units = _units(store)
    if wanted in units:
        return units[wanted]
    key = _name_key(wanted)
    matches = [unit for unit in units.values() if _name_key(unit.name) == key]
    if not matches:
        raise NotFound(f"{reference}: no commune or province of that name in the graph")
    if len(matches) > 1:
        listed = ", ".join(f"{unit.name} <{unit.iri}>" for unit in matches)
        raise NotFound(f"{reference}: several units have this name; give the IRI of one: {listed}")
    return matches[0]


# Facts every coverage answer of a province re-reads, cached per store generation.
_PROVINCE_CACHE = "unit provinces"
_PROGRAMME_CACHE = "province programmes"
_UNIT_CACHE = "units by IRI"
_CHOICE_CACHE = "unit choices"
_LINK_CACHE = "coverage link rows"
_NO_PROVINCE = "none"


def _units(store: GraphStore) -> dict[str, Unit]:
    """Return every commune and province by IRI (read once per store generation)."""
    return store.remembered(_UNIT_CACHE, "all", lambda: _read_units(store), limit=1)


def _read_units(store: GraphStore) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for row in store.select(load_query("units")):
        iri = str(row["unit"])
        units.setdefault(iri, Unit(iri, str(row["label"]), row["class"] == MG.Province))
    return units


def unit_choices(store: GraphStore) -> list[tuple[str, str]]:
    """Return (name, IRI) of every commune and province, once per name, in name order.

    A unit with two names is listed under both. Read once per store generation: every
    coverage page offers the whole list.
    """
    return store.remembered(
        _CHOICE_CACHE,
        "all",
        lambda: sorted(
            {(str(row["label"]), str(row["unit"])) for row in store.select(load_query("units"))}
        ),
        limit=1,
    )


def _province_of(store: GraphStore, unit: Unit) -> Unit | None:
    cache = store.facts(_PROVINCE_CACHE, limit=100_000)
    known = cache.get(unit.iri) if cache is not None else None
    if known is not None:
        return known if isinstance(known, Unit) else None
    found: Unit | None = None
    for row in store.select_values(load_query("unit_province"), {"unit": URIRef(unit.iri)}):
        found = Unit(row["province"], row.get("provinceLabel") or row["province"], True)
        break
    if cache is not None:
        cache.put(unit.iri, found or _NO_PROVINCE)
    return found


_Programmes = tuple[list[tuple[str, str, str]], dict[str, list[tuple[str, str]]]]


def _programmes(store: GraphStore, province: Unit) -> _Programmes:
    cache = store.facts(_PROGRAMME_CACHE, limit=1_000)
    known = cache.get(province.iri) if cache is not None else None
    if isinstance(known, tuple):
        ordered, places = known
        return list(ordered), {iri: list(found) for iri, found in places.items()}
    read = _read_programmes(store, province)
    if cache is not None:
        cache.put(province.iri, read)
    return list(read[0]), {iri: list(found) for iri, found in read[1].items()}


def _read_programmes(store: GraphStore, province: Unit) -> _Programmes:
    programmes: dict[str, tuple[str, str, str]] = {}
    places: dict[str, list[tuple[str, str]]] = defaultdict(list)
    bindings = {"province": URIRef(province.iri)}
    for row in store.select_values(load_query("coverage_programmes"), bindings):
        iri = row["programme"]
        programmes[iri] = (row["number"], row["title"], iri)
        if row.get("place") is not None:
            place = (row["place"], row.get("placeLabel") or row["place"])
            if place not in places[iri]:
                places[iri].append(place)
    ordered = sorted(programmes.values(), key=lambda item: (_number_order(item[0]), item[2]))
    return ordered, dict(places)


def _number_order(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number)
    return (int(digits.group(0)) if digits else 10**9, number)


def _min_literal(min_confidence: float) -> Literal:
    return Literal(float(min_confidence), datatype=XSD.double)


def _link_rows(
    store: GraphStore,
    province: Unit,
    min_confidence: float,
    reviews: dict[URIRef, Decision],
    *,
    unit: Unit | None = None,
    stored_reviews: bool = True,
) -> list[dict[str, str]]:
    """Return the links to `province`'s programmes a query may use, with item and document.

    Without `unit`, for every commune of the province (rows carry ?document); with it, for
    that commune's documents. The queries keep stated links and those at or above the
    minimum confidence; confirmed links are added whatever their confidence.
    `_covering_items` decides what is actually used.

    With `stored_reviews` (`reviews` are the store's own), the rows are kept for the store's
    write generation (reviews are writes too), so every answer about the same unit and
    threshold reads them once; callers must not change them.
    """
    cache = store.facts(_LINK_CACHE, limit=256) if stored_reviews else None
    key = (province.iri, unit.iri if unit is not None else None, float(min_confidence))
    known = cache.get(key) if cache is not None else None
    if isinstance(known, list):
        return list(known)
    rows = _read_link_rows(store, province, min_confidence, reviews, unit=unit)
    if cache is not None:
        cache.put(key, rows)
    return list(rows)


def _read_link_rows(
    store: GraphStore,
    province: Unit,
    min_confidence: float,
    reviews: dict[URIRef, Decision],
    *,
    unit: Unit | None,
) -> list[dict[str, str]]:
    bindings = {"province": URIRef(province.iri), "min": _min_literal(min_confidence)}
    if unit is None:
        rows = store.select_values(load_query("coverage_province_links"), bindings)
    else:
        rows = store.select_values(
            load_query("coverage_commune_links"), {**bindings, "unit": URIRef(unit.iri)}
        )
    confirmed = [link for link, decision in reviews.items() if decision.status == MG.confirmed]
    if confirmed:
        query, links = values_query(load_query("coverage_reviewed_links"), "link", confirmed)
        rows += store.select_values(query, {**links, "province": bindings["province"]})
    return rows


def _covering_items(
    rows: Iterable[Mapping[str, object]],
    reviews: dict[URIRef, Decision],
    min_confidence: float,
    reviewed_only: bool,
) -> dict[str, list[dict[str, object]]]:
    covering: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    # A commune has hundreds of link rows and a handful of methods: each method's term is made
    # once, and a link's term only when there are reviews to look it up in.
    methods: dict[str, URIRef] = {}
    stated = MG.stated
    for row in rows:
        link = str(row["link"])
        method_text = str(row["method"])
        method = methods.get(method_text)
        if method is None:
            method = methods[method_text] = URIRef(method_text)
        confidence = float(str(row["confidence"]))
        decision = reviews.get(URIRef(link)) if reviews else None
        if not link_is_used(method, confidence, decision, min_confidence):
            continue
        if reviewed_only and decision is None and method != stated:
            continue
        item = str(row["item"])
        status = "confirmed" if decision is not None else ("stated" if method == stated else "auto")
        entry = {
            "iri": item,
            "text": str(row["text"]),
            "confidence": round(confidence, 4),
            "review_status": status,
            "link": link,
        }
        known = covering[str(row["programme"])].get(item)
        if known is None or float(str(known["confidence"])) < confidence:
            covering[str(row["programme"])][item] = entry
    return {
        # Strongest first; ties by IRI, so the order does not depend on the store's rows.
        programme: sorted(
            items.values(),
            key=lambda entry: (-float(str(entry["confidence"])), str(entry["iri"])),
        )
        for programme, items in covering.items()
    }


def programme_applies(unit_iri: str, unit_name: str, places: list[tuple[str, str]]) -> bool:
    """Return whether a programme restricted to `places` (IRI, name) applies to a unit.

    An unrestricted programme applies everywhere; a restricted one where the unit is one of
    its places (by IRI, or by name with accents and level words ignored).
    """
    return not places or any(
        place_iri == unit_iri or _name_key(label) == _name_key(unit_name)
        for place_iri, label in places
    )


def _commune_result(
    unit: Unit,
    province: Unit | None,
    programmes: list[tuple[str, str, str]],
    places: dict[str, list[tuple[str, str]]],
    covering: dict[str, list[dict[str, object]]],
    *,
    has_plans: bool,
    min_confidence: float,
    reviewed_only: bool,
) -> CommuneCoverage:
    result = CommuneCoverage(unit, province, min_confidence=min_confidence)
    for number, title, iri in programmes:
        entry = ProgrammeCoverage(number, title, iri, tasks=covering.get(iri, []))
        restricted = places.get(iri, [])
        if not programme_applies(unit.iri, unit.name, restricted):
            names = ", ".join(label for _iri, label in restricted)
            entry.status = "not_applicable"
            entry.reason = (
                f"the programme applies only to: {names}; the graph does not place "
                f"{unit.name} in any of them"
            )
        elif entry.tasks:
            entry.status = "covered"
            best = entry.tasks[0]
            entry.reason = (
                f"{len(entry.tasks)} task(s) or indicator(s) implement it; the strongest link "
                f"has confidence {float(str(best['confidence'])):.2f} ({best['review_status']})"
            )
        elif not has_plans:
            entry.status = "uncovered"
            entry.reason = f"no document of {unit.name} has been ingested"
        else:
            entry.status = "uncovered"
            entry.reason = (
                "no task or indicator of the commune's ingested documents implements it "
                f"with confidence at least {min_confidence:.2f}"
                + (" (reviewed links only)" if reviewed_only else "")
            )
        result.programmes.append(entry)
    return result


def commune_coverage(
    store: GraphStore,
    unit: Unit,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    reviewed_only: bool = False,
    reviews: dict[URIRef, Decision] | None = None,
) -> CommuneCoverage:
    """Return, for each programme of the commune's province, its status and why.

    `reviewed_only` counts only links a document states or a reviewer confirmed.
    """
    province = _province_of(store, unit)
    if province is None:
        return CommuneCoverage(unit, province, min_confidence=min_confidence)
    stored_reviews = reviews is None
    reviews = latest_reviews(store) if reviews is None else reviews
    programmes, places = _programmes(store, province)
    documents = {
        str(row["document"])
        for row in store.select_values(
            load_query("coverage_unit_documents"), {"unit": URIRef(unit.iri)}
        )
    }
    rows = [
        row
        for row in _link_rows(
            store, province, min_confidence, reviews, unit=unit, stored_reviews=stored_reviews
        )
        if str(row.get("document", "")) in documents or "document" not in row
    ]
    covering = _covering_items(rows, reviews, min_confidence, reviewed_only)
    return _commune_result(
        unit,
        province,
        programmes,
        places,
        covering,
        has_plans=bool(documents),
        min_confidence=min_confidence,
        reviewed_only=reviewed_only,
    )


def province_coverage(
    store: GraphStore,
    province: Unit,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    reviewed_only: bool = False,
) -> ProvinceCoverage:
    """Return the communes × programmes matrix of `province`.

    Each commune's entry is what `commune_coverage` answers for it, computed from one query
    over all the province's links rather than one per commune.
    """
    programmes, places = _programmes(store, province)
    result = ProvinceCoverage(province, programmes)
    reviews = latest_reviews(store)
    communes: dict[tuple[str, str], set[str]] = defaultdict(set)
    commune_of: dict[str, list[str]] = defaultdict(list)
    bindings = {"province": URIRef(province.iri)}
    for row in store.select_values(load_query("coverage_documents"), bindings):
        commune, document = row["commune"], row["document"]
        communes[(commune, row["label"])].add(document)
        if commune not in commune_of[document]:
            commune_of[document].append(commune)
    rows_by_commune: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _link_rows(store, province, min_confidence, reviews):
        for commune in commune_of.get(str(row["document"]), []):
            rows_by_commune[commune].append(row)
    provinces: dict[str, Unit | None] = {}
    for commune_iri, label in sorted(communes, key=lambda pair: _name_key(pair[1])):
        commune = Unit(commune_iri, label, False)
        if commune_iri not in provinces:
            provinces[commune_iri] = _province_of(store, commune)
        covering = _covering_items(
            rows_by_commune.get(commune_iri, []), reviews, min_confidence, reviewed_only
        )
        result.communes.append(
            _commune_result(
                commune,
                provinces[commune_iri],
                programmes,
                places,
                covering,
                has_plans=True,
                min_confidence=min_confidence,
                reviewed_only=reviewed_only,
            )
        )
    return result


def coverage_of(
    store: GraphStore,
    unit: Unit,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    reviewed_only: bool = False,
) -> dict[str, object]:
    """Return the JSON form of `unit`'s coverage: the matrix for a province, else the list."""
    query = province_coverage if unit.is_province else commune_coverage
    return query(store, unit, min_confidence=min_confidence, reviewed_only=reviewed_only).to_json()
