"""Schemathesis against the running app's OpenAPI schema, with figures per operation.

`check_contract(base_url, examples=n, api_key=...)` draws `n` requests per operation from
the schema (valid ones, ones the schema forbids, and valid ones naming a real document, so
the handlers run past their lookups), sends each with the API key, and checks every answer:
no 5xx, a status the schema declares, a declared media type, and a body that matches the
schema of its status. It returns the number sent and the failures found per operation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

__all__ = ["CHECKS", "ContractReport", "check_contract"]

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass
class ContractReport:
    """Requests sent and distinct failures found, per operation (`GET /api/node`)."""

    sent: dict[str, int] = field(default_factory=dict)
    failures: dict[str, list[str]] = field(default_factory=dict)

    def failure_count(self) -> int:
        """Return the number of distinct failures over every operation."""
        return sum(len(found) for found in self.failures.values())


def _strategies(operation: object, real: Mapping[str, str]) -> st.SearchStrategy[object]:
    chosen = [operation.as_strategy(GenerationMode.POSITIVE)]  # type: ignore[attr-defined]
    names = {parameter.name for parameter in operation.query}  # type: ignore[attr-defined]
    known = {name: value for name, value in real.items() if name in names}
    if known:
        chosen.append(operation.as_strategy(GenerationMode.POSITIVE, query=known))  # type: ignore[attr-defined]
    if names:
        chosen.append(operation.as_strategy(GenerationMode.NEGATIVE))  # type: ignore[attr-defined]
    return st.one_of(chosen)


def _summary(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:400]}"


def _run(
    operation: object,
    base_url: str,
    headers: dict[str, str],
    real: Mapping[str, str],
    examples: int,
    seed_value: int,
) -> dict[str, object]:
    """Return the distinct failures of one operation, and under "" the number sent."""
    found: dict[str, object] = {"": 0}

    @seed(seed_value)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(_strategies(operation, real))
    def send(case: schemathesis.Case) -> None:
        found[""] = int(found[""]) + 1  # type: ignore[call-overload]
        try:
            case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as error:  # every failure is a finding
            found.setdefault(_summary(error), None)

    send()
    return found


def check_contract(
    base_url: str,
    *,
    examples: int,
    api_key: str,
    real: Mapping[str, str] | None = None,
    seed_value: int = 0,
) -> ContractReport:
    """Return what `examples` drawn requests per operation found on the server at base_url.

    `real` maps query parameter names to values naming something in the served graph.
    """
    schema = schemathesis.openapi.from_url(base_url + "/openapi.json")
    report = ContractReport()
    headers = {"X-API-Key": api_key}
    for result in schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        found = _run(operation, base_url, headers, real or {}, examples, seed_value)
        report.sent[label] = found.pop("", 0)  # type: ignore[assignment]
        if found:
            report.failures[label] = list(found)
    return report
