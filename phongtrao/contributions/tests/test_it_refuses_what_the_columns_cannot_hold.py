"""One request must not be able to break a ledger for good: amounts, quantities, dates,
choices and texts beyond what the database columns hold are refused with a message
naming the field, and nothing is saved (a 1e20 once stored on SQLite made every ledger
page of the village and the commune fail)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from phongtrao.contributions import services as contributions_services
from phongtrao.contributions.models import Contribution
from phongtrao.registrations import services as registrations_services
from phongtrao.registrations.models import Registration
from phongtrao.testing import make_plan
from phongtrao.workdays.models import WorkDay

JSON = {"content_type": "application/json"}


def _gift(people, **changes) -> dict:
    body = {
        "unit": people.village.pk,
        "contributor_kind": "household",
        "contributor_name": "Hộ ông Tư",
        "kind": "goods",
        "amount": "5",
        "description": "Xi măng",
        "value": "8500000",
        "date": "2020-05-03",
    }
    return body | changes


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"value": "1e20"}, "value", "số quá lớn"),
        ({"amount": "1e30"}, "amount", "số quá lớn"),
        ({"kind": "labour", "amount": "0.001"}, "amount", "chữ số sau dấu phẩy"),
        ({"kind": "bogus"}, "kind", "phải là một trong"),
        ({"contributor_kind": "alien"}, "contributor_kind", "phải là một trong"),
        ({"contributor_name": "x" * 5000}, "contributor_name", "dài quá 200 ký tự"),
        ({"contributor_name": "Hộ\x00ông Tư"}, "contributor_name", "ký tự rỗng"),
        ({"date": "9999-12-31"}, "date", "không lớn hơn"),
        ({"amount": "NaN"}, "amount", ""),
        ({"unit": 99999999999999999999}, "unit", "không lớn hơn"),
    ],
)
def test_it_refuses_what_the_columns_cannot_hold(people, changes, field, words):
    client = people.client(people.village_head)
    refused = client.post("/api/contributions", _gift(people, **changes), **JSON)
    assert refused.status_code == 422, refused.content
    body = refused.json()
    assert body["detail"] == "Dữ liệu gửi lên chưa hợp lệ." and field in body["errors"], body
    assert words in " ".join(body["errors"][field])
    assert not Contribution.objects.exists()
    for url in (
        f"/contributions/units/{people.village.pk}/",
        f"/contributions/units/{people.commune.pk}/contributions.xlsx",
        f"/api/contributions?unit={people.commune.pk}",
    ):
        assert people.client(people.commune_officer).get(url).status_code == 200


def test_a_value_past_the_limit_is_refused_by_the_service_too(people):
    """The Excel import and the pages reach the same service: it refuses on its own."""
    with pytest.raises(ValidationError) as refused:
        contributions_services.contribution_record(
            user=people.village_head,
            unit=people.village,
            contributor_kind="household",
            contributor_name="Hộ ông Tư",
            kind="goods",
            amount=Decimal(5),
            description="Xi măng",
            value=Decimal("1e20"),
            date=dt.date(2020, 5, 3),
        )
    assert "value" in refused.value.message_dict and not Contribution.objects.exists()


def test_a_quantity_finer_than_its_column_is_refused_not_rounded(people, saturday_call):
    with pytest.raises(ValidationError, match="Dòng 1"):
        registrations_services.registration_submit(
            user=people.village_head,
            call=saturday_call,
            unit=people.village,
            content="Nạo vét mương",
            place="Thôn Đông",
            lines=[{"kind": "material", "quantity": Decimal("0.001"), "unit_of_measure": "m³"}],
        )
    assert not Registration.objects.exists()


def test_a_calendar_of_a_century_is_refused_at_once(people):
    plan = make_plan(people, period_start=None, period_end=None)
    from phongtrao.geo.models import Kind
    from phongtrao.geo.services import unit_create

    unit_create(name="Thôn Nam", kind=Kind.HAMLET, parent=people.commune)
    refused = people.client(people.commune_officer).post(
        "/api/workdays/generate", {"plan": plan.pk, "start": "2023-01-01", "end": "2099-12-31"}, **JSON
    )
    assert refused.status_code == 422 and "tối đa 60 tháng" in str(refused.json()["errors"])
    assert not WorkDay.objects.exists()
    beyond = people.client(people.commune_officer).post(
        "/api/workdays/generate", {"plan": plan.pk, "end": "9999-12-31"}, **JSON
    )
    assert beyond.status_code == 422 and "end" in beyond.json()["errors"]
