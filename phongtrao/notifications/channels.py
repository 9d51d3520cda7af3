"""Where notifications go. A channel is anything with a `name` and `send(notification)`;
settings.NOTIFICATION_CHANNELS lists them, so an SMS or Zalo OA sender is one more class
and one more line of settings, and no caller changes."""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from phongtrao.notifications.models import Notification


class NoAddress(Exception):
    """The person has no address on this channel (no email): not a failure to deliver."""


class Channel(Protocol):
    name: str

    def send(self, notification: Notification) -> None:
        """Deliver, or raise; the caller records the outcome."""


class InApp:
    """The notification list on the site: the row itself is the delivery."""

    name = "in_app"

    def send(self, notification: Notification) -> None:
        return None


class Email:
    name = "email"

    def send(self, notification: Notification) -> None:
        if not notification.user.email:
            raise NoAddress("no email address")
        link = f"\n\n{settings.SITE_URL}{notification.url}" if notification.url else ""
        send_mail(notification.subject, notification.body + link, None, [notification.user.email])


def configured() -> list[Channel]:
    return [import_string(path)() for path in settings.NOTIFICATION_CHANNELS]
