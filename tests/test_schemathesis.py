"""schemathesis, run against the app's own OpenAPI schema over ASGI: no 5xx, no response that
breaks the schema (status codes, content types, bodies) on the lookups and linked data.

The SPARQL Protocol routes (``/sparql``, ``/rdf-graphs``) are left to their own tests: they
take arbitrary query text and spawn worker processes. Examples are bounded so the whole
file stays well under a minute.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Err
from schemathesis.schemas import BaseSchema

EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> BaseSchema:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return schema.exclude(path_regex=r"^/(sparql|rdf-graphs|static)")


def test_api_conforms_to_its_schema(api_schema: BaseSchema) -> None:
    """Every operation, with bounded generated examples (schemathesis' pytest plugin does not
    run on pytest 9 yet, so operations are driven through its Python API)."""
    failures: list[str] = []
    labels: list[str] = []
    statuses: dict[int, int] = {}
    for result in api_schema.get_all_operations():
        if isinstance(result, Err):
            failures.append(f"schema error: {result.err()}")
            continue
        operation = result.ok()
        labels.append(operation.label)

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Case[Any]) -> None:
            response = case.call_and_validate(checks=CHECKS)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        try:
            run()
        except Exception as exc:  # a failed check: collect it, report all at the end
            failures.append(f"{operation.label}: {type(exc).__name__}: {exc}"[:2000])
    assert len(labels) >= 15, labels
    assert not failures, "\n\n".join(failures)
    print(f"schemathesis: {len(labels)} operations, calls by status {sorted(statuses.items())}")
    assert sum(statuses.values()) >= 5 * len(labels), statuses
    assert {200, 303, 403, 404, 422} <= set(statuses), statuses
