"""Vietnamese folding, document numbers and identifiers."""

from __future__ import annotations

from datetime import date

import pytest

from ontology.document_numbers import find_document_numbers, parse_document_number
from ontology.identifiers import DocumentKey, IriFactory, Jurisdiction, outline_slug, party_term
from vntext import fold_accents, fold_tone_placement, match_key, normalize_unicode, slugify


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoá", "Hóa"), ("tuỳ", "tùy")],
)
def test_old_tone_placement_folds_to_the_new_one(old: str, new: str) -> None:
    assert fold_tone_placement(old) == new


@pytest.mark.parametrize("word", ["hoàng", "quý", "loại", "thuở", "hòa"])
def test_words_outside_open_oa_oe_uy_keep_their_tone(word: str) -> None:
    assert fold_tone_placement(word) == word


def test_matching_keys_meet_across_tone_placement_case_and_spacing() -> None:
    assert match_key("Cụ thể  HOÁ") == match_key("cụ thể hóa")
    assert match_key("hòa") != match_key("hoa")


def test_accent_folding_and_slugs() -> None:
    assert fold_accents("Đất đai, Nông thôn mới") == "dat dai, nong thon moi"
    assert slugify("Ủy ban nhân dân xã Vĩnh Phong") == "uy-ban-nhan-dan-xa-vinh-phong"
    assert normalize_unicode("ðảng ủy") == "đảng ủy"
    assert normalize_unicode("ho\u0300a") == "hòa"  # decomposed input becomes NFC


@pytest.mark.parametrize(
    ("text", "canonical", "national"),
    [
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024", "57-NQ/TW", True),
        ("số 72- NQ/TW", "72-NQ/TW", True),
        ("Chương trình hành động số 6-CTr/TU", "06-CTr/TU", False),
        ("Kế hoạch số 38/KH-UBND ngày 28", "38/KH-UBND", False),
        ("Quyết định số 06/QĐ-TTg", "06/QĐ-TTg", True),
        ("Nghị quyết số 226/2025/QH15", "226/2025/QH15", True),
        ("Thông tư 15/2023/TT-BTC", "15/2023/TT-BTC", True),
    ],
)
def test_document_numbers(text: str, canonical: str, national: bool) -> None:
    number = parse_document_number(text)
    assert number is not None
    assert number.canonical == canonical
    assert number.national is national


def test_dates_and_blank_draft_numbers_are_not_numbers() -> None:
    assert parse_document_number("ngày 22/12/2024") is None
    assert parse_document_number("Số: /UBND-TH") is None
    found = [
        n.canonical for _, n in find_document_numbers("theo 01-CT/TW và 38/KH-UBND, ngày 1/2/2026")
    ]
    assert found == ["01-CT/TW", "38/KH-UBND"]


def test_party_terms_follow_congress_years() -> None:
    assert party_term(date(2024, 12, 22), national=True) == "2021-2026"
    assert party_term(date(2026, 1, 10), national=True) == "2021-2026"
    assert party_term(date(2026, 3, 1), national=True) == "2026-2031"
    assert party_term(date(2025, 3, 1), national=False) == "2020-2025"
    assert party_term(date(2025, 11, 13), national=False) == "2025-2030"


def test_document_iris_are_stable_and_tell_local_documents_apart() -> None:
    iris = IriFactory("https://example.org/base")
    number = parse_document_number("06-NQ/ĐU")
    a = Jurisdiction(province="Thái Nguyên", commune="Cao Minh")
    b = Jurisdiction(province="An Giang", commune="Vĩnh Phong")
    iri_a = iris.document(DocumentKey(jurisdiction=a, scope="2025-2030", number=number))
    assert iri_a == iris.document(DocumentKey(jurisdiction=a, scope="2025-2030", number=number))
    assert iri_a != iris.document(DocumentKey(jurisdiction=b, scope="2025-2030", number=number))
    assert str(iri_a) == "https://example.org/base/document/thai-nguyen/cao-minh/du/2025-2030/06-nq"


def test_central_documents_ignore_the_citing_locality() -> None:
    iris = IriFactory()
    number = parse_document_number("57-NQ/TW")
    here = iris.document(DocumentKey(Jurisdiction("An Giang"), "2021-2026", number))
    there = iris.document(DocumentKey(Jurisdiction("Hải Phòng", "Tân Minh"), "2021-2026", number))
    assert here == there
    assert str(here).endswith("/document/vn/tw/2021-2026/57-nq")


def test_state_numbers_carry_their_year() -> None:
    iris = IriFactory()
    key = DocumentKey(Jurisdiction(), None, parse_document_number("226/2025/QH15"))
    assert str(iris.document(key)).endswith("/document/vn/qh15/2025/226-vb")


def test_unnumbered_congress_resolutions_are_named_by_body_and_term() -> None:
    iris = IriFactory()
    key = DocumentKey(
        Jurisdiction(), "2026-2031", kind="nghi_quyet_dai_hoi", body="Đại hội đại biểu toàn quốc"
    )
    assert str(iris.document(key)).endswith(
        "/document/vn/dai-hoi-dai-bieu-toan-quoc/2026-2031/nghi-quyet-dai-hoi"
    )


def test_outline_paths_keep_their_markers() -> None:
    assert outline_slug("III.2.1/-3") == "iii.2.1/-3"
    assert outline_slug("1.2/(5)") == "1.2/(5)"
    assert outline_slug("Chỉ tiêu 12/3") == "chi-tieu-12/3"
    iris = IriFactory()
    document = iris.content_document("ab" * 32)
    assert iris.task(document, "III.2.1/-3") != iris.task(document, "III.2.1/3")


def test_a_base_without_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="no scheme"):
        IriFactory("mandate-graph/id")
