"""The API fuzzed from its own OpenAPI schema (schemathesis): anonymous and as an
officer with a token, every operation gets a bounded number of generated requests,
valid and invalid; none may answer 5xx, and every answer must be one the schema
documents, in the shape it documents."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from phongtrao.testing import make_people, make_plan
from phongtrao.wsgi import application

EXAMPLES = 25

schema = schemathesis.openapi.from_wsgi(
    "/api/openapi.json",
    application,
    config=schemathesis.Config.from_dict(
        {
            "generation": {"mode": "all", "max-examples": EXAMPLES},
            # Data valid by the schema may still be refused by a rule of the domain (a date
            # outside the plan's period): 422 is right there, not a failure.
            "checks": {"positive_data_acceptance": {"enabled": False}},
        }
    ),
)


@pytest.fixture(autouse=True)
def _connection_kept_between_requests():
    """The WSGI app closes the database connection after each request, which would end
    the test's transaction; Django's own test client disconnects it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def officer_token(db):
    people = make_people()
    make_plan(people, issued=True)
    return people.token(people.commune_officer)


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@schema.parametrize()
@FUZZ
def test_it_answers_anonymous_callers_as_documented(case, db):
    case.call_and_validate()


@schema.parametrize()
@FUZZ
def test_it_answers_an_officer_as_documented(case, officer_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {officer_token}"})
