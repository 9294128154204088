"""Turning an Extraction into the RDF graph of its document.

Every IRI comes from `IriFactory` and every term from `ontology.vocabulary`; this module only
decides which statements an extraction makes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ingest.model import DocumentInfo, Extraction
from ontology.document_numbers import parse_document_number
from ontology.identifiers import DocumentKey, IriFactory, Jurisdiction, party_term
from ontology.vocabulary import DCTERMS, MG, PREFIXES, PROV, RDF, RDFS, SKOS, TIME, XSD

__all__ = ["KIND_CLASSES", "DocumentGraph", "build_document_graph", "document_iri"]

KIND_CLASSES: dict[str, URIRef] = {
    "nghi_quyet": MG.Resolution,
    "chuong_trinh_hanh_dong": MG.ActionProgramme,
    "ke_hoach": MG.Plan,
    "quyet_dinh": MG.Decision,
    "chi_thi": MG.Directive,
    "ket_luan": MG.Conclusion,
    "huong_dan": MG.GuidanceLetter,
    "cong_van": MG.GuidanceLetter,
    "thong_bao": MG.Notice,
    "de_an": MG.ProvincialProgramme,
    "chuong_trinh": MG.ProvincialProgramme,
}
"""Document kind code (as in the answer keys) → ontology class."""

_YEARS = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class DocumentGraph:
    """The RDF statements of one document and the names that place them in the store."""

    document: URIRef
    graph_name: URIRef
    graph: Graph


def jurisdiction_of(info: DocumentInfo) -> Jurisdiction:
    """Return where the document's issuer sits, from its level, locality and province."""
    if info.level == "commune" and info.locality:
        return Jurisdiction(province=info.province or "unknown-province", commune=info.locality)
    if info.level == "province" and info.locality:
        return Jurisdiction(province=info.locality)
    if info.province:
        return Jurisdiction(province=info.province)
    return Jurisdiction()


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def document_iri(info: DocumentInfo, iris: IriFactory, *, content_hash: str) -> URIRef:
    """Return the document's IRI: by number when it has one, else by kind, body and term.

    A document with neither number nor issuing body is named by its content hash.
    """
    number = parse_document_number(info.number) if info.number else None
    issued = _parse_date(info.date)
    if number is not None:
        if number.party:
            is_range = info.term is not None and "-" in info.term
            scope = info.term if is_range else None
            if scope is None and issued is not None:
                scope = party_term(issued, national=number.national)
        else:
            scope = str(number.year or (issued.year if issued else "")) or None
        key = DocumentKey(jurisdiction=jurisdiction_of(info), scope=scope, number=number)
        return iris.document(key)
    if not info.issuer:
        return iris.content_document(content_hash)
    key = DocumentKey(
        jurisdiction=jurisdiction_of(info),
        scope=info.term,
        kind=info.kind,
        body=info.issuer,
        title=info.title,
    )
    return iris.document(key)


class _Builder:
    def __init__(self, iris: IriFactory) -> None:
        self.iris = iris
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def add(self, subject: Node, predicate: Node, value: Node | None) -> None:
        if value is not None:
            self.graph.add((subject, predicate, value))

    def text(
        self, subject: Node, predicate: Node, value: str | None, lang: str | None = None
    ) -> None:
        if value:
            self.graph.add((subject, predicate, Literal(value, lang=lang)))

    def unit(self, jurisdiction: Jurisdiction) -> URIRef:
        iri = self.iris.unit(jurisdiction)
        if jurisdiction.province is None:
            self.add(iri, RDF.type, MG.Nation)
            self.text(iri, SKOS.prefLabel, "Việt Nam", "vi")
            return iri
        if jurisdiction.commune is None:
            self.add(iri, RDF.type, MG.Province)
            self.text(iri, SKOS.prefLabel, jurisdiction.province, "vi")
            return iri
        province = self.unit(Jurisdiction(province=jurisdiction.province))
        self.add(iri, RDF.type, MG.Commune)
        self.text(iri, SKOS.prefLabel, jurisdiction.commune, "vi")
        self.add(iri, MG.partOf, province)
        self.add(province, MG.hasPart, iri)
        return iri

    def agency(self, name: str, jurisdiction: Jurisdiction) -> URIRef:
        iri = self.iris.agency(jurisdiction, name)
        self.add(iri, RDF.type, MG.Agency)
        self.text(iri, SKOS.prefLabel, name, "vi")
        self.add(iri, MG.jurisdiction, self.unit(jurisdiction))
        return iri

    def term(self, label: str) -> URIRef:
        iri = self.iris.term(label)
        self.add(iri, RDF.type, MG.Term)
        self.text(iri, RDFS.label, label)
        years = [int(year) for year in _YEARS.findall(label)]
        if years:
            for predicate, year in ((TIME.hasBeginning, years[0]), (TIME.hasEnd, years[-1])):
                instant = self.iris.year(year)
                self.add(iri, predicate, instant)
                self.add(instant, RDF.type, TIME.Instant)
                self.add(instant, TIME.inXSDgYear, Literal(str(year), datatype=XSD.gYear))
        return iri


def build_document_graph(
    extraction: Extraction, iris: IriFactory, *, ingested_at: datetime | None = None
) -> DocumentGraph:
    """Return the graph of statements `extraction` makes about its document."""
    info = extraction.document
    source = extraction.source
    document = document_iri(info, iris, content_hash=source.content_hash)
    builder = _Builder(iris)
    add, text = builder.add, builder.text

    add(document, RDF.type, KIND_CLASSES.get(info.kind or "", MG.Document))
    text(document, DCTERMS.title, info.title)
    text(document, MG.documentNumber, info.number)
    number = parse_document_number(info.number) if info.number else None
    if number is not None:
        text(document, MG.typeCode, number.type_code)
        text(document, MG.issuerCode, number.issuer_code)
    issued = _parse_date(info.date)
    if issued is not None:
        add(document, DCTERMS.issued, Literal(issued.isoformat(), datatype=XSD.date))
    text(document, MG.level, info.level)
    jurisdiction = jurisdiction_of(info)
    if info.level or info.province:
        add(document, MG.jurisdiction, builder.unit(jurisdiction))
    if info.issuer:
        add(document, MG.issuedBy, builder.agency(info.issuer, jurisdiction))
    if info.term:
        add(document, MG.term, builder.term(info.term))

    text(document, MG.text, source.text)
    text(document, MG.contentHash, source.content_hash)
    text(document, MG.sourceFileName, source.path.rsplit("/", 1)[-1])
    text(document, MG.mediaType, source.media_type)

    activity = iris.ingest_activity(document)
    agent = iris.software_agent()
    add(document, PROV.wasGeneratedBy, activity)
    add(activity, RDF.type, MG.IngestActivity)
    add(activity, PROV.wasAssociatedWith, agent)
    add(agent, RDF.type, PROV.SoftwareAgent)
    text(agent, RDFS.label, "mandate-graph")
    moment = ingested_at or datetime.now(UTC)
    add(activity, PROV.endedAtTime, Literal(moment.isoformat(), datatype=XSD.dateTime))

    return DocumentGraph(document, iris.document_graph(document), builder.graph)
