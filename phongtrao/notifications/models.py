from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """A message to one person. `key` names what it is about (a call's deadline, a work
    day…): the same key is never sent twice to the same person."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=120)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once_per_key")]

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    """How a notification went out on one channel (in-app, email, later SMS or Zalo OA)."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=30)
    ok = models.BooleanField(default=True)
    # Not sent because the person has no address on this channel (no email): nothing failed.
    no_address = models.BooleanField(default=False)
    error = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_once_per_channel"),
            models.CheckConstraint(condition=~models.Q(ok=True, no_address=True), name="delivery_no_address_not_ok"),
        ]

    def __str__(self) -> str:
        return f"{self.channel}: {'ok' if self.ok else self.error}"
