"""A measured target month by month: what the plan expected by each month's end against
what was reached (a running total of the year for a sum, the month's figure for a rate),
on a page with its chart and table, in Excel and through the API, all the same figures
as a recomputation by hand."""

import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from phongtrao.indicators import services
from phongtrao.plans.models import Plan, PlanStatus
from phongtrao.plans.tests.test_plan_progress_by_unit import _district_plan

D = dt.date


def _monthly(people):
    plan = _district_plan(people)
    Plan.objects.filter(pk=plan.pk).update(period_start=D(2024, 1, 1), period_end=D(2024, 12, 31))
    ditches = plan.targets.get(text__startswith="Nạo vét")
    for village, day, km in [
        (people.village, D(2024, 1, 20), 1),
        (people.other_village, D(2024, 2, 10), 2),
        (people.village, D(2024, 3, 5), 1),
    ]:
        services.value_record(
            user=people.district_officer,
            indicator=ditches.indicator,
            unit=village,
            period_kind="month",
            day=day,
            value=Decimal(km),
        )
    return plan, ditches


def _expected(day: dt.date) -> Decimal:
    """10 km over the 366 days of 2024, by hand."""
    return (Decimal(day.timetuple().tm_yday) / 366 * 10).quantize(Decimal("0.01"))


def test_the_page_the_sheet_and_the_api_give_the_months(people):
    plan, ditches = _monthly(people)
    wanted = [
        (D(2024, 1, 1), _expected(D(2024, 1, 31)), Decimal(1), 1),
        (D(2024, 2, 1), _expected(D(2024, 2, 29)), Decimal(3), 1),
        (D(2024, 3, 1), _expected(D(2024, 3, 31)), Decimal(4), 1),
    ]
    page = people.client(None).get(f"/plans/targets/{ditches.pk}/trend/", {"until": "2024-03-31"})
    assert page.status_code == 200
    assert [(m.month, m.expected, m.actual, m.count) for _label, m in page.context["rows"]] == wanted
    html = page.content.decode()
    assert "<polyline" in html and "tháng 2/2024" in html and "0,85" in html
    sheet = people.client(None).get(f"/plans/targets/{ditches.pk}/trend/", {"until": "2024-03-31", "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    body = [r for r in rows if r and r[0] and str(r[0]).startswith("tháng ")]
    assert [(Decimal(str(r[1])), Decimal(str(r[2])), r[3]) for r in body] == [(e, a, c) for _m, e, a, c in wanted]
    api = people.client(None).get(f"/api/rollup/targets/{ditches.pk}/trend", {"until": "2024-03-31"}).json()
    assert api["cumulative"] is True and api["unit"]["id"] == people.district.pk and api["goal"] == "10"
    assert [(m["month"], m["expected"], m["actual"], m["reporting_units"]) for m in api["months"]] == [
        (m.isoformat(), str(e), str(a), c) for m, e, a, c in wanted
    ]
    dashboard = people.client(None).get(f"/units/{people.district.pk}/dashboard/").content.decode()
    assert f"/plans/targets/{ditches.pk}/trend/?until=2024-12-31" in dashboard


def test_months_without_figures_and_a_plan_without_a_period_say_so(people):
    plan, _ditches = _monthly(people)
    culture = plan.targets.get(text__startswith="80%")
    page = people.client(None).get(f"/plans/targets/{culture.pk}/trend/", {"until": "2024-03-31"})
    assert not page.context["has_data"] and "Chưa có số liệu theo tháng trong các tháng này." in page.content.decode()
    Plan.objects.filter(pk=plan.pk).update(period_start=None, period_end=None)
    page = people.client(None).get(f"/plans/targets/{culture.pk}/trend/", {"until": "2024-03-31"})
    assert {m.expected for _label, m in page.context["rows"]} == {None}
    assert "không tính được mức cần đạt từng tháng" in page.content.decode()


def test_a_draft_plans_target_is_out_of_an_outsiders_sight(people):
    plan, ditches = _monthly(people)
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)
    assert people.client(people.outsider).get(f"/plans/targets/{ditches.pk}/trend/").status_code == 404
    assert people.client(people.outsider).get(f"/api/rollup/targets/{ditches.pk}/trend").status_code == 404
    assert people.client(people.district_officer).get(f"/plans/targets/{ditches.pk}/trend/").status_code == 200
    unmeasured = plan.targets.create(order=9, text="Làm mới 3 nhà văn hóa", value=Decimal(3))
    assert people.client(people.district_officer).get(f"/plans/targets/{unmeasured.pk}/trend/").status_code == 404
    assert people.client(people.district_officer).get(f"/api/rollup/targets/{unmeasured.pk}/trend").status_code == 404
