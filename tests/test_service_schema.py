"""Schemathesis against the service's OpenAPI document: requests generated for every operation,
valid ones and invalid ones, never get a 5xx, and answers keep to the document's statuses and
content types."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

OPERATIONS = [("/v1/extract", "POST"), ("/v1/extract/batch", "POST"), ("/v1/view", "POST"), ("/", "GET"),
              ("/v1/schema", "GET"), ("/healthz", "GET"), ("/readyz", "GET")]


@pytest.fixture(scope="module")
def api_schema(service):
    return schemathesis.openapi.from_url(f"{service[0]}/openapi.json")


def test_the_document_lists_exactly_these_operations(api_schema):
    found = {(result.ok().path, result.ok().method.upper()) for result in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


CASES = [pytest.param(path, method, GenerationMode.POSITIVE, id=f"{method} {path} valid") for path, method in OPERATIONS]
# Invalid requests for the operations that take input (the others have nothing to get wrong).
CASES += [pytest.param(path, method, GenerationMode.NEGATIVE, id=f"{method} {path} invalid")
          for path, method in OPERATIONS if method == "POST"]


@pytest.mark.parametrize("path, method, mode", CASES)
def test_no_generated_request_gets_a_server_error(api_schema, path, method, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=30 if method == "POST" else 5, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(checks=[not_a_server_error, status_code_conformance, content_type_conformance],
                               timeout=60)

    check()
