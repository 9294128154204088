"""Indicators (chỉ tiêu): a sentence with numeric targets and the targets a reader takes from it."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from synth.numbers import vn_number

__all__ = ["INDICATOR_MAKERS", "make_indicators"]

Target = dict[str, Any]
Made = tuple[str, list[Target], str]


def _as_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _t(
    value: float,
    unit: str,
    comparator: str,
    year: int | None = None,
    value_max: float | None = None,
) -> Target:
    return {
        "value": _as_number(value),
        "value_max": None if value_max is None else _as_number(value_max),
        "unit": unit,
        "comparator": comparator,
        "year": year,
    }


def _growth(r: random.Random) -> Made:
    a = r.choice((8, 9, 10, 11, 12))
    return (
        f"Tốc độ tăng trưởng giá trị sản xuất bình quân hằng năm đạt từ {a}% trở lên.",
        [_t(a, "%", ">=")],
        "economy",
    )


def _budget(r: random.Random) -> Made:
    x = round(r.uniform(2, 60), 1)
    return (
        f"Thu ngân sách nhà nước trên địa bàn đến năm 2030 đạt {vn_number(x, 1)} tỷ đồng.",
        [_t(x, "tỷ đồng", "=", 2030)],
        "economy",
    )


def _income(r: random.Random) -> Made:
    a = r.randint(60, 90)
    b = a + r.randint(5, 15)
    return (
        f"Thu nhập bình quân đầu người đến năm 2030 đạt {a} - {b} triệu đồng/người/năm.",
        [_t(a, "triệu đồng", "range", 2030, b)],
        "society",
    )


def _poverty(r: random.Random) -> Made:
    a = r.choice(("0,3", "0,5", "0,8"))
    b = r.choice(("1", "1,2", "1,5"))
    return (
        f"Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm bình quân {a} - {b}%/năm.",
        [_t(float(a.replace(",", ".")), "%", "range", None, float(b.replace(",", ".")))],
        "society",
    )


def _insurance(r: random.Random) -> Made:
    a = r.choice((92, 95, 96, 97, 98))
    return (f"Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên {a}%.", [_t(a, "%", ">=")], "society")


def _stunting(r: random.Random) -> Made:
    a = round(r.uniform(8, 16), 1)
    return (
        f"Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi giảm xuống dưới "
        f"{vn_number(a, 1)}%.",
        [_t(a, "%", "<=")],
        "society",
    )


def _recruits(_r: random.Random) -> Made:
    return (
        "Hằng năm, hoàn thành 100% chỉ tiêu tuyển chọn và gọi công dân nhập ngũ.",
        [_t(100, "%", "=")],
        "defense_security",
    )


def _traffic(r: random.Random) -> Made:
    a = r.choice((5, 7, 10))
    return (
        f"Hằng năm, giảm {a}% số vụ tai nạn giao thông trên địa bàn.",
        [_t(a, "%", "reduce_by")],
        "defense_security",
    )


def _forest(r: random.Random) -> Made:
    x = r.randint(15, 400)
    return (
        f"Diện tích trồng rừng tập trung giai đoạn 2026 - 2030 đạt {x} ha.",
        [_t(x, "ha", "=", 2030)],
        "environment",
    )


def _ocop(r: random.Random) -> Made:
    n = r.randint(2, 9)
    return (
        f"Đến năm 2030, có thêm {vn_number(n, pad=2)} sản phẩm OCOP được công nhận.",
        [_t(n, "sản phẩm", "=", 2030)],
        "economy",
    )


def _online(r: random.Random) -> Made:
    a = r.choice((70, 75, 80, 85, 90))
    return (
        f"Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt tối thiểu {a}%.",
        [_t(a, "%", ">=")],
        "other",
    )


def _waste(r: random.Random) -> Made:
    a = r.choice((85, 90, 95, 100))
    return (
        f"Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt {a}% trở lên.",
        [_t(a, "%", ">=")],
        "environment",
    )


def _livestock(r: random.Random) -> Made:
    x = r.randint(1500, 40000)
    return (
        f"Tổng đàn gia súc, gia cầm đến năm 2030 đạt {vn_number(x)} con.",
        [_t(x, "con", "=", 2030)],
        "economy",
    )


def _party_rate(r: random.Random) -> Made:
    a = r.choice((85, 90, 92))
    return (
        f"Hằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt từ {a}% trở lên.",
        [_t(a, "%", ">=")],
        "party_building",
    )


def _new_members(r: random.Random) -> Made:
    a = r.randint(8, 20)
    b = a + r.randint(3, 8)
    return (
        f"Kết nạp mới {a} - {b} đảng viên mỗi năm.",
        [_t(a, "đảng viên", "range", None, b)],
        "party_building",
    )


def _schools(r: random.Random) -> Made:
    a = r.choice((60, 70, 75, 80, 100))
    return (
        f"Đến năm 2030, tỷ lệ trường học đạt chuẩn quốc gia đạt {a}%.",
        [_t(a, "%", "=", 2030)],
        "society",
    )


def _water(r: random.Random) -> Made:
    a = round(r.uniform(90, 99.8), 1)
    return (
        f"Tỷ lệ hộ gia đình sử dụng nước sạch đạt {vn_number(a, 1)}%.",
        [_t(a, "%", "=")],
        "environment",
    )


def _investment(r: random.Random) -> Made:
    x = round(r.uniform(300, 9000), 2)
    return (
        f"Tổng vốn đầu tư phát triển trên địa bàn giai đoạn 2026 - 2030 đạt "
        f"{vn_number(x, 2)} tỷ đồng.",
        [_t(x, "tỷ đồng", "=", 2030)],
        "economy",
    )


def _labour(r: random.Random) -> Made:
    a = r.choice((65, 70, 72, 75))
    b = r.choice((28, 30, 35))
    return (
        f"Tỷ lệ lao động qua đào tạo đạt {a}%, trong đó có bằng cấp, chứng chỉ đạt {b}%.",
        [_t(a, "%", "="), _t(b, "%", "=")],
        "society",
    )


def _families(r: random.Random) -> Made:
    a = r.choice((90, 92, 95))
    return (
        f"Hằng năm, tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” từ {a}% trở lên.",
        [_t(a, "%", ">=")],
        "culture",
    )


def _enterprises(r: random.Random) -> Made:
    n = r.randint(10, 120)
    return (
        f"Đến năm 2030, số doanh nghiệp đang hoạt động trên địa bàn đạt {n} doanh nghiệp trở lên.",
        [_t(n, "doanh nghiệp", ">=", 2030)],
        "economy",
    )


def _coops(r: random.Random) -> Made:
    a = r.randint(1, 3)
    b = a + r.randint(1, 2)
    return (
        f"Thành lập mới từ {vn_number(a, pad=2)} - {vn_number(b, pad=2)} hợp tác xã nông nghiệp.",
        [_t(a, "hợp tác xã", "range", None, b)],
        "economy",
    )


def _rural(_r: random.Random) -> Made:
    return (
        "Giữ vững và nâng cao chất lượng các tiêu chí xã đạt chuẩn nông thôn mới.",
        [],
        "economy",
    )


def _drugs(_r: random.Random) -> Made:
    return (
        "Phấn đấu xây dựng địa bàn không ma túy, không để phát sinh điểm phức tạp về ma túy.",
        [],
        "defense_security",
    )


def _roads(r: random.Random) -> Made:
    x = round(r.uniform(3, 40), 1)
    return (
        f"Cứng hóa thêm {vn_number(x, 1)} km đường giao thông nông thôn đến năm 2030.",
        [_t(x, "km", "=", 2030)],
        "economy",
    )


INDICATOR_MAKERS: tuple[Callable[[random.Random], Made], ...] = (
    _growth,
    _budget,
    _income,
    _poverty,
    _insurance,
    _stunting,
    _recruits,
    _traffic,
    _forest,
    _ocop,
    _online,
    _waste,
    _livestock,
    _party_rate,
    _new_members,
    _schools,
    _water,
    _investment,
    _labour,
    _families,
    _enterprises,
    _coops,
    _rural,
    _drugs,
    _roads,
)
"""Every kind of indicator the generator writes; each returns (text, targets, field)."""


def make_indicators(rng: random.Random, count: int) -> list[Made]:
    """Return `count` indicators of distinct kinds (all kinds once before any repeats)."""
    makers = list(INDICATOR_MAKERS)
    rng.shuffle(makers)
    made: list[Made] = []
    texts: set[str] = set()
    index = 0
    while len(made) < count and index < count * 4:
        text, targets, field = makers[index % len(makers)](rng)
        index += 1
        if text not in texts:
            texts.add(text)
            made.append((text, targets, field))
    return made
