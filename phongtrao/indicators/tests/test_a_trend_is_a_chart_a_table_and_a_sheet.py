"""An indicator's trend month by month: a chart drawn on the server (no script), its
table beside it and the same table as an Excel sheet; ending on the day asked (a finished
plan's trend ends with its period); a run of periods with no figure says so."""

import datetime as dt
from decimal import Decimal

from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator
from phongtrao.testing import table_rows


def _workdays(people) -> Indicator:
    indicator = Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")
    for village, month, amount in [(people.village, 3, 10), (people.other_village, 3, 5), (people.village, 5, 7)]:
        services.value_record(
            user=people.commune_officer,
            indicator=indicator,
            unit=village,
            period_kind="month",
            day=dt.date(2024, month, 15),
            value=Decimal(amount),
        )
    return indicator


def test_the_chart_the_table_and_the_sheet_show_the_same_months(people):
    _workdays(people)
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
    _workdays(people)
    page = people.client(None).get(f"/indicators/units/{people.commune.pk}/ngay-cong/", {"until": "2026-06-30"})
    text = page.content.decode()
    assert "Chưa có số liệu trong các kỳ này." in text and "<svg" not in text.split("<main")[-1]
    assert people.client(None).get(f"/indicators/units/{people.commune.pk}/khong-co/").status_code == 404
