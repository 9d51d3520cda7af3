"""The odd inputs once seen answering 500 now answer 422 in the one error shape, naming
what was wrong, and change nothing."""

from __future__ import annotations

import pytest

from phongtrao.plans.models import Plan
from phongtrao.testing import make_plan


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/units?parent=99999999999999999999", "parent"),
        ("/api/plans?year=10000", "year"),
        ("/api/plans?year=0", "year"),
        ("/api/plans?page=abc", "page"),
        ("/api/plans?q=%00", "q"),
        ("/api/plans/99999999999999999999", "plan_id"),
        ("/api/contributions?unit=abc", "unit"),
        ("/api/rollup?period=year&date=2023-01-01&indicator=x&unit=0", "unit"),
    ],
)
def test_odd_reads_are_refused_by_field(people, url, field):
    answer = people.client(people.commune_officer).get(url)
    assert answer.status_code == 422, (url, answer.status_code)
    body = answer.json()
    assert set(body) == {"detail", "errors"} and field in body["errors"], body


@pytest.mark.parametrize(
    "body",
    [
        {"unit": 0, "title": "x", "issuer": "UBND"},
        {"unit": 1, "title": "x" * 30_000, "issuer": "UBND"},
        {"unit": 1, "title": "Kế\x00hoạch", "issuer": "UBND"},
        {"unit": 1, "title": "x", "issuer": "UBND", "kind": "bogus"},
        {"unit": 1, "title": "x", "issuer": "U" * 300},
        {"unit": 1, "title": "x", "issuer": "UBND", "issue_date": "9999-12-31"},
    ],
)
def test_odd_writes_change_nothing(people, body):
    make_plan(people)
    before = list(Plan.objects.values_list("pk", "title"))
    answer = people.client(people.commune_officer).post("/api/plans", body, content_type="application/json")
    assert answer.status_code == 422, answer.content
    assert list(Plan.objects.values_list("pk", "title")) == before


def test_a_weight_and_a_target_rate_beyond_their_columns_are_refused(people):
    from phongtrao.indicators.models import Indicator, IndicatorValue
    from phongtrao.surveys.models import Survey

    Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")
    officer = people.client(people.commune_officer)
    value = {"indicator": "ngay-cong", "unit": people.village.pk, "period": "year", "date": "2023-12-31", "value": "5"}
    heavy = officer.post("/api/values", value | {"weight": "1e30"}, content_type="application/json")
    assert heavy.status_code == 422 and "weight" in heavy.json()["errors"]
    plan = make_plan(people, issued=True)
    survey = {
        "plan": plan.pk,
        "unit": people.commune.pk,
        "title": "Khảo sát",
        "opens_on": "2023-03-01",
        "closes_on": "2023-03-31",
        "questions": ["Giao thông"],
    }
    rate = officer.post("/api/surveys", survey | {"target_rate": "1e30"}, content_type="application/json")
    assert rate.status_code == 422 and "target_rate" in rate.json()["errors"]
    assert not IndicatorValue.objects.exists() and not Survey.objects.exists()
