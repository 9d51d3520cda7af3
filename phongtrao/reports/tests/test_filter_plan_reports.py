"""The plan's reports page narrows to one state, the missing or late ones, and one unit;
the pages that follow keep the filter."""

import datetime as dt

from django.urls import reverse

from phongtrao.reports import services as reports
from phongtrao.reports.tests.test_reports import _scheduled, _village_report, _write_and_submit


def test_the_commune_narrows_its_reports_by_state_and_village(people):
    plan = _scheduled(people)
    sent = _write_and_submit(people.village_head, _village_report(plan, people.village, dt.date(2023, 3, 3)))
    client = people.client(people.commune_officer)
    url = reverse("reports:plan_reports", args=[plan.pk])

    submitted = client.get(url, {"state": "submitted"}).context["reports"]
    assert list(submitted) == [sent]
    late = client.get(url, {"state": "late"}).context["reports"]
    assert list(late) == [sent]  # sent today, due in 2023
    missing = client.get(url, {"state": "missing", "unit": people.other_village.pk}).context["reports"]
    assert missing and {r.unit for r in missing} == {people.other_village}
    assert all(r.submitted_at is None for r in missing)
    page = client.get(url, {"unit": people.village.pk})
    assert {r.unit for r in page.context["reports"]} == {people.village}
    # in the order a list of units is read: Xã Hồng Phong, Thôn Đông (đ as d), Thôn Tây
    assert [label for u, label in page.context["filters"].fields["unit"].choices if u] == [
        "Thôn Đông",
        "Thôn Tây",
        "Xã Hồng Phong",
    ]


def test_the_next_page_keeps_the_filter(people):
    plan = _scheduled(people)
    reports.reports_schedule(user=people.commune_officer, plan=plan, until=dt.date(2023, 9, 30))
    client = people.client(people.commune_officer)
    url = reverse("reports:plan_reports", args=[plan.pk])
    first = client.get(url, {"unit": people.village.pk})
    assert first.context["page"].has_next()
    assert f"unit={people.village.pk}&amp;page=2" in first.content.decode()
    second = client.get(url, {"unit": people.village.pk, "page": 2}).context["reports"]
    assert second and {r.unit for r in second} == {people.village}


def test_a_village_head_cannot_filter_into_another_village(people):
    plan = _scheduled(people)
    url = reverse("reports:plan_reports", args=[plan.pk])
    page = people.client(people.village_head).get(url, {"unit": people.other_village.pk})
    assert list(page.context["reports"]) == list(
        people.client(people.village_head).get(url).context["reports"]
    )  # not a unit of theirs: the filter is ignored, nothing of the other village shows
    assert all(r.unit == people.village for r in page.context["reports"])
