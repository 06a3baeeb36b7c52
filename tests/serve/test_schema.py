"""Schemathesis against the OpenAPI spec on the seeds' store: generated requests to every
operation, valid and invalid, find no server error and no response the spec does not
document (status, content type, body shape). The time limit's 503 is tested in
test_limits.py."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from redshank.serve.app import create_app

OPERATIONS = [
    ("GET", "/api/events"), ("GET", "/api/events/{event_id}"),
    ("GET", "/api/clusters/{cluster_id}"), ("GET", "/api/dyads"), ("GET", "/api/timeline"),
    ("GET", "/api/places"),
    ("GET", "/api/positions"), ("GET", "/api/coalitions"), ("GET", "/api/documents/{doc_id}"),
    ("GET", "/api/stats"), ("POST", "/api/code"),
]


@pytest.fixture(scope="module")
def api_schema(seeds_db: str, pipeline):
    app = create_app(seeds_db, query_timeout_s=60, pipeline=pipeline)
    with TestClient(app):
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_checked(api_schema) -> None:
    found = [(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()]
    assert sorted(found) == sorted(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_the_api_keeps_to_its_spec(api_schema, method: str, path: str) -> None:
    operation = api_schema[path][method]

    cases = (operation.as_strategy(generation_mode=schemathesis.GenerationMode.POSITIVE)
             | operation.as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE))

    @given(case=cases)
    @settings(max_examples=40, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def keeps_to_spec(case) -> None:
        # Not checked: that every request of the right types is accepted (a filter value
        # may name nothing known, event=XYZ: a documented 400) and that every other one is
        # refused (over HTTP a query value `true` is also the text "true", a valid actor).
        case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance,
                                                schemathesis.checks.negative_data_rejection])

    keeps_to_spec()
