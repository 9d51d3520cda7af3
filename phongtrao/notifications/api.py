from __future__ import annotations

import datetime as dt

from django.conf import settings
from ninja import Router, Schema
from pydantic import StrictBool

from phongtrao.accounts.auth import WRITE_AUTH
from phongtrao.apitypes import FORBIDDEN, answers
from phongtrao.bounds import column
from phongtrao.notifications.models import Notification, NotificationChoice, PushSubscription
from phongtrao.notifications.services import (
    notification_choice_set,
    push_subscription_add,
    push_subscription_remove,
)

notifications_router = Router(tags=["notifications"])


class NotificationOut(Schema):
    subject: str
    body: str
    url: str
    created_at: dt.datetime
    read: bool

    @staticmethod
    def resolve_read(obj: Notification) -> bool:
        return obj.read_at is not None


class NotificationsOut(Schema):
    """The caller's last 100 notifications, newest first; `unread` is the bell's count."""

    unread: int
    items: list[NotificationOut]


class ChannelChoiceOut(Schema):
    """The channels the caller wants (the site's list is always on) and those the site offers."""

    email: bool
    push: bool
    webhook: bool
    offered: list[str]


class ChannelChoiceIn(Schema):
    email: StrictBool
    push: StrictBool
    webhook: StrictBool


class PushKeysIn(Schema):
    p256dh: column(PushSubscription, "p256dh")
    auth: column(PushSubscription, "auth")


class PushSubscriptionIn(Schema):
    """What the browser's `PushSubscription.toJSON()` gives."""

    endpoint: column(PushSubscription, "endpoint")
    keys: PushKeysIn


class PushEndpointIn(Schema):
    endpoint: column(PushSubscription, "endpoint")


@notifications_router.get("", auth=WRITE_AUTH, response=answers(NotificationsOut))
def list_notifications(request) -> dict:
    mine = Notification.objects.filter(user=request.user)
    return {"unread": mine.filter(read_at__isnull=True).count(), "items": list(mine[:100])}


def _choice_out(choice: NotificationChoice) -> dict:
    names = {path.rsplit(".", 1)[1] for path in settings.NOTIFICATION_CHANNELS}
    offered = [name for name, cls in (("email", "Email"), ("push", "WebPush"), ("webhook", "Webhook")) if cls in names]
    return {"email": choice.email, "push": choice.push, "webhook": choice.webhook, "offered": offered}


@notifications_router.get("/choice", auth=WRITE_AUTH, response=answers(ChannelChoiceOut))
def get_choice(request) -> dict:
    current = NotificationChoice.objects.filter(user=request.user).first() or NotificationChoice(user=request.user)
    return _choice_out(current)


@notifications_router.put("/choice", auth=WRITE_AUTH, response=answers(ChannelChoiceOut, FORBIDDEN))
def put_choice(request, payload: ChannelChoiceIn) -> dict:
    return _choice_out(notification_choice_set(user=request.user, **payload.dict()))


@notifications_router.post(
    "/push-subscriptions", auth=WRITE_AUTH, url_name="push_subscriptions", response=answers(None, FORBIDDEN, status=204)
)
def add_push_subscription(request, payload: PushSubscriptionIn):
    """This browser receives the caller's notifications by Web Push."""
    push_subscription_add(
        user=request.user, endpoint=payload.endpoint, p256dh=payload.keys.p256dh, auth=payload.keys.auth
    )
    return 204, None


@notifications_router.delete("/push-subscriptions", auth=WRITE_AUTH, response=answers(None, FORBIDDEN, status=204))
def remove_push_subscription(request, payload: PushEndpointIn):
    push_subscription_remove(user=request.user, endpoint=payload.endpoint)
    return 204, None
