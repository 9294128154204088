from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import cli


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["synth", *args])
    return result.exit_code, result.output


def test_a_non_empty_folder_is_refused_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "already.txt").write_text("x", encoding="utf-8")
    code, output = _run("--provinces", "1", "--communes-per-province", "1", "-o", str(tmp_path))
    assert code == 2
    assert str(tmp_path) in output and "not empty" in output
    assert len(output.strip().splitlines()) == 1


def test_force_writes_into_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "already.txt").write_text("x", encoding="utf-8")
    code, output = _run(
        "--provinces", "1", "--communes-per-province", "1", "-o", str(tmp_path), "--force"
    )
    assert code == 0, output
    assert output.startswith("wrote 4 documents") and len(output.strip().splitlines()) == 1
    assert (tmp_path / "manifest.json").is_file()


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("--provinces", "0", "--communes-per-province", "1"), id="no-province"),
        pytest.param(("--provinces", "35", "--communes-per-province", "1"), id="35-provinces"),
        pytest.param(("--provinces", "1", "--communes-per-province", "0"), id="no-commune"),
        pytest.param(
            ("--provinces", "1", "--communes-per-province", "1", "--docx-share", "2"),
            id="docx-share-above-one",
        ),
    ],
)
def test_bad_counts_exit_2_with_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    code, output = _run(*args, "-o", str(tmp_path / "out"))
    assert code == 2
    assert output.startswith("mandate: error: ") and len(output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()
