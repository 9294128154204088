"""Stable, readable IRIs for everything the graph holds, under one configurable base.

The same input always yields the same IRI, so re-ingesting a document replaces its nodes
instead of adding new ones. Layout under the base:

- `document/<jurisdiction>/<issuer>/<term or year>/<serial>-<type>` for numbered documents:
  Party numbers restart each term, State numbers each year, and local issuer codes recur in
  every province and commune, so the jurisdiction is part of the key (`vn` for central bodies);
- `document/<jurisdiction>/<issuing body>/<term>/<kind>[/<title>]` for unnumbered documents
  (congress resolutions are unique per body and term, so they carry no title);
- `document/<jurisdiction>/cited/<kind>/<name>-<hash>` for unnumbered documents known only by
  the name another document cites them by;
- `<document>/task/<outline path>`, `<document>/indicator/<outline path>` (a repeated path
  gets `~2`, `~3`, ...), `<document>/section/<outline path>`, `<indicator>/target/<n>`,
  `<document>/programme/<n>` for the programmes a document lists;
- `agency/<jurisdiction>/<name>`, `unit/<province>[/<commune>]`, `unit/<province>/area/<name>`
  for named areas that are not communes, `term/<start>-<end>`;
- `graph/...` for named graphs: one per source document, plus reference data, derived links
  and reviews; `review/<hash>` for a reviewer's decision.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from ontology.document_numbers import DocumentNumber
from vntext import fold_accents, fold_tone_placement, slugify

__all__ = [
    "DEFAULT_BASE_IRI",
    "NATION",
    "DocumentKey",
    "IriFactory",
    "Jurisdiction",
    "party_term",
]

DEFAULT_BASE_IRI = "https://mandate-graph.example/id/"
NATION_SLUG = "vn"


@dataclass(frozen=True)
class Jurisdiction:
    """Where a body sits: the whole country, a province, or a commune of a province."""

    province: str | None = None
    commune: str | None = None

    @property
    def path(self) -> str:
        """Return the IRI path segment: ``vn``, ``an-giang`` or ``an-giang/vinh-phong``."""
        if self.province is None:
            return NATION_SLUG
        province = slugify(self.province)
        return f"{province}/{slugify(self.commune)}" if self.commune else province


NATION = Jurisdiction()


@dataclass(frozen=True)
class DocumentKey:
    """What identifies a document: its number, or its kind and body when unnumbered.

    `scope` is the party term ("2025-2030") for Party documents and the year ("2026") for
    State documents; `title` only separates unnumbered documents that are not congress
    resolutions.
    """

    jurisdiction: Jurisdiction
    scope: str | None
    number: DocumentNumber | None = None
    kind: str | None = None
    body: str | None = None
    title: str | None = None


def party_term(issued: date, *, national: bool) -> str:
    """Return the Party term ("2025-2030") in force on `issued`.

    Central congresses open terms in 2021, 2026, ... (in January); local congresses in 2020,
    2025, ... (by the autumn). A document dated in a congress year before the congress
    belongs to the outgoing term. The cut-off months are approximations: where a document
    states its term, that wins.

    >>> party_term(date(2024, 12, 22), national=True)
    '2021-2026'
    >>> party_term(date(2025, 10, 15), national=False)
    '2025-2030'
    """
    first_year, first_month = (2021, 2) if national else (2020, 8)
    start = first_year + 5 * ((issued.year - first_year) // 5)
    if issued.year == start and issued.month < first_month:
        start -= 5
    return f"{start}-{start + 5}"


def _segment(component: str) -> str:
    """Slug one outline component, keeping the marks that carry meaning: . ( ) and -."""
    folded = fold_accents(component.strip())
    return re.sub(r"[^a-z0-9.()\-]+", "-", folded).strip(" ") or "_"


def outline_slug(path: str) -> str:
    """Return the IRI form of an outline path: ``III.2.1/-3`` becomes ``iii.2.1/-3``."""
    return "/".join(_segment(part) for part in path.split("/"))


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _occurrence(occurrence: int) -> str:
    if occurrence < 1:
        raise ValueError(f"occurrence counts from 1, got {occurrence}")
    return f"~{occurrence}" if occurrence > 1 else ""


class IriFactory:
    """Mints every instance IRI of the graph under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        if not re.match(r"^[a-z][a-z0-9+.-]*:", base):
            raise ValueError(f"base IRI {base!r} has no scheme; expected e.g. {DEFAULT_BASE_IRI}")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def document(self, key: DocumentKey) -> URIRef:
        """Return the IRI of the document identified by `key`."""
        scope = key.scope or "undated"
        where = key.jurisdiction.path
        if key.number is not None:
            number = key.number
            issuer = slugify(number.issuer_code)
            if number.national:
                where = NATION_SLUG
            kind = slugify(number.type_code or "vb")
            if not number.party and number.year:
                scope = str(number.year)
            return self._iri(f"document/{where}/{issuer}/{scope}/{number.serial}-{kind}")
        body = slugify(key.body or "unknown-body")
        kind = slugify(key.kind or "document")
        tail = f"/{slugify(key.title)[:80].rstrip('-')}" if key.title else ""
        return self._iri(f"document/{where}/{body}/{scope}/{kind}{tail}")

    def content_document(self, content_hash: str) -> URIRef:
        """Return the IRI of a document known only by its content (no number, no body)."""
        return self._iri(f"document/unidentified/{content_hash[:16]}")

    def document_graph(self, document: URIRef) -> URIRef:
        """Return the named graph that holds what was extracted from `document`."""
        return self._iri("graph/" + str(document)[len(self.base) :])

    def shared_graph(self) -> URIRef:
        """Return the named graph of statements about nodes many documents mention.

        Units, agencies, terms and the documents a document cites are described once here
        (a named graph is a set), not once per mentioning document: the store's union view
        repeats a statement for every graph holding it, and a join over a node cited by
        thousands of documents would multiply those copies.
        """
        return self._iri("graph/shared")

    def reference_graph(self) -> URIRef:
        """Return the named graph of reference data (ontology, concept schemes)."""
        return self._iri("graph/reference")

    def links_graph(self) -> URIRef:
        """Return the named graph of derived links: resolved references, proposed links.

        It is rebuilt from the document graphs after every ingest, so it holds nothing a
        person decided (reviewers' decisions live in the reviews graph).
        """
        return self._iri("graph/links")

    def commune_links_graph(self, commune: URIRef) -> URIRef:
        """Return the named graph of the links proposed for one commune's tasks and indicators.

        It is recomputed whenever a document of the commune or of its province is ingested.
        """
        return self._iri("graph/links/" + str(commune)[len(self.base) :])

    def imported_graph(self, digest: str) -> URIRef:
        """Return the graph that holds the unnamed-graph statements of an imported file."""
        return self._iri(f"graph/imported/{digest[:16]}")

    def review(self, link: URIRef, decided_at: str) -> URIRef:
        """Return the IRI of a reviewer's decision on `link` made at `decided_at`."""
        return self._iri(f"review/{_short_hash(str(link) + decided_at)}")

    def reviewer(self, name: str) -> URIRef:
        """Return the IRI of the reviewer called `name` (a PROV person)."""
        return self._iri(f"agent/reviewer/{slugify(name) or _short_hash(name)}")

    def reviews_graph(self) -> URIRef:
        """Return the named graph of reviewers' decisions, which survives re-ingest."""
        return self._iri("graph/reviews")

    def cited_document(self, jurisdiction: Jurisdiction, kind: str | None, name: str) -> URIRef:
        """Return the IRI of an unnumbered document known only by the name it is cited by.

        The name is kept readable (shortened) and a hash of the whole normalised name keeps
        two long names that share a beginning apart.
        """
        folded = " ".join(fold_tone_placement(name).split())
        readable = slugify(folded)[:60].rstrip("-") or "_"
        kind_slug = slugify(kind or "document")
        return self._iri(
            f"document/{jurisdiction.path}/cited/{kind_slug}/{readable}-{_short_hash(folded)[:8]}"
        )

    def section(self, document: URIRef, path: str) -> URIRef:
        """Return the IRI of the outline section at `path` in `document`."""
        return URIRef(f"{document}/section/{outline_slug(path)}")

    def task(self, document: URIRef, path: str, occurrence: int = 1) -> URIRef:
        """Return the IRI of the task at outline `path` in `document`.

        `occurrence` tells apart tasks a document numbers alike (its second "4.2.1." section).
        """
        return URIRef(f"{document}/task/{outline_slug(path)}{_occurrence(occurrence)}")

    def indicator(self, document: URIRef, path: str, occurrence: int = 1) -> URIRef:
        """Return the IRI of the indicator at outline `path` in `document`."""
        return URIRef(f"{document}/indicator/{outline_slug(path)}{_occurrence(occurrence)}")

    def programme(self, document: URIRef, number: str) -> URIRef:
        """Return the IRI of the programme listed as `number` in `document`'s list."""
        return URIRef(f"{document}/programme/{outline_slug(number)}")

    def target(self, indicator: URIRef, position: int) -> URIRef:
        """Return the IRI of the `position`-th target (from 1) of `indicator`."""
        return URIRef(f"{indicator}/target/{position}")

    def implementation_link(self, source: URIRef, implemented: URIRef) -> URIRef:
        """Return the IRI of the qualified link saying `source` implements `implemented`."""
        return URIRef(f"{source}/implements/{_short_hash(str(implemented))}")

    def ingest_activity(self, document: URIRef) -> URIRef:
        """Return the IRI of the activity that ingested `document`."""
        return URIRef(f"{document}/ingest")

    def agency(self, jurisdiction: Jurisdiction, name: str) -> URIRef:
        """Return the IRI of the agency canonically called `name` within `jurisdiction`."""
        return self._iri(f"agency/{jurisdiction.path}/{slugify(name)}")

    def unit(self, jurisdiction: Jurisdiction) -> URIRef:
        """Return the IRI of the administrative unit `jurisdiction` names."""
        return self._iri(f"unit/{jurisdiction.path}")

    def area(self, jurisdiction: Jurisdiction, name: str) -> URIRef:
        """Return the IRI of a named area inside `jurisdiction` that is not a commune.

        For example "khu vực biên giới" (the border area) of a province.
        """
        return self._iri(f"unit/{jurisdiction.path}/area/{slugify(name) or '_'}")

    def term(self, label: str) -> URIRef:
        """Return the IRI of a term such as ``2025-2030`` or a single year ``2026``."""
        return self._iri(f"term/{slugify(label)}")

    def year(self, year: int) -> URIRef:
        """Return the IRI of the OWL-Time instant for the start of `year`."""
        return self._iri(f"year/{year}")

    def software_agent(self) -> URIRef:
        """Return the IRI of this program as a PROV agent."""
        return self._iri("agent/mandate-graph")
