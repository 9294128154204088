"""Crash trials: kill an ingest or a run of reviews at a chosen moment and judge the store.

What "the state after k whole documents" means here: the store's own graphs (the reference
graph, the shared graph and every document graph) equal, quad for quad, those of a store
into which only the first k files of the same ordered batch were ingested, one at a time.
The derived data (the `graph/links` graphs and the search index) are rebuilt from the own
graphs after the documents are written, so a kill may leave them as they were before the
batch or half rebuilt; they are judged after the same ingest is run again, when the whole
store and the search index must equal those of an uninterrupted run exactly. The store holds
no blank nodes, so its sorted N-Quads lines are a canonical form once the one value that
differs between two ingests of the same file, the time each document's ingest ended
(prov:endedAtTime in its graph), is left out.

A review trial kills a process that records many decisions through the `mandate review`
command, one after another, and checks that every decision in the reviews graph has its
link, status, reviewer (with a name) and time, and that the decisions present are exactly
the first r of the run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from config import load_settings
from ingest.loader import expand_paths, ingest_file
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PROV, RDF, RDFS
from search import index_path
from store import EmbeddedStore, GraphStore, open_store
from store.terms import term_text
from tests.conftest import REPO_ROOT, SAMPLES, mandate_executable


def store_env(store: Path) -> dict[str, str]:
    """Return the environment that points `mandate` at the embedded store `store`."""
    env = {**os.environ, "MANDATE_STORE": str(store)}
    env.pop("MANDATE_SEARCH_INDEX", None)
    return env


def run_mandate(*args: str, store: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run `mandate ARGS` against `store` to its end; return the finished process."""
    return subprocess.run(
        [mandate_executable(), *args],
        env=store_env(store),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _iris() -> IriFactory:
    return IriFactory(load_settings().base_iri)


def _graph_of(line: str) -> str:
    # Every quad of the store is in a named graph and the graph is the line's last term.
    return line.rsplit(" ", 2)[-2]


@dataclass(frozen=True)
class StoreParts:
    """A store's sorted N-Quads lines, split into its own, derived and reviews graphs."""

    own: tuple[str, ...]
    derived: tuple[str, ...]
    reviews: tuple[str, ...]

    @classmethod
    def of_lines(cls, lines: Sequence[str]) -> StoreParts:
        """Return the parts of the N-Quads `lines` (sorted here)."""
        iris = _iris()
        links = term_text(iris.links_graph())
        commune_links = links[:-1] + "/"
        reviews = term_text(iris.reviews_graph())
        ended = term_text(PROV.endedAtTime)
        parts: dict[str, list[str]] = {"own": [], "derived": [], "reviews": []}
        for line in sorted(lines):
            graph = _graph_of(line)
            if graph == links or graph.startswith(commune_links):
                parts["derived"].append(line)
            elif graph == reviews:
                parts["reviews"].append(line)
            elif f" {ended} " in line:
                parts["own"].append(_without_time(line))
            else:
                parts["own"].append(line)
        return cls(tuple(parts["own"]), tuple(parts["derived"]), tuple(parts["reviews"]))

    @property
    def own_digest(self) -> str:
        """Return a digest of the own graphs."""
        return digest(self.own)

    @property
    def whole_digest(self) -> str:
        """Return a digest of every quad."""
        return digest(sorted((*self.own, *self.derived, *self.reviews)))


def _without_time(line: str) -> str:
    """Return a document graph's quad stating when its ingest ended, with no time in it."""
    subject, predicate, _rest = line.split(" ", 2)
    return f'{subject} {predicate} "(ingest time)" {_graph_of(line)} .'


def digest(lines: Sequence[str]) -> str:
    """Return the SHA-256 of `lines` joined by newlines."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def store_parts(store: Path) -> StoreParts:
    """Reopen the embedded store in `store` for writing, as a user would; return its parts."""
    opened = EmbeddedStore(store)
    try:
        text = opened.dump_nquads().decode("utf-8")
    finally:
        opened.close()
    return StoreParts.of_lines([line for line in text.splitlines() if line.strip()])


def search_digest(store: Path) -> str:
    """Return a digest of every entry of the store's search index and its fingerprint."""
    path = index_path(load_settings(store=str(store)))
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT iri, kind, document, label, display, exact, folded FROM entries"
        ).fetchall()
        meta = connection.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
    finally:
        connection.close()
    return digest(sorted(repr(row) for row in rows) + [repr(row) for row in meta])


def build_corpus(directory: Path, *, communes: int) -> list[Path]:
    """Write a small synthetic province and the shipped samples into `directory`.

    Returns the files in the order `mandate ingest DIRECTORY` writes them.
    """
    generated = directory.parent / f"{directory.name}-synth"
    shutil.rmtree(generated, ignore_errors=True)
    done = subprocess.run(
        [
            mandate_executable(),
            "synth",
            "--provinces",
            "1",
            "--communes-per-province",
            str(communes),
            "-o",
            str(generated),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"mandate synth failed: {done.stdout}{done.stderr}")
    directory.mkdir(parents=True, exist_ok=True)
    for source in [*generated.rglob("*.txt"), *SAMPLES.glob("*.txt")]:
        shutil.copyfile(source, directory / source.name)
    shutil.rmtree(generated)
    files, problems = expand_paths([directory])
    if problems:
        raise RuntimeError(f"corpus not usable: {problems}")
    return files


@dataclass(frozen=True)
class Reference:
    """What a trial is judged against, built once from uninterrupted runs.

    `duration` is the length of one uninterrupted `mandate ingest` of the corpus.
    """

    corpus: Path
    files: tuple[Path, ...]
    seed: Path
    complete: Path
    prefix_digests: tuple[str, ...]
    complete_digest: str
    complete_search: str
    duration: float
    writing: tuple[float, float]
    """Seconds from the start of that run to its first document write and last one's end."""

    def documents_of(self, parts: StoreParts) -> int | None:
        """Return k when the own graphs of `parts` are those after k whole files, else None."""
        try:
            return self.prefix_digests.index(parts.own_digest)
        except ValueError:
            return None


def build_reference(work: Path, *, communes: int) -> Reference:
    """Build the corpus, the empty seed store and the reference states in `work`.

    The states after 0..N files come from ingesting the files one at a time in process;
    the complete state from one uninterrupted `mandate ingest` of the folder, whose own
    graphs must equal the state after N files.
    """
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    files = build_corpus(corpus, communes=communes)
    settings = load_settings()
    seed = work / "seed"
    open_store(str(seed), base_iri=settings.base_iri).close()

    prefix = work / "prefix"
    shutil.copytree(seed, prefix)
    store = open_store(str(prefix), base_iri=settings.base_iri)
    try:
        digests = [_own_digest_of(store)]
        for path in files:
            result = ingest_file(
                store,
                path,
                iris=IriFactory(settings.base_iri),
                max_bytes=settings.max_file_bytes,
                progress=lambda _stage, _path: None,
            )
            if not result.ok:
                raise RuntimeError(f"reference ingest failed: {result.error}")
            digests.append(_own_digest_of(store))
    finally:
        store.close()
    shutil.rmtree(prefix)

    complete = work / "complete"
    shutil.copytree(seed, complete)
    run = KillableRun(
        [mandate_executable(), "ingest", "--verbose", str(corpus)], store_env(complete)
    )
    run.finish()
    duration = time.monotonic() - run.started
    if run.process.returncode != 0:
        raise RuntimeError(f"reference ingest failed: {run.lines[-5:]}")
    writing = [
        moment
        for line, moment in zip(run.lines, run.times, strict=True)
        if line.startswith(("writing:", "done:"))
    ]
    parts = store_parts(complete)
    if parts.own_digest != digests[-1]:
        raise RuntimeError("one ingest of the folder and one file at a time disagree")
    return Reference(
        corpus=corpus,
        files=tuple(files),
        seed=seed,
        complete=complete,
        prefix_digests=tuple(digests),
        complete_digest=parts.whole_digest,
        complete_search=search_digest(complete),
        duration=duration,
        writing=(writing[0], writing[-1]),
    )


def _own_digest_of(store: GraphStore) -> str:
    text = store.dump_nquads().decode("utf-8")
    return StoreParts.of_lines([line for line in text.splitlines() if line.strip()]).own_digest


class KillableRun:
    """A `mandate`-like process in its own session whose standard error lines are collected."""

    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        self.lines: list[str] = []
        self.times: list[float] = []
        self._lock = threading.Lock()
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            list(argv),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._lock:
                self.lines.append(line.rstrip("\n"))
                self.times.append(time.monotonic() - self.started)

    def seen(self) -> list[str]:
        """Return the lines read so far."""
        with self._lock:
            return list(self.lines)

    def kill_on(self, prefix: str, occurrence: int = 1) -> tuple[bool, list[str]]:
        """SIGKILL the process as soon as the `occurrence`-th line starting with `prefix` is seen.

        Returns whether it was still running when killed, and the lines seen before.
        """
        while self.process.poll() is None:
            if _count(self.seen(), prefix) >= occurrence:
                return self._kill()
            time.sleep(0.002)
        self.finish()
        return False, self.seen()

    def _kill(self) -> tuple[bool, list[str]]:
        seen = self.seen()
        # The whole session: extraction workers die with the process that writes.
        os.killpg(self.process.pid, signal.SIGKILL)
        self.finish()
        return True, seen

    def kill_after(self, delay: float) -> tuple[bool, list[str]]:
        """SIGKILL the process and its workers `delay` seconds after the start.

        Returns whether it was still running when killed, and the lines seen before.
        """
        try:
            self.process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            return self._kill()
        self.finish()
        return False, self.seen()

    def kill_when(
        self, on_line: tuple[str, int] | None, delay: float | None
    ) -> tuple[bool, list[str], float]:
        """Kill on the `on_line` (prefix, occurrence) line if given, else after `delay` s.

        Returns whether it was killed while running, the lines seen before, and the moment
        of the kill in seconds from now (`delay` itself when given).
        """
        started = time.monotonic()
        if on_line is not None:
            killed, before = self.kill_on(*on_line)
        else:
            killed, before = self.kill_after(delay or 0.0)
        return killed, before, time.monotonic() - started if delay is None else delay

    def finish(self) -> None:
        """Wait for the process to end and for its output to be read."""
        self.process.wait(timeout=600)
        self._reader.join(timeout=30)


def _count(lines: Sequence[str], prefix: str) -> int:
    return sum(1 for line in lines if line.startswith(prefix))


@dataclass(frozen=True)
class IngestTrial:
    """The outcome of one killed ingest."""

    delay: float
    phase: str
    documents: int | None
    problems: tuple[str, ...]


PHASES = ("start-up", "documents", "links and search", "after the end")
"""Where a kill can land, from the progress lines seen before it: before the first file
came out of extraction (process start, opening the store, extracting), while files are
written, after the last file was written (links, search index, compaction), or after the
process had already finished."""


def ingest_trial(
    reference: Reference,
    store: Path,
    *,
    delay: float | None = None,
    on_line: tuple[str, int] | None = None,
) -> IngestTrial:
    """Kill an ingest of the reference corpus and judge the store; return the outcome.

    The kill comes `delay` seconds after the start, or as soon as the ingest prints the
    `on_line` = (prefix, n)-th line of its `--verbose` progress starting with that prefix.

    The store is reopened and must hold the own graphs of some whole number k of files
    (at least those reported done before the kill, at most those whose writing began);
    then the same ingest is run again and must reach the complete state, links and search
    index included.
    """
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(reference.seed, store)
    process = KillableRun(
        [mandate_executable(), "ingest", "--verbose", str(reference.corpus)], store_env(store)
    )
    killed, before, moment = process.kill_when(on_line, delay)
    every = process.seen()
    done_before, begun = _count(before, "done:"), _count(every, "writing:")
    if not killed:
        phase = PHASES[3]
    elif not _count(before, "reading:"):
        phase = PHASES[0]
    elif done_before < len(reference.files):
        phase = PHASES[1]
    else:
        phase = PHASES[2]

    problems: list[str] = []
    if not killed and process.process.returncode != 0:
        problems.append(f"the ingest failed on its own: {every[-5:]}")
    parts = store_parts(store)
    documents = reference.documents_of(parts)
    if documents is None:
        problems.append(
            f"after the kill the store's own graphs ({len(parts.own)} quads) are not the "
            "state after any whole number of files"
        )
    elif not done_before <= documents <= begun:
        problems.append(
            f"after the kill the store holds {documents} files, but {done_before} were "
            f"reported done and {begun} begun"
        )
    again = run_mandate("ingest", str(reference.corpus), store=store)
    if again.returncode != 0:
        problems.append(f"the second ingest failed: {again.stdout[-400:]}{again.stderr[-400:]}")
    elif store_parts(store).whole_digest != reference.complete_digest:
        problems.append("the second ingest did not reach the complete store")
    elif search_digest(store) != reference.complete_search:
        problems.append("the second ingest did not reach the complete search index")
    return IngestTrial(moment, phase, documents, tuple(problems))


# --- reviews ---------------------------------------------------------------------------

_LINKS = "SELECT DISTINCT ?link WHERE { ?link a $linkClass } ORDER BY ?link"


def proposed_links(store: Path, count: int) -> list[str]:
    """Return the IRIs of up to `count` proposed links of the store, sorted."""
    opened = EmbeddedStore(store, read_only=True)
    try:
        rows = opened.select(_LINKS, {"linkClass": MG.ImplementationLink})
    finally:
        opened.close()
    return [str(row["link"]) for row in rows[:count]]


def reviewer_name(trial: int, index: int) -> str:
    """Return the reviewer recorded for review `index` of review trial `trial`."""
    return f"crash trial {trial} review {index}"


def confirms(index: int) -> bool:
    """Return whether review `index` of a trial confirms its link (else it rejects)."""
    return index % 2 == 0


def drive_reviews(argv: Sequence[str]) -> None:
    """Record reviews through the `review` command: STORE TRIAL LINK...; report each done.

    Each review is one whole `mandate review` invocation (open the store, resolve the link,
    record, close), run in this process so that reviews follow each other quickly.
    """
    from cli.main import cli

    store, trial, links = argv[0], int(argv[1]), argv[2:]
    for index, link in enumerate(links):
        decision = "--confirm" if confirms(index) else "--reject"
        name = reviewer_name(trial, index)
        print(f"begun: {index}", file=sys.stderr, flush=True)
        cli.main(
            args=["review", link, decision, "--by", name, "--store", store],
            prog_name="mandate",
            standalone_mode=False,
        )
        print(f"done: {index}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class ReviewTrial:
    """The outcome of one killed run of reviews."""

    delay: float
    phase: str
    reviews: int | None
    problems: tuple[str, ...]


def _review_records(store: Path) -> tuple[dict[str, dict[str, set[str]]], list[str]]:
    """Return each subject of the reviews graph with its predicates' values, and the lines."""
    lines = store_parts(store).reviews
    subjects: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        value = rest.rsplit(" ", 2)[0]
        subjects[subject][predicate].add(value)
    return subjects, list(lines)


def judge_reviews(store: Path) -> tuple[dict[str, tuple[str, bool]], list[str]]:
    """Return every decision in the reviews graph by reviewer name, and what is broken.

    A decision is whole when its review has exactly one link, status, time and agent, and
    the agent is a person with a name; anything else in the graph is a problem.
    """
    subjects, _lines = _review_records(store)
    kind, person = term_text(RDF.type), term_text(PROV.Person)
    review_class = term_text(MG.Review)
    fields = {
        "link": term_text(MG.reviewedLink),
        "status": term_text(MG.reviewStatus),
        "time": term_text(PROV.endedAtTime),
        "agent": term_text(PROV.wasAssociatedWith),
    }
    label = term_text(RDFS.label)
    problems: list[str] = []
    decisions: dict[str, tuple[str, bool]] = {}
    agents = {subject for subject, values in subjects.items() if person in values.get(kind, ())}
    for subject, values in subjects.items():
        if subject in agents:
            if len(values.get(label, ())) != 1 or set(values) != {kind, label}:
                problems.append(f"reviewer {subject} has no single name: {dict(values)}")
            continue
        if values.get(kind) != {review_class}:
            problems.append(f"{subject} is in the reviews graph but is no review: {dict(values)}")
            continue
        missing = [name for name, term in fields.items() if len(values.get(term, ())) != 1]
        if missing or set(values) != {kind, *fields.values()}:
            problems.append(f"review {subject} is not whole (missing {missing}): {dict(values)}")
            continue
        (agent,) = values[fields["agent"]]
        if agent not in agents:
            problems.append(f"review {subject} names a reviewer {agent} with no name")
            continue
        (name,) = subjects[agent][label]
        (link,) = values[fields["link"]]
        (status,) = values[fields["status"]]
        decisions[_literal_text(name)] = (link[1:-1], status == term_text(MG.confirmed))
    return decisions, problems


def _literal_text(literal: str) -> str:
    # Reviewer names in the trials are plain ASCII literals: "…" with nothing to unescape.
    return literal.split('"')[1]


def review_trial(
    store: Path,
    trial: int,
    links: Sequence[str],
    *,
    delay: float | None,
    on_line: tuple[str, int] | None,
    earlier: int,
) -> ReviewTrial:
    """Kill a run recording one review per link of `links`; judge the reviews graph.

    The kill comes `delay` seconds after the start, or when the run reports the `on_line`
    = (prefix, n)-th "begun:" or "done:" line. `earlier` is how many decisions earlier
    trials left in the store. The decisions of this run present afterwards must be
    exactly its first r, each whole.
    """
    argv = [
        sys.executable,
        "-c",
        "import sys; from tests.hardening.crash_support import drive_reviews; "
        "drive_reviews(sys.argv[1:])",
        str(store),
        str(trial),
        *links,
    ]
    process = KillableRun(argv, {**store_env(store), "PYTHONPATH": str(REPO_ROOT)})
    killed, before, moment = process.kill_when(on_line, delay)
    every = process.seen()
    done_before, begun = _count(before, "done:"), _count(every, "begun:")
    if not killed:
        phase = "after the end"
    elif not _count(before, "begun:"):
        phase = "start-up"
    else:
        phase = "reviews"
    problems: list[str] = []
    if not killed and process.process.returncode != 0:
        problems.append(f"the reviews failed on their own: {every[-5:]}")
    decisions, broken = judge_reviews(store)
    problems.extend(broken)
    ours = reviewer_name(trial, 0).removesuffix("0")
    mine = {name: value for name, value in decisions.items() if name.startswith(ours)}
    count = len(mine)
    expected = {
        reviewer_name(trial, index): (links[index], confirms(index)) for index in range(count)
    }
    if mine != expected:
        problems.append(f"the decisions present are not the first {count} of the run")
    if len(decisions) != earlier + count:
        problems.append(f"decisions of earlier runs changed: {len(decisions)} != {earlier}+{count}")
    if not done_before <= count <= begun:
        problems.append(
            f"{count} decisions present, but {done_before} reported done and {begun} begun"
        )
    return ReviewTrial(moment, phase, count, tuple(problems))


# --- figures -----------------------------------------------------------------------------


def histogram(values: Sequence[float], top: float, bins: int = 5) -> list[tuple[str, int]]:
    """Return (range, count) for `bins` equal ranges of [0, top] (the last one open)."""
    width = top / bins if top > 0 else 1.0
    counts = Counter(min(int(value / width), bins - 1) for value in values)
    return [
        (f"{index * width:.1f}-{(index + 1) * width:.1f}s", counts.get(index, 0))
        for index in range(bins)
    ]


# --- a full disk -------------------------------------------------------------------------

_ROOM_LEFT = 400 * 1024
"""Bytes left free on a filled disk: enough to open the store, too few to write a plan."""

_FILE_SIZE_LIMIT = 1_000_000
"""RLIMIT_FSIZE for the ingest: above the seed store's files, below a whole batch's log."""


@dataclass(frozen=True)
class DiskFull:
    """The outcome of an ingest that ran out of room."""

    returncode: int
    output: str
    problems: tuple[str, ...]


def mount_small_disk(directory: Path, megabytes: int) -> bool:
    """Mount a tmpfs of `megabytes` on `directory`; return False when that is not allowed."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    directory.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}M", "tmpfs", str(directory)],
        capture_output=True,
        timeout=30,
    )
    return done.returncode == 0


def unmount(directory: Path) -> None:
    """Unmount the tmpfs on `directory`."""
    subprocess.run(["umount", str(directory)], capture_output=True, timeout=30, check=True)


def _fill(directory: Path, leave: int) -> Path:
    """Write a file that leaves only `leave` bytes free on `directory`'s file system."""
    status = os.statvfs(directory)
    free = status.f_bavail * status.f_frsize
    filler = directory / "filler"
    chunk = b"\0" * (1 << 20)
    remaining = max(free - leave, 0)
    with filler.open("wb") as handle:
        while remaining > 0:
            remaining -= handle.write(chunk[: min(remaining, len(chunk))])
    return filler


def _limit_file_size() -> None:
    # Ignored, SIGXFSZ no longer kills the process: the write fails with EFBIG instead.
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (_FILE_SIZE_LIMIT, _FILE_SIZE_LIMIT))


def disk_full_ingest(reference: Reference, store: Path, *, disk: Path | None) -> DiskFull:
    """Ingest the reference corpus into `store` with no room left; judge what follows.

    The store first holds the shipped samples. With `disk` (a small file system holding
    `store`) the disk is filled but for a few hundred kilobytes; without, the ingest may
    not write files larger than a megabyte. The ingest must fail with an error naming the
    lack of room and no traceback; reopened, the store must equal its state before; once
    there is room, the same ingest must reach the complete state.
    """
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(reference.seed, store)
    samples = run_mandate("ingest", "--workers", "1", str(SAMPLES), store=store)
    if samples.returncode != 0:
        raise RuntimeError(f"ingesting the samples failed: {samples.stdout}{samples.stderr}")
    before = store_parts(store).whole_digest

    filler = _fill(disk, _ROOM_LEFT) if disk is not None else None
    try:
        done = subprocess.run(
            [mandate_executable(), "ingest", str(reference.corpus)],
            env=store_env(store),
            capture_output=True,
            text=True,
            timeout=600,
            preexec_fn=None if disk is not None else _limit_file_size,
        )
    finally:
        if filler is not None:
            filler.unlink()
    output = done.stdout + done.stderr
    problems: list[str] = []
    if done.returncode == 0:
        problems.append("the ingest succeeded with no room left")
    if "Traceback" in output or "internal error" in output:
        problems.append("the ingest ended with a traceback or an internal error")
    if "no room left" not in output:
        problems.append("no error says that the disk is full")
    if store_parts(store).whole_digest != before:
        problems.append("reopened, the store is not as it was before the ingest")
    again = run_mandate("ingest", str(reference.corpus), store=store)
    if again.returncode != 0:
        problems.append(f"with room again, the ingest failed: {again.stdout[-400:]}")
    elif store_parts(store).whole_digest != reference.complete_digest:
        problems.append("with room again, the ingest did not reach the complete store")
    return DiskFull(done.returncode, output, tuple(problems))
