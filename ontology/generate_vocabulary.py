"""Generate `ontology/vocabulary.py` from the Turtle ontology.

The Turtle file is the single source of truth for the project's terms. This script writes
closed rdflib namespaces (`DefinedNamespace` with `_fail = True`) for the project's own
namespace and for the ELI terms the ontology declares, so a misspelt term fails at import
time. Run it after editing `mandate.ttl`:

    python -m ontology.generate_vocabulary
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, URIRef

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "mandate.ttl"
VOCABULARY_FILE = ONTOLOGY_DIR / "vocabulary.py"
MG_NAMESPACE = "https://mandate-graph.example/ontology#"
ELI_NAMESPACE = "http://data.europa.eu/eli/ontology#"

HEADER = '''"""The project's vocabulary: every RDF term the code uses, in one module.

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
'''


def defined_terms(graph: Graph, namespace: str) -> list[str]:
    """Return the local names of the terms the ontology describes in `namespace`, sorted.

    A term counts as defined when it is the subject of an `rdf:type` statement.
    """
    from rdflib.namespace import RDF

    names = {
        str(subject)[len(namespace) :]
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(namespace)
    }
    return sorted(name for name in names if name)


def render(graph: Graph) -> str:
    """Return the source text of the vocabulary module for the parsed ontology `graph`."""
    lines = [HEADER]
    for class_name, namespace, doc in (
        ("MG", MG_NAMESPACE, "The mandate-graph ontology (prefix `mg:`)."),
        ("ELI", ELI_NAMESPACE, "The ELI terms the ontology declares (prefix `eli:`)."),
    ):
        lines.append("")
        lines.append(f"class {class_name}(DefinedNamespace):")
        lines.append(f'    """{doc}"""')
        lines.append("")
        lines.append("    _fail = True")
        lines.append(f'    _NS = Namespace("{namespace}")')
        lines.append("")
        lines.extend(f"    {name}: URIRef" for name in defined_terms(graph, namespace))
        lines.append("")
    lines.append("")
    lines.append('MG_ONTOLOGY = URIRef("https://mandate-graph.example/ontology")')
    lines.append('"""The IRI of the ontology itself."""')
    lines.append("")
    lines.append("PREFIXES: dict[str, str] = {")
    for prefix, value in (
        ("mg", "str(MG._NS)"),
        ("eli", "str(ELI._NS)"),
        ("org", "str(ORG._NS)"),
        ("prov", "str(PROV._NS)"),
        ("skos", "str(SKOS._NS)"),
        ("dcterms", "str(DCTERMS._NS)"),
        ("time", "str(TIME._NS)"),
        ("owl", "str(OWL._NS)"),
        ("rdf", "str(RDF._NS)"),
        ("rdfs", "str(RDFS._NS)"),
        ("xsd", "str(XSD._NS)"),
    ):
        lines.append(f'    "{prefix}": {value},')
    lines.append("}")
    lines.append('"""Prefixes used in SPARQL text and serialisations."""')
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    """Write the vocabulary module; return the process exit status."""
    graph = Graph().parse(ONTOLOGY_FILE)
    VOCABULARY_FILE.write_text(render(graph), encoding="utf-8")
    print(f"wrote {VOCABULARY_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
