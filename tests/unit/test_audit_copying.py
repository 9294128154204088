"""Near-verbatim copying: shared runs of folded syllables and the thresholds that flag them."""

from __future__ import annotations

from queries.copying import (
    LONG_RUN,
    MIN_LONGEST,
    PhraseSet,
    ShingleIndex,
    blocked_syllables,
    is_copy,
    syllables,
)

PROVINCIAL = (
    "Rà soát, điều chỉnh cơ cấu mùa vụ phù hợp với diễn biến thời tiết, chủ động nguồn nước "
    "tưới tiêu cho các vùng sản xuất lúa chất lượng cao, bảo đảm không để thiếu nước vào "
    "thời điểm xuống giống của vụ Đông Xuân trên địa bàn tỉnh."
)


def overlap_with(source: str, text: str, phrases: PhraseSet | None = None):
    index = ShingleIndex()
    index.add(syllables(source))
    words = syllables(text)
    return index.best_overlap(words, blocked_syllables(words, phrases)), words


def test_syllables_fold_case_and_tone_placement_but_keep_accents():
    assert syllables("Hoà bình THUỶ lợi").keys == ("hòa", "bình", "thủy", "lợi")
    assert syllables("đất").keys != syllables("dat").keys
    words = syllables("Cụ thể hoá,  kế hoạch")
    assert words.passage(1, 3) == "thể hoá"


def test_a_copy_with_the_place_changed_is_a_copy():
    copied = PROVINCIAL.replace("các vùng", "các cánh đồng").replace("tỉnh", "xã")
    overlap, words = overlap_with(PROVINCIAL, copied)
    assert overlap is not None and is_copy(overlap)
    assert overlap.ratio > 0.8
    assert overlap.longest.length >= MIN_LONGEST
    assert words.passage(overlap.longest.start, overlap.longest.end) in copied


def test_a_task_that_shares_only_the_genres_phrases_is_not_a_copy():
    source = (
        "Nâng cao hiệu quả công tác phòng, chống tham nhũng, lãng phí, tiêu cực; phát huy vai "
        "trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong giám sát."
    )
    task = (
        "Tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực trong quản lý đất đai "
        "ở xã; phối hợp Mặt trận Tổ quốc và các tổ chức chính trị - xã hội kiểm tra việc "
        "cấp giấy chứng nhận quyền sử dụng đất cho 120 hộ dân."
    )
    overlap, _words = overlap_with(source, task)
    assert overlap is not None
    assert not is_copy(overlap)


def test_a_quoted_slogan_and_a_known_name_do_not_count():
    slogan = "“dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”"
    name = "Chương trình hành động số 06-CTr/TU ngày 13/11/2025 của Ban Chấp hành Đảng bộ tỉnh"
    source = f"Thực hiện tốt phương châm {slogan} và {name} thực hiện Nghị quyết Đại hội."
    task = f"Thực hiện {name}; phương châm {slogan}."
    overlap, _words = overlap_with(source, task, PhraseSet([name]))
    assert overlap is None or not is_copy(overlap)
    unblocked, _words = overlap_with(source, task)
    assert unblocked is not None and is_copy(unblocked)


def test_one_long_copied_sentence_inside_a_long_task_is_a_copy():
    own = (
        "Xã tập trung nạo vét kênh Ba Thê, xây dựng hai trạm bơm điện ở ấp Bình Hưng và ấp "
        "Bình Thạnh, hỗ trợ giống lúa cho 300 hộ và mở lớp tập huấn canh tác giảm phát thải "
        "cho hợp tác xã nông nghiệp, kết hợp kiểm tra định kỳ chất lượng nước tại các cống "
        "đầu mối trước mỗi vụ."
    )
    overlap, _words = overlap_with(PROVINCIAL, f"{own} {PROVINCIAL}")
    assert overlap is not None
    assert overlap.ratio < 0.5
    assert overlap.longest.length >= LONG_RUN
    assert is_copy(overlap)


def test_no_shared_passage_gives_no_overlap():
    overlap, _words = overlap_with(PROVINCIAL, "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc.")
    assert overlap is None
    assert not is_copy(None)
