import pytest

from ingest.targets import find_targets, has_target, parse_vietnamese_number


def triples(text):
    return [(t.value, t.value_max, t.unit, t.comparator, t.year) for t in find_targets(text)]


@pytest.mark.parametrize(
    ("written", "value"),
    [("630.370,27", 630370.27), ("3.755.949", 3755949), ("25,3", 25.3), ("04", 4)],
)
def test_vietnamese_numbers(written, value):
    assert parse_vietnamese_number(written) == value


def test_ranges_comparators_units_and_years():
    assert triples("Thu ngân sách 5 năm đạt từ 145.000 - 175.000 tỷ đồng.") == [
        (145000, 175000, "tỷ đồng", "range", None)
    ]
    assert triples("Tỷ lệ thất nghiệp dưới 3,6%.") == [(3.6, None, "%", "<=", None)]
    assert triples("GRDP bình quân đầu người đến năm 2030 đạt trên 6.300 đô la Mỹ.") == [
        (6300, None, "đô la Mỹ", ">=", 2030)
    ]
    assert triples("Giải quyết việc làm bình quân 40.000 lao động/năm.") == [
        (40000, None, "lao động", "=", None)
    ]
    assert triples("Tỷ lệ hộ nghèo giảm 0,3 - 0,5%/năm.")[0][:3] == (0.3, 0.5, "%")
    assert triples("Kiềm chế tai nạn, phấn đấu giảm 5% trên cả 3 tiêu chí.") == [
        (5, None, "%", "reduce_by", None)
    ]


def test_numbers_that_define_the_population_are_not_targets():
    assert triples("Tỷ lệ trẻ em dưới 01 tuổi được tiêm chủng đạt trên 98%.") == [
        (98, None, "%", ">=", None)
    ]
    assert triples("Giá trị sản phẩm trên 1 ha đất trồng trọt đạt 150 triệu đồng.") == [
        (150, None, "triệu đồng", "=", None)
    ]
    assert triples("Tỷ lệ “Chi bộ 4 tốt” đạt 90% trở lên.") == [(90, None, "%", ">=", None)]
    assert triples("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.") == []


def test_a_rate_and_its_headcount_are_both_targets():
    assert [t[:3] for t in triples("Lực lượng dân quân đạt từ 3,2% (370 người) trở lên.")] == [
        (3.2, None, "%"),
        (370, None, "người"),
    ]


def test_has_target_needs_a_number_with_a_unit_and_a_cue():
    assert has_target("phấn đấu đến năm 2030 thành lập mới từ 01-02 hợp tác xã")
    assert not has_target("Triển khai đồng bộ 3 chương trình mục tiêu quốc gia")
