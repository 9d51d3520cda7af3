"""The country's figure is the current provinces' roll-ups added up (a merged province
counted once, in its successor), and a plan's targets are read over any unit or the
whole country in one call."""

import datetime as dt
from decimal import Decimal

import pytest

from phongtrao.accounts.models import User
from phongtrao.geo.models import Kind, Listing
from phongtrao.geo.services import unit_create
from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator
from phongtrao.plans import services as plans
from phongtrao.testing import make_plan

D = dt.date


@pytest.fixture
def country(people):
    """A second province, and an old province merged into the first on 01/7/2025."""
    admin = User.objects.create_superuser("quantri-quocgia", password="x")
    other = unit_create(name="Tỉnh Bên Cạnh", kind=Kind.PROVINCE, parent=None, code="902", listing=Listing.CURRENT)
    far_commune = unit_create(name="Xã Xa", kind=Kind.COMMUNE, parent=other, code="90201", listing=Listing.CURRENT)
    old = unit_create(name="Tỉnh Cũ", kind=Kind.PROVINCE, parent=None, code="801", listing=Listing.PRE_2025)
    old_commune = unit_create(name="Xã Cũ", kind=Kind.COMMUNE, parent=old, code="80101", listing=Listing.PRE_2025)
    culture = Indicator.objects.create(
        code="ho-van-hoa", name="Tỷ lệ hộ văn hóa", value_type="ratio", aggregation="ratio_of_sums"
    )
    standard = Indicator.objects.create(
        code="xa-dat-chuan",
        name="Xã đạt chuẩn NTM",
        value_type="boolean",
        aggregation="count_achieving",
        achieving_threshold=Decimal(1),
    )
    for place, (households, cultured, achieved) in {
        people.commune: (200, 180, 1),
        far_commune: (100, 50, 0),
        old_commune: (100, 70, 1),
    }.items():
        services.value_record(
            user=admin,
            indicator=culture,
            unit=place,
            period_kind="year",
            day=D(2024, 12, 31),
            numerator=Decimal(cultured),
            denominator=Decimal(households),
        )
        services.value_record(
            user=admin, indicator=standard, unit=place, period_kind="year", day=D(2024, 1, 1), value=Decimal(achieved)
        )
    services.units_merge(user=admin, predecessor=old, successor=people.province, effective_date=D(2025, 7, 1))
    return culture, standard


def issued_plan_measured_by(people, targets: list[tuple[str, Decimal, Indicator]]):
    plan = make_plan(people, unit=people.district)
    plans.plan_set_parts(
        user=people.district_officer,
        plan=plan,
        parts={"targets": [{"text": text, "value": value, "unit_of_measure": "%"} for text, value, _i in targets]},
    )
    for target, (_text, _value, indicator) in zip(plan.targets.order_by("order"), targets, strict=True):
        target.indicator = indicator
        target.save()
    plans.plan_update(user=people.district_officer, plan=plan, issue_date=D(2024, 1, 5), signer_name="Lê Văn B")
    return plans.plan_issue(user=people.district_officer, plan=plan)


def test_the_national_figure_adds_the_current_provinces_once(people, country):
    params = {"indicator": "ho-van-hoa", "period": "year", "date": "2024-06-30"}
    national = people.client(None).get("/api/rollup", params).json()
    # (180 + 50 + 70) / (200 + 100 + 100): the old province counts in its successor only.
    assert (national["unit"], national["value"], national["reporting_units"]) == (None, "75", 3)
    provincial = people.client(None).get("/api/rollup", {**params, "unit": people.province.pk}).json()
    assert (provincial["value"], provincial["reporting_units"]) == ("83.33", 2)


def test_a_plans_targets_roll_up_over_a_unit_or_the_country(people, country):
    culture, standard = country
    plan = issued_plan_measured_by(
        people,
        [("80% hộ gia đình văn hóa", Decimal(80), culture), ("61,5% số xã đạt chuẩn", Decimal("61.5"), standard)],
    )
    url = f"/api/rollup/plans/{plan.pk}"
    national = people.client(None).get(url, {"period": "year", "date": "2024-01-01"}).json()
    assert [(t["actual"], t["percent"], t["reporting_units"]) for t in national["targets"]] == [
        ("75", 93, 3),  # 75 of 80
        ("66.7", 100, 3),  # 2 of 3 communes, past 61,5%
    ]
    provincial = people.client(None).get(url, {"period": "year", "date": "2024-01-01", "unit": people.province.pk})
    assert [t["actual"] for t in provincial.json()["targets"]] == ["83.33", "100"]
    empty = people.client(None).get(url, {"period": "year", "date": "2019-01-01"}).json()
    assert [(t["actual"], t["percent"]) for t in empty["targets"]] == [(None, None), (None, None)]


def test_a_draft_plans_rollup_is_hidden_from_outsiders(people, country):
    plan = make_plan(people, unit=people.district)
    url = f"/api/rollup/plans/{plan.pk}"
    params = {"period": "year", "date": "2024-01-01"}
    assert people.client(people.outsider).get(url, params).status_code == 404
    assert people.client(people.district_officer).get(url, params).status_code == 200
    assert people.client(None).get("/api/rollup/plans/999999", params).status_code == 404


def test_the_plan_rollup_reads_a_fixed_number_of_rows(people, country, django_assert_max_num_queries):
    plan = issued_plan_measured_by(people, [(f"Chỉ tiêu {n}", Decimal(n + 1), country[n % 2]) for n in range(6)])
    client = people.client(None)
    with django_assert_max_num_queries(4):
        response = client.get(f"/api/rollup/plans/{plan.pk}", {"period": "year", "date": "2024-01-01"})
    assert len(response.json()["targets"]) == 6
