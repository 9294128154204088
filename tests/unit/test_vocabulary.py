"""The ontology is the single source of the vocabulary, and the code keeps to it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ontology import ONTOLOGY_FILE, SHAPES_FILE
from ontology.generate_vocabulary import ELI_NAMESPACE, MG_NAMESPACE, VOCABULARY_FILE, render
from ontology.vocabulary import ELI, MG

REPO_ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = (
    "ontology",
    "ingest",
    "api",
    "queries",
    "visualizations",
    "store",
    "cli",
    "config",
    "exports",
    "vntext",
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


def defined(graph: Graph, namespace: str) -> set[str]:
    return {
        str(s)[len(namespace) :]
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(namespace)
    }


def project_sources() -> list[Path]:
    return [path for folder in CODE_DIRS for path in (REPO_ROOT / folder).rglob("*.py")]


def test_vocabulary_module_is_generated_from_the_turtle(ontology: Graph) -> None:
    assert VOCABULARY_FILE.read_text(encoding="utf-8") == render(ontology), (
        "ontology/vocabulary.py is stale: run python -m ontology.generate_vocabulary"
    )


def test_every_class_and_property_has_labels_and_definitions_in_both_languages(
    ontology: Graph,
) -> None:
    missing = []
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    for kind in kinds:
        for term in ontology.subjects(RDF.type, kind):
            for predicate in (RDFS.label, SKOS.definition):
                languages = {
                    o.language for o in ontology.objects(term, predicate) if isinstance(o, Literal)
                }
                if not {"vi", "en"} <= languages:
                    missing.append(f"{term} {predicate}")
    assert not missing, "terms lacking a Vietnamese or English label/definition:\n" + "\n".join(
        missing
    )


def test_the_issue_terms_exist_and_reuse_standard_vocabularies(ontology: Graph) -> None:
    for name in (
        "Resolution",
        "ActionProgramme",
        "Plan",
        "Decision",
        "Directive",
        "Conclusion",
        "GuidanceLetter",
        "ProvincialProgramme",
        "Task",
        "Indicator",
        "Target",
        "Agency",
        "AdministrativeUnit",
        "Province",
        "Commune",
        "Field",
        "Section",
        "ImplementationLink",
    ):
        assert (MG[name], RDF.type, OWL.Class) in ontology, name
    for name in (
        "implements",
        "chairedBy",
        "coordinatesWith",
        "cites",
        "replaces",
        "issuedBy",
        "jurisdiction",
        "partOf",
        "hasPart",
        "inField",
        "timing",
        "deadline",
        "expectedResult",
        "measure",
        "resource",
        "target",
        "sourceDocument",
        "spanStart",
        "spanEnd",
        "confidence",
        "evidence",
        "linkMethod",
        "reviewStatus",
    ):
        assert (MG[name], None, None) in ontology, name
    assert (MG.implements, RDFS.subPropertyOf, ELI.ensures_implementation_of) in ontology
    assert (MG.cites, RDFS.subPropertyOf, ELI.cites) in ontology
    assert (MG.issuedBy, RDFS.subPropertyOf, ELI.passed_by) in ontology
    assert (MG.Document, RDFS.subClassOf, ELI.LegalResource) in ontology
    assert (MG.Task, RDFS.subClassOf, ELI.LegalResourceSubdivision) in ontology
    assert (MG.Agency, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in ontology
    assert (
        MG.sourceDocument,
        RDFS.subPropertyOf,
        URIRef("http://www.w3.org/ns/prov#hadPrimarySource"),
    ) in ontology
    statuses = {str(s) for s in ontology.subjects(RDF.type, MG.ReviewStatus)}
    assert statuses == {str(MG.auto), str(MG.confirmed), str(MG.rejected)}


def test_closed_namespace_refuses_unknown_terms() -> None:
    misspelt = "Tsk"
    with pytest.raises(AttributeError):
        getattr(MG, misspelt)


def _used_terms(tree: ast.AST, namespace: str) -> set[str]:
    used = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == namespace
            and not node.attr.startswith("_")
        ):
            used.add(node.attr)
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == namespace
            and isinstance(node.slice, ast.Constant)
        ):
            used.add(str(node.slice.value))
    return used


def test_code_uses_only_terms_the_turtle_defines(ontology: Graph) -> None:
    mg_terms, eli_terms = defined(ontology, MG_NAMESPACE), defined(ontology, ELI_NAMESPACE)
    undefined = []
    for path in project_sources() + list((REPO_ROOT / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        undefined += [f"{path}: MG.{t}" for t in _used_terms(tree, "MG") - mg_terms]
        undefined += [f"{path}: ELI.{t}" for t in _used_terms(tree, "ELI") - eli_terms]
    assert not undefined, "\n".join(undefined)


def test_sparql_and_shapes_use_only_defined_terms(ontology: Graph) -> None:
    mg_terms = defined(ontology, MG_NAMESPACE)
    texts = [SHAPES_FILE.read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in (REPO_ROOT / "queries").glob("*.rq")]
    used = {name for text in texts for name in re.findall(r"\bmg:([A-Za-z_][\w]*)", text)}
    assert used - mg_terms == set()


def test_no_iris_are_built_from_strings_outside_the_vocabulary_and_identifiers() -> None:
    allowed = {"vocabulary.py", "generate_vocabulary.py", "identifiers.py"}
    offenders = []
    for path in project_sources():
        if path.name in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and "mandate-graph.example" in node.value
            ):
                offenders.append(f"{path}:{node.lineno}")
    assert not offenders, "IRIs written by hand: " + ", ".join(offenders)
