"""Building candidates: template lines, headings and provincial items describe programmes."""

from linking import build_item_candidates, build_programme_candidates
from linking.applicability import applies_to_document
from linking.profiles import without_resources

PROGRAMMES = [
    ("1", "Đề án phát triển du lịch."),
    ("2", "Đề án bảo tồn, phát huy giá trị bản sắc văn hóa."),
    ("3", "Đề án xây dựng khu vực phòng thủ."),
]

GUIDANCE = """PHỤ LỤC
1. Đề án phát triển du lịch.
2. Đề án bảo tồn, phát huy giá trị bản sắc văn hóa.
3. Đề án xây dựng khu vực phòng thủ.

MẪU KẾ HOẠCH
3. Về phát triển văn hóa, xã hội
- Các nhiệm vụ, biện pháp phát triển du lịch.
- Các nhiệm vụ, biện pháp bảo tồn, phát huy giá trị bản sắc văn hóa.
4. Về công tác dân tộc, tôn giáo
- Các nhiệm vụ, biện pháp bảo tồn, phát huy giá trị bản sắc văn hóa trên lĩnh vực dân tộc, tôn giáo.
5. Về quốc phòng, an ninh
- Giải pháp phối hợp triển khai các Đề án xây dựng khu vực phòng thủ.
"""


def build(*, guidance=GUIDANCE, items=()):
    candidates = build_programme_candidates(
        PROGRAMMES, guidance_text=guidance, provincial_items=list(items)
    )
    return {candidate.key: candidate for candidate in candidates}


def test_template_lines_and_their_headings_describe_the_programme():
    found = build()
    culture = found["2"].descriptions
    assert "Về công tác dân tộc, tôn giáo" in culture
    assert any("trên lĩnh vực dân tộc, tôn giáo" in line for line in culture)
    assert "Về quốc phòng, an ninh" in found["3"].descriptions
    assert "Về quốc phòng, an ninh" not in found["1"].descriptions


def test_the_list_entry_itself_adds_nothing():
    found = build()
    assert found["1"].title not in found["1"].descriptions


def test_provincial_items_describe_the_programme_they_restate():
    items = [
        "Phát triển du lịch cộng đồng. - Biện pháp: Xây dựng điểm đến. - Nguồn lực: Ngân sách.",
        "Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng.",
    ]
    found = build(guidance=None, items=items)
    assert found["1"].descriptions == ("Phát triển du lịch cộng đồng. Xây dựng điểm đến.",)
    assert found["2"].descriptions == () and found["3"].descriptions == ()


def test_the_resources_clause_is_dropped():
    text = "- Biện pháp: Trồng rừng; kiểm soát ô nhiễm. - Nguồn lực: Ngân sách, ngoài ngân sách."
    assert without_resources(text) == "Trồng rừng; kiểm soát ô nhiễm."


def test_item_candidates_keep_their_iri_and_drop_resources():
    found = build_item_candidates([("urn:task:1", "Bảo vệ rừng. - Nguồn lực: Ngân sách.")])
    assert found[0].key == "urn:task:1"
    assert found[0].title == "Bảo vệ rừng."


def test_a_programme_for_named_places_applies_only_where_they_are_named():
    assert applies_to_document([], "bất kỳ")
    assert applies_to_document(["Phú Quốc"], "đặc khu PHÚ QUỐC")
    assert not applies_to_document(["khu vực biên giới"], "Xã Vĩnh Phong trồng lúa")
