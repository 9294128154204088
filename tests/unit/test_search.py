"""The search index on a tiny store: accent folding, đ, ranking, safe queries, re-ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from search import SearchIndex, index_path
from search.folding import folded_text
from search.snippets import snippet_of
from tests.conftest import Mandate

HEADER = """ỦY BAN NHÂN DÂN
XÃ HÒA THUẬN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/KH-UBND

Hòa Thuận, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026 trên địa bàn xã Hòa Thuận

III. NHIỆM VỤ, GIẢI PHÁP

"""
TASKS = """1. Kinh tế

- Xây dựng nông thôn mới nâng cao tại các ấp; vận động Nhân dân tham gia đóng góp.

- Quản lý chặt chẽ đất đai, xử lý dứt điểm vi phạm trong sử dụng đất công.

2. Xây dựng Đảng và hạ tầng

- Củng cố tổ chức Đảng, nâng cao chất lượng sinh hoạt Đảng, kết nạp đảng viên cho Đảng bộ.

- Rà soát các công trình đang thi công chậm tiến độ để tháo gỡ vướng mắc.
"""


def _document(tmp_path: Path, tasks: str) -> Path:
    path = tmp_path / "ke-hoach-41.txt"
    path.write_text(HEADER + tasks, encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Mandate, Path]:
    mandate = Mandate(tmp_path / "store")
    result = mandate("ingest", str(_document(tmp_path, TASKS)))
    assert result.exit_code == 0, result.output
    return mandate, Path(mandate.store) / "search.sqlite3"


def _texts(index: SearchIndex, query: str, **options: object) -> list[str]:
    return [hit.snippet for hit in index.search(query, **options)]  # type: ignore[arg-type]


def test_ingest_builds_the_index_in_the_store_directory(tiny: tuple[Mandate, Path]) -> None:
    _mandate, path = tiny
    assert path.exists()
    with SearchIndex(path) as index:
        assert index.entry_count() > 0


def test_unaccented_words_find_the_accented_text(tiny: tuple[Mandate, Path]) -> None:
    with SearchIndex(tiny[1]) as index:
        hits = index.search("nong thon moi")
    assert hits and "nông thôn mới" in hits[0].snippet
    assert hits[0].kind == "task"
    assert hits[0].document is not None and hits[0].document.endswith("/41-kh")
    assert not hits[0].exact


def test_dat_dai_finds_dat_dai_with_d_stroke(tiny: tuple[Mandate, Path]) -> None:
    with SearchIndex(tiny[1]) as index:
        hits = index.search("dat dai")
    assert any("đất đai" in hit.snippet for hit in hits)


def test_highlights_point_at_the_matched_words_in_the_original(
    tiny: tuple[Mandate, Path],
) -> None:
    with SearchIndex(tiny[1]) as index:
        hit = index.search("dat dai")[0]
    marked = [hit.snippet[start:end] for start, end in hit.highlights]
    assert "đất" in marked and "đai" in marked
    assert all(folded_text(word) in {"dat", "dai"} for word in marked)


def test_exact_accent_hit_ranks_above_folded_only_hits(tiny: tuple[Mandate, Path]) -> None:
    with SearchIndex(tiny[1]) as index:
        hits = index.search("đang")
    # "Đảng" (four times, a short text) folds to "dang" too; the written "đang" comes first.
    assert hits[0].exact and "đang thi công" in hits[0].snippet
    assert any(not hit.exact and "Đảng" in hit.snippet for hit in hits[1:])


def test_kinds_restrict_the_hits(tiny: tuple[Mandate, Path]) -> None:
    with SearchIndex(tiny[1]) as index:
        assert {hit.kind for hit in index.search("hoa thuan", kinds=["unit"])} == {"unit"}
        with pytest.raises(ValueError, match="unknown kind"):
            index.search("hoa thuan", kinds=["planet"])


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"đất',
        "*",
        "đất*",
        "NEAR(đất đai)",
        "đất AND OR NOT",
        "(đất",
        "đất)",
        "folded:đất",
        "{exact folded}: đất",
        "^đất",
        "-đất +đai",
        "'",
        "\x00",
        "🌾 đất",
        "đất " * 200,
    ],
)
def test_fts_syntax_in_a_query_is_plain_words(tiny: tuple[Mandate, Path], query: str) -> None:
    with SearchIndex(tiny[1]) as index:
        hits = index.search(query)
    assert isinstance(hits, list)


def test_empty_query_finds_nothing(tiny: tuple[Mandate, Path]) -> None:
    with SearchIndex(tiny[1]) as index:
        assert index.search("") == []
        assert index.search("  ,;  ") == []


def test_the_index_follows_a_reingest(tiny: tuple[Mandate, Path], tmp_path: Path) -> None:
    mandate, path = tiny
    changed = TASKS.replace("đất đai", "rừng phòng hộ")
    result = mandate("ingest", str(_document(tmp_path, changed)))
    assert result.exit_code == 0, result.output
    with SearchIndex(path) as index:
        assert not any("đất đai" in text for text in _texts(index, "dat dai"))
        assert any("rừng phòng hộ" in text for text in _texts(index, "rung phong ho"))


def test_ensure_current_rebuilds_a_missing_or_stale_index(
    tiny: tuple[Mandate, Path], tmp_path: Path
) -> None:
    from config import load_settings
    from store import open_store

    mandate, path = tiny
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    settings = load_settings({}, store=mandate.store)
    assert index_path(settings) == path
    store = open_store(mandate.store, base_iri=settings.base_iri, read_only=True)
    try:
        with SearchIndex(path) as index:
            assert index.search("dat dai") == []
            assert index.ensure_current(store) is True
            assert index.ensure_current(store) is False
            assert index.search("dat dai")
    finally:
        store.close()


def test_remote_store_index_path_comes_from_the_setting(tmp_path: Path) -> None:
    from config import load_settings

    remote = load_settings({}, store="http://127.0.0.1:7878")
    assert index_path(remote) == Path(".mandate-search.sqlite3")
    chosen = load_settings(
        {"MANDATE_SEARCH_INDEX": str(tmp_path / "i.sqlite3")}, store="http://127.0.0.1:7878"
    )
    assert index_path(chosen) == tmp_path / "i.sqlite3"


def test_a_long_text_snippet_is_cut_around_the_match() -> None:
    text = "Mở đầu " * 80 + "xây dựng nông thôn mới" + " kết thúc" * 80
    snippet = snippet_of(text, ["nong", "thon", "moi"])
    assert len(snippet.text) < 260 and snippet.text.startswith("…")
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["nông", "thôn", "mới"]
