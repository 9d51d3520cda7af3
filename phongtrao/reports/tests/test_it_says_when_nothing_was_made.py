"""Scheduling reports that are all made already, or for a plan that asks for none, is not
reported as a success ("Đã lập 0 báo cáo"): the page says what happened and why."""

from __future__ import annotations

import datetime as dt

from django.contrib.messages import get_messages

from phongtrao.reports.models import Report
from phongtrao.reports.tests.test_reports import _plan_with_reporting
from phongtrao.testing import make_plan


def _schedule(people, plan):
    client = people.client(people.commune_officer)
    answer = client.post(f"/reports/plans/{plan.pk}/", {"schedule": "1"})
    return [(m.level_tag, str(m)) for m in get_messages(answer.wsgi_request)]


def test_a_second_run_says_there_was_nothing_new(people):
    plan = _plan_with_reporting(people)
    first = _schedule(people, plan)
    made = Report.objects.filter(plan=plan).count()
    assert first[0][0] == "success" and f"Đã lập {made} báo cáo" in first[0][1] and made > 0
    again = _schedule(people, plan)
    assert again == [("warning", again[0][1])] and "Không có báo cáo mới" in again[0][1]
    assert Report.objects.filter(plan=plan).count() == made


def test_a_plan_without_reporting_duties_says_what_is_missing(people):
    plan = make_plan(people, issued=True, period_start=dt.date(2023, 3, 1))
    said = _schedule(people, plan)
    assert said[0][0] == "error" and "chưa có chế độ báo cáo" in said[0][1]
    assert not Report.objects.filter(plan=plan).exists()
