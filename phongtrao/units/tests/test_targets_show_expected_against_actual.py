"""A leader's first question at a meeting: where should each target be by today, where is
it, and which units are behind. Expected progress comes from the plan's period (or its
phases); the page, the API and a recomputation by hand agree."""

import datetime as dt
from decimal import Decimal

from phongtrao.plans.models import Phase, Plan, PlanStatus
from phongtrao.plans.target_progress import time_share
from phongtrao.plans.tests.test_plan_progress_by_unit import _district_plan

D = dt.date


def _in_2024(plan) -> Plan:
    Plan.objects.filter(pk=plan.pk).update(period_start=D(2024, 1, 1), period_end=D(2024, 12, 31))
    return Plan.objects.get(pk=plan.pk)


def test_the_share_of_time_gone_comes_from_the_period_or_the_phases(people):
    plan = _in_2024(_district_plan(people))
    ditches = plan.targets.get(text__startswith="Nạo vét")
    assert time_share(plan, ditches, D(2023, 12, 1)) == 0
    assert time_share(plan, ditches, D(2024, 7, 1)) == Decimal(183) / Decimal(366)
    assert time_share(plan, ditches, D(2025, 3, 1)) == 1
    ditches.due_date = D(2024, 6, 30)  # a target due mid-year is all expected by then
    assert time_share(plan, ditches, D(2024, 7, 1)) == 1
    ditches.due_date = None
    Phase.objects.create(plan=plan, name="Đợt 1", start=D(2024, 1, 1), end=D(2024, 1, 31), order=1)
    Phase.objects.create(plan=plan, name="Đợt 2", start=D(2024, 3, 1), end=D(2024, 3, 31), order=2)
    plan = Plan.objects.prefetch_related("phases").get(pk=plan.pk)
    # February lies between the two phases: nothing more is expected during it
    assert time_share(plan, ditches, D(2024, 2, 20)) == Decimal(31) / Decimal(62)
    Plan.objects.filter(pk=plan.pk).update(period_start=None, period_end=None)
    Phase.objects.filter(plan=plan).delete()
    assert time_share(Plan.objects.get(pk=plan.pk), ditches, D(2024, 7, 1)) is None
    # a plan naming only its end ("giai đoạn … - 2020"): nothing to say before it, all of it after
    Plan.objects.filter(pk=plan.pk).update(period_end=D(2024, 12, 31), issue_date=None)
    ended = Plan.objects.get(pk=plan.pk)
    assert time_share(ended, ditches, D(2024, 7, 1)) is None and time_share(ended, ditches, D(2025, 1, 1)) == 1


def test_the_dashboard_names_the_units_behind_and_the_api_agrees(people):
    plan = _in_2024(_district_plan(people))
    page = people.client(None).get(f"/units/{people.district.pk}/dashboard/")
    rows = {row.target.text: row for row in page.context["targets"]}
    ditches = rows["Nạo vét 10 km kênh mương"]
    # 2024 is over: all of it was expected; 2 + 1 km of 10 is 30 %
    assert (ditches.expected, ditches.progress.actual, ditches.progress.percent, ditches.gap) == (100, 3, 30, 70)
    # Hồng Phong dug 3 km of the 6 handed to it; Tân Lập reported nothing (not "behind")
    assert [(b.unit, b.progress.actual, b.progress.goal, b.gap) for b in ditches.behind] == [
        (people.commune, Decimal(3), Decimal(6), 50)
    ]
    assert ditches.silent == [people.other_commune]
    text = page.content.decode()
    assert "chậm 70 điểm %" in text and "Kế hoạch thử" in text
    api = people.client(None).get(f"/api/units/{people.district.pk}/targets").json()
    figures = {t["text"]: t for t in api}["Nạo vét 10 km kênh mương"]
    assert (figures["expected"], figures["actual"], figures["percent"], figures["gap"]) == (100, "3", 30, 70)
    assert figures["plan"]["id"] == plan.pk and figures["plan"]["unit"]["id"] == people.district.pk
    assert [(b["unit"]["id"], b["actual"], b["goal"], b["gap"]) for b in figures["behind"]] == [
        (people.commune.pk, "3", "6", 50)
    ]
    assert [u["id"] for u in figures["silent"]] == [people.other_commune.pk]
    printed = people.client(None).get(f"/units/{people.district.pk}/dashboard/print/")
    assert [(r.target.pk, r.expected, r.progress.percent) for r in printed.context["targets"]] == [
        (r.target.pk, r.expected, r.progress.percent) for r in page.context["targets"]
    ]
    assert "Tân Lập" in printed.content.decode() and "Hồng Phong (50)" in printed.content.decode()
    mid_year = people.client(None).get(f"/api/units/{people.district.pk}/targets", {"day": "2024-07-01"}).json()
    assert {t["text"]: t["expected"] for t in mid_year}["Nạo vét 10 km kênh mương"] == 50


def test_a_plan_without_a_period_says_so(people):
    plan = _district_plan(people)
    Plan.objects.filter(pk=plan.pk).update(period_start=None, period_end=None)
    page = people.client(None).get(f"/units/{people.district.pk}/dashboard/")
    assert all(row.expected is None and not row.behind for row in page.context["targets"])
    assert "Kế hoạch không ghi thời gian thực hiện nên không tính được mức cần đạt đến nay." in page.content.decode()
    api = people.client(None).get(f"/api/units/{people.district.pk}/targets").json()
    assert {t["expected"] for t in api} == {None}


def test_a_draft_plans_targets_are_not_counted_and_an_unknown_unit_is_404(people):
    plan = _in_2024(_district_plan(people))
    api = people.client(people.outsider).get(f"/api/units/{people.district.pk}/targets").json()
    assert len(api) == 2  # an issued plan's figures are public
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)
    assert people.client(people.district_officer).get(f"/api/units/{people.district.pk}/targets").json() == []
    assert people.client(None).get("/api/units/999999/targets").status_code == 404
