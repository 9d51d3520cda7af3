"""A district plan's measured targets, commune by commune: a total against the share
handed to each commune, a rate against the plan's own value."""

import datetime as dt
from decimal import Decimal

from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator
from phongtrao.indicators.tests.test_national_and_plan_rollups import issued_plan_measured_by
from phongtrao.plans import services as plans

D = dt.date


def _district_plan(people):
    ditches = Indicator.objects.create(
        code="kenh-km", name="Kênh mương nạo vét", value_type="number", aggregation="sum"
    )
    culture = Indicator.objects.create(
        code="ho-van-hoa", name="Tỷ lệ hộ văn hóa", value_type="ratio", aggregation="ratio_of_sums"
    )
    plan = issued_plan_measured_by(
        people, [("Nạo vét 10 km kênh mương", Decimal(10), ditches), ("80% hộ văn hóa", Decimal(80), culture)]
    )
    ditch_target = plan.targets.get(indicator=ditches)
    plans.target_allocate(
        user=people.district_officer,
        target=ditch_target,
        values={people.commune: Decimal(6), people.other_commune: Decimal(4)},
    )
    for village, km, cultured in [(people.village, 2, 45), (people.other_village, 1, 40)]:
        kwargs = {"user": people.district_officer, "unit": village, "period_kind": "year", "day": D(2024, 6, 1)}
        services.value_record(indicator=ditches, value=Decimal(km), **kwargs)
        services.value_record(indicator=culture, numerator=Decimal(cultured), denominator=Decimal(50), **kwargs)
    return plan


def test_each_commune_against_its_share_or_the_plans_rate(people, django_assert_max_num_queries):
    plan = _district_plan(people)
    client = people.client(None)
    with django_assert_max_num_queries(8):
        page = client.get(f"/plans/{plan.pk}/progress/", {"period": "year", "date": "2024-12-31"})
    rows = {row.unit: [(c.actual, c.goal, c.percent) for c in row.targets] for row in page.context["rows"]}
    assert rows[people.commune] == [(Decimal(3), Decimal(6), 50), (Decimal("85.00"), Decimal(80), 100)]
    assert rows[people.other_commune] == [(None, Decimal(4), None), (None, Decimal(80), None)]
    assert "năm 2024" in page.content.decode()


def test_the_api_gives_the_same_table(people):
    plan = _district_plan(people)
    data = (
        people.client(None).get(f"/api/rollup/plans/{plan.pk}/units", {"period": "year", "date": "2024-12-31"}).json()
    )
    assert [t["indicator"] for t in data["targets"]] == ["kenh-km", "ho-van-hoa"]
    by_unit = {u["unit"]["id"]: u["targets"] for u in data["units"]}
    assert by_unit[people.commune.pk][0] == {"actual": "3", "goal": "6", "percent": 50}


def test_a_draft_plans_progress_is_hidden_from_outsiders(people):
    from phongtrao.testing import make_plan

    plan = make_plan(people, unit=people.district)
    assert people.client(people.outsider).get(f"/plans/{plan.pk}/progress/").status_code == 404
    assert people.client(people.district_officer).get(f"/plans/{plan.pk}/progress/").status_code == 200
    params = {"period": "year", "date": "2024-12-31"}
    assert people.client(people.outsider).get(f"/api/rollup/plans/{plan.pk}/units", params).status_code == 404
