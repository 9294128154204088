"""`mandate synth`: write a seeded synthetic corpus with its answer keys."""

from __future__ import annotations

from pathlib import Path

import click

from cli.common import CommandFailed, no_traceback

__all__ = ["synth"]


@click.command()
@click.option(
    "--provinces", "provinces", required=True, type=int, help="How many provinces (1-34)."
)
@click.option(
    "--communes-per-province",
    "communes",
    required=True,
    type=int,
    help="How many communes per province (at least 1).",
)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder to write the corpus into.",
)
@click.option("--seed", default=2026, show_default=True, type=int, help="Random seed.")
@click.option(
    "--docx-share",
    default=0.1,
    show_default=True,
    type=float,
    help="Share of commune documents written as DOCX.",
)
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
@no_traceback
def synth(
    provinces: int, communes: int, output: Path, seed: int, docx_share: float, force: bool
) -> None:
    """Generate a synthetic corpus: documents, answer keys (keys/) and link keys (keys/links/).

    Exit status 0, or 2 when the arguments are unusable or the folder is not empty.
    """
    from synth import generate_corpus
    from synth.corpus import MAX_PROVINCES

    if not 1 <= provinces <= MAX_PROVINCES:
        raise CommandFailed(f"--provinces must be between 1 and {MAX_PROVINCES}, got {provinces}")
    if communes < 1:
        raise CommandFailed(f"--communes-per-province must be at least 1, got {communes}")
    if not 0.0 <= docx_share <= 1.0:
        raise CommandFailed(f"--docx-share must be between 0 and 1, got {docx_share}")
    if output.exists() and not output.is_dir():
        raise CommandFailed(f"{output}: not a folder")
    if output.is_dir() and any(output.iterdir()) and not force:
        raise CommandFailed(f"{output}: folder is not empty (use --force to write into it)")
    summary = generate_corpus(
        output,
        provinces=provinces,
        communes_per_province=communes,
        seed=seed,
        docx_share=docx_share,
    )
    click.echo(
        f"wrote {summary.documents} documents ({summary.provinces} provinces, "
        f"{summary.communes} communes, {summary.tasks} tasks, {summary.indicators} indicators, "
        f"{summary.bytes} bytes) to {output} in {summary.seconds:.1f} s"
    )
