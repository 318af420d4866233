"""Schemathesis against the OpenAPI schema: every read operation, with generated parameters,
answers within its documented statuses and response schemas, and never with a server error.
Examples per operation are bounded so that the run stays short; POST is covered by test_jobs
(each generated body would run the whole pipeline)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from newsloom.settings import ServeSettings

EXAMPLES = 15


@pytest.fixture(scope="module")
def operations(store_path: Path) -> Iterator[list]:
    from newsloom.serve.app import create_app, shutdown

    app = create_app(store_path, ServeSettings(allowed_hosts=("testserver", "localhost")))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")
    yield [result.ok() for result in schema.get_all_operations()]
    shutdown(app)


def test_the_schema_has_every_read_operation(operations: list) -> None:
    labels = {op.label for op in operations}
    assert "GET /api/stories/{story_id}" in labels
    assert len(labels) == 10


def test_read_operations_conform(operations: list) -> None:
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def conforms(case) -> None:
            case.call_and_validate()

        conforms()
