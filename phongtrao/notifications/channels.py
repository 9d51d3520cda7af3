"""Where notifications go. A channel is anything with a `name` and `send(notification)`;
settings.NOTIFICATION_CHANNELS lists them. `send` returns when the channel took the
message, raises NoAddress when the person has none on it (not a failure), GiveUp when
trying again cannot help, and anything else for a failure worth another try."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from phongtrao.notifications.models import Notification, PushSubscription


class NoAddress(Exception):
    """The person has no address on this channel (no email, no phone, no browser)."""


class GiveUp(Exception):
    """The channel refused the message for good (a 4xx answer): no retry helps."""


class Channel(Protocol):
    name: str

    def send(self, notification: Notification) -> None:
        """Deliver, or raise (see the module)."""


class InApp:
    """The notification list on the site and the bell: the row itself is the delivery."""

    name = "in_app"

    def send(self, notification: Notification) -> None:
        return None


class Email:
    name = "email"

    def send(self, notification: Notification) -> None:
        if not notification.user.email:
            raise NoAddress("no email address")
        send_mail(notification.subject, notification.body + _link(notification), None, [notification.user.email])


def _link(notification: Notification) -> str:
    return f"\n\n{settings.SITE_URL}{notification.url}" if notification.url else ""


class WebPush:
    """The browser's own push service (a standard every phone browser has): the message
    is encrypted for the subscription and signed with the site's VAPID key. A
    subscription the push service no longer knows (404, 410) is removed, quietly."""

    name = "push"

    def send(self, notification: Notification) -> None:
        from pywebpush import WebPushException, webpush

        subscriptions = list(PushSubscription.objects.filter(user=notification.user))
        if not subscriptions:
            raise NoAddress("no push subscription")
        payload = json.dumps(
            {"title": notification.subject, "body": notification.body[:300], "url": notification.url},
            ensure_ascii=False,
        )
        failures, delivered = [], 0
        for subscription in subscriptions:
            try:
                webpush(
                    subscription_info={
                        "endpoint": subscription.endpoint,
                        "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                    },
                    data=payload,
                    vapid_private_key=settings.VAPID_PRIVATE_KEY,
                    vapid_claims={"sub": settings.VAPID_SUBJECT},
                    timeout=settings.NOTIFICATION_TIMEOUT_SECONDS,
                    ttl=24 * 3600,
                )
            except WebPushException as exc:
                status = exc.response.status_code if exc.response is not None else None
                if status in (404, 410):
                    subscription.delete()
                    continue
                failures.append(f"{status or ''} {exc}".strip())
            else:
                delivered += 1
        if not delivered and failures:
            raise ConnectionError(failures[0][:200])
        if not delivered:
            raise NoAddress("every push subscription had expired")


class Webhook:
    """A signed JSON POST to the URL the province configured (its Zalo Official Account
    or SMS gateway). The receiver checks `X-Phongtrao-Signature`: the HMAC-SHA256, with the
    shared secret, of the timestamp, a dot and the body; `Idempotency-Key` is the same on
    every retry of one notification, so a gateway that answered late sends it once."""

    name = "webhook"

    def send(self, notification: Notification) -> None:
        user = notification.user
        if not user.phone:
            raise NoAddress("no phone number")
        body = json.dumps(
            {
                "id": notification.pk,
                "event": notification.key,
                "subject": notification.subject,
                "body": notification.body,
                "url": f"{settings.SITE_URL}{notification.url}" if notification.url else "",
                "recipient": {"name": str(user), "phone": user.phone, "email": user.email},
                "created_at": notification.created_at.isoformat(),
            },
            ensure_ascii=False,
        ).encode()
        timestamp = str(int(time.time()))
        signature = hmac.new(
            settings.NOTIFICATION_WEBHOOK_SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256
        ).hexdigest()
        request = urllib.request.Request(
            settings.NOTIFICATION_WEBHOOK_URL,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "X-Phongtrao-Timestamp": timestamp,
                "X-Phongtrao-Signature": f"sha256={signature}",
                "Idempotency-Key": f"phongtrao-notification-{notification.pk}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=settings.NOTIFICATION_TIMEOUT_SECONDS):
                return
        except urllib.error.HTTPError as exc:
            if 400 <= exc.code < 500 and exc.code not in (408, 429):
                raise GiveUp(f"HTTP {exc.code}") from exc
            raise ConnectionError(f"HTTP {exc.code}") from exc


def configured() -> list[Channel]:
    return [import_string(path)() for path in settings.NOTIFICATION_CHANNELS]
