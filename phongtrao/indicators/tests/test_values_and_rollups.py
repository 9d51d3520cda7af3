"""Seed 004's target: 61,5% of communes meeting the NTM standard, rolled up from the
communes' values; ratios over the tree; bad values refused."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator

D = dt.date


@pytest.fixture
def ntm_standard(db):
    return Indicator.objects.create(
        code="xa-dat-chuan-ntm",
        name="Xã đạt chuẩn nông thôn mới",
        value_type="boolean",
        aggregation="count_achieving",
        achieving_threshold=Decimal(1),
    )


@pytest.fixture
def culture(db):
    return Indicator.objects.create(
        code="ho-van-hoa",
        name="Tỷ lệ hộ gia đình văn hóa",
        value_type="ratio",
        aggregation="ratio_of_sums",
        unit_of_measure="%",
    )


def rollup(client, code, unit, period="year", date="2020-06-01"):
    return client.get("/api/rollup", {"indicator": code, "unit": unit.pk, "period": period, "date": date}).json()


def test_communes_achieving_roll_up_to_the_district_at_once(people, ntm_standard):
    client = people.client(people.commune_officer)
    response = client.post(
        "/api/values",
        {"indicator": ntm_standard.code, "unit": people.commune.pk, "period": "year", "date": "2020-12-31", "value": 1},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    figure = rollup(people.client(None), ntm_standard.code, people.district)
    assert (figure["value"], figure["reporting_units"], figure["label"]) == ("1", 1, "năm 2020")
    services.value_record(
        user=people.outsider,
        indicator=ntm_standard,
        unit=people.other_commune,
        period_kind="year",
        day=D(2020, 12, 31),
        value=Decimal(0),
    )
    assert rollup(people.client(None), ntm_standard.code, people.province)["reporting_units"] == 2
    assert rollup(people.client(None), ntm_standard.code, people.province)["achieving"] == 1


def test_a_ratio_rolls_up_as_the_ratio_of_sums_and_corrections_replace(people, culture):
    services.value_record(
        user=people.village_head,
        indicator=culture,
        unit=people.village,
        period_kind="year",
        day=D(2020, 1, 1),
        numerator=Decimal(80),
        denominator=Decimal(100),
    )
    services.value_record(
        user=people.other_village_head,
        indicator=culture,
        unit=people.other_village,
        period_kind="year",
        day=D(2020, 1, 1),
        numerator=Decimal(10),
        denominator=Decimal(50),
    )
    assert rollup(people.client(None), culture.code, people.commune)["value"] == "60"  # 90/150, not mean(80,20)
    services.value_record(
        user=people.village_head,
        indicator=culture,
        unit=people.village,
        period_kind="year",
        day=D(2020, 5, 1),
        numerator=Decimal(95),
        denominator=Decimal(100),
    )
    assert rollup(people.client(None), culture.code, people.commune)["value"] == "70"  # 105/150


def test_bad_values_are_refused_with_the_field_named(people, culture, ntm_standard):
    with pytest.raises(ValidationError) as caught:
        services.value_record(
            user=people.village_head,
            indicator=culture,
            unit=people.village,
            period_kind="year",
            day=D(2020, 1, 1),
            numerator=Decimal(120),
            denominator=Decimal(100),
        )
    assert "vượt 100%" in caught.value.message_dict["numerator"][0]
    with pytest.raises(ValidationError) as caught:
        services.value_record(
            user=people.village_head,
            indicator=culture,
            unit=people.village,
            period_kind="month",
            day=timezone.localdate() + dt.timedelta(days=40),
            numerator=Decimal(1),
            denominator=Decimal(2),
        )
    assert "chưa bắt đầu" in caught.value.message_dict["period_start"][0]
    with pytest.raises(PermissionDenied):
        services.value_record(
            user=people.village_head,
            indicator=ntm_standard,
            unit=people.other_village,
            period_kind="year",
            day=D(2020, 1, 1),
            value=Decimal(1),
        )
    response = people.client(people.commune_officer).post(
        "/api/values",
        {
            "indicator": ntm_standard.code,
            "unit": people.commune.pk,
            "period": "year",
            "date": "2020-01-01",
            "value": "abc",
        },
        content_type="application/json",
    )
    assert response.status_code == 422


def test_implausible_values_need_confirmation(people):
    income = Indicator.objects.create(
        code="thu-nhap",
        name="Thu nhập bình quân",
        value_type="number",
        aggregation="weighted_mean",
        plausible_min=Decimal(10_000_000),
        plausible_max=Decimal(200_000_000),
    )
    with pytest.raises(ValidationError) as caught:
        services.value_record(
            user=people.village_head,
            indicator=income,
            unit=people.village,
            period_kind="year",
            day=D(2020, 1, 1),
            value=Decimal(900_000_000),
        )
    assert "xác nhận" in caught.value.message_dict["confirm"][0]
    services.value_record(
        user=people.village_head,
        indicator=income,
        unit=people.village,
        period_kind="year",
        day=D(2020, 1, 1),
        value=Decimal(900_000_000),
        confirm=True,
        weight=Decimal(100),
    )
    services.value_record(
        user=people.other_village_head,
        indicator=income,
        unit=people.other_village,
        period_kind="year",
        day=D(2020, 1, 1),
        value=Decimal(50_000_000),
        weight=Decimal(300),
    )
    assert rollup(people.client(None), income.code, people.commune)["value"] == "262500000"


def test_values_are_public_figures_without_their_notes(people, culture):
    """As decided in the permission module: figures are public, like their roll-ups."""
    services.value_record(
        user=people.village_head,
        indicator=culture,
        unit=people.village,
        period_kind="year",
        day=D(2020, 1, 1),
        numerator=Decimal(80),
        denominator=Decimal(100),
    )
    url = f"/api/values?indicator={culture.code}&unit={people.commune.pk}"
    for user in (people.commune_viewer, people.outsider, None):
        (value,) = people.client(user).get(url).json()
        assert value["numerator"] == "80" and "note" not in value and "entered_by" not in value


def test_a_plans_target_rolls_up_through_its_indicator(people, ntm_standard):
    from phongtrao.plans import services as plans
    from phongtrao.testing import make_plan

    plan = make_plan(people, unit=people.district)
    plans.plan_set_parts(
        user=people.district_officer,
        plan=plan,
        parts={
            "targets": [
                {"text": "Có 61,5% số xã đạt chuẩn nông thôn mới", "value": Decimal("61.5"), "unit_of_measure": "%"}
            ]
        },
    )
    target = plan.targets.get()
    client = people.client(people.district_officer)
    params = {"target": target.pk, "unit": people.district.pk, "period": "year", "date": "2020-12-31"}
    assert client.get("/api/rollup", params).status_code == 422  # not measured yet
    target.indicator = ntm_standard
    target.save()
    services.value_record(
        user=people.commune_officer,
        indicator=ntm_standard,
        unit=people.commune,
        period_kind="year",
        day=D(2020, 12, 31),
        value=Decimal(1),
    )
    assert client.get("/api/rollup", params).json()["achieving"] == 1
    assert people.client(people.outsider).get("/api/rollup", params).status_code == 404  # a draft's target
