"""Link every task of a commune plan to the provincial programmes and score the links.

    python scripts/evaluate_links.py PRED.json [--corpus DIR] [--gold FILE] [--scorer FILE]

Candidates are built the way the store integration builds them: the programmes listed in
the guidance letter (seed 000), enriched with its template wording and with the provincial
action programme's tasks and measures (seed 002). Programmes restricted to named places
are dropped unless the plan names one of them. Every task the extractor finds in the
commune plan (seed 001) is linked; PRED.json lists each task with its accepted programmes,
and the answer-key scorer's report is printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from ingest.model import Extraction
from ingest.pipeline import extract
from linking import Linker, build_programme_candidates
from linking.applicability import applies_to_document

_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _one(folder: Path, prefix: str) -> Path:
    found = sorted(folder.glob(f"{prefix}_*"))
    if not found:
        raise SystemExit(f"no document {prefix}_* in {folder}")
    return found[0]


def _provincial_items(action_programme: Extraction) -> list[str]:
    return [" ".join([task.text, *task.measures]) for task in action_programme.tasks]


def predictions(corpus: Path) -> tuple[list[dict[str, object]], float]:
    """Return the linked tasks of the commune plan and the seconds spent linking them."""
    listing, plan, provincial = (extract(_one(corpus, prefix)) for prefix in ("000", "001", "002"))
    programmes = [
        (programme.id, programme.title)
        for programme in listing.programmes
        if applies_to_document(programme.applies_to, plan.source.text)
    ]
    started = time.perf_counter()
    candidates = build_programme_candidates(
        programmes,
        guidance_text=listing.source.text,
        provincial_items=_provincial_items(provincial),
    )
    linker = Linker(candidates)
    linked = [
        {
            "task": task.text,
            "programmes": [
                {
                    "number": proposal.key,
                    "confidence": proposal.confidence,
                    "evidence": list(proposal.evidence),
                }
                for proposal in linker.accepted(task.text)
            ],
        }
        for task in plan.tasks
    ]
    return linked, time.perf_counter() - started


def main() -> int:
    """Write the predictions, run the scorer on them and return its exit status."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pred", type=Path, help="where to write PRED.json")
    parser.add_argument("--corpus", type=Path, default=_SHARED / "corpus")
    parser.add_argument("--gold", type=Path, default=_SHARED / "gold" / "links" / "links_001.json")
    parser.add_argument("--scorer", type=Path, default=_SHARED / "tools" / "score_links.py")
    args = parser.parse_args()
    linked, seconds = predictions(args.corpus)
    args.pred.write_text(json.dumps(linked, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"linked {len(linked)} tasks in {seconds * 1000:.0f} ms (candidates included)")
    result = subprocess.run(
        [sys.executable, str(args.scorer), str(args.gold), str(args.pred)],
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
