from ingest.programmes import extract_programmes
from tests.unit._texts import source

LETTER = """PHỤ LỤC

Các chương trình, đề án, kế hoạch của tỉnh

1. Đề án phát triển du lịch cộng đồng tỉnh Đồng Tháp.

2. Chương trình hỗ trợ chuyển đổi số cho hợp tác xã.

3. Đề án phát triển các đô thị động lực: Sa Đéc, Cao Lãnh, Hồng Ngự.

4. Đề án bảo đảm an ninh trật tự khu vực biên giới.

MẪU KẾ HOẠCH

III. NỘI DUNG

1. Về phát triển kinh tế

- Các nhiệm vụ, biện pháp hỗ trợ chuyển đổi số cho hợp tác xã.

- Các nhiệm vụ, biện pháp phát triển đô thị động lực.

2. Về văn hóa, xã hội

- Các nhiệm vụ, biện pháp phát triển du lịch cộng đồng.

3. Về quốc phòng, an ninh, đối ngoại

- Các nhiệm vụ, biện pháp bảo đảm an ninh trật tự khu vực biên giới.
"""


def test_programme_list_with_kind_field_and_places():
    programmes = {p.id: p for p in extract_programmes(source(LETTER))}
    assert len(programmes) == 4
    assert (programmes["1"].kind, programmes["1"].field) == ("de_an", "culture_society")
    assert (programmes["2"].kind, programmes["2"].field) == ("chuong_trinh", "economy")
    assert programmes["3"].applies_to == ["Sa Đéc", "Cao Lãnh", "Hồng Ngự"]
    assert programmes["4"].applies_to == ["khu vực biên giới"]
    assert programmes["4"].field == "defense_security_foreign"
    assert programmes["1"].applies_to == []


def test_no_list_no_programmes():
    assert extract_programmes(source("KẾ HOẠCH\n\n1. Mục đích\n\n- Thực hiện tốt nhiệm vụ.")) == []
