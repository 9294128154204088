"""Link every task of a commune plan to the provincial programmes and score the links.

    python scripts/evaluate_links.py PRED.json [--corpus DIR] [--gold FILE] [--scorer FILE]

Candidates are built the way the store integration builds them: the programmes listed in
the guidance letter (seed 000), enriched with its template wording and with the provincial
action programme's tasks and measures (seed 002). Programmes restricted to named places
are then dropped unless the plan names one of them. Every task the extractor finds in the
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


def predictions(corpus: Path) -> tuple[list[dict[str, object]], float, float]:
    """Return the plan's linked tasks and the seconds spent building candidates and linking."""
    listing, plan, provincial = (extract(_one(corpus, prefix)) for prefix in ("000", "001", "002"))
    started = time.perf_counter()
    # Profiles are built from the whole list, so an item restating a programme that does
    # not apply here is not handed to its neighbour; the plan is linked to those that apply.
    candidates = build_programme_candidates(
        [(programme.id, programme.title) for programme in listing.programmes],
        guidance_text=listing.source.text,
        provincial_items=_provincial_items(provincial),
    )
    applicable = {
        programme.id
        for programme in listing.programmes
        if applies_to_document(programme.applies_to, plan.source.text)
    }
    linker = Linker([candidate for candidate in candidates if candidate.key in applicable])
    built = time.perf_counter()
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
    return linked, built - started, time.perf_counter() - built


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
    linked, building, linking = predictions(args.corpus)
    args.pred.write_text(json.dumps(linked, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"candidates built in {building * 1000:.0f} ms; {len(linked)} tasks linked in ", end="")
    print(f"{linking * 1000:.0f} ms")
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
