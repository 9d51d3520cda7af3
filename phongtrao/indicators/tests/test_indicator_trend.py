"""An indicator's roll-up over a unit, period after period, drawn as SVG columns with a
table beside it; a period nobody reported for keeps its place, empty."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator


def _months_ago(n: int) -> dt.date:
    day = timezone.localdate().replace(day=1)
    for _step in range(n):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return day


def _labour(people):
    labour = Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")
    for village, months_ago, days in [(people.village, 0, 30), (people.other_village, 0, 10), (people.village, 2, 20)]:
        services.value_record(
            user=people.commune_officer,
            indicator=labour,
            unit=village,
            period_kind="month",
            day=_months_ago(months_ago),
            value=Decimal(days),
        )
    return labour


def test_the_commune_sees_its_labour_month_by_month(people, django_assert_max_num_queries):
    _labour(people)
    client = people.client(None)
    with django_assert_max_num_queries(6):
        page = client.get(f"/indicators/units/{people.commune.pk}/ngay-cong/")
    rows = page.context["rows"]
    assert len(rows) == 12
    now, two_ago = _months_ago(0), _months_ago(2)
    assert rows[-1] == (f"tháng {now.month}/{now.year}", Decimal(40), 2)
    assert rows[-3] == (f"tháng {two_ago.month}/{two_ago.year}", Decimal(20), 1)
    assert rows[-2][1:] == (None, 0)
    heights = [c.height for c in page.context["columns"]]
    assert (heights[-1], heights[-3], heights[-2]) == (100, 50, 0)
    html = page.content.decode()
    assert "<svg" in html and "<script" not in html.split("<main")[-1]


def test_other_period_kinds_and_unknown_indicators(people):
    _labour(people)
    client = people.client(None)
    yearly = client.get(f"/indicators/units/{people.commune.pk}/ngay-cong/", {"period": "year"})
    assert len(yearly.context["rows"]) == 6 and yearly.context["rows"][-1][1] is None  # months are not years
    odd = client.get(f"/indicators/units/{people.commune.pk}/ngay-cong/", {"period": "decade"})
    assert odd.context["kind"] == "month"
    assert client.get(f"/indicators/units/{people.commune.pk}/khong-co/").status_code == 404
    assert client.get("/indicators/units/999999/ngay-cong/").status_code == 404
