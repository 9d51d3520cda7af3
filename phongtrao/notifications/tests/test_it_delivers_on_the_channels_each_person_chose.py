"""Deliveries leave after the event's transaction commits, through the worker, on the
channels the person chose; the site's own list always has the notification."""

from django.core import mail
from django.urls import reverse

from phongtrao.notifications.models import Delivery, Notification
from phongtrao.notifications.services import notification_choice_set, notify
from phongtrao.testing import work_queued_jobs


def test_an_email_leaves_after_the_commit_and_only_once(people, django_capture_on_commit_callbacks):
    people.village_head.email = "truongthon@example.vn"
    people.village_head.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=people.village_head, key="e:1", subject="Đăng ký bị trả lại", url="/my-work/")
        assert not mail.outbox  # nothing leaves inside the transaction
    work_queued_jobs()
    assert [m.to for m in mail.outbox] == [["truongthon@example.vn"]]
    assert mail.outbox[0].body.endswith("/my-work/")
    assert Delivery.objects.get().state == "sent"

    with django_capture_on_commit_callbacks(execute=True):
        assert notify(user=people.village_head, key="e:1", subject="Đăng ký bị trả lại") is None  # a retry
    work_queued_jobs()
    assert len(mail.outbox) == 1 and Notification.objects.count() == 1


def test_a_person_who_turned_email_off_gets_none(people, django_capture_on_commit_callbacks):
    people.village_head.email = "truongthon@example.vn"
    people.village_head.save()
    notification_choice_set(user=people.village_head, email=False, push=True, webhook=False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=people.village_head, key="e:2", subject="Thứ Bảy tới")
    work_queued_jobs()
    assert not mail.outbox and not Delivery.objects.exists()
    assert Notification.objects.filter(user=people.village_head).count() == 1


def test_the_choice_is_made_on_a_page_and_through_the_api(people):
    client = people.client(people.village_head)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Thư điện tử" in page and "Zalo" not in page  # no webhook configured here
    assert client.post(reverse("notifications:settings"), {}).status_code == 302
    assert client.get("/api/notifications/choice").json() == {
        "email": False,
        "push": True,
        "webhook": False,
        "offered": ["email"],
    }
    put = client.put(
        "/api/notifications/choice",
        {"email": True, "push": False, "webhook": False},
        content_type="application/json",
    )
    assert put.status_code == 200 and put.json()["email"] is True
    assert people.client(None).get(reverse("notifications:settings")).status_code == 302
    assert people.client(None).get("/api/notifications/choice").status_code == 401
    assert (
        "Cách nhận thông báo" not in people.client(people.outsider).get(reverse("notifications:inbox")).content.decode()
    )


def test_the_bell_and_the_list_through_the_api(people):
    notify(user=people.village_head, key="b:1", subject="Thứ Bảy 01/07/2023")
    answer = people.client(people.village_head).get("/api/notifications").json()
    assert answer["unread"] == 1 and answer["items"][0]["subject"] == "Thứ Bảy 01/07/2023"
    assert people.client(people.other_village_head).get("/api/notifications").json() == {"unread": 0, "items": []}
