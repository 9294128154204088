"""Reading deadlines out of timings as plans write them."""

from __future__ import annotations

from datetime import date

import pytest

from queries.audit_timing import read_timing


@pytest.mark.parametrize(
    ("timing", "kind", "deadline"),
    [
        pytest.param("Trong năm 2026.", "deadline", date(2026, 12, 31), id="year"),
        pytest.param("Năm 2026", "deadline", date(2026, 12, 31), id="bare-year"),
        pytest.param("hoàn thành trong quý I/2026", "deadline", date(2026, 3, 31), id="quarter"),
        pytest.param("Quý II/2026", "deadline", date(2026, 6, 30), id="quarter-ii"),
        pytest.param("quý 4 năm 2026", "deadline", date(2026, 12, 31), id="quarter-digit"),
        pytest.param("Trước 30/6/2026", "deadline", date(2026, 6, 29), id="before-day"),
        pytest.param("trước tháng 7/2026", "deadline", date(2026, 6, 30), id="before-month"),
        pytest.param("trong tháng 5 năm 2026", "deadline", date(2026, 5, 31), id="month"),
        pytest.param("ngày 15 tháng 12 năm 2026", "deadline", date(2026, 12, 15), id="day"),
        pytest.param("6 tháng đầu năm 2027", "deadline", date(2027, 6, 30), id="half"),
        pytest.param("2026-2030", "deadline", date(2030, 12, 31), id="range"),
        pytest.param("Giai đoạn 2026 – 2030", "deadline", date(2030, 12, 31), id="en-dash"),
        pytest.param(
            "Thực hiện từ Quý I/2026. Năm 2028 sơ kết. Năm 2030 tổng kết.",
            "deadline",
            date(2030, 12, 31),
            id="start-then-reviews",
        ),
        pytest.param("Thường xuyên", "recurring", None, id="regular"),
        pytest.param("Hằng năm", "recurring", None, id="yearly"),
        pytest.param("Định kỳ hằng quý và đột xuất", "recurring", None, id="quarterly"),
        pytest.param(
            "Nhiệm vụ thường xuyên - Năm 2028 sơ kết - Năm 2030 tổng kết",
            "recurring",
            None,
            id="regular-with-reviews",
        ),
        pytest.param("Triển khai thực hiện từ năm 2026", "ongoing", None, id="start-only"),
        pytest.param(
            "Hoàn thành trong tháng 12/2025, sau đó triển khai thực hiện.",
            "ongoing",
            date(2025, 12, 31),
            id="milestone-then-ongoing",
        ),
        pytest.param("Trong thời gian tới", "none", None, id="no-date"),
        pytest.param(None, "none", None, id="missing"),
        pytest.param("  ", "none", None, id="blank"),
    ],
)
def test_read_timing(timing: str | None, kind: str, deadline: date | None):
    read = read_timing(timing)
    assert (read.kind, read.deadline) == (kind, deadline)


def test_a_term_timing_ends_with_the_documents_term():
    assert read_timing("Trong nhiệm kỳ").kind == "none"
    assert read_timing("Trong nhiệm kỳ", term_end=2030).deadline == date(2030, 12, 31)


def test_an_impossible_date_is_ignored():
    assert read_timing("Trước 31/2/2026").kind == "none"
