"""Which field (economy, society, culture, ...) an item belongs to, from the words it uses.

A keyword score per field over the item's text, with its section heading as a weaker second
voice; the closing "tổ chức thực hiện" duties are "other". Keywords are matched on folded text
so "hoà"/"hòa" and other tone placements agree.
"""

from __future__ import annotations

import re

from vntext import fold_tone_placement

__all__ = ["FIELD_KEYWORDS", "classify_field", "field_of_group_label"]

FIELD_KEYWORDS: dict[str, tuple[str, ...]] = {
    "economy": (
        "kinh tế", "tăng trưởng", "grdp", "ngân sách", "đầu tư", "hạ tầng", "nông nghiệp",
        "thủy sản", "chăn nuôi", "trồng trọt", "cây trồng", "công nghiệp", "thương mại",
        "dịch vụ", "du lịch", "doanh nghiệp", "hợp tác xã", "ocop", "quy hoạch", "đô thị",
        "năng lượng", "điện", "khoa học", "công nghệ", "đổi mới sáng tạo", "chuyển đổi số",
        "nông thôn mới", "mục tiêu quốc gia", "giao thông", "logistics", "sản xuất", "thu chi",
        "khởi nghiệp", "kinh tế số", "vốn", "xuất khẩu", "thị trường", "cơ cấu kinh tế",
    ),
    "society": (
        "giáo dục", "đào tạo", "y tế", "sức khỏe", "bảo hiểm", "dân số", "lao động", "việc làm",
        "học nghề", "dạy nghề", "giảm nghèo", "hộ nghèo", "an sinh", "người có công", "trẻ em",
        "bình đẳng giới", "nhà ở xã hội", "dân tộc", "tôn giáo", "tín ngưỡng", "trường học",
        "phổ cập", "bác sĩ", "giường bệnh", "dinh dưỡng", "tiêm chủng", "thu nhập",
        "kỹ năng số", "gia đình chính sách", "vệ sinh an toàn thực phẩm",
    ),
    "culture": (
        "văn hóa", "nghệ thuật", "di sản", "di tích", "thể thao", "thể dục", "thông tin",
        "truyền thông", "truyền thanh", "gia đình văn hóa", "lễ hội", "nếp sống",
    ),
    "environment": (
        "môi trường", "đất đai", "tài nguyên", "rác thải", "chất thải", "nước sạch",
        "nước sinh hoạt", "vệ sinh môi trường", "rừng", "biến đổi khí hậu", "thiên tai",
        "khoáng sản", "thu gom", "ô nhiễm", "xâm nhập mặn",
    ),
    "party_building": (
        "đảng viên", "tổ chức đảng", "cấp ủy", "chi bộ", "xây dựng đảng", "kiểm tra, giám sát",
        "kỷ luật đảng", "tư tưởng", "tuyên truyền", "dân vận", "mặt trận", "đoàn thể",
        "tổ chức chính trị", "tham nhũng", "nội chính", "khiếu nại", "tố cáo", "cán bộ",
        "bộ máy", "chính trị nội bộ", "học tập và làm theo", "tiếp công dân", "hệ thống chính trị",
    ),
    "defense_security": (
        "quốc phòng", "an ninh", "quân sự", "dân quân", "tuyển quân", "nghĩa vụ quân sự",
        "trật tự", "tội phạm", "ma túy", "tai nạn giao thông", "biên giới", "phòng thủ",
        "chủ quyền", "hậu phương quân đội", "công an", "cháy nổ", "cứu hộ", "cứu nạn",
    ),
    "other": (
        "cải cách hành chính", "hành chính", "dịch vụ công", "chính quyền", "hội đồng nhân dân",
        "ủy ban nhân dân", "tư pháp", "hộ tịch", "pháp luật", "bầu cử", "đối ngoại",
        "hội nhập quốc tế", "chính quyền số", "chính quyền điện tử", "thi đua", "khen thưởng",
    ),
}
"""Field code → words that speak of that field (from the answer keys' topic table)."""

_FOLDED: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    field: tuple(
        (folded, re.compile(r"(?<!\w)" + re.escape(folded) + r"(?!\w)"))
        for folded in (fold_tone_placement(word) for word in words)
    )
    for field, words in FIELD_KEYWORDS.items()
}

_GROUP_FIELDS = (
    (r"xây dựng đảng|dân vận|chính trị", "party_building"),
    (r"môi trường", "environment"),
    (r"văn hóa", "culture"),
    (r"xã hội", "society"),
    (r"quốc phòng|an ninh", "defense_security"),
    (r"kinh tế", "economy"),
)


def _count(word: str, pattern: re.Pattern[str], text: str) -> int:
    # Most keywords are absent: a plain substring test spares the regex for them.
    return len(pattern.findall(text)) if word in text else 0


def _scores(text: str) -> dict[str, int]:
    folded = fold_tone_placement(text.lower())
    return {
        field: sum(_count(word, pattern, folded) for word, pattern in words)
        for field, words in _FOLDED.items()
    }


def classify_field(text: str, heading: str | None = None) -> str | None:
    """Return the field whose words the text (then its heading) uses most, or None."""
    scores = _scores(text)
    if heading:
        for field, score in _scores(heading).items():
            scores[field] += 2 * score
    best = max(scores, key=lambda field: scores[field])
    return best if scores[best] > 0 else None


def field_of_group_label(label: str) -> str | None:
    """Return the field a table group label names ("Các chỉ tiêu xã hội" → society)."""
    folded = fold_tone_placement(label.lower())
    for pattern, field in _GROUP_FIELDS:
        if re.search(fold_tone_placement(pattern), folded):
            return field
    return None
