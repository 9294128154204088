"""Places: the 34 provinces and centrally governed cities (real), communes (invented)."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["PROVINCES", "Commune", "Province", "commune_names", "slugify"]

_CITIES = ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ")
_PROVINCES = (
    "An Giang",
    "Bắc Ninh",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Tĩnh",
    "Hưng Yên",
    "Khánh Hòa",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Nghệ An",
    "Ninh Bình",
    "Phú Thọ",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sơn La",
    "Tây Ninh",
    "Thái Nguyên",
    "Thanh Hóa",
    "Tuyên Quang",
    "Vĩnh Long",
)
_SOUTH = frozenset(
    {
        "An Giang",
        "Cà Mau",
        "Đồng Tháp",
        "Vĩnh Long",
        "Tây Ninh",
        "Đồng Nai",
        "Cần Thơ",
        "Hồ Chí Minh",
        "Lâm Đồng",
    }
)
_FIRST = (
    "An",
    "Bình",
    "Phú",
    "Tân",
    "Vĩnh",
    "Hòa",
    "Long",
    "Mỹ",
    "Thạnh",
    "Hưng",
    "Phước",
    "Đông",
    "Tây",
    "Minh",
    "Thuận",
    "Trung",
    "Quang",
    "Hiệp",
    "Thanh",
    "Nam",
    "Bắc",
    "Đức",
    "Gia",
    "Hải",
)
_SECOND = (
    "Lợi",
    "Phong",
    "Thành",
    "Hòa",
    "Hưng",
    "Sơn",
    "Lộc",
    "Khánh",
    "Điền",
    "Thới",
    "Xuân",
    "Bình",
    "Tiến",
    "Lạc",
    "Phú",
    "An",
    "Mỹ",
    "Tân",
    "Đông",
    "Hậu",
    "Trạch",
    "Nghĩa",
    "Định",
    "Cường",
)


def slugify(text: str) -> str:
    """Return an ASCII slug: 'Vĩnh Phong' -> 'vinh-phong'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Province:
    """A province or centrally governed city, as documents name it."""

    name: str
    is_city: bool

    @property
    def unit(self) -> str:
        """Return 'thành phố' or 'tỉnh'."""
        return "thành phố" if self.is_city else "tỉnh"

    @property
    def party_committee(self) -> str:
        """Return 'Thành ủy' or 'Tỉnh ủy'."""
        return "Thành ủy" if self.is_city else "Tỉnh ủy"

    @property
    def hamlet(self) -> str:
        """Return the hamlet word used in this region ('ấp' in the south, else 'thôn')."""
        return "ấp" if self.name in _SOUTH else "thôn"


@dataclass(frozen=True)
class Commune:
    """A commune-level unit (xã, phường or đặc khu) of a province."""

    name: str
    unit: str
    province: Province


PROVINCES: tuple[Province, ...] = tuple(
    sorted(
        [Province(name, False) for name in _PROVINCES] + [Province(name, True) for name in _CITIES],
        key=lambda p: slugify(p.name),
    )
)
"""The 34 provincial-level units since the 2025 reorganisation, sorted by slug."""


def commune_names(rng: random.Random, province: Province, count: int) -> list[str]:
    """Return `count` distinct invented two-syllable place names for `province`."""
    taken = {slugify(p.name) for p in PROVINCES}
    pairs = [f"{a} {b}" for a in _FIRST for b in _SECOND if a != b]
    rng.shuffle(pairs)
    names: list[str] = []
    for name in pairs:
        if slugify(name) in taken:
            continue
        taken.add(slugify(name))
        names.append(name)
        if len(names) == count:
            return names
    index = 2
    while len(names) < count:
        names.append(f"{pairs[len(names) % len(pairs)]} {index}")
        index += 1
    return names
