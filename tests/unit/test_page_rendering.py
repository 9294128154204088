"""Highlighting and JSON blocks escape text first, so document text never becomes markup."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from api.page_data import fold_keep_length, paragraph_around
from api.rendering import _json_block, highlight, url_for_page

PAYLOAD = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'


def test_highlight_escapes_text_and_marks_ranges() -> None:
    text = f"nông thôn mới {PAYLOAD}"
    html = str(highlight(text, [(0, 4), (14, 22)]))
    assert html.startswith("<mark>nông</mark> thôn mới <mark>&lt;script&gt;</mark>")
    assert "<script" not in html and "<img" not in html


def test_highlight_merges_and_clips_ranges() -> None:
    assert str(highlight("abcdef", [(4, 99), (1, 3), (2, 4), (-5, 0)])) == "a<mark>bcdef</mark>"


def test_json_block_cannot_close_its_script_element() -> None:
    block = str(_json_block({"label": "</script><script>alert(1)</script>"}))
    assert "</" not in block and "<" not in block


def test_folding_keeps_offsets() -> None:
    text = "Xây dựng NÔNG THÔN MỚI, đường"
    folded = fold_keep_length(text)
    assert len(folded) == len(text)
    assert folded[9:22] == "nong thon moi"


def test_paragraph_around_gives_the_span_inside_its_paragraph() -> None:
    text = "first line\nsecond has the task here\nthird"
    paragraph, (start, end) = paragraph_around(text, 22, 30)
    assert paragraph == "second has the task here"
    assert paragraph[start:end] == "the task"


def test_page_links_quote_iris_and_keep_the_language() -> None:
    iri = "https://x.example/id/document/an-giang/xã A&B/task/iii.1?#(1) đ"
    link = url_for_page("en", "/task", iri=iri, unit=None, offset=[20, 40])
    parts = urlsplit(link)
    assert parts.path == "/task" and not parts.fragment
    assert parse_qs(parts.query) == {"iri": [iri], "offset": ["20", "40"], "lang": ["en"]}
    assert url_for_page("vi", "/agency") == "/agency"
    assert url_for_page("vi", "/agency", name="Ủy ban") == "/agency?name=%E1%BB%A6y+ban"
