"""The province's webhook (Zalo OA, SMS gateway), against a real HTTP server on loopback:
signed JSON, the same idempotency key on every try; a 500 or a time-out is tried again
after the back-off, then given up with the administrators told; the notification stays."""

import datetime as dt
import hashlib
import hmac
import json

import pytest
from django.utils import timezone

from phongtrao.accounts.models import User
from phongtrao.notifications.models import Delivery, Notification
from phongtrao.notifications.services import deliveries_send, notification_choice_set, notify
from phongtrao.testing import LoopbackHttpServer

SECRET = "a-province-secret-of-forty-characters-x"


@pytest.fixture
def gateway(settings, people):
    def configure(server):
        settings.NOTIFICATION_WEBHOOK_URL = f"{server.url}/zalo"
        settings.NOTIFICATION_WEBHOOK_SECRET = SECRET
        settings.NOTIFICATION_TIMEOUT_SECONDS = 1
        settings.NOTIFICATION_RETRY_SECONDS = [60, 300]
        settings.NOTIFICATION_CHANNELS = [
            "phongtrao.notifications.channels.InApp",
            "phongtrao.notifications.channels.Webhook",
        ]
        people.village_head.phone = "0912345678"
        people.village_head.save()
        notification_choice_set(user=people.village_head, email=False, push=False, webhook=True)

    return configure


def test_the_gateway_gets_signed_json(people, gateway):
    with LoopbackHttpServer([200]) as server:
        gateway(server)
        notify(user=people.village_head, key="w:1", subject="Thứ Bảy 05/12/2026 tại Thôn Đông", url="/my-work/")
        assert deliveries_send() == 1
    (received,) = server.received
    signed = received.headers["x-phongtrao-timestamp"].encode() + b"." + received.body
    expected = hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
    assert received.headers["x-phongtrao-signature"] == f"sha256={expected}"
    payload = json.loads(received.body)
    assert payload["subject"] == "Thứ Bảy 05/12/2026 tại Thôn Đông"
    assert payload["recipient"]["phone"] == "0912345678"
    assert payload["url"].endswith("/my-work/")


def test_a_failing_gateway_is_tried_again_then_reported(people, gateway):
    admin = User.objects.create_superuser("quantri", password="x-very-long-password-1")
    with LoopbackHttpServer([500, 500, 500]) as server:
        gateway(server)
        notify(user=people.village_head, key="w:2", subject="Đăng ký đã được xác nhận")
        now = timezone.now()
        assert deliveries_send(now=now) == 0
        delivery = Delivery.objects.get(notification__user=people.village_head)
        assert delivery.state == "pending" and delivery.attempts == 1
        assert delivery.next_attempt_at == now + dt.timedelta(seconds=60)
        assert deliveries_send(now=now + dt.timedelta(seconds=30)) == 0  # not due yet: nothing sent
        assert len(server.received) == 1
        deliveries_send(now=now + dt.timedelta(seconds=61))
        deliveries_send(now=now + dt.timedelta(seconds=61 + 301))
    delivery.refresh_from_db()
    assert delivery.state == "failed" and delivery.attempts == 3 and "500" in delivery.error
    keys = {r.headers["idempotency-key"] for r in server.received}
    assert len(server.received) == 3 and len(keys) == 1
    assert Notification.objects.filter(user=people.village_head).count() == 1  # never lost
    (alert,) = Notification.objects.filter(user=admin)
    assert "webhook" in alert.subject and not alert.deliveries.exists()


def test_a_gateway_that_hangs_is_a_failure_worth_retrying_and_a_late_one_is_sent_once(people, gateway):
    with LoopbackHttpServer([200], delay=1.5) as server:
        gateway(server)
        notify(user=people.village_head, key="w:3", subject="Sắp đến hạn")
        now = timezone.now()
        assert deliveries_send(now=now) == 0
        delivery = Delivery.objects.get()
        assert delivery.state == "pending" and "timed out" in delivery.error
        server.delay = 0
        assert deliveries_send(now=now + dt.timedelta(seconds=61)) == 1
        assert deliveries_send(now=now + dt.timedelta(days=1)) == 0  # sent: never again
    assert Delivery.objects.get().state == "sent"
    assert len({r.headers["idempotency-key"] for r in server.received}) == 1


def test_a_gateway_refusing_the_message_is_not_retried(people, gateway):
    with LoopbackHttpServer([400]) as server:
        gateway(server)
        notify(user=people.village_head, key="w:4", subject="Báo cáo bị trả lại")
        deliveries_send()
        deliveries_send(now=timezone.now() + dt.timedelta(days=1))
    assert len(server.received) == 1 and Delivery.objects.get().state == "failed"
