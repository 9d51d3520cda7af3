"""The dashboard draws the money received month by month over the last year, as SVG."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from phongtrao.contributions import services as contribution_services
from phongtrao.units.dashboard import dashboard


def _money(people, unit, amount, day):
    contribution_services.contribution_record(
        user=people.commune_officer,
        unit=unit,
        contributor_kind="person",
        contributor_name="Ông A",
        kind="money",
        amount=Decimal(amount),
        date=day,
    )


def test_money_by_month_covers_twelve_months_and_scales_to_the_largest(people):
    _money(people, people.commune, 2_000_000, dt.date(2020, 5, 1))
    _money(people, people.village, 500_000, dt.date(2020, 5, 20))
    _money(people, people.commune, 1_000_000, dt.date(2019, 8, 3))
    _money(people, people.commune, 9_000_000, dt.date(2019, 5, 31))  # thirteen months back: left out
    columns = dashboard(people.district, people.district_officer, today=dt.date(2020, 6, 15))["money_by_month"]
    assert [c.label for c in columns][:2] == ["07/2019", "08/2019"] and columns[-1].label == "06/2020"
    by_label = {c.label: (c.value, c.height) for c in columns}
    assert by_label["05/2020"] == (Decimal(2_500_000), 100)
    assert by_label["08/2019"] == (Decimal(1_000_000), 40)
    assert by_label["06/2020"] == (Decimal(0), 0)
    assert all(c.y + c.height == 100 for c in columns)


def test_no_chart_without_money_and_the_page_draws_it_without_scripts(people):
    assert dashboard(people.commune, AnonymousUser(), today=dt.date(2020, 6, 15))["money_by_month"] == []
    _money(people, people.commune, 1_000_000, timezone.localdate().replace(day=1))
    page = people.client(None).get(f"/units/{people.commune.pk}/dashboard/").content.decode()
    assert "1.000.000 đ</title>" in page and "<script" not in page.split("<svg", 1)[1].split("</svg>")[0]
