from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from phongtrao.accounts.models import User
from phongtrao.notifications import channels
from phongtrao.notifications.models import Delivery, Notification


def notify(*, user: User, key: str, subject: str, body: str = "", url: str = "") -> Notification | None:
    """Send once: returns None when this person already had this key."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, key=key[:120], subject=subject[:255], body=body, url=url
            )
    except IntegrityError:
        return None
    for channel in channels.configured():
        try:
            channel.send(notification)
        except channels.NoAddress as exc:
            Delivery.objects.create(
                notification=notification, channel=channel.name, ok=False, no_address=True, error=str(exc)[:255]
            )
        except Exception as exc:  # one channel failing (no email, SMS gateway down) must not stop the others
            Delivery.objects.create(notification=notification, channel=channel.name, ok=False, error=str(exc)[:255])
        else:
            Delivery.objects.create(notification=notification, channel=channel.name)
    return notification


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
