"""Reading plain-text files: encodings accepted, everything else refused in one line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.readers import read_source

TEXT = "KẾ HOẠCH\nPhát triển nông thôn mới, hoà nhập cộng đồng\n"
LIMIT = 1024 * 1024


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    ],
)
def test_accepted_encodings_give_the_same_text(tmp_path: Path, data: bytes) -> None:
    source = read_source(write(tmp_path, "doc.txt", data), max_bytes=LIMIT)
    assert source.text == TEXT.strip()
    assert source.media_type == "text/plain"
    assert len(source.content_hash) == 64


def test_decomposed_unicode_is_composed(tmp_path: Path) -> None:
    import unicodedata

    source = read_source(
        write(tmp_path, "nfd.txt", unicodedata.normalize("NFD", TEXT).encode()), max_bytes=LIMIT
    )
    assert source.text == TEXT.strip()


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.txt", b"  \n\n ", "empty file", id="only-white-space"),
        pytest.param(
            "latin1.txt",
            "Kế hoạch".encode("cp1258", errors="replace") + b"\xe9\xe8",
            "not valid UTF-8",
            id="legacy-encoding",
        ),
        pytest.param("binary.txt", bytes(range(256)) * 4, "binary data", id="binary"),
        pytest.param(
            "photo.jpg", b"\xff\xd8\xff\xe0", "unsupported file type '.jpg'", id="unknown-suffix"
        ),
    ],
)
def test_bad_files_are_refused_with_the_file_and_the_problem(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(IngestError) as caught:
        read_source(path, max_bytes=LIMIT)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert problem in message
    assert "\n" not in message


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", b"a" * (LIMIT + 1))
    with pytest.raises(IngestError, match="over the 1 MB limit"):
        read_source(path, max_bytes=LIMIT)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read the file"):
        read_source(tmp_path / "absent.txt", max_bytes=LIMIT)
