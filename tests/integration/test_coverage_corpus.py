"""Coverage and agency duties on the real corpus."""

import json

from linking import LINK_THRESHOLD
from tests.conftest import Mandate


def test_vinh_phong_coverage_explains_every_programme(corpus_store: Mandate):
    result = corpus_store("coverage", "xa vinh phong", "--json")
    assert result.exit_code == 0, result.output
    coverage = json.loads(result.output)
    assert coverage["unit"]["name"] == "Vĩnh Phong"
    programmes = {entry["number"]: entry for entry in coverage["programmes"]}
    assert len(programmes) == 29
    statuses = {entry["status"] for entry in programmes.values()}
    assert statuses == {"covered", "uncovered", "not_applicable"}
    for number in ("10", "14"):  # Phú Quốc, and the eight "đô thị động lực"
        assert programmes[number]["status"] == "not_applicable"
        assert "Phú Quốc" in programmes[number]["reason"]
    assert programmes["12"]["status"] == "covered"
    for entry in programmes.values():
        assert entry["reason"]
        if entry["status"] == "covered":
            assert entry["tasks"] and all(
                task["confidence"] >= LINK_THRESHOLD for task in entry["tasks"]
            )
        if entry["status"] == "uncovered":
            assert not entry["tasks"]


def test_min_confidence_and_province_matrix(corpus_store: Mandate):
    strict = json.loads(
        corpus_store("coverage", "Vĩnh Phong", "--json", "--min-confidence", "1").output
    )
    loose = json.loads(corpus_store("coverage", "Vĩnh Phong", "--json").output)
    covered = lambda data: sum(e["status"] == "covered" for e in data["programmes"])  # noqa: E731
    assert covered(strict) < covered(loose)
    reviewed = json.loads(
        corpus_store("coverage", "Vĩnh Phong", "--json", "--reviewed-only").output
    )
    assert covered(reviewed) == 0  # nothing confirmed yet, and no plan states a programme
    matrix = json.loads(corpus_store("coverage", "an giang", "--json").output)
    assert [commune["name"] for commune in matrix["communes"]] == ["Vĩnh Phong"]
    assert len(matrix["programmes"]) == 29
    cells = matrix["communes"][0]["cells"]
    assert {cell["status"] for cell in cells.values()} == statuses_of(loose)


def statuses_of(coverage: dict) -> set[str]:
    return {entry["status"] for entry in coverage["programmes"]}


def test_unknown_unit_is_a_clear_error(corpus_store: Mandate):
    result = corpus_store("coverage", "Atlantis")
    assert result.exit_code == 2
    assert "Atlantis: no commune or province" in result.output


def test_agency_duties_with_timing_and_document(corpus_store: Mandate):
    result = corpus_store("agency", "ubnd xa", "--json")
    assert result.exit_code == 0, result.output
    agencies = json.loads(result.output)["agencies"]
    chaired = [task for agency in agencies for task in agency["chairs"]]
    assert chaired
    assert all(task["document"]["iri"] and task["text"] for task in chaired)
    assert any(task["timing"] for task in chaired)
    assert corpus_store("agency", "no such body anywhere").exit_code == 2


def test_agency_answers_come_a_page_at_a_time(corpus_store: Mandate):
    every = json.loads(corpus_store("agency", "ubnd xa", "--json", "--limit", "200").output)
    assert every["total"] == len(every["agencies"]) >= 2 and not every["more"]
    names = [agency["iri"] for agency in every["agencies"]]

    first = json.loads(corpus_store("agency", "ubnd xa", "--json", "--limit", "1").output)
    second = json.loads(
        corpus_store("agency", "ubnd xa", "--json", "--limit", "1", "--offset", "1").output
    )
    assert first["total"] == every["total"] and first["more"]
    assert [first["agencies"][0]["iri"], second["agencies"][0]["iri"]] == names[:2]
    assert first["agencies"][0] == every["agencies"][0]

    text = corpus_store("agency", "ubnd xa", "--limit", "1").output
    assert f"agencies 1-1 of {every['total']}; next page: --offset 1" in text
    assert corpus_store("agency", "ubnd xa", "--limit", "0").exit_code == 2


def test_agency_narrowed_to_one_commune(corpus_store: Mandate):
    result = corpus_store("agency", "ubnd xa", "--in", "vinh phong", "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["total"] >= 1
    assert all("Vĩnh Phong" in (agency["unit"] or "") for agency in answer["agencies"])
    elsewhere = corpus_store("agency", "ubnd xa", "--in", "atlantis")
    assert elsewhere.exit_code == 2 and "no agency of that name in atlantis" in elsewhere.output
