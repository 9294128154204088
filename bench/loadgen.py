"""A closed-loop HTTP load generator: N concurrent clients on asyncio and httpx."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx

__all__ = ["LoadResult", "drive"]


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
