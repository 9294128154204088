"""Agency names: canonical spelling, the level a body sits at, one key per body."""

from __future__ import annotations

import pytest

from ingest.agencies import (
    agency_jurisdiction,
    agency_key,
    agency_label,
    canonical_agency_name,
    resolve_agency,
)
from ontology.identifiers import NATION, Jurisdiction

TAN_HUNG = Jurisdiction(province="An Giang", commune="Tân Hưng")
AN_GIANG = Jurisdiction(province="An Giang")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        pytest.param("UBND xã", "Ủy ban nhân dân xã", id="ubnd"),
        pytest.param("HĐND xã", "Hội đồng nhân dân xã", id="hdnd"),
        pytest.param("Ủy ban MTTQ Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", id="mttq"),
        pytest.param("BHXH tỉnh", "Bảo hiểm xã hội tỉnh", id="bhxh"),
        pytest.param("BCH Đảng bộ xã", "Ban Chấp hành Đảng bộ xã", id="bch"),
        pytest.param("BTV Đảng ủy", "Ban Thường vụ Đảng ủy", id="btv"),
        pytest.param("VP ĐU", "Văn phòng Đảng ủy", id="vp-du"),
        pytest.param("Sở KH&CN", "Sở Khoa học và Công nghệ", id="ampersand"),
        pytest.param("Giao Phòng Kinh tế xã", "Phòng Kinh tế xã", id="drops-giao"),
        pytest.param(
            "Đề nghị Thường trực HĐND xã", "Thường trực Hội đồng nhân dân xã", id="drops-de-nghi"
        ),
        pytest.param("Uỷ  ban   nhân dân xã", "Ủy ban nhân dân xã", id="tone-and-spaces"),
        pytest.param("Bộ Chính trị (khóa XII)", "Bộ Chính trị", id="drops-term"),
        pytest.param("Thủ tướng", "Thủ tướng Chính phủ", id="prime-minister"),
        pytest.param("Sở Giao thông vận tải", "Sở Giao thông vận tải", id="keeps-giao-thong"),
        pytest.param("Ban Chỉ huy Quân sự xã.", "Ban Chỉ huy Quân sự xã", id="trailing-dot"),
    ],
)
def test_canonical_names_expand_abbreviations_and_drop_noise(written: str, canonical: str) -> None:
    assert canonical_agency_name(written) == canonical


def test_abbreviations_inside_words_are_left_alone() -> None:
    assert canonical_agency_name("Trường THCS Tân Hưng") == "Trường THCS Tân Hưng"
    assert canonical_agency_name("Hội CCB xã") == "Hội Cựu chiến binh xã"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("UBND xã", TAN_HUNG, id="commune-body"),
        pytest.param("UBND tỉnh", AN_GIANG, id="provincial-committee"),
        pytest.param("Tỉnh ủy", AN_GIANG, id="tinh-uy"),
        pytest.param("Ban Tuyên giáo và Dân vận Tỉnh ủy", AN_GIANG, id="board-of-tinh-uy"),
        pytest.param("Bộ Chỉ huy Quân sự tỉnh", AN_GIANG, id="provincial-military-command"),
        pytest.param("Sở Tài chính", AN_GIANG, id="provincial-department"),
        pytest.param("Thành ủy", AN_GIANG, id="city-party-committee"),
        pytest.param("Bộ Chính trị", NATION, id="politburo"),
        pytest.param("Ban Bí thư", NATION, id="secretariat"),
        pytest.param("Bộ Tài chính", NATION, id="ministry"),
        pytest.param("Các Bộ, ngành Trung ương có liên quan", NATION, id="central-bodies"),
        pytest.param("Quốc hội", NATION, id="national-assembly"),
        pytest.param("Thủ tướng Chính phủ", NATION, id="prime-minister"),
        pytest.param("Đảng bộ xã", TAN_HUNG, id="lower-case-bo-is-not-a-ministry"),
        pytest.param("Hội Nông dân", TAN_HUNG, id="unmarked"),
    ],
)
def test_a_name_that_names_a_higher_level_moves_the_body_up(
    name: str, expected: Jurisdiction
) -> None:
    assert agency_jurisdiction(name, TAN_HUNG) == expected


def test_a_name_never_moves_a_body_below_its_document() -> None:
    assert agency_jurisdiction("UBND các xã, phường, đặc khu", AN_GIANG) == AN_GIANG
    assert agency_jurisdiction("UBND tỉnh", NATION) == NATION


def test_spellings_of_one_commune_body_share_one_key() -> None:
    spellings = ["UBND xã", "Ủy ban nhân dân xã", "Ủy ban nhân dân", "Uỷ ban nhân dân xã Tân Hưng"]
    assert {agency_key(name, TAN_HUNG) for name in spellings} == {"ủy ban nhân dân"}
    assert agency_label("UBND xã", TAN_HUNG) == "Ủy ban nhân dân"


def test_party_committee_names_meet_at_each_level() -> None:
    assert agency_key("Đảng ủy xã", TAN_HUNG) == agency_key("Ban Chấp hành Đảng bộ xã", TAN_HUNG)
    assert agency_key("Tỉnh ủy An Giang", AN_GIANG) == agency_key(
        "Ban Chấp hành Đảng bộ tỉnh", AN_GIANG
    )
    assert agency_key("Ban Thường vụ Đảng ủy", TAN_HUNG) != agency_key("Đảng ủy", TAN_HUNG)


def test_the_front_is_one_body_with_or_without_viet_nam() -> None:
    keys = {agency_key(name, TAN_HUNG) for name in ("Ủy ban MTTQ", "Ủy ban MTTQ Việt Nam xã")}
    assert len(keys) == 1


def test_a_place_that_is_an_object_is_kept() -> None:
    assert agency_label("các đơn vị liên kết với tỉnh", AN_GIANG) == "Các đơn vị liên kết với tỉnh"


def test_resolve_places_the_provincial_committee_read_in_a_commune_plan() -> None:
    body = resolve_agency("UBND tỉnh An Giang", TAN_HUNG)
    assert body.jurisdiction == AN_GIANG
    assert body.label == "Ủy ban nhân dân"
    assert body.written == "UBND tỉnh An Giang"
    assert body.key == resolve_agency("Ủy ban nhân dân tỉnh", AN_GIANG).key
