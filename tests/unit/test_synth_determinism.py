from pathlib import Path

from synth import generate_corpus


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_arguments_give_byte_identical_files_docx_included(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    generate_corpus(first, provinces=1, communes_per_province=2, seed=7, docx_share=1.0)
    generate_corpus(second, provinces=1, communes_per_province=2, seed=7, docx_share=1.0)
    files = _files(first)
    assert any(name.endswith(".docx") for name in files)
    assert files == _files(second)


def test_another_seed_gives_another_corpus(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", provinces=1, communes_per_province=1, seed=1)
    generate_corpus(tmp_path / "b", provinces=1, communes_per_province=1, seed=2)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_summary_counts_what_was_written(tmp_path: Path) -> None:
    summary = generate_corpus(tmp_path, provinces=2, communes_per_province=1, seed=3)
    written = [p for p in tmp_path.rglob("*") if p.suffix in (".txt", ".docx")]
    assert summary.documents == len(written) == 2 * 2 + 2 * 1 * 2
    assert summary.provinces == 2 and summary.communes == 2
    assert summary.bytes == sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file())
    assert summary.tasks > 0 and summary.indicators > 0
