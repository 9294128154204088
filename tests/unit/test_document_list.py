"""The document list names each document once, however many names its commune has."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal
from rdflib.namespace import SKOS

from config import load_settings
from ontology.vocabulary import MG
from queries.documents import list_documents
from store import open_store
from tests.conftest import SAMPLES, Mandate


def test_a_commune_with_two_names_lists_its_documents_once(tmp_path: Path) -> None:
    mandate = Mandate(tmp_path / "store")
    sample = sorted(SAMPLES.glob("02-*.txt"))[0]
    result = mandate("ingest", str(sample))
    assert result.exit_code == 0, result.output
    settings = load_settings(store=mandate.store)
    with open_store(settings.store, base_iri=settings.base_iri) as store:
        before = list_documents(store)
        unit = store.select(f"SELECT ?unit WHERE {{ ?d <{MG.jurisdiction}> ?unit }} LIMIT 1")
        iri = unit[0]["unit"]
        store.update(
            f"INSERT DATA {{ GRAPH <{iri}/names> {{ <{iri}> <{SKOS.prefLabel}> "
            f"{Literal('Aaa tên khác').n3()} }} }}"
        )
        after = list_documents(store)
    assert sorted(d["iri"] for d in after) == sorted(d["iri"] for d in before)
    assert len({d["iri"] for d in after}) == len(after)
    assert {d["unit"] for d in after} == {"Aaa tên khác"}
