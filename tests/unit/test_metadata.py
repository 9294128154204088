"""Document metadata from the letterhead, the title and the issuing sentence."""

from __future__ import annotations

from ingest.metadata import extract_metadata
from ingest.model import SourceText


def metadata(text: str):
    return extract_metadata(SourceText("doc.txt", text, "text/plain", "0" * 64))


def test_a_state_plan_with_a_full_letterhead() -> None:
    info = metadata(
        "ỦY BAN NHÂN DÂN\nXÃ BÌNH MINH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: 15/KH-UBND\n\nBình Minh, ngày 02 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện Nghị quyết Đại hội Đảng bộ tỉnh Long Sơn, nhiệm kỳ 2025 - 2030\n\n"
        "Căn cứ Kế hoạch số 38/KH-UBND của UBND tỉnh Long Sơn.\n"
    )
    assert info.kind == "ke_hoach"
    assert info.issuer == "Ủy ban nhân dân xã Bình Minh"
    assert (info.level, info.locality, info.province) == ("commune", "Bình Minh", "Long Sơn")
    assert info.number == "15/KH-UBND"
    assert info.date == "2026-03-02"
    assert info.term == "2025-2030"
    assert (
        info.title
        == "KẾ HOẠCH Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Long Sơn, nhiệm kỳ 2025 - 2030"
    )


def test_a_party_letterhead_names_the_superior_first() -> None:
    info = metadata(
        "ĐẢNG BỘ TỈNH LONG SƠN\nĐẢNG ỦY XÃ BÌNH MINH\n\nSố: 03-CTr/ĐU\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\n"
        "thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng\n\nThực hiện …\n"
    )
    assert info.kind == "chuong_trinh_hanh_dong"
    assert info.issuer == "Ban Chấp hành Đảng bộ xã Bình Minh"
    assert (info.level, info.locality, info.province) == ("commune", "Bình Minh", "Long Sơn")
    assert info.number == "03-CTr/ĐU"
    assert info.title.endswith("lần thứ XIV của Đảng")


def test_a_draft_without_letterhead_takes_the_issuer_from_its_sentences() -> None:
    info = metadata(
        "KẾ HOẠCH\nthực hiện Nghị quyết về nhiệm vụ công tác năm 2026\n\n-----\n\n"
        "Căn cứ Nghị quyết số 06-NQ/ĐU, ngày 15 tháng 12 năm 2025 của Ban Chấp hành Đảng bộ xã.\n\n"
        "I. MỤC ĐÍCH\n- Nội dung.\n\n"
        "Trên đây là Kế hoạch thực hiện Nghị quyết năm 2026 của Ban Thường vụ Đảng ủy xã Đông Hà.\n"
    )
    assert info.issuer == "Ban Thường vụ Đảng ủy xã Đông Hà"
    assert (info.level, info.locality) == ("commune", "Đông Hà")
    assert info.number is None
    assert info.date is None, "a date in the preamble is not the document's date"
    assert info.term == "2026"


def test_an_official_letter_is_titled_by_its_subject() -> None:
    info = metadata(
        "ỦY BAN NHÂN DÂN\nTỈNH LONG SƠN\n\nSố: /UBND-TH\n\nLong Sơn, ngày tháng năm 2026\n\n"
        "V/v hướng dẫn xây dựng\nkế hoạch cấp xã\n\nKính gửi: UBND các xã.\n"
    )
    assert info.kind == "cong_van"
    assert info.title == "V/v hướng dẫn xây dựng kế hoạch cấp xã"
    assert info.number is None and info.date is None
    assert (info.level, info.locality, info.province) == ("province", "Long Sơn", "Long Sơn")
