"""`manage.py send_reminders`: deadlines, duties, the Saturday in three days, reports due;
in the app and by email; run twice, nothing is sent twice."""

import datetime as dt

from django.core import mail
from django.core.management import call_command

from phongtrao.notifications.models import Delivery, Notification
from phongtrao.plans import services as plan_services
from phongtrao.registrations import services as registrations_services
from phongtrao.testing import make_plan
from phongtrao.workdays import services as workdays_services

D = dt.date


def run(today: dt.date) -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", today=today, stdout=out)
    return out.getvalue()


def test_reminders_go_once_to_the_right_people(people, settings):
    settings.NOTIFICATION_CHANNELS = [
        "phongtrao.notifications.channels.InApp",
        "phongtrao.notifications.channels.Email",
    ]
    people.village_head.email = "truongthon@example.vn"
    people.village_head.save()
    plan = make_plan(people, period_start=D(2023, 3, 1), period_end=D(2023, 12, 31))
    plan_services.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={
            "duties": [
                {
                    "assignee_text": "Thôn Đông",
                    "text": "Làm vườn mẫu",
                    "deadline": D(2023, 6, 30),
                    "place_unit": people.village,
                }
            ],
            "reporting_duties": [
                {
                    "reporter_text": "Ban phát triển thôn",
                    "recipient_text": "Ban chỉ đạo xã",
                    "frequency": "weekly",
                    "weekday": 4,
                }
            ],
        },
    )
    plan_services.plan_update(user=people.commune_approver, plan=plan, signer_name="A", issue_date=D(2023, 2, 20))
    plan_services.plan_issue(user=people.commune_approver, plan=plan)
    registrations_services.call_create(
        user=people.commune_officer,
        plan=plan,
        title="Đăng ký thứ Bảy",
        kind="activity",
        registrants="villages",
        deadline=D(2023, 6, 29),
    )
    workdays_services.workdays_generate(user=people.commune_officer, plan=plan, start=D(2023, 7, 1), end=D(2023, 7, 31))

    assert "Đã gửi" in run(D(2023, 6, 28))  # a Wednesday: deadline tomorrow, duty in 2 days, Saturday 1/7 in 3
    head = {n.subject for n in Notification.objects.filter(user=people.village_head)}
    assert any(s.startswith("Hạn đăng ký 29/06/2023") for s in head)
    assert any(s.startswith("Sắp đến hạn 30/06/2023") for s in head)
    assert any(s.startswith("Thứ Bảy 01/07/2023") for s in head)
    assert any("Báo cáo hàng tuần hạn 30/06/2023" in s for s in {n.subject for n in Notification.objects.all()})
    other = {n.subject for n in Notification.objects.filter(user=people.other_village_head)}
    assert not any("Thôn Đông" in s or "01/07/2023" in s for s in other)  # not their village's day or duty
    assert not Notification.objects.filter(user=people.outsider).exists()
    assert any("truongthon@example.vn" in m.to for m in mail.outbox)
    assert Delivery.objects.filter(
        channel="email", state="no_address"
    ).exists()  # users without email: recorded, not fatal

    before = Notification.objects.count(), len(mail.outbox)
    assert "Đã gửi 0" in run(D(2023, 6, 28))
    assert (Notification.objects.count(), len(mail.outbox)) == before

    run(D(2023, 7, 2))  # the duty is now late: one more reminder, once
    assert Notification.objects.filter(user=people.village_head, subject__startswith="Quá hạn").count() == 1


def test_the_inbox_shows_and_marks_read(people):
    from phongtrao.notifications.services import notify

    notify(user=people.village_head, key="x", subject="Thứ Bảy 01/07/2023: ngày đi cơ sở", url="/plans/")
    client = people.client(people.village_head)
    assert '<span class="count" title="chưa đọc">1</span>' in client.get("/plans/").content.decode()
    assert "ngày đi cơ sở" in client.get("/notifications/").content.decode()
    assert 'title="chưa đọc"' not in client.get("/plans/").content.decode()
    assert people.client(None).get("/notifications/").status_code == 302
