"""An indicator's roll-up over a unit, period after period, drawn as SVG columns with a
table beside it and the same table as an Excel sheet, ending on the day asked; a period
nobody reported for keeps its place, empty, and a run with no figure at all says so."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator
from phongtrao.testing import table_rows


def _months_ago(n: int) -> dt.date:
    day = timezone.localdate().replace(day=1)
    for _step in range(n):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return day


def _labour(people, entries: list[tuple] | None = None):
    """Days of labour by village and month: (village, a day of the month, days)."""
    labour = Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")
    if entries is None:
        entries = [(people.village, _months_ago(0), 30), (people.other_village, _months_ago(0), 10)]
        entries.append((people.village, _months_ago(2), 20))
    for village, day, days in entries:
        services.value_record(
            user=people.commune_officer,
            indicator=labour,
            unit=village,
            period_kind="month",
            day=day,
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


def _in_2024(people) -> list[tuple]:
    """March and May 2024 (a finished plan's months): its trend ends where it is asked to."""
    march, may = dt.date(2024, 3, 15), dt.date(2024, 5, 15)
    return [(people.village, march, 10), (people.other_village, march, 5), (people.village, may, 7)]


def test_the_chart_the_table_and_the_sheet_show_the_same_months(people):
    _labour(people, _in_2024(people))
    url = f"/indicators/units/{people.commune.pk}/ngay-cong/"
    page = people.client(None).get(url, {"period": "month", "until": "2024-06-30"})
    rows = [(label, value, count) for label, value, count in page.context["rows"]]
    assert rows[-4:] == [
        ("tháng 3/2024", Decimal(15), 2),
        ("tháng 4/2024", None, 0),
        ("tháng 5/2024", Decimal(7), 1),
        ("tháng 6/2024", None, 0),
    ]
    assert (
        len(rows) == 12
        and "<svg" in page.content.decode()
        and "<script" not in page.content.decode().split("<main")[-1]
    )
    sheet = table_rows(
        people.client(None).get(url, {"period": "month", "until": "2024-06-30", "format": "xlsx"}).content
    )
    assert sheet[0] == ("Kỳ", "Giá trị", "Số đơn vị báo cáo")
    assert [(label, None if value is None else Decimal(str(value)), count) for label, value, count in sheet[1:]] == rows


def test_periods_without_a_figure_say_so(people):
    _labour(people, _in_2024(people))
    page = people.client(None).get(f"/indicators/units/{people.commune.pk}/ngay-cong/", {"until": "2026-06-30"})
    text = page.content.decode()
    assert "Chưa có số liệu trong các kỳ này." in text and "<svg" not in text.split("<main")[-1]
    assert people.client(None).get(f"/indicators/units/{people.commune.pk}/khong-co/").status_code == 404


def test_the_api_serves_the_rows_the_page_draws(people):
    _labour(people)
    client = people.client(None)
    today = timezone.localdate().isoformat()
    page = client.get(f"/indicators/units/{people.commune.pk}/ngay-cong/")
    api = client.get("/api/indicators/ngay-cong/trend", {"unit": people.commune.pk}).json()
    assert api["period"] == "month" and api["until"] == today and api["unit"]["id"] == people.commune.pk
    assert api["points"][-1]["value"] == "40"
    assert [(p["label"], p["value"] and Decimal(p["value"]), p["reporting_units"]) for p in api["points"]] == [
        tuple(row) for row in page.context["rows"]
    ]
    yearly = client.get("/api/indicators/ngay-cong/trend", {"unit": people.commune.pk, "period": "year"}).json()
    assert len(yearly["points"]) == 6
    assert client.get("/api/indicators/khong-co/trend", {"unit": people.commune.pk}).status_code == 404
    assert client.get("/api/indicators/ngay-cong/trend", {"unit": 999999}).status_code == 404
