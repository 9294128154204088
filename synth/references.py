"""Central documents that tasks cite, and the citation spans and keys for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["CENTRAL", "Central", "congress_reference", "numbered_reference"]


@dataclass(frozen=True)
class Central:
    """A numbered central document: its kind word, number, date, issuer and subject."""

    kind: str
    number: str
    day: str
    issuer: str
    subject: str
    topics: tuple[str, ...]

    def span(self, *, comma: bool) -> str:
        """Return the citation as written in prose."""
        sep = ", ngày" if comma else " ngày"
        return f"{self.kind} số {self.number}{sep} {self.day} của {self.issuer} {self.subject}"

    def reference(self, span: str, relation: str = "cites") -> dict[str, Any]:
        """Return the reference's answer-key entry."""
        d, m, y = self.day.split("/")
        return {
            "number": self.number,
            "name": span,
            "issuer": self.issuer,
            "date": f"{y}-{int(m):02d}-{int(d):02d}",
            "relation": relation,
        }


CENTRAL: tuple[Central, ...] = (
    Central(
        "Nghị quyết",
        "57-NQ/TW",
        "22/12/2024",
        "Bộ Chính trị",
        "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        ("digital", "tech_transfer", "startup"),
    ),
    Central(
        "Nghị quyết",
        "68-NQ/TW",
        "04/5/2025",
        "Bộ Chính trị",
        "về phát triển kinh tế tư nhân",
        ("private",),
    ),
    Central(
        "Nghị quyết",
        "71-NQ/TW",
        "22/8/2025",
        "Bộ Chính trị",
        "về đột phá phát triển giáo dục và đào tạo",
        ("education", "talent"),
    ),
    Central(
        "Nghị quyết",
        "72-NQ/TW",
        "09/9/2025",
        "Bộ Chính trị",
        "về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
        ("health_grassroots", "population"),
    ),
    Central(
        "Nghị quyết",
        "59-NQ/TW",
        "20/01/2025",
        "Bộ Chính trị",
        "về hội nhập quốc tế trong tình hình mới",
        ("foreign",),
    ),
    Central(
        "Nghị quyết",
        "66-NQ/TW",
        "30/4/2025",
        "Bộ Chính trị",
        "về đổi mới công tác xây dựng và thi hành pháp luật",
        ("justice",),
    ),
    Central(
        "Nghị quyết",
        "80-NQ/TW",
        "07/01/2026",
        "Bộ Chính trị",
        "về phát triển văn hóa Việt Nam",
        ("heritage", "sport"),
    ),
    Central(
        "Quyết định",
        "06/QĐ-TTg",
        "06/01/2022",
        "Thủ tướng Chính phủ",
        "phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
        ("admin_index",),
    ),
)


def numbered_reference(
    kind: str, number: str | None, day: str | None, issuer: str, subject: str, relation: str
) -> tuple[str, dict[str, Any]]:
    """Return the citation span of a local numbered document and its key entry.

    A draft-like citation without a number is not generated: local documents cited are
    always issued ones.
    """
    span = f"{kind} số {number} ngày {day} của {issuer} {subject}"
    d, m, y = (day or "").split("/")
    key = {
        "number": number,
        "name": span,
        "issuer": issuer,
        "date": f"{y}-{int(m):02d}-{int(d):02d}",
        "relation": relation,
    }
    return span, key


def congress_reference(name: str, relation: str) -> dict[str, Any]:
    """Return the key entry of an unnumbered congress resolution."""
    return {"number": None, "name": name, "issuer": None, "date": None, "relation": relation}
