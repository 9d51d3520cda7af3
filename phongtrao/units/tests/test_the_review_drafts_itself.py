"""An interim or final review (sơ kết, tổng kết) drafts its own body from what the system
holds: targets against the progress expected by the period's end and the units behind,
duties done and late, Saturdays held and attendance, contributions by kind, registrations,
exemplars and rewards. Every figure equals the one the unit's dashboard shows for the
same day and period; what a commune typed is never replaced without asking; another
commune does not see it."""

import datetime as dt
from decimal import Decimal

import pytest

from phongtrao.contributions import services as contributions
from phongtrao.contributions.models import Contribution
from phongtrao.plans.models import Duty, DutyAssignment, DutyStatus
from phongtrao.plans.tests.test_plan_progress_by_unit import _district_plan
from phongtrao.reports import services as reports
from phongtrao.reports.models import Report, ReportSection
from phongtrao.testing import make_plan
from phongtrao.ui.formatting import money_text, number_text
from phongtrao.units.review import review_figures
from phongtrao.workdays.models import Attendance, WorkDay, WorkResult

D = dt.date
END = D(2024, 12, 31)


@pytest.fixture
def review(people, monkeypatch):
    """The district's plan of 2024 with measured targets, a duty on both communes, two
    Saturdays in each village (one held), gifts in and out of the review's period."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: D(2025, 1, 10))
    plan = _district_plan(people)
    type(plan).objects.filter(pk=plan.pk).update(period_start=D(2024, 1, 1), period_end=END)
    plan.refresh_from_db()
    duty = Duty.objects.create(
        plan=plan, order=1, assignee_text="UBND các xã", text="Ra quân làm đường", deadline=D(2024, 6, 30)
    )
    DutyAssignment.objects.create(duty=duty, unit=people.commune, status=DutyStatus.DONE, percent=100)
    DutyAssignment.objects.create(duty=duty, unit=people.other_commune)
    for village, present in [(people.village, 40), (people.other_village, 25)]:
        held = WorkDay.objects.create(plan=plan, unit=village, date=D(2024, 3, 2), status="done")
        Attendance.objects.create(work_day=held, group="Nhân dân thôn", expected=50, present=present)
        WorkResult.objects.create(
            work_day=held, description="đường bê tông", quantity=Decimal(120), unit_of_measure="m"
        )
        WorkDay.objects.create(plan=plan, unit=village, date=D(2024, 9, 7))
    for unit, kind, amount, day in [
        (people.village, "money", "2500000", D(2024, 3, 2)),
        (people.other_village, "labour", "12.5", D(2024, 3, 2)),
        (people.commune, "land", "150", D(2024, 8, 15)),
    ]:
        contributions.contribution_record(
            user=people.district_officer,
            unit=unit,
            contributor_kind="household",
            contributor_name="Hộ ông Lò Văn Pản",
            kind=kind,
            amount=Decimal(amount),
            date=day,
        )
    return reports.review_create(
        user=people.district_officer,
        plan=plan,
        kind="final_review",
        period_start=D(2024, 1, 1),
        period_end=END,
        due_date=D(2025, 1, 15),
    )


def _text(report: Report) -> str:
    return "\n".join(f"{s.heading}\n{s.text}" for s in report.sections.order_by("order"))


def test_the_draft_says_what_the_system_holds(people, review):
    contributions.contribution_record(
        user=people.district_officer,
        unit=people.village,
        contributor_kind="household",
        contributor_name="Hộ bà Lò Thị Xuân",
        kind="money",
        amount=Decimal(700_000),
        date=D(2025, 1, 5),  # after the period
    )
    officer = people.client(people.district_officer)
    page = officer.get(f"/reports/{review.pk}/")
    assert "Soạn dự thảo" in page.content.decode()
    answer = officer.post(f"/units/reviews/{review.pk}/draft/")
    assert answer.status_code == 302 and answer.url == f"/reports/{review.pk}/"
    text = _text(review)
    assert [s.heading for s in review.sections.order_by("order")][:2] == [
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
    ]
    # 2 + 1 km of 10 by the end of 2024, when all of it was due; Hồng Phong 3 of its 6
    assert (
        "Nạo vét 10 km kênh mương: mục tiêu 10 %; đạt 3 % (30% mục tiêu); theo tiến độ đến 31/12/2024 cần đạt 100%"
        in text
    )
    assert "Chậm so với tiến độ: Xã Hồng Phong (đạt 50%, chậm 50 điểm). Chưa có số liệu: Xã Tân Lập." in text
    assert "giao 2 phần việc cho 2 đơn vị, tổ chức; đến 31/12/2024 đã hoàn thành 1, quá hạn 1." in text
    assert "Các đơn vị còn nhiệm vụ quá hạn: Xã Tân Lập (1)." in text
    assert "đã tổ chức 2/4 ngày thứ Bảy theo lịch; 65/100 người được phân công có mặt." in text
    assert "Kết quả: 240 m đường bê tông." in text
    assert f"tiền mặt {money_text(Decimal(2_500_000))}; 12,5 ngày công; 150 m² đất hiến" in text
    assert "700.000" not in text  # given after the period
    figures = {f.label: f.value for f in review.figures.all()}
    assert figures["Tiền đóng góp trong kỳ (đồng)"] == Decimal(2_500_000)
    assert figures["Ngày thứ Bảy đã thực hiện trong kỳ"] == 2
    assert figures["Lượt người tham gia ngày thứ Bảy trong kỳ"] == 65
    history = list(review.sections.get(order=0).history.all())
    assert history and history[0].history_user == people.district_officer


def test_every_figure_equals_the_dashboards_on_the_same_day(people, review, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: END)
    figures = review_figures(review)
    page = people.client(people.district_officer).get(f"/units/{people.district.pk}/dashboard/")
    shown = page.context
    assert [(r.target.pk, r.expected, r.progress.actual, r.progress.percent) for r in figures.targets] == [
        (r.target.pk, r.expected, r.progress.actual, r.progress.percent) for r in shown["targets"]
    ]
    assert [[(b.unit, b.gap) for b in r.behind] for r in figures.targets] == [
        [(b.unit, b.gap) for b in r.behind] for r in shown["targets"]
    ]
    assert figures.work_days == shown["work_days"] == {"planned": 4, "held": 2, "expected": 100, "present": 65}
    assert figures.given == shown["totals"]
    api = people.client(people.district_officer).get(f"/api/contributions?unit={people.district.pk}").json()
    assert Decimal(api["totals"]["money"]) == figures.given.of("money") == Decimal(2_500_000)
    html = page.content.decode()
    assert money_text(figures.given.of("money")) in html and number_text(figures.given.of("labour")) in html


def test_a_period_counts_only_its_own_days(people, review):
    interim = reports.review_create(
        user=people.district_officer,
        plan=review.plan,
        kind="interim_review",
        period_start=D(2024, 7, 1),
        period_end=END,
        due_date=D(2025, 1, 15),
    )
    figures = review_figures(interim)
    lines = Contribution.objects.of_area(people.district).filter(date__range=(D(2024, 7, 1), END))
    assert (
        {k: figures.given.of(k) for k in ("money", "labour", "land")}
        == {k: sum((c.amount for c in lines if c.kind == k), Decimal(0)) for k in ("money", "labour", "land")}
        == {"money": 0, "labour": 0, "land": Decimal(150)}
    )
    assert figures.work_days == {"planned": 2, "held": 0, "expected": 0, "present": 0}


def test_it_refuses_to_replace_what_was_typed_unless_asked(people, review):
    reports.report_write(
        user=people.district_officer, report=review, sections=[{"heading": "Ý kiến", "text": "Đã viết"}]
    )
    token = people.token(people.district_officer)
    api = people.client(None)
    refused = api.post(
        f"/api/reviews/{review.pk}/draft", {}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert refused.status_code == 409 and "thay nội dung đang có" in refused.json()["detail"]
    assert list(review.sections.values_list("text", flat=True)) == ["Đã viết"]
    page = people.client(people.district_officer).post(f"/units/reviews/{review.pk}/draft/", follow=True)
    assert "thay nội dung đang có" in page.content.decode()
    assert list(review.sections.values_list("text", flat=True)) == ["Đã viết"]
    drafted = api.post(
        f"/api/reviews/{review.pk}/draft",
        {"replace": True},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert drafted.status_code == 200
    assert [s["heading"] for s in drafted.json()["sections"]][0] == "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"


def test_it_refuses_a_report_that_is_no_review(people, review):
    monthly = Report.objects.create(
        plan=review.plan,
        unit=people.district,
        kind="monthly",
        title="Báo cáo tháng 3",
        period_start=D(2024, 3, 1),
        period_end=D(2024, 3, 31),
        due_date=D(2024, 4, 5),
    )
    token = people.token(people.district_officer)
    answer = people.client(None).post(
        f"/api/reviews/{monthly.pk}/draft", {}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert answer.status_code == 422 and "sơ kết, tổng kết" in str(answer.json())
    assert not ReportSection.objects.filter(report=monthly).exists()


def test_another_commune_does_not_see_a_communes_draft_and_a_viewer_cannot_write_it(people):
    plan = make_plan(people, issued=True)
    own = reports.review_create(
        user=people.commune_approver,
        plan=plan,
        kind="interim_review",
        period_start=D(2023, 3, 1),
        period_end=D(2023, 6, 30),
        due_date=D(2023, 7, 10),
    )
    people.client(people.commune_officer).post(f"/units/reviews/{own.pk}/draft/")
    drafted = _text(own)
    outsider = people.client(people.outsider)
    assert outsider.get(f"/reports/{own.pk}/").status_code == 404
    assert outsider.post(f"/units/reviews/{own.pk}/draft/", {"replace": "1"}).status_code == 404
    token = people.token(people.outsider)
    assert (
        people.client(None)
        .post(
            f"/api/reviews/{own.pk}/draft",
            {"replace": True},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        .status_code
        == 404
    )
    assert (
        people.client(people.commune_viewer).post(f"/units/reviews/{own.pk}/draft/", {"replace": "1"}).status_code
        == 403
    )
    assert people.client(None).post(f"/units/reviews/{own.pk}/draft/").status_code == 404
    assert _text(own) == drafted and "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in drafted
