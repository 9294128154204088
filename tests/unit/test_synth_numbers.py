import pytest

from synth import vn_number
from synth.model import cut_task_text


@pytest.mark.parametrize(
    ("value", "decimals", "pad", "expected"),
    [
        pytest.param(630370.27, 2, 0, "630.370,27", id="thousands-and-decimals"),
        pytest.param(1234.5, 1, 0, "1.234,5", id="one-decimal"),
        pytest.param(6016, 0, 0, "6.016", id="thousands"),
        pytest.param(1000000, 0, 0, "1.000.000", id="millions"),
        pytest.param(12, 0, 0, "12", id="small"),
        pytest.param(2, 0, 2, "02", id="zero-padded-count"),
        pytest.param(0.3, 1, 0, "0,3", id="below-one"),
        pytest.param(-1500.25, 2, 0, "-1.500,25", id="negative"),
    ],
)
def test_vietnamese_number_formatting(value: float, decimals: int, pad: int, expected: str) -> None:
    assert vn_number(value, decimals, pad=pad) == expected


def test_short_task_text_is_kept_whole() -> None:
    assert cut_task_text("Tập trung phát triển kinh tế.") == "Tập trung phát triển kinh tế."


def test_long_task_text_is_cut_at_the_last_sentence_end() -> None:
    first = "Câu thứ nhất " + "rất dài " * 30 + "kết thúc."
    text = first + " " + "Câu thứ hai " + "tiếp tục " * 40 + "."
    cut = cut_task_text(text)
    assert len(cut) <= 400 and text.startswith(cut) and cut.endswith("kết thúc.")


def test_long_task_text_without_sentence_end_is_cut_at_a_semicolon() -> None:
    text = "Mở đầu " + "một " * 20 + "; " + "tiếp tục " * 60
    cut = cut_task_text(text)
    assert text.startswith(cut) and cut.endswith(";")
