"""The counts of "Việc của tôi" are the lengths of the lists they head, the page and the
API give the same figures, and an independent count of the records agrees."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from phongtrao.registrations.models import Registration
from phongtrao.reports.models import Report
from phongtrao.reports.services import report_submit, report_write
from phongtrao.testing import register


def _api(people, user):
    response = people.client(user).get("/api/my-work")
    assert response.status_code == 200
    return response.json()


def test_the_commune_inbox_counts_what_waits_and_what_is_late(people, running_plan):
    today = timezone.localdate()
    register(people, running_plan)
    register(people, running_plan, content="Trồng 100 cây xanh")
    register(people, running_plan, village=people.other_village, head=people.other_village_head)
    owed = Report.objects.filter(unit=people.village, due_date__lt=today).order_by("due_date").first()
    report_write(user=people.village_head, report=owed, sections=[{"heading": "Kết quả", "text": "Ra quân"}])
    report_submit(user=people.village_head, report=owed)

    work = _api(people, people.commune_officer)
    sections = {s["key"]: s for s in work["sections"]}
    assert all(s["count"] == len(s["items"]) for s in work["sections"])
    assert work["count"] == sum(s["count"] for s in work["sections"])

    waiting = Registration.objects.filter(call__plan__unit=people.commune, status="submitted").count()
    assert sections["registrations_waiting"]["count"] == waiting == 3
    assert sections["reports_waiting"]["count"] == 1
    late = Report.objects.filter(
        plan__unit=people.commune, unit__parent=people.commune, status__in=["draft", "returned"], due_date__lt=today
    ).count()
    assert sections["reports_missing"]["count"] == late > 0
    assert sections["duties_overdue"]["count"] == 1  # Thôn Tây's ditch, three days late

    page = people.client(people.commune_officer).get(reverse("mywork:index")).content.decode()
    for key in ("registrations_waiting", "reports_waiting", "reports_missing", "duties_overdue"):
        assert f'<section class="work" id="{key}">' in page
        heading = page.split(f'id="{key}">', 1)[1].split("</h2>", 1)[0]
        assert f'<span class="count">{sections[key]["count"]}</span>' in heading
        block = page.split(f'id="{key}">', 1)[1].split("</section>", 1)[0]
        assert block.count("<li") == sections[key]["count"]
    assert f"Có {work['count']} việc." in page


def test_a_village_head_has_no_inbox(people, running_plan):
    register(people, running_plan)
    keys = {s["key"] for s in _api(people, people.village_head)["sections"]}
    assert "registrations_waiting" not in keys and "calls" in keys


def test_a_confirmed_registration_leaves_the_inbox(people, running_plan):
    from phongtrao.registrations.services import registration_confirm

    registration = register(people, running_plan)
    before = {s["key"]: s["count"] for s in _api(people, people.commune_officer)["sections"]}
    registration_confirm(user=people.commune_officer, registration=registration, version=registration.version)
    after = {s["key"]: s["count"] for s in _api(people, people.commune_officer)["sections"]}
    assert before["registrations_waiting"] - 1 == after["registrations_waiting"]
    called = {s["key"]: s for s in _api(people, people.village_head)["sections"]}["calls"]["items"][0]
    assert called["detail"] == "Đã gửi 1 đăng ký"
    assert called["due"] == (timezone.localdate() + dt.timedelta(days=5)).isoformat()
