"""Which field (economy, society, culture, ...) an item belongs to, from the words it uses.

A keyword score per field over the item's text, with its section heading as a weaker second
voice; the closing "tổ chức thực hiện" duties are "other". Keywords are matched on folded text
so "hoà"/"hòa" and other tone placements agree. Words count once, for the longest keyword
they belong to ("tai nạn giao thông" is public order, not the "giao thông" of
infrastructure; "vị trí việc làm" is the civil service, not employment), and the clauses
that state a task's resources ("từ ngân sách và ngoài ngân sách", "lồng ghép với các chương
trình mục tiêu quốc gia") are not read as its topic.
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
        "năng lượng", "điện lực", "lưới điện", "điện lưới", "điện năng", "nguồn điện",
        "cấp điện", "điện gió", "điện mặt trời", "điện rác", "khoa học", "công nghệ",
        "đổi mới sáng tạo", "chuyển đổi số", "nông thôn mới", "mục tiêu quốc gia", "giao thông",
        "logistics", "sản xuất", "thu chi", "khởi nghiệp", "kinh tế số", "vốn", "xuất khẩu",
        "thị trường", "cơ cấu kinh tế", "gia súc", "gia cầm", "môi trường đầu tư",
        "môi trường kinh doanh",
    ),
    "society": (
        "giáo dục", "đào tạo", "y tế", "sức khỏe", "bảo hiểm", "dân số", "lao động", "việc làm",
        "học nghề", "dạy nghề", "giảm nghèo", "hộ nghèo", "an sinh", "người có công", "trẻ em",
        "bình đẳng giới", "nhà ở xã hội", "dân tộc", "tôn giáo", "tín ngưỡng", "trường học",
        "phổ cập", "bác sĩ", "giường bệnh", "dinh dưỡng", "tiêm chủng", "thu nhập",
        "kỹ năng số", "gia đình chính sách", "vệ sinh an toàn thực phẩm", "nhà tạm",
        "nhà dột nát", "nhân lực", "cận nghèo",
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
        "đảng viên", "tổ chức đảng", "cơ sở đảng", "cấp ủy", "chi bộ", "xây dựng đảng",
        "kiểm tra, giám sát", "kỷ luật đảng", "tư tưởng", "tuyên truyền", "dân vận", "mặt trận",
        "đoàn thể", "tổ chức chính trị", "tham nhũng", "nội chính", "khiếu nại", "tố cáo",
        "cán bộ", "bộ máy", "chính trị nội bộ", "học tập và làm theo", "tiếp công dân",
        "hệ thống chính trị",
    ),
    "defense_security": (
        "quốc phòng", "an ninh", "quân sự", "dân quân", "tuyển quân", "nghĩa vụ quân sự",
        "nhập ngũ", "trật tự", "tội phạm", "ma túy", "tai nạn giao thông", "biên giới",
        "phòng thủ", "chủ quyền", "hậu phương quân đội", "công an", "cháy nổ", "cứu hộ",
        "cứu nạn",
    ),
    "other": (
        "cải cách hành chính", "hành chính", "dịch vụ công", "chính quyền", "hội đồng nhân dân",
        "ủy ban nhân dân", "tư pháp", "hộ tịch", "pháp luật", "bầu cử", "đối ngoại",
        "hội nhập quốc tế", "chính quyền số", "chính quyền điện tử", "thi đua", "khen thưởng",
        "vị trí việc làm", "biên chế", "trụ sở", "tài sản công", "lưu trữ", "chỉ số hài lòng",
        "thủ tục",
    ),
}
"""Field code → words that speak of that field (from the answer keys' topic table)."""

# Every keyword once, folded and compiled, longest first so it is counted before the
# shorter keywords inside it.
_KEYWORDS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    sorted(
        (
            (folded, field, re.compile(r"(?<!\w)" + re.escape(folded) + r"(?!\w)"))
            for field, words in FIELD_KEYWORDS.items()
            for folded in {fold_tone_placement(word) for word in words}
        ),
        key=lambda entry: (-len(entry[0]), entry[0]),
    )
)
# Clauses that name a task's resources or the programmes it draws on, not its topic.
_RESOURCE_CLAUSES = re.compile(
    fold_tone_placement(
        r"(?:(?:từ|nguồn|vốn)\s+)*ngân sách(?:\s+nhà nước)?\s*(?:,|và|hoặc)\s+"
        r"(?:(?:các|nguồn|vốn)\s+)*(?:ngoài ngân sách|xã hội hóa)"
        r"|lồng ghép(?:\s+(?:với|các|nguồn|vốn|từ|của))*\s+chương trình mục tiêu quốc gia"
    )
)
_MASK = "#"

_GROUP_FIELDS = (
    (r"xây dựng đảng|dân vận|chính trị", "party_building"),
    (r"môi trường", "environment"),
    (r"văn hóa", "culture"),
    (r"xã hội", "society"),
    (r"quốc phòng|an ninh", "defense_security"),
    (r"kinh tế", "economy"),
)


def _scores(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """Return each field's keyword count in `text` and where its first keyword starts."""
    folded = fold_tone_placement(text.lower())
    if "ngân sách" in folded or "lồng ghép" in folded:
        folded = _RESOURCE_CLAUSES.sub(_MASK, folded)
    scores = dict.fromkeys(FIELD_KEYWORDS, 0)
    first: dict[str, int] = {}
    taken: list[tuple[int, int]] = []
    for word, field, pattern in _KEYWORDS:
        # Most keywords are absent: a plain substring test spares the regex for them.
        if word not in folded:
            continue
        for match in pattern.finditer(folded):
            start, end = match.span()
            # Words already counted as part of a longer keyword are not counted again.
            if any(low < end and start < high for low, high in taken):
                continue
            taken.append((start, end))
            scores[field] += 1
            first[field] = min(first.get(field, start), start)
    return scores, first


def classify_field(text: str, heading: str | None = None) -> str | None:
    """Return the field whose words the text (then its heading) uses most, or None.

    Heading words count twice; on a tie the field the text names first wins, since a task
    states its main subject first.

    >>> classify_field("Kiềm chế tai nạn giao thông trên địa bàn.")
    'defense_security'
    """
    scores, first = _scores(text)
    if heading:
        for field, score in _scores(heading)[0].items():
            scores[field] += 2 * score
    unseen = len(text) + 1
    best = min(scores, key=lambda field: (-scores[field], first.get(field, unseen)))
    return best if scores[best] > 0 else None


def field_of_group_label(label: str) -> str | None:
    """Return the field a table group label names ("Các chỉ tiêu xã hội" → society)."""
    folded = fold_tone_placement(label.lower())
    for pattern, field in _GROUP_FIELDS:
        if re.search(fold_tone_placement(pattern), folded):
            return field
    return None
