"""Turning an Extraction into the RDF graph of its document.

Every IRI comes from `IriFactory` and every term from `ontology.vocabulary`. This module
decides the identity of the document and of the documents it cites; `ingest.graph_nodes`
writes the statements for each kind of node (sections, tasks, indicators, agencies,
references, programmes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ingest.agencies import agency_jurisdiction, agency_label
from ingest.graph_nodes import (
    CitedDocument,
    DocumentContext,
    GraphWriter,
    StatedLink,
    write_cited_node,
    write_outline,
    write_programmes,
    write_references,
    write_stated_link,
)
from ingest.metadata import KIND_BY_TYPE_CODE
from ingest.model import DocumentInfo, Extraction, Reference
from ingest.references import carried_out, references_in_name
from ontology.document_numbers import DocumentNumber, parse_document_number
from ontology.identifiers import NATION, DocumentKey, IriFactory, Jurisdiction, party_term
from ontology.vocabulary import DCTERMS, MG, PREFIXES, PROV, RDF, RDFS, XSD
from vntext import fold_accents, fold_tone_placement, match_key, normalize_unicode

__all__ = [
    "KIND_CLASSES",
    "DocumentGraph",
    "build_document_graph",
    "cited_documents",
    "document_iri",
    "implied_links",
    "jurisdiction_of",
    "reference_kind",
]

KIND_CLASSES: dict[str, URIRef] = {
    "nghi_quyet": MG.Resolution,
    "nghi_quyet_dai_hoi": MG.CongressResolution,
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

# The kind word a citation opens with (on match keys) → kind code; longest first.
_CITED_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("nghị quyết đại hội", "nghi_quyet_dai_hoi"),
    ("chương trình hành động", "chuong_trinh_hanh_dong"),
    ("nghị quyết", "nghi_quyet"),
    ("kế hoạch", "ke_hoach"),
    ("quyết định", "quyet_dinh"),
    ("chỉ thị", "chi_thi"),
    ("kết luận", "ket_luan"),
    ("hướng dẫn", "huong_dan"),
    ("công văn", "cong_van"),
    ("thông báo", "thong_bao"),
)
_STATED_TERM = re.compile(r"nhiệm\s+kỳ\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)", re.I)
_PARTY_TERM_NUMBER = re.compile(r"\bkhóa\s+([IVXLC]+)\b", re.I)
_CONGRESS_ORDINAL = re.compile(
    r"Đại\s+hội\s+(?:đại\s+biểu\s+toàn\s+quốc\s+)?(?:lần\s+thứ\s+)?([IVXLC]+)\b"
)
_NATIONAL_CONGRESS = re.compile(r"toàn\s+quốc|Đại\s+hội\s+[IVXLC]+\s+của\s+Đảng", re.I)
_CONGRESS_BODY = re.compile(
    r"Đại\s+hội\s+(?:đại\s+biểu\s+)?(?P<body>.+?)\s*(?=,|\blần\s+thứ\b|\bnhiệm\s+kỳ\b|\bkhóa\b|$)",
    re.I,
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# The 13th central congress opened the 2021-2026 term; each congress opens five years more.
_THIRTEENTH_TERM_START = 2021
_NATIONAL_CONGRESS_BODY = "Đại hội đại biểu toàn quốc"


Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class DocumentGraph:
    """The RDF statements of one document and the names that place them in the store."""

    document: URIRef
    graph_name: URIRef
    statements: tuple[Triple, ...]

    @cached_property
    def graph(self) -> Graph:
        """Return the statements as an rdflib graph (built on first use)."""
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        for triple in self.statements:
            graph.add(triple)
        return graph

    def owns(self, node: object) -> bool:
        """Return whether `node` is the document or one of the nodes minted inside it."""
        text = str(node)
        return text == str(self.document) or text.startswith(str(self.document) + "/")

    def partition(self) -> tuple[list[Triple], list[Triple]]:
        """Return the statements about the document's own nodes, and those about others.

        The first belong in the document's graph; the second (units, agencies, cited
        documents, ...) in the shared graph, where many documents state them once.
        """
        owned: list[Triple] = []
        shared: list[Triple] = []
        for triple in self.statements:
            (owned if self.owns(triple[0]) else shared).append(triple)
        return owned, shared


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


###########################################################################################
# Cited documents
###########################################################################################


def _roman(numeral: str) -> int:
    values = [_ROMAN[ch] for ch in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _to_roman(number: int) -> str:
    digits = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"))
    out = ""
    for value, numeral in (*digits, (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + numeral, number - value
    return out


def _central_term(ordinal: int) -> str:
    start = _THIRTEENTH_TERM_START + 5 * (ordinal - 13)
    return f"{start}-{start + 5}"


def _central_ordinal(term: str) -> int:
    return 13 + (int(term[:4]) - _THIRTEENTH_TERM_START) // 5


def reference_kind(reference: Reference) -> str | None:
    """Return the kind code of the document a reference cites, or None when unknown.

    The words the citation opens with decide ("Nghị quyết Đại hội ..." is a congress
    resolution), else the type code of its number.

    >>> reference_kind(Reference(None, "Nghị quyết Đại hội Đảng bộ xã", None, None, "cites"))
    'nghi_quyet_dai_hoi'
    >>> reference_kind(Reference("38/KH-UBND", "văn bản số 38/KH-UBND", None, None, "cites"))
    'ke_hoach'
    """
    name = match_key(reference.name)
    for words, kind in _CITED_KIND_WORDS:
        if name.startswith(words):
            return kind
    number = parse_document_number(reference.number) if reference.number else None
    if number is not None and number.type_code:
        return KIND_BY_TYPE_CODE.get(fold_accents(number.type_code).upper())
    return None


def _citing_term(info: DocumentInfo) -> str | None:
    """Return the party term a citing document belongs to, for congresses it names by ordinal."""
    if info.term and "-" in info.term:
        return info.term.replace(" ", "")
    issued = _parse_date(info.date)
    if issued is None and info.term and info.term.isdigit():
        issued = date(int(info.term), 7, 1)
    return party_term(issued, national=False) if issued is not None else None


def _congress(reference: Reference, info: DocumentInfo) -> tuple[DocumentKey, str]:
    """Return the key and a canonical title of a congress resolution named in a citation."""
    name = " ".join(fold_tone_placement(normalize_unicode(reference.name)).split())
    # "Đại hội lần thứ I của Đảng bộ tỉnh" is the congress of "Đảng bộ tỉnh".
    name = re.sub(r"lần thứ [IVXLC]+ của (?=Đảng bộ)", "", name)
    stated = _STATED_TERM.search(name)
    term = f"{stated[1]}-{stated[2]}" if stated else None
    if _NATIONAL_CONGRESS.search(name) and "Đảng bộ" not in name:
        ordinal = _CONGRESS_ORDINAL.search(name)
        term = term or (_central_term(_roman(ordinal[1])) if ordinal else None)
        key = DocumentKey(NATION, term, kind="nghi_quyet_dai_hoi", body=_NATIONAL_CONGRESS_BODY)
        number = f" lần thứ {_to_roman(_central_ordinal(term))}" if term else ""
        title = f"Nghị quyết {_NATIONAL_CONGRESS_BODY}{number} của Đảng"
    else:
        citing = jurisdiction_of(info)
        match = _CONGRESS_BODY.search(name)
        body_words = match["body"] if match else "Đảng bộ"
        where = agency_jurisdiction(body_words, citing)
        body = f"Đại hội đại biểu {agency_label(body_words, where)}"
        term = term or _citing_term(info)
        key = DocumentKey(where, term, kind="nghi_quyet_dai_hoi", body=body)
        place = where.commune or where.province
        title = f"Nghị quyết {body} {place}" if place else f"Nghị quyết {body}"
    return key, f"{title}, nhiệm kỳ {term}" if term else title


def _cited_jurisdiction(
    number: DocumentNumber, issuer: str | None, citing: Jurisdiction
) -> Jurisdiction:
    if number.national:
        return NATION
    if fold_accents(number.issuer_code).upper() == "TU":
        return Jurisdiction(province=citing.province) if citing.province else citing
    return agency_jurisdiction(issuer, citing) if issuer else citing


def _cited_scope(number: DocumentNumber, issued: date | None, reference: Reference) -> str | None:
    """Return the term (Party numbers) or year (State numbers) the cited number belongs to."""
    if not number.party:
        return str(number.year or (issued.year if issued else "")) or None
    if issued is not None:
        return party_term(issued, national=number.national)
    if number.national:
        stated = _PARTY_TERM_NUMBER.search(f"{reference.issuer or ''} {reference.name}")
        if stated:
            return _central_term(_roman(stated[1]))
    return None


def _cited_document(
    reference: Reference, issued: date | None, info: DocumentInfo, iris: IriFactory
) -> CitedDocument:
    kind = reference_kind(reference)
    rdf_class = KIND_CLASSES.get(kind or "", MG.Document)
    citing = jurisdiction_of(info)
    number = parse_document_number(reference.number) if reference.number else None
    if number is not None:
        where = _cited_jurisdiction(number, reference.issuer, citing)
        key = DocumentKey(where, _cited_scope(number, issued, reference), number=number)
        return CitedDocument(
            iri=iris.document(key),
            rdf_class=rdf_class,
            number=number.canonical,
            type_code=number.type_code,
            issuer_code=number.issuer_code,
            issued=issued,
            issuer=reference.issuer,
            jurisdiction=where,
        )
    if kind == "nghi_quyet_dai_hoi":
        key, title = _congress(reference, info)
        return CitedDocument(
            iris.document(key), rdf_class, title=title, issued=issued, jurisdiction=key.jurisdiction
        )
    where = agency_jurisdiction(reference.issuer, citing) if reference.issuer else citing
    title = " ".join(fold_tone_placement(normalize_unicode(reference.name)).split())
    return CitedDocument(
        iri=iris.cited_document(where, kind, reference.name),
        rdf_class=rdf_class,
        title=title,
        issued=issued,
        issuer=reference.issuer,
        jurisdiction=where,
    )


def cited_documents(
    extraction: Extraction, document: URIRef, iris: IriFactory
) -> list[CitedDocument]:
    """Return the documents `extraction` cites, one per IRI, in order of first citation.

    A number cited without a date takes the date the same document gives that number
    elsewhere; references to the citing document itself are left out.
    """
    dates: dict[str, date] = {}
    for reference in extraction.references:
        number = parse_document_number(reference.number) if reference.number else None
        issued = _parse_date(reference.date)
        if number is not None and issued is not None:
            dates.setdefault(number.canonical, issued)
    merged: dict[URIRef, CitedDocument] = {}
    for reference in extraction.references:
        number = parse_document_number(reference.number) if reference.number else None
        issued = _parse_date(reference.date) or (dates.get(number.canonical) if number else None)
        cited = _cited_document(reference, issued, extraction.document, iris)
        if cited.iri == document:
            continue
        cited = merged.setdefault(cited.iri, cited)
        cited.implements = cited.implements or reference.relation == "implements"
        if reference.name not in cited.cited_as:
            cited.cited_as.append(reference.name)
        if reference.span is not None and (
            reference.relation == "implements" or not cited.implements
        ):
            cited.spans.append(reference.span)
    return list(merged.values())


def _concretised(phrase: str) -> Reference:
    """Return the document a list heading's phrase names.

    By number or congress when the phrase opens with one, else by the phrase itself.
    """
    for reference in references_in_name(f"thực hiện {phrase}"):
        if match_key(phrase).startswith(match_key(reference.name)[:20]):
            return reference
    return Reference(None, phrase, None, None, "implements")


def implied_links(
    extraction: Extraction, document: URIRef, cited: list[CitedDocument], iris: IriFactory
) -> tuple[list[CitedDocument], list[StatedLink]]:
    """Return what the document states beyond its own references, and the documents named.

    A citation that says what the cited document carries out ("Chương trình hành động số
    16-CTr/TU ... thực hiện Nghị quyết Đại hội ...") states that the cited document
    implements those. A programme list whose heading says what its programmes concretise
    ("Các chương trình, đề án ... cụ thể hóa Chương trình hành động thực hiện ...") states
    that each listed programme implements that document.
    """
    info = extraction.document
    nodes: dict[URIRef, CitedDocument] = {}
    links: dict[tuple[URIRef, URIRef], StatedLink] = {}

    def note(reference: Reference) -> CitedDocument:
        target = _cited_document(reference, _parse_date(reference.date), info, iris)
        target = nodes.setdefault(target.iri, target)
        if reference.name not in target.cited_as:
            target.cited_as.append(reference.name)
        return target

    def carried(source: URIRef, name: str, own_number: str | None = None) -> None:
        for reference in references_in_name(name):
            target = note(reference)
            # A citation's name may repeat its own number ("Nghị quyết 71 ... thực hiện
            # Nghị quyết 71"); a document does not implement itself.
            same_number = own_number is not None and target.number == own_number
            if target.iri not in (document, source) and not same_number:
                links.setdefault((source, target.iri), StatedLink(source, target.iri, (name,)))

    for reference in cited:
        for name in reference.cited_as:
            carried(reference.iri, name, reference.number)
    heading = next((item.list_heading for item in extraction.programmes if item.list_heading), None)
    phrase = carried_out(heading) if heading else None
    if heading and phrase:
        target = note(_concretised(phrase))
        if target.iri != document:
            for programme in extraction.programmes:
                source = iris.programme(document, programme.id)
                links[(source, target.iri)] = StatedLink(source, target.iri, (heading,))
            carried(target.iri, target.cited_as[0] if target.cited_as else phrase)
    return list(nodes.values()), list(links.values())


###########################################################################################
# The document
###########################################################################################


def _write_document(writer: GraphWriter, context: DocumentContext, extraction: Extraction) -> None:
    info, source, document = extraction.document, extraction.source, context.document
    add, text = writer.add, writer.text
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
    if info.level or info.province:
        add(document, MG.jurisdiction, writer.unit(context.jurisdiction))
    if info.issuer:
        add(document, MG.issuedBy, writer.agency(info.issuer, context.jurisdiction))
    if info.term:
        add(document, MG.term, writer.term(info.term))
    text(document, MG.text, source.text)
    text(document, MG.contentHash, source.content_hash)
    text(document, MG.sourceFileName, source.path.rsplit("/", 1)[-1])
    text(document, MG.mediaType, source.media_type)


def _write_ingest_activity(
    writer: GraphWriter, document: URIRef, ingested_at: datetime | None
) -> URIRef:
    """Write who ingested the document and when; return the software agent."""
    activity = writer.iris.ingest_activity(document)
    agent = writer.iris.software_agent()
    writer.add(document, PROV.wasGeneratedBy, activity)
    writer.add(activity, RDF.type, MG.IngestActivity)
    writer.add(activity, PROV.wasAssociatedWith, agent)
    writer.add(agent, RDF.type, PROV.SoftwareAgent)
    writer.text(agent, RDFS.label, "mandate-graph")
    moment = ingested_at or datetime.now(UTC)
    writer.add(activity, PROV.endedAtTime, Literal(moment.isoformat(), datatype=XSD.dateTime))
    return agent


def build_document_graph(
    extraction: Extraction, iris: IriFactory, *, ingested_at: datetime | None = None
) -> DocumentGraph:
    """Return the graph of statements `extraction` makes about its document.

    The graph holds the document node and its ingest provenance; its sections, tasks,
    indicators and their targets; the agencies that issue, lead or coordinate; the documents
    it cites or implements (with a qualified link for each implements edge); and the
    provincial programmes it lists.
    """
    info = extraction.document
    document = document_iri(info, iris, content_hash=extraction.source.content_hash)
    writer = GraphWriter(iris)
    context = DocumentContext(document, jurisdiction_of(info), extraction.source.text)
    _write_document(writer, context, extraction)
    agent = _write_ingest_activity(writer, document, ingested_at)
    write_outline(writer, context, extraction.tasks, extraction.indicators)
    cited = cited_documents(extraction, document, iris)
    write_references(writer, context, cited, agent=agent)
    write_programmes(writer, context, extraction.programmes)
    named, stated = implied_links(extraction, document, cited, iris)
    for node in named:
        write_cited_node(writer, context, node)
    for link in stated:
        write_stated_link(writer, context, link, agent=agent)
    return DocumentGraph(document, iris.document_graph(document), tuple(writer.statements))
