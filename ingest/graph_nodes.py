"""The statements for each kind of node an extraction yields, one writer function per kind.

`graph_builder.build_document_graph` decides the document's own identity and calls these in
turn: `write_outline` (sections, tasks, indicators, targets), `write_references` (cited
documents, implements/cites edges and their qualified links) and `write_programmes` (the
provincial programmes a document lists). Agencies, administrative units and fields are
written on first use by `GraphWriter`. Every IRI comes from `IriFactory` and every term from
`ontology.vocabulary`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from ingest.agencies import resolve_agency
from ingest.model import Indicator, Programme, Span, Target, Task
from ontology.identifiers import NATION, IriFactory, Jurisdiction
from ontology.vocabulary import DCTERMS, MG, PROV, RDF, RDFS, SKOS, TIME, XSD

__all__ = [
    "COMPARATORS",
    "FIELDS",
    "CitedDocument",
    "DocumentContext",
    "GraphWriter",
    "StatedLink",
    "write_cited_node",
    "write_outline",
    "write_programmes",
    "write_references",
    "write_stated_link",
]

FIELDS: dict[str, URIRef] = {
    "economy": MG.economy,
    "society": MG.society,
    "culture": MG.culture,
    "environment": MG.environment,
    "party_building": MG.party_building,
    "defense_security": MG.defense_security,
    "other": MG.other_field,
    "culture_society": MG.culture_society,
    "ethnic_religion": MG.ethnic_religion,
    "defense_security_foreign": MG.defense_security_foreign,
    "government_operation": MG.government_operation,
}
"""Field code (task, indicator and programme fields of the answer keys) → SKOS individual."""

COMPARATORS: dict[str, URIRef] = {
    ">=": MG.at_least,
    "<=": MG.at_most,
    "=": MG.equal,
    "range": MG.within_range,
    "reduce_by": MG.reduce_by,
}
"""Target comparator code → SKOS individual."""

_YEARS = re.compile(r"(?:19|20)\d\d")
# One component of an outline path: a Roman or Arabic number (optionally lettered, "4.2.1b"),
# a single letter, a parenthesised number, a bullet ("-3", "+2") or the body marker of 002.
_OUTLINE_COMPONENT = re.compile(r"^(?:[IVXLC]+|\d+[a-zđ]?|[a-zđ]|\(\d+\)|[-+]\d+|body)$")
_LEVEL_WORD = re.compile(r"^(?:xã|phường|đặc\s+khu)\s+", re.IGNORECASE)
# How far before a section's first part its heading is looked for.
_HEADING_WINDOW = 4000
_STATED_CONFIDENCE = Decimal("1.0")


@dataclass(frozen=True)
class DocumentContext:
    """The document whose parts are being written: its IRI, jurisdiction and text."""

    document: URIRef
    jurisdiction: Jurisdiction
    text: str


@dataclass
class CitedDocument:
    """A document another one cites, with what the citing document says about it.

    Several references to the same document (by IRI) are merged into one: `cited_as`
    keeps every way it was written, `implements` is true when any reference says the
    citing document carries it out, and `spans` lists where those references are.
    """

    iri: URIRef
    rdf_class: URIRef
    number: str | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    issued: date | None = None
    title: str | None = None
    issuer: str | None = None
    implements: bool = False
    cited_as: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    jurisdiction: Jurisdiction | None = None


@dataclass(frozen=True)
class StatedLink:
    """A document's statement that `source` implements `target`, with the words saying so."""

    source: URIRef
    target: URIRef
    evidence: tuple[str, ...]
    span: Span | None = None


class GraphWriter:
    """Adds statements to one document's graph; writes shared nodes once, on first use."""

    def __init__(self, iris: IriFactory) -> None:
        self.iris = iris
        # An insertion-ordered set: cheaper than an rdflib graph, which indexes every add.
        self.statements: dict[tuple[Node, Node, Node], None] = {}
        self._agency_names: dict[URIRef, set[str]] = defaultdict(set)

    def add(self, subject: Node, predicate: Node, value: Node | None) -> None:
        """Add one statement unless `value` is None."""
        if value is not None:
            self.statements[(subject, predicate, value)] = None

    def text(
        self, subject: Node, predicate: Node, value: str | None, lang: str | None = None
    ) -> None:
        """Add a string statement unless `value` is empty."""
        if value:
            self.statements[(subject, predicate, Literal(value, lang=lang))] = None

    def span(self, subject: Node, span: Span | None) -> None:
        """Add where `subject`'s text is in the source (start and end offsets)."""
        if span is not None:
            self.add(subject, MG.spanStart, Literal(span.start, datatype=XSD.integer))
            self.add(subject, MG.spanEnd, Literal(span.end, datatype=XSD.integer))

    def field(self, subject: Node, code: str | None) -> None:
        """Link `subject` to the SKOS field `code` names; unknown codes are left out."""
        if code and code in FIELDS:
            self.add(subject, MG.inField, FIELDS[code])

    def unit(self, jurisdiction: Jurisdiction) -> URIRef:
        """Return the administrative unit `jurisdiction` names, writing it and its province."""
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

    def place(self, name: str, province: Jurisdiction) -> URIRef:
        """Return the unit a place name denotes inside `province`.

        A proper name ("Phú Quốc", "xã Vĩnh Phong") is a commune; anything else ("khu vực
        biên giới") is a named area of the province.
        """
        bare = _LEVEL_WORD.sub("", " ".join(name.split()))
        if province.province is not None and _is_proper_name(bare):
            return self.unit(Jurisdiction(province=province.province, commune=bare))
        iri = self.iris.area(province, bare)
        self.add(iri, RDF.type, MG.AdministrativeUnit)
        self.text(iri, SKOS.prefLabel, bare, "vi")
        self.add(iri, MG.partOf, self.unit(province))
        return iri

    def agency(self, name: str, document_jurisdiction: Jurisdiction) -> URIRef | None:
        """Return the agency `name` denotes in a document of `document_jurisdiction`.

        The node carries the body's label within its jurisdiction as skos:prefLabel (the
        same whichever way a document writes the name) and each other spelling seen as
        skos:altLabel. Returns None for an empty name.
        """
        if not name or not name.strip():
            return None
        body = resolve_agency(name, document_jurisdiction)
        iri = self.iris.agency(body.jurisdiction, body.key)
        seen = self._agency_names[iri]
        if not seen:
            self.add(iri, RDF.type, MG.Agency)
            self.text(iri, SKOS.prefLabel, body.label, "vi")
            self.add(iri, MG.jurisdiction, self.unit(body.jurisdiction))
            seen.add(body.label)
        for spelling in (body.written, body.canonical):
            if spelling not in seen:
                seen.add(spelling)
                self.text(iri, SKOS.altLabel, spelling, "vi")
        return iri

    def term(self, label: str) -> URIRef:
        """Return the term (party term or year) `label` names, with its start and end years."""
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


def _is_proper_name(name: str) -> bool:
    words = name.split()
    return bool(words) and all(word[:1].isupper() or word[:1].isdigit() for word in words)


###########################################################################################
# Outline: sections, tasks, indicators, targets
###########################################################################################


def _is_outline_path(path: str) -> bool:
    head, *rest = path.split("/")
    return all(_OUTLINE_COMPONENT.match(part) for part in [*head.split("."), *rest])


def _parent(path: str) -> str | None:
    """Return the enclosing section path: ``III.2.1`` → ``III.2``, ``1.2/(5)`` → ``1.2``."""
    if "/" in path:
        return path.rsplit("/", 1)[0]
    return path.rsplit(".", 1)[0] if "." in path else None


def _chain(path: str) -> list[str]:
    """Return the section paths from the outermost down to `path` itself."""
    chain = []
    current: str | None = path
    while current is not None:
        chain.append(current)
        current = _parent(current)
    return chain[::-1]


@dataclass
class _Section:
    path: str
    headings: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass
class _Outline:
    """Where each task and indicator sits, and the sections that hold them."""

    sections: dict[str, _Section] = field(default_factory=dict)
    homes: dict[int, str | None] = field(default_factory=dict)

    def place(self, key: int, home: str | None, span: Span | None, heading: str | None) -> None:
        self.homes[key] = home
        if home is None:
            return
        for path in _chain(home):
            section = self.sections.setdefault(path, _Section(path))
            if span is not None:
                section.spans.append(span)
        if heading and heading not in self.sections[home].headings:
            self.sections[home].headings.append(heading)


def _task_homes(tasks: Sequence[Task]) -> dict[int, tuple[str | None, str | None]]:
    """Return, per task index, the section it belongs to and that section's heading.

    A task whose id ends in a marker (``III.2.1/-3``) is in the section before the marker,
    and its `section` text is that section's heading. A task without one (``III.5``) is the
    whole body of a section; its `section` text heads that section unless sibling tasks
    share it, in which case it heads their common parent (``V.1`` ... ``V.5`` under
    "TỔ CHỨC THỰC HIỆN").
    """
    shared: Counter[tuple[str | None, str]] = Counter(
        (_parent(task.id), task.section)
        for task in tasks
        if "/" not in task.id and task.section and _is_outline_path(task.id)
    )
    homes: dict[int, tuple[str | None, str | None]] = {}
    for index, task in enumerate(tasks):
        if not _is_outline_path(task.id):
            homes[index] = (None, None)
        elif "/" in task.id:
            homes[index] = (_parent(task.id), task.section)
        elif task.section and shared[(_parent(task.id), task.section)] > 1:
            parent = _parent(task.id)
            homes[index] = (parent, task.section if parent else None)
        else:
            homes[index] = (task.id, task.section)
    return homes


def _indicator_home(indicator: Indicator) -> str | None:
    if not _is_outline_path(indicator.id):
        return None
    return _parent(indicator.id)


def _heading_start(text: str, heading: str, before: int) -> int | None:
    position = text.rfind(heading, max(0, before - _HEADING_WINDOW), before + len(heading))
    return position if position >= 0 else None


def _section_spans(context: DocumentContext, outline: _Outline) -> dict[str, Span]:
    """Return where each section lies: from its heading (or first part) to its last part.

    A section starts no later than any section inside it, so spans nest.
    """
    spans: dict[str, Span] = {}
    for path, section in outline.sections.items():
        if not section.spans:
            continue
        start = min(span.start for span in section.spans)
        end = max(span.end for span in section.spans)
        if section.headings:
            found = _heading_start(context.text, section.headings[0], start)
            start = found if found is not None else start
        spans[path] = Span(start, end)
    for path in sorted(spans, key=lambda path: -len(_chain(path))):
        parent = _parent(path)
        if parent in spans:
            inner, outer = spans[path], spans[parent]
            spans[parent] = Span(min(inner.start, outer.start), max(inner.end, outer.end))
    return spans


def _write_sections(writer: GraphWriter, context: DocumentContext, outline: _Outline) -> None:
    iris = writer.iris
    spans = _section_spans(context, outline)
    for path, section in outline.sections.items():
        node = iris.section(context.document, path)
        parent = _parent(path)
        writer.add(node, RDF.type, MG.Section)
        container = iris.section(context.document, parent) if parent else context.document
        writer.add(node, MG.partOf, container)
        writer.add(node, MG.sourceDocument, context.document)
        writer.text(node, MG.outlinePath, path)
        # A section's text is its heading; a section known only by its number has that.
        writer.text(node, MG.text, section.headings[0] if section.headings else path)
        for heading in section.headings:
            writer.text(node, MG.heading, heading)
        writer.span(node, spans.get(path))


def _write_responsibility(
    writer: GraphWriter, context: DocumentContext, node: URIRef, item: Task | Indicator
) -> None:
    for name in item.lead:
        writer.add(node, MG.chairedBy, writer.agency(name, context.jurisdiction))
    for name in item.coordinating:
        writer.add(node, MG.coordinatesWith, writer.agency(name, context.jurisdiction))
    writer.text(node, MG.timing, item.timing)
    writer.text(node, MG.expectedResult, item.expected_result)
    writer.field(node, item.field)


def _write_part(
    writer: GraphWriter,
    context: DocumentContext,
    node: URIRef,
    item: Task | Indicator,
    home: str | None,
) -> None:
    container = writer.iris.section(context.document, home) if home else context.document
    writer.add(node, MG.partOf, container)
    writer.add(node, MG.sourceDocument, context.document)
    writer.text(node, MG.text, item.text)
    writer.text(node, MG.outlinePath, item.id)
    writer.span(node, item.span)
    _write_responsibility(writer, context, node, item)


def _decimal(value: float | None) -> Literal | None:
    if value is None or not math.isfinite(value):
        return None
    return Literal(Decimal(repr(float(value))), datatype=XSD.decimal)


def _write_target(writer: GraphWriter, node: URIRef, target: Target) -> None:
    writer.add(node, RDF.type, MG.Target)
    writer.add(node, MG.value, _decimal(target.value))
    writer.add(node, MG.upperValue, _decimal(target.value_max))
    writer.text(node, MG.unit, target.unit)
    writer.add(node, MG.comparator, COMPARATORS.get(target.comparator))
    if target.year is not None:
        writer.add(node, MG.year, Literal(str(target.year), datatype=XSD.gYear))


def write_outline(
    writer: GraphWriter,
    context: DocumentContext,
    tasks: Sequence[Task],
    indicators: Sequence[Indicator],
) -> None:
    """Write the tasks and indicators of the document and the sections that hold them.

    Each task and indicator is part of the section its outline path names (or of the
    document), carries its text, outline path, provenance (source document and span),
    lead and coordinating agencies, timing, expected result and field; a task also its
    measures and resources, an indicator its targets. One section node is written per
    outline path prefix, each part of the next one up and the outermost of the document.
    """
    outline = _Outline()
    task_homes = _task_homes(tasks)
    for index, task in enumerate(tasks):
        home, heading = task_homes[index]
        outline.place(index, home, task.span, heading)
    offset = len(tasks)
    for index, indicator in enumerate(indicators):
        outline.place(offset + index, _indicator_home(indicator), indicator.span, None)
    _write_sections(writer, context, outline)

    iris, seen = writer.iris, Counter[str]()
    for index, task in enumerate(tasks):
        seen[f"task {task.id}"] += 1
        node = iris.task(context.document, task.id, seen[f"task {task.id}"])
        writer.add(node, RDF.type, MG.Task)
        _write_part(writer, context, node, task, outline.homes[index])
        for measure in task.measures:
            writer.text(node, MG.measure, measure)
        for resource in task.resources:
            writer.text(node, MG.resource, resource)
    for index, indicator in enumerate(indicators):
        seen[f"indicator {indicator.id}"] += 1
        node = iris.indicator(context.document, indicator.id, seen[f"indicator {indicator.id}"])
        writer.add(node, RDF.type, MG.Indicator)
        _write_part(writer, context, node, indicator, outline.homes[offset + index])
        for position, target in enumerate(indicator.targets, start=1):
            target_node = iris.target(node, position)
            writer.add(node, MG.target, target_node)
            _write_target(writer, target_node, target)


###########################################################################################
# References
###########################################################################################


def write_cited_node(writer: GraphWriter, context: DocumentContext, cited: CitedDocument) -> None:
    """Write what the citing document says about a document it cites.

    Its class, number, date, issuing agency, the unit it belongs to, a title only when it
    is known by name alone (a number identifies the others, and each citing document words
    the name its own way), and every citation as mg:citedAs.
    """
    node = cited.iri
    writer.add(node, RDF.type, cited.rdf_class)
    writer.text(node, DCTERMS.title, cited.title)
    writer.text(node, MG.documentNumber, cited.number)
    writer.text(node, MG.typeCode, cited.type_code)
    writer.text(node, MG.issuerCode, cited.issuer_code)
    if cited.jurisdiction is not None:
        writer.add(node, MG.jurisdiction, writer.unit(cited.jurisdiction))
    if cited.issued is not None:
        writer.add(node, DCTERMS.issued, Literal(cited.issued.isoformat(), datatype=XSD.date))
    if cited.issuer:
        writer.add(node, MG.issuedBy, writer.agency(cited.issuer, context.jurisdiction))
    for citation in cited.cited_as:
        writer.text(node, MG.citedAs, citation)


def write_stated_link(
    writer: GraphWriter,
    context: DocumentContext,
    link: StatedLink,
    *,
    agent: URIRef,
) -> None:
    """Write that `link.source` implements `link.target`, as the document states.

    Besides the mg:implements edge, a qualified mg:ImplementationLink records the method
    (stated), review status (auto), confidence 1, the words that say so as evidence, the
    span they were read from, the document that says it and `agent` as asserting agent.
    """
    writer.add(link.source, MG.implements, link.target)
    node = writer.iris.implementation_link(link.source, link.target)
    writer.add(link.source, MG.qualifiedImplementation, node)
    writer.add(node, RDF.type, MG.ImplementationLink)
    writer.add(node, PROV.entity, link.target)
    writer.add(node, MG.linkMethod, MG.stated)
    writer.add(node, MG.reviewStatus, MG.auto)
    writer.add(node, MG.confidence, Literal(_STATED_CONFIDENCE, datatype=XSD.decimal))
    writer.add(node, PROV.wasAttributedTo, agent)
    writer.add(node, MG.sourceDocument, context.document)
    for evidence in link.evidence:
        writer.text(node, MG.evidence, evidence)
    writer.span(node, link.span)


def write_references(
    writer: GraphWriter,
    context: DocumentContext,
    cited: Iterable[CitedDocument],
    *,
    agent: URIRef,
) -> None:
    """Write each cited document and the document's implements or cites edge to it.

    An implements edge also gets its qualified mg:ImplementationLink (`write_stated_link`)
    with the citations as evidence.
    """
    for reference in cited:
        write_cited_node(writer, context, reference)
        if not reference.implements:
            writer.add(context.document, MG.cites, reference.iri)
            continue
        stated = StatedLink(
            context.document,
            reference.iri,
            tuple(reference.cited_as),
            reference.spans[0] if reference.spans else None,
        )
        write_stated_link(writer, context, stated, agent=agent)


###########################################################################################
# Programmes
###########################################################################################


def write_programmes(
    writer: GraphWriter, context: DocumentContext, programmes: Iterable[Programme]
) -> None:
    """Write the provincial programmes the document lists.

    Each is an mg:ProvincialProgramme of the document's province, part of the listing
    document, with its title, kind, number in the list, field, the places it is restricted
    to (mg:appliesTo) and the span it was read from.
    """
    province = (
        Jurisdiction(province=context.jurisdiction.province)
        if context.jurisdiction.province is not None
        else NATION
    )
    for programme in programmes:
        node = writer.iris.programme(context.document, programme.id)
        writer.add(node, RDF.type, MG.ProvincialProgramme)
        writer.text(node, DCTERMS.title, programme.title)
        writer.text(node, MG.programmeKind, programme.kind)
        writer.text(node, MG.outlinePath, programme.id)
        writer.field(node, programme.field)
        writer.add(node, MG.jurisdiction, writer.unit(province))
        for place in programme.applies_to:
            if place.strip():
                writer.add(node, MG.appliesTo, writer.place(place, province))
        writer.add(node, MG.partOf, context.document)
        writer.add(node, MG.sourceDocument, context.document)
        writer.span(node, programme.span)
