"""A closed-loop HTTP load generator: N concurrent clients on asyncio and httpx."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx

__all__ = ["LoadResult", "MixResult", "Sample", "drive", "run_mix"]


@dataclass
class LoadResult:
    """What a load run saw: per-request latencies (ms), error count, duration (s)."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    @property
    def requests_per_second(self) -> float:
        """Return the completed requests (errors included) per second."""
        total = len(self.latencies_ms) + self.errors
        return total / self.seconds if self.seconds else 0.0


async def _client(
    client: httpx.AsyncClient, urls: list[str], offset: int, deadline: float, result: LoadResult
) -> None:
    index = offset
    while time.perf_counter() < deadline:
        url = urls[index % len(urls)]
        index += 1
        started = time.perf_counter()
        try:
            response = await client.get(url)
            ok = response.status_code == 200
            failure = f"{response.status_code} {url}"
        except httpx.HTTPError as error:
            ok, failure = False, f"{type(error).__name__} {url}"
        if ok:
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
        else:
            result.errors += 1
            if len(result.error_samples) < 5:
                result.error_samples.append(failure)


async def _drive(urls: list[str], clients: int, seconds: float) -> LoadResult:
    result = LoadResult()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(
            *(
                _client(client, urls, i * len(urls) // clients, deadline, result)
                for i in range(clients)
            )
        )
        result.seconds = time.perf_counter() - started
    return result


def drive(urls: list[str], *, clients: int, seconds: float) -> LoadResult:
    """Return the LoadResult of `clients` clients requesting `urls` in turn for `seconds`.

    Each client starts at a different place in `urls` and sends its next request as soon as
    the previous one answers (a closed loop); requests still open at the deadline finish.
    """
    if not urls:
        raise ValueError("no URLs to request")
    return asyncio.run(_drive(urls, clients, seconds))


@dataclass(frozen=True)
class Sample:
    """One answered (or failed) request of a mixed run.

    `started` is in seconds since the run began, `ms` its latency, `status` the HTTP status
    (0 when no answer came: a refused or broken connection, or the client's timeout).
    """

    kind: str
    started: float
    ms: float
    status: int

    @property
    def finished(self) -> float:
        """Return when the answer came, in seconds since the run began."""
        return self.started + self.ms / 1000


@dataclass
class MixResult:
    """What a mixed run saw: every request's Sample, the run's length and a few failures."""

    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    def record(self, sample: Sample, url: str, failure: str = "") -> None:
        """Keep `sample`; note its URL among the first failures when it is not a 200.

        `failure` says why no answer came (the client's exception), when none did.
        """
        self.samples.append(sample)
        if sample.status != 200 and len(self.error_samples) < 10:
            said = sample.status or f"no answer ({failure or 'unknown'})"
            self.error_samples.append(f"{said} {url}")


async def _mix_client(
    client: httpx.AsyncClient,
    plan: list[tuple[str, str]],
    offset: int,
    origin: float,
    deadline: float,
    think: float,
    result: MixResult,
) -> None:
    index = offset
    while time.perf_counter() < deadline:
        kind, url = plan[index % len(plan)]
        index += 1
        started = time.perf_counter()
        failure = ""
        try:
            status = (await client.get(url)).status_code
        except httpx.HTTPError as error:
            status, failure = 0, f"{type(error).__name__}: {error}"
        ended = time.perf_counter()
        sample = Sample(kind, started - origin, (ended - started) * 1000, status)
        result.record(sample, url, failure)
        if think:
            await asyncio.sleep(think)


async def run_mix(
    client: httpx.AsyncClient,
    plan: list[tuple[str, str]],
    *,
    clients: int,
    seconds: float,
    origin: float,
    think_seconds: float = 0.0,
) -> MixResult:
    """Return the MixResult of `clients` clients walking `plan` ((kind, URL) pairs) for `seconds`.

    Each client starts at its own place in `plan` and sends its next request when the
    previous one has answered and `think_seconds` have passed. Sample times are counted from
    `origin` (a `time.perf_counter()` value), so other tasks of the same loop can place
    their own events on the same clock.
    """
    if not plan:
        raise ValueError("no URLs to request")
    result = MixResult()
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(
            _mix_client(
                client, plan, i * len(plan) // clients, origin, deadline, think_seconds, result
            )
            for i in range(clients)
        )
    )
    result.seconds = time.perf_counter() - started
    return result
