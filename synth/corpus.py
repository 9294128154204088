"""`generate_corpus`: a seeded synthetic corpus of provincial and commune documents."""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from synth.commune_docs import build_commune_plan, build_commune_programme
from synth.geography import PROVINCES, Commune, commune_names, slugify
from synth.model import Doc
from synth.province_docs import build_guidance, build_province_programme, plan_province
from synth.render import render_docx, render_txt, write_bytes

__all__ = ["SynthSummary", "generate_corpus"]

MAX_PROVINCES = len(PROVINCES)


@dataclass(frozen=True)
class SynthSummary:
    """What `generate_corpus` wrote: counts, total bytes and the time it took."""

    documents: int
    provinces: int
    communes: int
    bytes: int
    seconds: float
    tasks: int
    indicators: int


class _Sink:
    """Streams each document, its key and link key to disk and keeps only the manifest rows."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.rows: list[dict[str, Any]] = []
        self.bytes = self.tasks = self.indicators = 0

    def write(self, doc: Doc, folder: str, *, docx: bool) -> None:
        doc.document["_docx"] = docx
        suffix = ".docx" if docx else ".txt"
        relative = f"{folder}/{doc.stem}{suffix}"
        data = render_docx(doc) if docx else render_txt(doc)
        self.bytes += write_bytes(self.out_dir / relative, data)
        key_path = f"keys/{doc.stem}.json"
        self.bytes += write_bytes(self.out_dir / key_path, _json(doc.answer_key()))
        links_path = None
        if doc.links is not None:
            links_path = f"keys/links/{doc.stem}.json"
            self.bytes += write_bytes(
                self.out_dir / links_path,
                _json({"source": doc.stem + suffix, "links": doc.links}),
            )
        self.tasks += len(doc.tasks)
        self.indicators += len(doc.indicators)
        self.rows.append(
            {
                "path": relative,
                "key": key_path,
                "links_key": links_path,
                "province": doc.province,
                "commune": doc.commune,
                "kind": doc.kind,
                "format": "docx" if docx else "txt",
            }
        )


def _json(data: Any) -> bytes:
    # Compact: an indent makes json fall back to its pure-Python encoder, several times slower.
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def generate_corpus(
    out_dir: Path,
    *,
    provinces: int,
    communes_per_province: int,
    seed: int = 2026,
    docx_share: float = 0.1,
) -> SynthSummary:
    """Write a synthetic corpus under `out_dir`; return a SynthSummary of what was written.

    Per province: a guidance letter listing its programmes and the provincial party action
    programme; per commune: the party committee's action programme and the people's
    committee plan. The same arguments always give byte-identical files.
    """
    if not 1 <= provinces <= MAX_PROVINCES:
        raise ValueError(f"provinces must be between 1 and {MAX_PROVINCES}, got {provinces}")
    if communes_per_province < 1:
        raise ValueError(f"communes_per_province must be at least 1, got {communes_per_province}")
    if not 0.0 <= docx_share <= 1.0:
        raise ValueError(f"docx_share must be between 0 and 1, got {docx_share}")
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    sink = _Sink(out_dir)
    master = random.Random(seed)
    chosen = sorted(master.sample(range(MAX_PROVINCES), provinces))
    for index in chosen:
        province = PROVINCES[index]
        # One generator per province: adding communes to one never changes another.
        rng = random.Random(f"{seed}/{province.name}")
        p_slug = slugify(province.name)
        names = commune_names(rng, province, communes_per_province)
        ctx = plan_province(rng, province, names)
        sink.write(
            build_guidance(rng, ctx, f"{p_slug}__tinh__cong-van-huong-dan"),
            f"{p_slug}/tinh",
            docx=False,
        )
        sink.write(
            build_province_programme(rng, ctx, f"{p_slug}__tinh__chuong-trinh-hanh-dong"),
            f"{p_slug}/tinh",
            docx=False,
        )
        for name in names:
            unit = "phường" if province.is_city and rng.random() < 0.5 else "xã"
            commune = Commune(name, unit, province)
            c_slug = slugify(name)
            border = rng.random() < 0.2
            stem = f"{p_slug}__{c_slug}"
            programme, party = build_commune_programme(
                rng, ctx, commune, f"{stem}__chuong-trinh-hanh-dong-du", border=border
            )
            sink.write(programme, f"{p_slug}/{c_slug}", docx=rng.random() < docx_share)
            plan = build_commune_plan(
                rng, ctx, commune, f"{stem}__ke-hoach-ubnd", party, border=border
            )
            sink.write(plan, f"{p_slug}/{c_slug}", docx=rng.random() < docx_share)
    manifest = {
        "seed": seed,
        "provinces": provinces,
        "communes_per_province": communes_per_province,
        "docx_share": docx_share,
        "documents": sink.rows,
    }
    sink.bytes += write_bytes(out_dir / "manifest.json", _json(manifest))
    return SynthSummary(
        documents=len(sink.rows),
        provinces=provinces,
        communes=provinces * communes_per_province,
        bytes=sink.bytes,
        seconds=round(time.perf_counter() - started, 3),
        tasks=sink.tasks,
        indicators=sink.indicators,
    )
