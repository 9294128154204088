"""The project's vocabulary: every RDF term the code uses, in one module.

Generated from `ontology/mandate.ttl` by `python -m ontology.generate_vocabulary`; do not edit
by hand. `MG` and `ELI` are closed namespaces: using a term the ontology does not define raises
at once. The reused W3C and Dublin Core namespaces come from rdflib, which ships them closed.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "DCTERMS",
    "ELI",
    "MG",
    "MG_ONTOLOGY",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "TIME",
    "XSD",
]


class MG(DefinedNamespace):
    """The mandate-graph ontology (prefix `mg:`)."""

    _fail = True
    _NS = Namespace("https://mandate-graph.example/ontology#")

    ActionProgramme: URIRef
    AdministrativeUnit: URIRef
    Agency: URIRef
    Commune: URIRef
    Comparator: URIRef
    Conclusion: URIRef
    CongressResolution: URIRef
    Decision: URIRef
    Directive: URIRef
    Document: URIRef
    Field: URIRef
    GuidanceLetter: URIRef
    Hamlet: URIRef
    ImplementationLink: URIRef
    Indicator: URIRef
    IngestActivity: URIRef
    LinkMethod: URIRef
    Nation: URIRef
    Notice: URIRef
    Plan: URIRef
    Province: URIRef
    ProvincialProgramme: URIRef
    ReferencedDocument: URIRef
    Resolution: URIRef
    Review: URIRef
    ReviewStatus: URIRef
    Section: URIRef
    Target: URIRef
    Task: URIRef
    Term: URIRef
    appliesTo: URIRef
    at_least: URIRef
    at_most: URIRef
    auto: URIRef
    chairedBy: URIRef
    citedAs: URIRef
    cites: URIRef
    comparator: URIRef
    comparators: URIRef
    confidence: URIRef
    confirmed: URIRef
    contentHash: URIRef
    coordinatesWith: URIRef
    culture: URIRef
    culture_society: URIRef
    deadline: URIRef
    defense_security: URIRef
    defense_security_foreign: URIRef
    documentNumber: URIRef
    economy: URIRef
    environment: URIRef
    equal: URIRef
    ethnic_religion: URIRef
    evidence: URIRef
    expectedResult: URIRef
    government_operation: URIRef
    hasPart: URIRef
    heading: URIRef
    implements: URIRef
    inField: URIRef
    issuedBy: URIRef
    issuerCode: URIRef
    jurisdiction: URIRef
    level: URIRef
    linkMethod: URIRef
    linkMethods: URIRef
    measure: URIRef
    mediaType: URIRef
    other_field: URIRef
    outlinePath: URIRef
    partOf: URIRef
    party_building: URIRef
    programmeFields: URIRef
    programmeKind: URIRef
    qualifiedImplementation: URIRef
    reduce_by: URIRef
    rejected: URIRef
    replaces: URIRef
    resolvesTo: URIRef
    resource: URIRef
    reviewStatus: URIRef
    reviewStatuses: URIRef
    reviewedLink: URIRef
    reviewer_decision: URIRef
    similarity: URIRef
    society: URIRef
    sourceDocument: URIRef
    sourceFileName: URIRef
    spanEnd: URIRef
    spanStart: URIRef
    stated: URIRef
    target: URIRef
    taskFields: URIRef
    term: URIRef
    text: URIRef
    timing: URIRef
    typeCode: URIRef
    unit: URIRef
    upperValue: URIRef
    value: URIRef
    within_range: URIRef
    year: URIRef


class ELI(DefinedNamespace):
    """The ELI terms the ontology declares (prefix `eli:`)."""

    _fail = True
    _NS = Namespace("http://data.europa.eu/eli/ontology#")

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    cites: URIRef
    ensures_implementation_of: URIRef
    number: URIRef
    passed_by: URIRef


MG_ONTOLOGY = URIRef("https://mandate-graph.example/ontology")
"""The IRI of the ontology itself."""

PREFIXES: dict[str, str] = {
    "mg": str(MG._NS),
    "eli": str(ELI._NS),
    "org": str(ORG._NS),
    "prov": str(PROV._NS),
    "skos": str(SKOS._NS),
    "dcterms": str(DCTERMS._NS),
    "time": str(TIME._NS),
    "owl": str(OWL._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "xsd": str(XSD._NS),
}
"""Prefixes used in SPARQL text and serialisations."""
