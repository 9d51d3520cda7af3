"""Every hand-off tells the next person: a registration sent → the commune's officers; confirmed
or returned → the village, with the reason; sent again → the officers again; a report sent,
accepted, returned → the same way. Each event once per person, the actor not told."""

import contextlib

from django.urls import reverse
from django.utils import translation

from phongtrao.concurrency import Conflict
from phongtrao.notifications.models import Notification
from phongtrao.registrations import services as registrations
from phongtrao.reports import services as reports
from phongtrao.reports.models import Report
from phongtrao.testing import register


def _told(user):
    """What the hand-offs told (the plan's new duties told on issue are another test's)."""
    return list(Notification.objects.filter(user=user).exclude(key__startswith="assignment:").order_by("pk"))


def test_a_registration_goes_to_the_commune_and_comes_back_with_its_reason(people, running_plan):
    registration = register(people, running_plan)
    officers = _told(people.commune_officer), _told(people.commune_approver)
    assert [n.subject for n in officers[0]] == ["Thôn Đông đăng ký: chờ xác nhận"]
    assert officers[0][0].url == reverse("registrations:registration", args=[registration.pk])
    assert len(officers[1]) == 1  # the chairman decides too
    assert not _told(people.village_head) and not _told(people.district_officer) and not _told(people.outsider)

    registration = registrations.registration_return(
        user=people.commune_officer, registration=registration, version=registration.version, reason="Thiếu số người"
    )
    (returned,) = _told(people.village_head)
    assert returned.subject.startswith("Đăng ký bị trả lại, cần sửa")
    assert returned.body == "Lý do: Thiếu số người"
    assert returned.url == reverse("registrations:edit", args=[registration.pk])
    assert not _told(people.other_village_head)

    registration = registrations.registration_resubmit(
        user=people.village_head, registration=registration, version=registration.version, content="Làm 200 m, 30 người"
    )
    assert _told(people.commune_officer)[-1].subject == "Thôn Đông gửi lại đăng ký đã sửa"
    registrations.registration_confirm(
        user=people.commune_officer, registration=registration, version=registration.version
    )
    assert _told(people.village_head)[-1].subject.startswith("Đăng ký đã được xác nhận")
    assert len(_told(people.commune_officer)) == 2  # the one who confirmed is not told of it


def test_a_second_decision_on_the_same_version_tells_nobody_twice(people, running_plan):
    registration = register(people, running_plan)
    registrations.registration_confirm(user=people.commune_officer, registration=registration, version=1)
    with contextlib.suppress(Conflict):
        registrations.registration_confirm(user=people.commune_approver, registration=registration, version=1)
    assert len(_told(people.village_head)) == 1


def test_a_report_goes_up_and_comes_back(people, running_plan):
    report = Report.objects.filter(unit=people.village).order_by("due_date").first()
    reports.report_write(user=people.village_head, report=report, sections=[{"heading": "Kết quả", "text": "Ra quân"}])
    report = reports.report_submit(user=people.village_head, report=report)
    (sent,) = _told(people.commune_officer)
    assert sent.subject.startswith("Thôn Đông gửi báo cáo")
    reports.report_return(user=people.commune_officer, report=report, version=report.version, reason="Thiếu số liệu")
    (back,) = _told(people.village_head)
    assert back.subject.startswith("Báo cáo bị trả lại") and back.body == "Thiếu số liệu"
    assert back.url == reverse("reports:report", args=[report.pk])


def test_stored_texts_are_vietnamese_whatever_the_senders_language(people, running_plan):
    with translation.override("en"):  # what a request in English runs under
        register(people, running_plan)
    (told,) = _told(people.commune_officer)
    assert told.subject == "Thôn Đông đăng ký: chờ xác nhận"
