"""Fuzz the readers and the extractors with inputs grown from the real corpus.

    .venv/bin/python -m scripts.fuzz_parsers --minutes 10 [--engine random|atheris]

Four targets: `txt`, `docx` and `pdf` read a mutated file through `read_source` (DOCX and PDF
in their limited child process, held here to 10 s and 1 GiB), and `extract` runs every
extraction stage on mutated corpus text. Seeds are the corpus documents, and DOCX and PDF
files written from them. An input fails when anything but IngestError escapes, when it runs
past 10 s, or when a reader needs more than 1 GiB. The last lines printed are the figures:
executions, failures and the slowest input per target, and peak memory.

The `random` engine mutates seeds itself (structure-aware: XML inside a DOCX, objects
inside a PDF, lines of text); `atheris` (coverage-guided, when installed) runs each target
in a child process for its share of the time.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ingest.errors import IngestError
from ingest.layout import assemble_blocks
from ingest.model import Extraction, SourceText
from ingest.pipeline import STAGES
from ingest.readers import ReadLimits, read_source

__all__ = ["LIMITS", "TARGETS", "Outcome", "mutate", "run_input", "seeds"]

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LIMITS = ReadLimits(seconds=10.0, megabytes=1024)
"""What one input may take: the reader child is stopped past these."""
MAX_SECONDS = LIMITS.seconds
MAX_BYTES = 20 * 1024 * 1024
_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


# --- seeds ----------------------------------------------------------------------------------


@cache
def _corpus_texts() -> tuple[str, ...]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    texts = tuple(path.read_text(encoding="utf-8") for path in files)
    return texts or ("KẾ HOẠCH\n\nI. MỤC ĐÍCH\n1. Giao Phòng Kinh tế xã chủ trì thực hiện.\n",)


def _docx_from(text: str) -> bytes:
    import docx

    document = docx.Document()
    lines = [line for line in text.splitlines() if line.strip()][:120]
    for number, line in enumerate(lines):
        if number % 25 == 24:
            table = document.add_table(rows=2, cols=2)
            table.cell(0, 0).text, table.cell(1, 1).text = "STT", line[:80]
        document.add_paragraph(line, style="List Number" if line[:1].isdigit() else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_from(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_compression(False)  # mutations then reach the content streams' text
    if _FONT.exists():
        pdf.add_font("DejaVu", "", str(_FONT))
        pdf.set_font("DejaVu", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
        text = text.encode("latin-1", "replace").decode("latin-1")
    pdf.add_page()
    for line in [line for line in text.splitlines() if line.strip()][:60]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@cache
def seeds(target: str) -> tuple[bytes, ...]:
    """Return the seed inputs of `target`: corpus files, and DOCX/PDF written from them."""
    texts = _corpus_texts()
    if target == "docx":
        return tuple(_docx_from(text) for text in texts[:3])
    if target == "pdf":
        return tuple(_pdf_from(text) for text in texts[:2])
    return tuple(text.encode("utf-8") for text in texts)


# --- mutations ------------------------------------------------------------------------------

_INTERESTING = (
    b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r", b"\n\n", b"\f", b"%", b"<", b">", b"&",
    b"]]>", b"<!DOCTYPE a []>", b"0 0 R", b"obj", b"endobj", b"stream", b"/Length 999999999",
    b"trailer", b"99999999999", b"-1", b"(", b")", b"\\", b"I.", b"1.", b"a)", b"- ", b"|",
    "Điều".encode(), "\u0301".encode() * 40, "\u202e".encode(), "Ủy ban".encode(),
)  # fmt: skip


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 8, 32))):
        if not buffer:
            buffer += rng.choice(_INTERESTING)
            continue
        where = rng.randrange(len(buffer))
        kind = rng.randrange(7)
        if kind == 0:
            buffer[where] = rng.randrange(256)
        elif kind == 1:
            buffer[where : where + rng.randint(1, 64)] = b""
        elif kind == 2:
            buffer[where:where] = rng.choice(_INTERESTING)
        elif kind == 3:
            start = rng.randrange(len(buffer))
            buffer[where:where] = buffer[start : start + rng.randint(1, 512)]
        elif kind == 4:
            piece = buffer[where : where + rng.randint(1, 4096)]
            buffer[where:where] = piece * rng.randint(2, 50)
        elif kind == 5:
            del buffer[rng.randrange(len(buffer)) :]
        else:
            for index in range(where, min(len(buffer), where + 16)):
                buffer[index] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def _mutate_docx(data: bytes, rng: random.Random) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = {entry.filename: package.read(entry) for entry in package.infolist()}
    except Exception:
        parts = {}
    if not parts or rng.random() < 0.2:
        return _mutate_bytes(data, rng)
    xml = [name for name in parts if name.endswith((".xml", ".rels"))]
    for _ in range(rng.randint(1, 3)):
        name = "word/document.xml" if rng.random() < 0.6 else rng.choice(xml)
        if name in parts:
            parts[name] = _mutate_bytes(parts[name], rng)
    if rng.random() < 0.1:
        parts.pop(rng.choice(sorted(parts)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()


_PDF_NUMBER = re.compile(rb"\b\d+\b")


def _mutate_pdf(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        numbers = list(_PDF_NUMBER.finditer(data))
        buffer = bytearray(data)
        for match in sorted(
            rng.sample(numbers, min(len(numbers), rng.randint(1, 6))), key=lambda m: -m.start()
        ):
            value = rng.choice(
                (b"0", b"1", b"2", b"3", b"-1", b"99999999", str(rng.randrange(1 << 16)).encode())
            )
            buffer[match.start() : match.end()] = value
        data = bytes(buffer)
    else:
        data = _mutate_bytes(data, rng)
    if b"%%EOF" not in data[-1024:] and rng.random() < 0.8:
        data += b"\n%%EOF\n"
    return data


def mutate(target: str, data: bytes, rng: random.Random) -> bytes:
    """Return a mutation of `data` shaped for `target` (ZIP parts, PDF numbers, text bytes)."""
    if target == "docx":
        return _mutate_docx(data, rng)
    if target == "pdf":
        return _mutate_pdf(data, rng)
    if rng.random() < 0.3:
        texts = _corpus_texts()
        other = rng.choice(texts).encode()
        cut = rng.randrange(len(data) + 1)
        start = rng.randrange(len(other) + 1)
        data = data[:cut] + other[start : start + rng.randint(1, 20_000)]
    return _mutate_bytes(data, rng)


# --- running one input ----------------------------------------------------------------------


@dataclass
class Outcome:
    """What one input did: seconds taken, and the failure (a description) if it failed."""

    seconds: float
    failure: str | None = None


def _extract_text(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    normalised, tables = assemble_blocks([text])
    extraction = Extraction(
        source=SourceText("fuzz.txt", normalised, "text/plain", "0" * 64, tables)
    )
    for _name, stage in STAGES:
        extraction = stage(extraction)


def run_input(target: str, data: bytes, folder: Path) -> Outcome:
    """Run one input through `target`; return its time and failure, if any."""
    started = time.monotonic()
    failure = None
    try:
        if target == "extract":
            _extract_text(data)
        else:
            path = folder / f"fuzz.{target}"
            path.write_bytes(data)
            read_source(path, max_bytes=MAX_BYTES, limits=LIMITS)
    except IngestError as error:
        message = str(error)
        if "took longer than" in message or "needed more than" in message:
            failure = f"limit: {message}"
        elif "\n" in message or not message.startswith(str(folder)):
            failure = f"bad message: {message!r}"
    except Exception as error:
        detail = getattr(error, "child_traceback", "") or traceback.format_exc()
        failure = f"{type(error).__name__}: {error}\n{detail}"
    seconds = time.monotonic() - started
    if failure is None and seconds > MAX_SECONDS:
        failure = f"took {seconds:.1f} s"
    return Outcome(seconds, failure)


TARGETS: tuple[str, ...] = ("txt", "docx", "pdf", "extract")


# --- the campaign ---------------------------------------------------------------------------


@dataclass
class Tally:
    """Figures for one target."""

    executions: int = 0
    failures: list[tuple[str, bytes]] = field(default_factory=list)
    slowest: float = 0.0


def _random_campaign(target: str, seconds: float, seed: int, folder: Path) -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    pool = list(seeds(target))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(target, rng.choice(pool), rng)
        outcome = run_input(target, data, folder)
        tally.executions += 1
        tally.slowest = max(tally.slowest, outcome.seconds)
        if outcome.failure is not None:
            tally.failures.append((outcome.failure, data))
        elif len(pool) < 200 and rng.random() < 0.05:
            pool.append(data)  # keep some survivors to mutate further
    return tally


def _atheris_child(target: str, seconds: float) -> None:
    import atheris

    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))

    def one(data: bytes) -> None:
        outcome = run_input(target, data, folder)
        if outcome.failure is not None:
            raise RuntimeError(outcome.failure)

    seed_folder = folder / "seeds"
    seed_folder.mkdir()
    for number, data in enumerate(seeds(target)):
        (seed_folder / str(number)).write_bytes(data)
    argv = [sys.argv[0], f"-max_total_time={int(seconds)}", "-timeout=30", "-rss_limit_mb=4096"]
    argv += ["-print_final_stats=1", "-max_len=4000000", str(seed_folder)]
    atheris.Setup(argv, one)
    atheris.Fuzz()


def _atheris_campaign(target: str, seconds: float) -> Tally:
    run = subprocess.run(
        [sys.executable, "-m", "scripts.fuzz_parsers", "--atheris-child", target, str(seconds)],
        capture_output=True,
        text=True,
        timeout=seconds + 300,
    )
    tally = Tally()
    found = re.search(r"stat::number_of_executed_units:\s*(\d+)", run.stderr)
    tally.executions = int(found.group(1)) if found else 0
    if run.returncode != 0:
        tally.failures.append((run.stderr[-3000:], b""))
    return tally


def _report(tallies: dict[str, Tally], folder: Path) -> int:
    for target, tally in tallies.items():
        for number, (failure, data) in enumerate(tally.failures[:5]):
            kept = folder / f"failure-{target}-{number}"
            kept.write_bytes(data)
            print(f"FAILURE {target} ({kept}): {failure}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = sum(len(tally.failures) for tally in tallies.values())
    for target, tally in tallies.items():
        print(
            f"{target}: {tally.executions} executions, {len(tally.failures)} failures, "
            f"slowest input {tally.slowest:.2f} s"
        )
    print(f"peak memory: fuzzer {peak:.0f} MB, largest reader child {children:.0f} MB")
    print(f"total: {sum(t.executions for t in tallies.values())} executions, {total} failures")
    return 1 if total else 0


def main(argv: list[str] | None = None) -> int:
    """Run the campaign and print its figures last; return 1 when any input failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--engine", choices=("random", "atheris"), default="random")
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--atheris-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.atheris_child:
        _atheris_child(args.atheris_child[0], float(args.atheris_child[1]))
        return 0
    targets = [name for name in args.targets.split(",") if name]
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown:
        parser.error(f"unknown targets {unknown}; known: {', '.join(TARGETS)}")
    share = args.minutes * 60 / len(targets)
    folder = Path(tempfile.mkdtemp(prefix="mandate-fuzz-"))
    tallies = {}
    for number, target in enumerate(targets):
        if args.engine == "atheris":
            tallies[target] = _atheris_campaign(target, share)
        else:
            tallies[target] = _random_campaign(target, share, args.seed + number, folder)
    return _report(tallies, folder)


if __name__ == "__main__":
    sys.exit(main())
