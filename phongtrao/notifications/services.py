from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts.models import User
from phongtrao.notifications import channels
from phongtrao.notifications.models import (
    Delivery,
    DeliveryState,
    Notification,
    NotificationChoice,
    PushSubscription,
)
from phongtrao.ui.history import attributed

logger = logging.getLogger(__name__)

# A claimed delivery whose worker died is tried again after this.
CLAIM_LEASE = dt.timedelta(minutes=5)


def _chosen(user: User) -> list[channels.Channel]:
    """The configured channels this person wants; the site's own list always."""
    choice = NotificationChoice.objects.filter(user=user).first() or NotificationChoice(user=user)
    return [c for c in channels.configured() if c.name == channels.InApp.name or choice.wants(c.name)]


def notify(
    *, user: User, key: str, subject: str, body: str = "", url: str = "", in_app_only: bool = False
) -> Notification | None:
    """Record a notification once per person and event (None when this person already
    had `key`) and its deliveries, sent after the caller's transaction commits: a
    decision rolled back tells nobody, and a mail relay that hangs holds up no page."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, key=key[:120], subject=subject[:255], body=body, url=url
            )
    except IntegrityError:
        return None
    if not user.is_active:
        return notification
    outward = [] if in_app_only else [c for c in _chosen(user) if c.name != channels.InApp.name]
    Delivery.objects.bulk_create(Delivery(notification=notification, channel=c.name) for c in outward)
    if outward:
        transaction.on_commit(lambda: _enqueue(notification.pk))
    return notification


def notify_all(*, users: Iterable[User], key: str, subject: str, body: str = "", url: str = "") -> list[Notification]:
    """One event told to several people (each once, the actor left out by the caller)."""
    sent = []
    for user in dict.fromkeys(users):
        notification = notify(user=user, key=key, subject=subject, body=body, url=url)
        if notification is not None:
            sent.append(notification)
    return sent


def _enqueue(notification_id: int, when: dt.datetime | None = None) -> None:
    from phongtrao.notifications.tasks import notification_deliver

    task = notification_deliver.using(run_after=when) if when else notification_deliver
    task.enqueue(notification_id=notification_id)


def _claim(delivery: Delivery, now: dt.datetime) -> bool:
    """Take the delivery for this worker alone: a conditional update both databases make
    atomic, so two workers (or a retry and a late first run) never send it twice."""
    return bool(
        Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.PENDING, attempts=delivery.attempts)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_LEASE)
    )


def deliveries_send(*, notification_ids: list[int] | None = None, now: dt.datetime | None = None) -> int:
    """Send the deliveries that are due (of these notifications, or all): each claimed,
    sent and recorded; a failure is tried again after the next back-off, then given up
    and the administrators told. Returns how many went out."""
    now = now or timezone.now()
    due = Delivery.objects.filter(state=DeliveryState.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    if notification_ids is not None:
        due = due.filter(notification_id__in=notification_ids)
    by_name = {c.name: c for c in channels.configured()}
    sent = 0
    for delivery in due.select_related("notification", "notification__user").order_by("pk"):
        if not _claim(delivery, now):
            continue
        delivery.attempts += 1
        sent += _attempt(delivery, by_name.get(delivery.channel), now)
    return sent


def _attempt(delivery: Delivery, channel: channels.Channel | None, now: dt.datetime) -> int:
    try:
        if channel is None:
            raise channels.GiveUp(f"channel {delivery.channel} is no longer configured")
        channel.send(delivery.notification)
    except channels.NoAddress as exc:
        _record(delivery, DeliveryState.NO_ADDRESS, str(exc))
    except channels.GiveUp as exc:
        _give_up(delivery, str(exc))
    except Exception as exc:  # a relay down, a time-out, a 5xx: worth another try
        waits = settings.NOTIFICATION_RETRY_SECONDS
        if delivery.attempts > len(waits):
            _give_up(delivery, str(exc))
        else:
            when = now + dt.timedelta(seconds=waits[delivery.attempts - 1])
            Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=when, error=str(exc)[:255])
            _enqueue(delivery.notification_id, when)
    else:
        Delivery.objects.filter(pk=delivery.pk).update(
            state=DeliveryState.SENT, sent_at=timezone.now(), error="", next_attempt_at=None
        )
        return 1
    return 0


def _record(delivery: Delivery, state: str, error: str) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(state=state, error=error[:255], next_attempt_at=None)


def _give_up(delivery: Delivery, error: str) -> None:
    """The message stays in the person's list on the site; the administrators learn that
    a channel is failing (on the site only: their own mail may be what is down)."""
    _record(delivery, DeliveryState.FAILED, error)
    logger.warning("notification delivery %s on %s failed for good: %s", delivery.pk, delivery.channel, error)
    for admin in User.objects.filter(is_superuser=True, is_active=True):
        notify(
            user=admin,
            key=f"delivery-failed:{delivery.pk}",
            subject=_("Không gửi được thông báo qua kênh %(channel)s") % {"channel": delivery.channel},
            body=_("Sau %(n)s lần thử: %(error)s. Người nhận: %(user)s; thông báo vẫn có trong hệ thống.")
            % {"n": delivery.attempts, "error": error[:200], "user": delivery.notification.user},
            in_app_only=True,
        )


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def notification_choice_set(*, user: User, email: bool, push: bool, webhook: bool) -> NotificationChoice:
    choice = NotificationChoice.objects.select_for_update().filter(user=user).first() or NotificationChoice(user=user)
    choice.email, choice.push, choice.webhook = email, push, webhook
    attributed(choice, user)
    choice.save()
    return choice


def push_subscription_add(*, user: User, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """The browser's subscription, kept once: the same browser subscribing again (or for
    another person logging in on it) replaces the earlier one."""
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
    )
    return subscription


def push_subscription_remove(*, user: User, endpoint: str) -> int:
    return PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()[0]
