"""The benchmark scales and their sample sizes, declared once."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SCALES", "Scale"]


@dataclass(frozen=True)
class Scale:
    """How big a corpus to generate and how much of it each stage samples."""

    name: str
    provinces: int
    communes_per_province: int
    extract_sample: int
    query_targets: int
    threeway_targets: int
    api_seconds: float
    quality_sample: int = 40
    """How many of the extract sample's documents are scored against their answer keys."""
    ingest_runs: int | None = None
    """When set, the ingest stage runs this many times whatever --runs says (national: 1)."""
    rdflib_one_province: bool = False
    """Load only one province's graphs into rdflib (the whole store does not fit)."""

    @property
    def communes(self) -> int:
        """Return the number of communes the scale generates."""
        return self.provinces * self.communes_per_province


SCALES: dict[str, Scale] = {
    scale.name: scale
    for scale in (
        Scale(
            "tiny", 1, 3, extract_sample=200, query_targets=30, threeway_targets=10, api_seconds=10
        ),
        Scale(
            "province",
            1,
            100,
            extract_sample=100,
            query_targets=100,
            threeway_targets=30,
            api_seconds=10,
        ),
        Scale(
            "national",
            34,
            98,
            extract_sample=200,
            query_targets=100,
            threeway_targets=30,
            api_seconds=20,
            ingest_runs=1,
            rdflib_one_province=True,
        ),
    )
}
