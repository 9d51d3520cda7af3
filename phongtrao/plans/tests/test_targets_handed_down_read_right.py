"""A district's targets as the communes receive them: a total reaches a commune only as
the share handed to it (not the district's whole 134 million in every commune), a rate
as it is; the allocation form reads in Vietnamese numbers with the total and what is left;
the units carrying out a 2020 plan are its communes of 2020, merged since."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from phongtrao.geo.models import Kind
from phongtrao.geo.services import unit_create
from phongtrao.indicators.models import Indicator
from phongtrao.indicators.services import value_record
from phongtrao.plans import services
from phongtrao.plans import target_progress as rollups
from phongtrao.plans.selectors import allocation_summary, implementing_units, plan_differences
from phongtrao.testing import make_plan

FUND = "Xây dựng Quỹ “Vì người nghèo” toàn huyện đạt trên 134 triệu đồng"


@pytest.fixture
def district_plan(people):
    plan = make_plan(people, unit=people.district, title="Cuộc vận động năm 2020", full_number="42/KH-UBND")
    services.plan_set_parts(
        user=people.district_officer,
        plan=plan,
        parts={
            "targets": [
                {"text": FUND, "value": Decimal(134_000_000), "unit_of_measure": "đồng", "comparator": ">"},
                {"text": "Hộ gia đình văn hóa", "value": Decimal("87.5"), "unit_of_measure": "%"},
            ]
        },
    )
    return services.plan_issue(
        user=people.district_officer,
        plan=services.plan_update(
            user=people.district_officer, plan=plan, issue_date=dt.date(2023, 2, 20), signer_name="Cao Trang Trọng"
        ),
    )


def fund(plan):
    return plan.targets.get(text=FUND)


def test_it_refuses_to_hand_a_whole_district_total_to_a_commune_given_no_share(people, district_plan):
    child = services.plan_derive(user=people.commune_officer, parent=district_plan, unit=people.commune)
    assert {t.text: t.value for t in child.targets.all()} == {"Hộ gia đình văn hóa": Decimal("87.5")}
    assert plan_differences(child) == []  # nothing of the fund was asked of this commune


def test_a_commune_receives_the_share_handed_to_it(people, district_plan):
    services.target_allocate(
        user=people.district_officer, target=fund(district_plan), values={people.commune: Decimal(12_000_000)}
    )
    child = services.plan_derive(user=people.commune_officer, parent=district_plan, unit=people.commune)
    assert {t.text: t.value for t in child.targets.all()} == {
        FUND: Decimal(12_000_000),
        "Hộ gia đình văn hóa": Decimal("87.5"),
    }
    page = people.client(people.commune_officer).get(f"/plans/{child.pk}/document/").content.decode()
    assert "&gt; 12.000.000 đồng" in page and "87,5 %" in page


def test_the_allocation_form_shows_vietnamese_numbers_the_total_and_what_is_left(people, district_plan):
    target = fund(district_plan)
    services.target_allocate(
        user=people.district_officer,
        target=target,
        values={people.commune: Decimal(12_000_000), people.other_commune: Decimal(20_500_000)},
    )
    summary = allocation_summary(target)
    assert (summary.allocated, summary.units, summary.remainder) == (Decimal(32_500_000), 2, Decimal(101_500_000))
    page = people.client(people.district_officer).get(f"/plans/targets/{target.pk}/allocations/").content.decode()
    assert 'value="12.000.000"' in page and "12.0000" not in page
    assert "32.500.000 đồng" in page and "101.500.000 đồng" in page
    response = people.client(people.district_officer).post(
        f"/plans/targets/{target.pk}/allocations/",
        {f"unit_{people.commune.pk}": "15.000.000", f"unit_{people.other_commune.pk}": "20.500.000"},
    )
    assert response.status_code == 302
    assert allocation_summary(target).allocated == Decimal(35_500_000)


def test_a_2020_plan_is_carried_out_by_the_communes_of_2020(people):
    """Its progress page lists them, each against the plan's rate, in the same form as the
    district's own figure on its dashboard: "61,5 %" of communes, never a bare count."""
    old = unit_create(
        name="Xã Cũ", kind=Kind.COMMUNE, parent=people.district, code="90113", valid_until=dt.date(2025, 6, 30)
    )
    unit_create(name="Xã Mới", kind=Kind.COMMUNE, parent=people.district, valid_from=dt.date(2025, 7, 1))
    plan = make_plan(people, unit=people.district, period_start=dt.date(2020, 1, 1), period_end=dt.date(2020, 12, 31))
    assert [u.name for u in implementing_units(plan)] == ["Xã Cũ", "Xã Hồng Phong", "Xã Tân Lập"]
    standard = Indicator.objects.create(
        code="xa-dat-chuan",
        name="Xã đạt chuẩn",
        value_type="yes_no",
        aggregation="count_achieving",
        achieving_threshold=Decimal(1),
    )
    services.plan_set_parts(
        user=people.district_officer,
        plan=plan,
        parts={
            "targets": [
                {
                    "text": "61,5% số xã đạt chuẩn",
                    "value": Decimal("61.5"),
                    "unit_of_measure": "%",
                    "indicator": standard,
                }
            ]
        },
    )
    for unit, value in [(old, 1), (people.commune, 1), (people.other_commune, 0)]:
        value_record(
            user=people.district_officer,
            indicator=standard,
            unit=unit,
            period_kind="year",
            day=dt.date(2020, 12, 31),
            value=Decimal(value),
        )
    officer = people.client(people.district_officer)
    page = officer.get(f"/plans/{plan.pk}/progress/", {"period": "year", "date": "2020-12-31"}).content.decode()
    assert "Không có đơn vị cấp dưới" not in page
    assert page.count(">100 %</a> / 61,5 %") == 2 and page.count(">0 %</a> / 61,5 %") == 1
    assert "Xã Cũ" in page and "Xã Mới" not in page
    rows = rollups.plan_progress(plan, people.district, "year", dt.date(2020, 1, 1))
    assert [(r.actual, r.goal) for r in rows] == [(Decimal("66.7"), Decimal("61.5"))]
