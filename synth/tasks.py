"""Task sentences: varied realisations of a topic's clauses."""

from __future__ import annotations

import random

from synth.catalogue import Topic

__all__ = ["realise"]

_OPENERS = (
    "Tập trung",
    "Tiếp tục",
    "Đẩy mạnh",
    "Chủ động",
    "Tăng cường chỉ đạo",
    "Triển khai có hiệu quả",
    "Quan tâm",
    "Thực hiện tốt",
    "Nâng cao hiệu quả",
    "Ưu tiên nguồn lực để",
    "Lãnh đạo, chỉ đạo",
    "Khẩn trương",
)
_TAILS = (
    "; bảo đảm đúng tiến độ, chất lượng, hiệu quả",
    " nhằm nâng cao đời sống vật chất, tinh thần của Nhân dân",
    " phù hợp với điều kiện thực tế của địa phương",
    ", gắn với trách nhiệm người đứng đầu",
    "; huy động nguồn lực từ ngân sách và ngoài ngân sách để thực hiện",
    " trên địa bàn {unit}",
    "; định kỳ kiểm tra, đánh giá kết quả thực hiện",
    ", phấn đấu hoàn thành các chỉ tiêu được giao",
    "; lồng ghép với các chương trình mục tiêu quốc gia",
    "",
    ", tạo chuyển biến rõ nét trong nhận thức và hành động",
    "; kịp thời tháo gỡ khó khăn, vướng mắc phát sinh",
)


def realise(rng: random.Random, topics: list[Topic], unit: str) -> str:
    """Return one task sentence (with final stop) drawn from the clauses of `topics`."""
    clauses = [rng.choice(topic.phrases) for topic in topics]
    if len(topics) == 1 and len(topics[0].phrases) > 1 and rng.random() < 0.35:
        second = rng.choice([p for p in topics[0].phrases if p != clauses[0]])
        clauses.append(second)
    body = "; ".join(clauses)
    tail = rng.choice(_TAILS).format(unit=unit)
    return f"{rng.choice(_OPENERS)} {body}{tail}."
