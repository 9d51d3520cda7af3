"""Reports a plan asks for: scheduled from its reporting duties, written, sent, accepted
and locked or returned with remarks, unlocked with a reason, consolidated."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phongtrao.concurrency import Conflict
from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator
from phongtrao.plans import services as plans
from phongtrao.reports import selectors as reports_selectors
from phongtrao.reports import services as reports_services
from phongtrao.reports.models import Report, ReportStatus
from phongtrao.testing import make_plan


def _ditch_km():
    return Indicator.objects.get_or_create(
        code="kenh-muong-km", defaults={"name": "Kênh mương được nạo vét", "value_type": "number", "aggregation": "sum"}
    )[0]


def _plan_with_reporting(people):
    plan = make_plan(people, title="Kế hoạch ra quân NTM")
    plans.plan_set_parts(
        user=people.commune_approver,
        plan=plan,
        parts={
            "reporting_duties": [
                {"reporter_text": "Các thôn", "recipient_text": "UBND xã", "frequency": "weekly", "weekday": 4},
                {
                    "reporter_text": "UBND xã",
                    "recipient_text": "UBND huyện",
                    "frequency": "monthly",
                    "day_of_month": 25,
                },
            ],
            "targets": [{"text": "Nạo vét 10 km kênh mương", "value": Decimal(10), "indicator": _ditch_km()}],
        },
    )
    plans.plan_update(user=people.commune_approver, plan=plan, issue_date=dt.date(2023, 2, 20), signer_name="A")
    return plans.plan_issue(user=people.commune_approver, plan=plan)


def _scheduled(people):
    plan = _plan_with_reporting(people)
    reports_services.reports_schedule(user=people.commune_officer, plan=plan, until=dt.date(2023, 3, 31))
    return plan


def _village_report(plan, village, due):
    return Report.objects.get(plan=plan, unit=village, due_date=due)


def _write_and_submit(user, report, text="Ra quân 2 buổi"):
    reports_services.report_write(user=user, report=report, sections=[{"heading": "Kết quả", "text": text}])
    return reports_services.report_submit(user=user, report=report)


def test_the_schedule_follows_the_reporting_duties_and_is_not_duplicated(people):
    plan = _plan_with_reporting(people)
    made = reports_services.reports_schedule(user=people.commune_officer, plan=plan, until=dt.date(2023, 3, 31))
    weekly = [r for r in made if r.kind == "weekly"]
    # Each village reports every Friday of March 2023; the commune on the 25th.
    assert sorted({r.due_date.day for r in weekly}) == [3, 10, 17, 24, 31]
    assert all(r.due_date.weekday() == 4 for r in weekly)
    assert {r.unit for r in weekly} == {people.village, people.other_village}
    monthly = [r for r in made if r.kind == "monthly"]
    assert [(r.unit, r.due_date, r.period_start, r.period_end) for r in monthly] == [
        (people.commune, dt.date(2023, 3, 25), dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    ]
    assert reports_services.reports_schedule(user=people.commune_officer, plan=plan, until=dt.date(2023, 3, 31)) == []
    assert plan.reports.count() == 11


def test_it_refuses_to_schedule_for_someone_outside_the_commune(people):
    plan = _plan_with_reporting(people)
    with pytest.raises(PermissionDenied):
        reports_services.reports_schedule(user=people.outsider, plan=plan, until=dt.date(2023, 3, 31))
    with pytest.raises(PermissionDenied):
        reports_services.reports_schedule(user=people.village_head, plan=plan, until=dt.date(2023, 3, 31))


def test_it_refuses_to_submit_twice_or_empty(people):
    plan = _scheduled(people)
    report = _village_report(plan, people.village, dt.date(2023, 3, 10))
    with pytest.raises(ValidationError, match="chưa có nội dung"):
        reports_services.report_submit(user=people.village_head, report=report)
    _write_and_submit(people.village_head, report)
    with pytest.raises(ValidationError, match="đã được gửi"):
        reports_services.report_submit(user=people.village_head, report=report)
    with pytest.raises(PermissionDenied):
        reports_services.report_write(user=people.other_village_head, report=report, sections=[])


def test_an_accepted_report_is_locked_until_an_approver_unlocks_it_with_a_reason(people):
    plan = _scheduled(people)
    report = _write_and_submit(people.village_head, _village_report(plan, people.village, dt.date(2023, 3, 10)))
    report = reports_services.report_accept(user=people.commune_officer, report=report, version=report.version)
    assert report.locked and report.decided_by == people.commune_officer
    with pytest.raises(ValidationError, match="khóa"):
        reports_services.report_write(
            user=people.village_head, report=report, sections=[{"heading": "Sửa", "text": ""}]
        )
    with pytest.raises(PermissionDenied):
        reports_services.report_unlock(user=people.commune_officer, report=report, reason="Sai số liệu")
    with pytest.raises(ValidationError, match="lý do"):
        reports_services.report_unlock(user=people.commune_approver, report=report, reason="  ")
    report = reports_services.report_unlock(user=people.commune_approver, report=report, reason="Sai số liệu")
    assert report.status == ReportStatus.RETURNED and "Sai số liệu" in report.reason
    reports_services.report_write(
        user=people.village_head, report=report, sections=[{"heading": "Kết quả", "text": "Đã sửa"}]
    )
    statuses = list(report.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[-4:] == ["submitted", "accepted", "returned", "returned"]


def test_a_stale_decision_is_refused(people):
    plan = _scheduled(people)
    report = _write_and_submit(people.village_head, _village_report(plan, people.village, dt.date(2023, 3, 10)))
    version = report.version
    reports_services.report_accept(user=people.commune_officer, report=report, version=version)
    with pytest.raises(Conflict, match="vừa được người khác xử lý"):
        reports_services.report_return(user=people.commune_approver, report=report, version=version, reason="Thiếu")


def test_a_returned_report_carries_the_reason_and_a_remark_on_one_section(people):
    plan = _scheduled(people)
    report = _village_report(plan, people.village, dt.date(2023, 3, 10))
    reports_services.report_write(
        user=people.village_head,
        report=report,
        sections=[{"heading": "Kết quả", "text": "Ra quân"}, {"heading": "Tồn tại", "text": ""}],
    )
    report = reports_services.report_submit(user=people.village_head, report=report)
    weak = report.sections.get(heading="Tồn tại")
    with pytest.raises(ValidationError, match="lý do"):
        reports_services.report_return(user=people.commune_officer, report=report, version=report.version, reason="")
    report = reports_services.report_return(
        user=people.commune_officer,
        report=report,
        version=report.version,
        reason="Bổ sung tồn tại",
        comments=[{"section": weak, "text": "Chưa nêu tồn tại, hạn chế"}],
    )
    assert report.status == ReportStatus.RETURNED and report.reason == "Bổ sung tồn tại"
    # Rewriting keeps the remark on the item it was made on.
    reports_services.report_write(
        user=people.village_head,
        report=report,
        sections=[{"heading": "Kết quả", "text": "Ra quân"}, {"heading": "Tồn tại", "text": "Kinh phí ít"}],
    )
    assert [c.text for c in report.sections.get(heading="Tồn tại").comments.all()] == ["Chưa nêu tồn tại, hạn chế"]
    assert reports_services.report_submit(user=people.village_head, report=report).status == ReportStatus.SUBMITTED


def test_the_commune_report_consolidates_what_the_villages_sent(people):
    plan = _scheduled(people)
    _write_and_submit(people.village_head, _village_report(plan, people.village, dt.date(2023, 3, 10)), "Đông 40 người")
    _write_and_submit(
        people.other_village_head, _village_report(plan, people.other_village, dt.date(2023, 3, 17)), "Tây 25 người"
    )
    monthly = Report.objects.get(plan=plan, unit=people.commune, kind="monthly")
    reports_services.report_consolidate(user=people.commune_officer, report=monthly)
    reports_services.report_consolidate(user=people.commune_officer, report=monthly)  # twice: nothing doubled
    texts = {s.heading: s.text for s in monthly.sections.all()}
    assert texts == {"Thôn Đông": "Kết quả: Đông 40 người", "Thôn Tây": "Kết quả: Tây 25 người"}
    assert monthly.consolidates.count() == 2
    assert reports_services.recipient(monthly) == people.district
    assert reports_services.recipient(_village_report(plan, people.village, dt.date(2023, 3, 3))) == people.commune


def test_missing_and_late_are_told_apart(people):
    plan = _scheduled(people)
    sent = _write_and_submit(people.village_head, _village_report(plan, people.village, dt.date(2023, 3, 3)))
    overview = reports_selectors.overview(plan, today=dt.date(2023, 3, 11))
    assert sent in overview.late and sent not in overview.missing  # sent now, due in 2023
    assert {(r.unit, r.due_date) for r in overview.missing} == {
        (people.other_village, dt.date(2023, 3, 3)),
        (people.village, dt.date(2023, 3, 10)),
        (people.other_village, dt.date(2023, 3, 10)),
    }


def test_the_reports_page_lists_what_each_person_may_see_in_constant_queries(people):
    plan = _scheduled(people)
    url = reverse("reports:plan_reports", args=[plan.pk])
    page = people.client(people.village_head).get(url)
    assert page.status_code == 200
    shown = page.context["reports"]
    assert shown and {r.unit for r in shown} == {people.village}
    assert page.context["missing"] <= {r.pk for r in shown}  # counts only what the person sees
    client = people.client(people.commune_officer)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    reports_services.reports_schedule(user=people.commune_officer, plan=plan, until=dt.date(2023, 6, 30))
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert page.context["page"].paginator.count > 30 and len(page.context["reports"]) == 25
    assert len(many) == len(few)
    second = client.get(url, {"page": 2}).context["reports"]
    assert second and not set(second) & set(page.context["reports"])


def test_an_outsider_gets_404_and_a_viewer_403(people):
    plan = _scheduled(people)
    report = _write_and_submit(people.village_head, _village_report(plan, people.village, dt.date(2023, 3, 10)))
    url = reverse("reports:report", args=[report.pk])
    assert people.client(people.outsider).get(url).status_code == 404
    assert people.client(people.other_village_head).get(url).status_code == 404
    assert people.client(None).get(url).status_code == 404
    lists = reverse("reports:plan_reports", args=[plan.pk])
    assert people.client(people.outsider).get(lists).context["reports"] == []
    viewer = people.client(people.commune_viewer)
    assert viewer.get(url).status_code == 200
    assert viewer.post(url, {"action": "accept", "version": report.version}).status_code == 403
    assert viewer.post(lists, {"schedule": "1"}).status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_the_pages_take_a_report_from_writing_to_acceptance(people):
    plan = _plan_with_reporting(people)
    officer = people.client(people.commune_officer)
    lists = reverse("reports:plan_reports", args=[plan.pk])
    assert officer.post(lists, {"schedule": "1"}).status_code == 302
    report = Report.objects.filter(plan=plan, unit=people.village).earliest("due_date")
    url = reverse("reports:report", args=[report.pk])
    head = people.client(people.village_head)
    head.post(url, {"action": "write", "heading": ["Kết quả", ""], "text": ["Nạo vét 2 km mương", ""]})
    assert "Nạo vét 2 km mương" in head.get(url).content.decode()
    head.post(url, {"action": "submit"})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    officer.post(url, {"action": "accept", "version": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    page = head.post(url, {"action": "submit"}, follow=True).content.decode()
    assert "đã được gửi rồi" in page
    review = officer.post(
        lists,
        {"kind": "interim_review", "period_start": "01/03/2023", "period_end": "30/06/2023", "due_date": "05/07/2023"},
    )
    assert review.status_code == 302 and Report.objects.filter(plan=plan, kind="interim_review").exists()


def test_the_figures_come_from_the_system_for_the_reporting_unit_and_period(people):
    plan = _scheduled(people)
    for unit, km in ((people.village, "1.5"), (people.other_village, "2")):
        services.value_record(
            user=people.commune_officer,
            indicator=_ditch_km(),
            unit=unit,
            period_kind="month",
            day=dt.date(2023, 3, 5),
            value=Decimal(km),
        )
    monthly = Report.objects.get(plan=plan, unit=people.commune, kind="monthly")
    reports_services.report_write(
        user=people.commune_officer, report=monthly, sections=[{"heading": "Kết quả", "text": ""}]
    )
    figures = {f.label: f.value for f in monthly.figures.all()}
    assert figures["Kênh mương được nạo vét (tháng 3/2023)"] == Decimal("3.5")
    village = _village_report(plan, people.village, dt.date(2023, 3, 10))
    reports_services.report_write(
        user=people.village_head, report=village, sections=[{"heading": "Kết quả", "text": ""}]
    )
    # A weekly report has no weekly value to show; the duty figures are still there.
    assert [f.source for f in village.figures.all()] == [
        "duties",
        "duties",
        "registrations",
        "workdays",
        "workdays",
        "contributions",
        "contributions",
        "contributions",
        "contributions",
    ]
