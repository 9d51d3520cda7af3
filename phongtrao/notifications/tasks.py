from __future__ import annotations

from django_tasks import task

from phongtrao.notifications.services import deliveries_send


@task()
def notification_deliver(*, notification_id: int) -> None:
    """Send a notification's due deliveries (email, push, webhook); retries come back here."""
    deliveries_send(notification_ids=[notification_id])
