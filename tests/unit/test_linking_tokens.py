"""Syllable terms: folding, the administrative stop-list, bigrams within a clause."""

import unicodedata

from linking.tokens import fold, segments, terms


def test_tone_placement_and_case_do_not_change_the_terms():
    assert terms("Hoà giải ở cơ sở, THUỶ SẢN") == terms("hòa giải ở cơ sở, thủy sản")


def test_decomposed_input_reads_like_composed_input():
    text = "Chuyển đổi số"
    assert terms(unicodedata.normalize("NFD", text)) == terms(text)


def test_fold_keeps_the_accents_that_tell_words_apart():
    assert fold("Đảng") != fold("đang")
    assert fold("Hoá") == fold("hóa")


def test_administrative_wording_yields_no_terms():
    assert terms("Tăng cường thực hiện, triển khai có hiệu quả trên địa bàn xã") == {}


def test_bigrams_stay_inside_a_clause():
    found = terms("nuôi tôm, trồng lúa")
    assert "nuôi tôm" in found and "trồng lúa" in found
    assert "tôm trồng" not in found


def test_stop_words_break_bigrams_rather_than_being_skipped():
    assert "thủy môi" not in terms("thủy sản và môi trường")


def test_numbers_and_years_are_not_terms():
    assert terms("giai đoạn 2026-2030 đạt 81,82%") == {}


def test_segments_split_at_punctuation():
    assert segments("Du lịch; văn hóa.") == [["du", "lịch"], ["văn", "hóa"]]
