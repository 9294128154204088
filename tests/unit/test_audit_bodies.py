"""Which bodies sit at hamlet level, what counts as propaganda, which bodies mean communes."""

from __future__ import annotations

import pytest

from queries.audit_hamlet import is_hamlet_body, is_propaganda
from queries.audit_indicators import names_communes


@pytest.mark.parametrize(
    "name",
    [
        "Trưởng ấp các ấp",
        "Trường áp các ấp trên địa bàn xã",  # the corpus's typo for "Trưởng ấp"
        "Ban nhân dân ấp Bình Hưng",
        "Chi bộ ấp",
        "Trưởng khóm",
        "Trưởng thôn",
        "Tổ dân phố số 3",
        "Ban điều hành khu phố",
        "Ban công tác Mặt trận khu dân cư",
        "Trưởng bản",
        "Các phum, sóc",
    ],
)
def test_hamlet_level_bodies(name: str):
    assert is_hamlet_body(name)


@pytest.mark.parametrize(
    "name",
    [
        "Ủy ban nhân dân cấp xã",
        "Ban Chỉ đạo xây dựng nông thôn mới",
        "Trạm Y tế chăm sóc sức khỏe ban đầu",
        "Văn phòng Đảng ủy",
        "Phòng Văn hóa - Xã hội",
        "Ban quản lý chợ Sóc Trăng",
        "Hội Nông dân xã",
    ],
)
def test_bodies_above_hamlet_level(name: str):
    assert not is_hamlet_body(name)


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức tuyên truyền, vận động Nhân dân giữ gìn vệ sinh môi trường.",
        "Giao Trưởng ấp các ấp tuyên truyền, vận động Nhân dân tham gia giữ gìn vệ sinh.",
        "Thông báo, vận động Nhân dân tham gia các phong trào thi đua. Báo cáo kết quả về UBND xã.",
        "Thường xuyên nắm bắt tâm tư, nguyện vọng của Nhân dân; kịp thời phản ánh với UBND xã.",
        "Phổ biến, giáo dục pháp luật cho Nhân dân trong ấp.",
    ],
)
def test_propaganda_and_mobilisation_may_be_handed_down(text: str):
    assert is_propaganda(text)


@pytest.mark.parametrize(
    "text",
    [
        "Giao Trưởng ấp các ấp xây dựng kế hoạch nạo vét kênh mương nội đồng.",
        "Tuyên truyền Nghị quyết. Triển khai các chỉ tiêu phát triển kinh tế - xã hội của xã.",
        "Tổ chức thu gom rác thải trên địa bàn ấp.",
        "Phối hợp với các hội, đoàn thể trong ấp giữ gìn an ninh trật tự.",
    ],
)
def test_other_work_may_not(text: str):
    assert not is_propaganda(text)


@pytest.mark.parametrize(
    ("name", "commune", "expected"),
    [
        ("Ủy ban nhân dân các xã, phường, đặc khu", None, True),
        ("UBND xã, phường, đặc khu", None, True),
        ("Đảng ủy cấp xã", None, True),
        ("Ủy ban nhân dân các xã, phường, đặc khu trên địa bàn tỉnh", None, True),
        ("Ủy ban nhân dân các xã biên giới", None, False),
        ("Đảng ủy các xã, phường, đặc khu: Long Xuyên, Châu Đốc", None, False),
        ("Đảng ủy các xã, phường, đặc khu: Long Xuyên, Châu Đốc", "Châu Đốc", True),
        ("Bảo hiểm xã hội", None, False),
        ("Liên minh Hợp tác xã", None, False),
        ("Sở Tài chính", None, False),
    ],
)
def test_bodies_that_stand_for_communes(name: str, commune: str | None, expected: bool):
    assert names_communes(name, commune) is expected
