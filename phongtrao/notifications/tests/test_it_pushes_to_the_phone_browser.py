"""Web Push, against a real push endpoint on loopback: the message arrives encrypted for
the browser's keys (decrypted here as the browser would) and signed with the site's VAPID
key; a subscription the push service has expired is removed without an error."""

import base64
import json
import os

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from phongtrao.notifications.management.commands.vapid_keys import vapid_key_pair
from phongtrao.notifications.models import Delivery, PushSubscription
from phongtrao.notifications.services import deliveries_send, notify
from phongtrao.testing import LoopbackHttpServer


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.fixture
def push_site(settings):
    public, private = vapid_key_pair()
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = public, private
    settings.NOTIFICATION_CHANNELS = [
        "phongtrao.notifications.channels.InApp",
        "phongtrao.notifications.channels.WebPush",
    ]
    return public


def _browser(people, endpoint: str):
    """What a phone's browser holds: its key pair and secret; the server gets the public half."""
    key = ec.generate_private_key(ec.SECP256R1())
    auth = os.urandom(16)
    point = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    response = people.client(people.village_head).post(
        "/api/notifications/push-subscriptions",
        {"endpoint": endpoint, "keys": {"p256dh": _b64(point), "auth": _b64(auth)}},
        content_type="application/json",
    )
    assert response.status_code == 204
    return key, auth


def test_the_phone_receives_what_was_sent_encrypted_for_it_alone(people, push_site):
    with LoopbackHttpServer([201]) as push_service:
        key, auth = _browser(people, f"{push_service.url}/push/abc")
        notify(user=people.village_head, key="p:1", subject="Đăng ký bị trả lại", body="Lý do: thiếu", url="/my-work/")
        assert deliveries_send() == 1

    (received,) = push_service.received
    assert received.path == "/push/abc" and received.headers["content-encoding"] == "aes128gcm"
    scheme, _, credentials = received.headers["authorization"].partition(" ")
    parts = dict(p.strip().split("=", 1) for p in credentials.split(","))
    assert scheme == "vapid" and parts["k"] == push_site
    claims = json.loads(_unb64(parts["t"].split(".")[1]))
    assert claims["aud"] == push_service.url
    message = json.loads(http_ece.decrypt(received.body, private_key=key, auth_secret=auth, version="aes128gcm"))
    assert message == {"title": "Đăng ký bị trả lại", "body": "Lý do: thiếu", "url": "/my-work/"}
    assert Delivery.objects.get().state == "sent"


def test_an_expired_subscription_is_removed_quietly(people, push_site):
    with LoopbackHttpServer([410]) as push_service:
        _browser(people, f"{push_service.url}/push/gone")
        notify(user=people.village_head, key="p:2", subject="Thứ Bảy tới")
        assert deliveries_send() == 0
    assert not PushSubscription.objects.exists()
    delivery = Delivery.objects.get()
    assert delivery.state == "no_address" and delivery.attempts == 1


def test_a_browser_unsubscribes_and_another_person_cannot_remove_it(people, push_site):
    _browser(people, "https://push.example.vn/sub/1")
    other = people.client(people.other_village_head).delete(
        "/api/notifications/push-subscriptions",
        {"endpoint": "https://push.example.vn/sub/1"},
        content_type="application/json",
    )
    assert other.status_code == 204 and PushSubscription.objects.count() == 1
    mine = people.client(people.village_head).delete(
        "/api/notifications/push-subscriptions",
        {"endpoint": "https://push.example.vn/sub/1"},
        content_type="application/json",
    )
    assert mine.status_code == 204 and not PushSubscription.objects.exists()
