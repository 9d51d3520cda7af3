from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Notification(models.Model):
    """A message to one person. `key` names the event (a call's deadline, a registration
    returned at its version 3…): the same key is never recorded twice for the same person,
    so a retried request or job tells nobody twice."""

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


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    NO_ADDRESS = "no_address", _("Không có địa chỉ nhận")
    FAILED = "failed", _("Không gửi được")


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def undelivered(self) -> DeliveryQuerySet:
        """Failed, or failed at least once and waiting for another try; a person without
        an address on the channel is not a failure."""
        return self.filter(Q(state=DeliveryState.FAILED) | Q(state=DeliveryState.PENDING, attempts__gt=0))


class Delivery(models.Model):
    """How a notification goes out on one channel (email, Web Push, the province's
    webhook): tried after the event's transaction commits, again with back-off while the
    channel fails, given up after NOTIFICATION_ATTEMPTS tries (the administrators are
    told). The in-app notification is the record itself and needs none."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=30)
    state = models.CharField(max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_once_per_channel"),
            models.CheckConstraint(condition=~Q(state="sent", sent_at__isnull=True), name="delivery_sent_has_time"),
        ]

    def __str__(self) -> str:
        return f"{self.channel}: {self.get_state_display()}"


class NotificationChoice(models.Model):
    """The channels a person wants, besides the list on the site (always on)."""

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="notification_choice")
    email = models.BooleanField(_("thư điện tử"), default=True)
    push = models.BooleanField(_("thông báo đẩy trên điện thoại, máy tính"), default=True)
    webhook = models.BooleanField(_("tin nhắn qua Zalo, SMS của tỉnh"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cách nhận thông báo")
        verbose_name_plural = _("cách nhận thông báo")

    def __str__(self) -> str:
        return str(self.user)

    def wants(self, channel: str) -> bool:
        return bool(getattr(self, channel, False))


class PushSubscription(models.Model):
    """A browser's Web Push address for one person (a phone, an office PC)."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = models.URLField(_("địa chỉ nhận"), max_length=1000, unique=True)
    p256dh = models.CharField(_("khóa mã hóa"), max_length=200)
    auth = models.CharField(_("khóa xác thực"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đăng ký nhận thông báo đẩy")
        verbose_name_plural = _("đăng ký nhận thông báo đẩy")

    def __str__(self) -> str:
        return f"{self.user}: {self.endpoint[:60]}"
