"""Syllable terms of Vietnamese text for similarity: unigrams and bigrams, stop-listed.

Text is put in NFC with one tone placement ("hoà" and "hòa" meet) and case-folded, then cut
into segments at punctuation so a bigram never joins the end of one clause to the start of
the next. Administrative wording that every plan repeats ("thực hiện", "tăng cường", "nâng
cao", "kế hoạch", ...) is stop-listed: its syllables yield neither unigrams nor bigrams.
Numbers are dropped too; the lexicon still sees them ("Đề án 06").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from vntext import fold_tone_placement, normalize_unicode

__all__ = [
    "STOP_PHRASES",
    "fold",
    "segment_terms",
    "segments",
    "syllables",
    "terms",
]

# A syllable is a run of letters and digits; anything else (spaces aside) ends a segment.
_SEGMENT_BREAK = re.compile(r"[^\w\s]+|\n")
_SYLLABLE = re.compile(r"\w+")

# Wording of the genre rather than of a topic: verbs of carrying out, intensifiers, document
# kinds, places and time frames every task of every commune mentions. Kept to phrases whose
# absence from a task says nothing about which programme it belongs to.
STOP_PHRASES: tuple[str, ...] = (
    # carrying out, steering, intensity
    "thực hiện",
    "triển khai",
    "tổ chức thực hiện",
    "tăng cường",
    "nâng cao",
    "đẩy mạnh",
    "thúc đẩy",
    "tập trung",
    "tiếp tục",
    "chủ động",
    "tích cực",
    "quan tâm",
    "chú trọng",
    "ưu tiên",
    "khuyến khích",
    "hiệu quả",
    "hiệu lực",
    "chất lượng",
    "bảo đảm",
    "đảm bảo",
    "kịp thời",
    "thường xuyên",
    "nghiêm túc",
    "đồng bộ",
    "toàn diện",
    "phù hợp",
    "cụ thể",
    "cụ thể hóa",
    "quán triệt",
    "chỉ đạo",
    "lãnh đạo",
    "điều hành",
    "phối hợp",
    "tổ chức",
    "quản lý",
    "quản lý nhà nước",
    "sử dụng",
    "hướng dẫn",
    "đôn đốc",
    "rà soát",
    "đánh giá",
    "xây dựng",
    "hoàn thiện",
    "duy trì",
    "phát huy",
    "tạo điều kiện",
    "đáp ứng",
    "yêu cầu",
    "theo hướng",
    "gắn với",
    "gắn kết",
    "trong đó",
    "nhất là",
    "đặc biệt",
    "tham mưu",
    "báo cáo",
    "kiểm tra",
    "giám sát",
    "theo dõi",
    "chủ trì",
    "giao",
    "được giao",
    "đề xuất",
    "thẩm quyền",
    "sơ kết",
    "tổng kết",
    "định kỳ",
    "trọng tâm",
    "trọng điểm",
    "chủ yếu",
    "cần thiết",
    "thiết thực",
    "vững chắc",
    "vững mạnh",
    "nghiêm",
    "chặt chẽ",
    "góp phần",
    "ngày càng",
    "mạnh mẽ",
    "tối đa",
    "phục vụ",
    "vai trò",
    "người đứng đầu",
    "nhận thức",
    "ý thức",
    "tuyên truyền",
    "vận động",
    "phổ biến",
    "cơ chế",
    "chính sách",
    "chế độ",
    # document kinds, programme wording, the six clarities
    "đề án",
    "kế hoạch",
    "chương trình",
    "chương trình hành động",
    "nghị quyết",
    "kết luận",
    "quyết định",
    "chỉ thị",
    "công văn",
    "văn bản",
    "nhiệm vụ",
    "giải pháp",
    "biện pháp",
    "nguồn lực",
    "mục tiêu",
    "chỉ tiêu",
    "nội dung",
    "công tác",
    "hoạt động",
    "tình hình",
    "kết quả",
    "trách nhiệm",
    "đầu việc",
    # places, bodies and time frames
    "địa bàn",
    "địa phương",
    "tỉnh",
    "xã",
    "phường",
    "đặc khu",
    "huyện",
    "thành phố",
    "ấp",
    "khóm",
    "thôn",
    "cơ sở",
    "các cấp",
    "cấp trên",
    "cấp xã",
    "cấp tỉnh",
    "cơ quan",
    "đơn vị",
    "ban ngành",
    "ngành",
    "lĩnh vực",
    "ủy ban nhân dân",
    "ubnd",
    "hđnd",
    "nhân dân",
    "người dân",
    "bộ chính trị",
    "ban",
    "ban chỉ đạo",
    "ban thường vụ",
    "ban chấp hành",
    "thường vụ",
    "văn phòng",
    "đại hội",
    "đảng bộ",
    "đoàn thể",
    "đoàn viên",
    "hội viên",
    "trung ương",
    "tỉnh ủy",
    "đảng ủy",
    "giai đoạn",
    "nhiệm kỳ",
    "năm",
    "hằng năm",
    "hàng năm",
    "ngày",
    "tháng",
    "quý",
    "tầm nhìn",
    "định hướng",
    "đến năm",
    "trong tình hình mới",
    "tình hình mới",
    "bối cảnh mới",
    "một số",
    # function words
    "các",
    "những",
    "mọi",
    "của",
    "và",
    "với",
    "cho",
    "trong",
    "ngoài",
    "theo",
    "trên",
    "dưới",
    "tại",
    "để",
    "nhằm",
    "được",
    "có",
    "là",
    "một",
    "từ",
    "đến",
    "vào",
    "về",
    "đối với",
    "như",
    "này",
    "đó",
    "khi",
    "sau",
    "trước",
    "đã",
    "sẽ",
    "đang",
    "phải",
    "cần",
    "không",
    "tốt",
    "đạt",
    "mới",
    "cao",
    "hơn",
    "nhất",
    "gồm",
    "bao gồm",
)


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    # A plan has a few thousand distinct syllables; folding each once keeps linking fast.
    return fold_tone_placement(word).casefold()


def fold(text: str) -> str:
    """Return `text` in NFC, with one tone placement, case-folded: the form terms are read from.

    >>> fold("Hoà Bình") == fold("hòa bình")
    True
    """
    return _SYLLABLE.sub(lambda match: _fold_word(match.group(0)), normalize_unicode(text))


def segments(text: str) -> list[list[str]]:
    """Return the syllables of `text` (folded), grouped into punctuation-free segments.

    >>> segments("Thủy sản, nuôi tôm")
    [['thủy', 'sản'], ['nuôi', 'tôm']]
    """
    pieces = _SEGMENT_BREAK.split(fold(text))
    return [words for piece in pieces if (words := _SYLLABLE.findall(piece))]


def syllables(text: str) -> list[str]:
    """Return every syllable of `text` (folded), digits included, in order.

    >>> syllables("Đề án 06")
    ['đề', 'án', '06']
    """
    return _SYLLABLE.findall(fold(text))


def _build_stop_index(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(syllables(phrase))
        if words:
            index.setdefault(words[0], []).append(words)
    for starts in index.values():
        starts.sort(key=len, reverse=True)
    return index


_STOP_INDEX = _build_stop_index(STOP_PHRASES)


def _stopped(words: Sequence[str]) -> list[bool]:
    """Mark the syllables covered by a stop phrase (longest phrase first at each position)."""
    marks = [False] * len(words)
    for start, word in enumerate(words):
        for phrase in _STOP_INDEX.get(word, ()):
            end = start + len(phrase)
            if tuple(words[start:end]) == phrase:
                for position in range(start, end):
                    marks[position] = True
                break
    return marks


def _informative(word: str) -> bool:
    # Numbers (years, targets, document numbers) and single letters carry no topic.
    return len(word) > 1 and not word.isdigit() and not any(ch.isdigit() for ch in word)


def terms(text: str) -> Counter[str]:
    """Return the unigram and bigram terms of `text` with their counts.

    A bigram is written as its two syllables with one space; it is formed only from two
    neighbouring syllables of one segment that are both outside the stop-list.

    >>> sorted(terms("Phát triển nuôi thủy sản và thực hiện"))
    ['nuôi', 'nuôi thủy', 'phát', 'phát triển', 'sản', 'thủy', 'thủy sản', 'triển', 'triển nuôi']
    """
    return segment_terms(segments(text))


def segment_terms(pieces: Sequence[Sequence[str]]) -> Counter[str]:
    """Return the unigram and bigram terms of syllable segments (see `segments`)."""
    counts: Counter[str] = Counter()
    for words in pieces:
        marks = _stopped(words)
        kept = [
            word if not stopped and _informative(word) else None
            for word, stopped in zip(words, marks, strict=True)
        ]
        for position, word in enumerate(kept):
            if word is None:
                continue
            counts[word] += 1
            following = kept[position + 1] if position + 1 < len(kept) else None
            if following is not None:
                counts[f"{word} {following}"] += 1
    return counts
