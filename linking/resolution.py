"""Reference resolution: which referenced documents are documents the store holds.

Most references already name the ingested document: a number, its issuer and its term or
year give the same IRI whichever document mentions it, and a congress resolution is keyed by
body and term. Two cases need the whole store, so they are derived after every ingest:

- a document known only by a name ("Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh
  thực hiện Nghị quyết Đại hội ...") is the ingested document of the same class and unit
  that implements or cites everything the name says it carries out, when exactly one does;
- a Party number cited without a date is the dated document with the same number and
  issuer, when exactly one is known.

Each match is written as mg:resolvesTo (placeholder → the better-known node) with the reason
as evidence. Every referenced document that stays unmatched and uningested is typed
mg:ReferencedDocument; ingesting it later removes the mark when links are rebuilt.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef

from queries.sparql import load_query
from store import GraphStore

__all__ = ["Resolution", "resolve_references"]


@dataclass(frozen=True)
class Resolution:
    """A referenced node found to be the same document as another node, and why."""

    placeholder: URIRef
    document: URIRef
    reason: str


def _by_name(store: GraphStore) -> list[Resolution]:
    placeholders: dict[URIRef, tuple[URIRef, URIRef, set[URIRef]]] = {}
    for row in store.select(load_query("resolution_placeholders")):
        node = URIRef(str(row["placeholder"]))
        entry = placeholders.setdefault(
            node, (URIRef(str(row["class"])), URIRef(str(row["unit"])), set())
        )
        if row.get("implemented") is not None:
            entry[2].add(URIRef(str(row["implemented"])))
    ingested: dict[URIRef, tuple[set[URIRef], set[URIRef], set[URIRef], set[URIRef]]] = {}
    for row in store.select(load_query("resolution_ingested")):
        node = URIRef(str(row["document"]))
        classes, units, cited, implemented = ingested.setdefault(node, (set(), set(), set(), set()))
        classes.add(URIRef(str(row["class"])))
        for key, values in (("unit", units), ("related", cited), ("implemented", implemented)):
            if row.get(key) is not None:
                values.add(URIRef(str(row[key])))
    found: list[Resolution] = []
    for node, (rdf_class, unit, carried) in sorted(placeholders.items()):
        if not carried:
            continue
        # It must carry out at least one of them itself; the rest it may merely cite.
        matches = [
            document
            for document, (classes, units, cited, implemented) in ingested.items()
            if rdf_class in classes
            and unit in units
            and carried & implemented
            and carried <= cited | implemented
        ]
        if len(matches) == 1:
            found.append(
                Resolution(
                    node,
                    matches[0],
                    "same kind and unit, and it carries out what the citation names",
                )
            )
    return found


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", number).casefold()


def _undated_numbers(store: GraphStore) -> list[Resolution]:
    dated: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    undated: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    for row in store.select(load_query("resolution_numbers")):
        key = (_number_key(str(row["number"])), str(row.get("issuer") or "").casefold())
        node = URIRef(str(row["document"]))
        has_date = row.get("issued") is not None or str(row["ingested"]) == "true"
        (dated if has_date else undated)[key].add(node)
    found: list[Resolution] = []
    for key, nodes in sorted(undated.items()):
        candidates = dated.get(key, set()) - nodes
        if len(candidates) != 1:
            continue
        (target,) = candidates
        for node in sorted(nodes - {target}):
            reason = "cited without a date; the only dated document with this number and issuer"
            found.append(Resolution(node, target, reason))
    return found


def resolve_references(store: GraphStore) -> tuple[list[Resolution], list[URIRef]]:
    """Return the referenced nodes matched to another node, and those still not ingested.

    The second list holds every document other documents refer to that no ingested file
    provides and no match resolves: the nodes to mark "referenced, not ingested".
    """
    resolutions = _by_name(store) + _undated_numbers(store)
    resolved = {resolution.placeholder for resolution in resolutions}
    unresolved = [
        URIRef(str(row["document"]))
        for row in store.select(load_query("resolution_referenced"))
        if URIRef(str(row["document"])) not in resolved
    ]
    return resolutions, sorted(set(unresolved))
