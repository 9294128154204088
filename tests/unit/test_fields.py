import pytest

from ingest.fields import classify_field


@pytest.mark.parametrize(
    ("text", "heading", "field"),
    [
        pytest.param(
            "Hằng năm, giảm 5% số vụ tai nạn giao thông trên địa bàn.",
            None,
            "defense_security",
            id="traffic-accidents-are-public-order-not-infrastructure",
        ),
        pytest.param(
            "Bố trí công chức đúng vị trí việc làm, gắn với tinh giản biên chế.",
            "Về hoàn thiện vị trí việc làm trong các cơ quan, đơn vị",
            "other",
            id="civil-service-posts-are-not-employment",
        ),
        pytest.param(
            "Hỗ trợ xóa nhà tạm, nhà dột nát, phát triển nhà ở xã hội cho người thu nhập thấp; "
            "huy động nguồn lực từ ngân sách và ngoài ngân sách để thực hiện.",
            None,
            "society",
            id="social-housing-with-a-resource-clause",
        ),
        pytest.param(
            "Đào tạo nghề, nâng cao chất lượng nguồn nhân lực cho lao động nông thôn; lồng ghép "
            "với các chương trình mục tiêu quốc gia.",
            "Về phát triển nguồn nhân lực chất lượng cao của tỉnh Điện Biên",
            "society",
            id="a-place-name-is-not-electricity",
        ),
        pytest.param(
            "Số hóa hồ sơ, tài liệu lưu trữ của cơ quan hành chính.",
            None,
            "other",
            id="digitising-administrative-records",
        ),
        pytest.param(
            "Hằng năm, hoàn thành 100% chỉ tiêu tuyển chọn và gọi công dân nhập ngũ.",
            None,
            "defense_security",
            id="recruitment",
        ),
        pytest.param(
            "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 90%.",
            None,
            "party_building",
            id="grassroots-party-organisations",
        ),
        pytest.param(
            "Tổng đàn gia súc, gia cầm đến năm 2030 đạt 34.373 con.",
            None,
            "economy",
            id="livestock",
        ),
    ],
)
def test_items_are_read_by_their_topic(text, heading, field):
    assert classify_field(text, heading) == field


def test_a_tie_goes_to_the_field_the_text_names_first():
    assert classify_field("Đẩy mạnh cải cách hành chính, thu hút đầu tư.") == "other"
    assert classify_field("Thu hút đầu tư, đẩy mạnh cải cách hành chính.") == "economy"


def test_text_without_field_words_has_no_field():
    assert classify_field("Thực hiện tốt các nhiệm vụ được giao.") is None
