import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from phongtrao.contributions import services as contribution_services
from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator
from phongtrao.plans import services as plans
from phongtrao.testing import make_plan


def test_the_dashboard_shows_plans_deadlines_target_progress_and_contributions(people):
    ntm = Indicator.objects.create(
        code="xa-ntm",
        name="Xã đạt chuẩn NTM",
        value_type="boolean",
        aggregation="count_achieving",
        achieving_threshold=Decimal(1),
    )
    plan = make_plan(
        people,
        unit=people.district,
        period_start=dt.date(2020, 1, 1),
        period_end=dt.date(2020, 12, 31),
        title="Kế hoạch xây dựng NTM 2020",
    )
    plans.plan_set_parts(
        user=people.district_officer,
        plan=plan,
        parts={
            "targets": [
                {"text": "Có 50% số xã đạt chuẩn", "value": Decimal(50), "unit_of_measure": "%", "indicator": ntm}
            ],
            "duties": [{"assignee_text": "UBND các xã", "text": "Hoàn thiện hồ sơ", "deadline": dt.date(2020, 6, 30)}],
        },
    )
    plans.plan_update(user=people.district_officer, plan=plan, issue_date=dt.date(2020, 1, 2), signer_name="A")
    plans.plan_issue(user=people.district_officer, plan=plan)
    services.value_record(
        user=people.commune_officer,
        indicator=ntm,
        unit=people.commune,
        period_kind="year",
        day=dt.date(2020, 12, 31),
        value=Decimal(1),
    )
    services.value_record(
        user=people.outsider,
        indicator=ntm,
        unit=people.other_commune,
        period_kind="year",
        day=dt.date(2020, 12, 31),
        value=Decimal(0),
    )
    contribution_services.contribution_record(
        user=people.commune_officer,
        unit=people.commune,
        contributor_kind="person",
        contributor_name="Ông A",
        kind="money",
        amount=Decimal(2_000_000),
        date=dt.date(2020, 5, 1),
    )
    client = people.client(people.district_officer)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/units/{people.district.pk}/dashboard/").content.decode()
    assert "Kế hoạch xây dựng NTM 2020" in page and "quá hạn" in page
    assert 'value="100"' in page  # 1 of 2 communes = 50% reached of a 50% target
    assert "2.000.000 đ" in page and "<svg" in page and "http" not in page.split("<svg")[1].split("</svg>")[0]
    assert len(queries) < 40
    assert people.client(None).get(f"/units/{people.district.pk}/dashboard/").status_code == 200
