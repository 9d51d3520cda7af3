"""Emulation and rewards: who pledged to take part in a plan's emulation and what they
committed to (đăng ký thi đua)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import Plan, SubjectKind


class PledgeStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    WITHDRAWN = "withdrawn", _("Đã rút")


class PledgeQuerySet(models.QuerySet):
    def live(self) -> PledgeQuerySet:
        return self.filter(status=PledgeStatus.REGISTERED)

    def for_list(self) -> PledgeQuerySet:
        return self.select_related("unit", "organization", "registered_by").order_by("unit__name", "subject_name")


class Pledge(models.Model):
    """A collective or an individual registers to take part in a plan's emulation, with
    what they commit to; public, as the emulation is."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="pledges")
    unit = models.ForeignKey(AdminUnit, verbose_name=_("thuộc đơn vị"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan, đoàn thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    subject_kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    subject_name = models.CharField(_("tên tập thể, cá nhân"), max_length=200)
    commitments = models.TextField(_("nội dung đăng ký thi đua"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.REGISTERED
    )
    reason = models.CharField(_("lý do rút"), max_length=255, blank=True)
    registered_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    registered_at = models.DateTimeField(_("ngày đăng ký"), auto_now_add=True)
    history = HistoricalRecords()

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "unit", "subject_name"],
                condition=Q(status="registered"),
                name="one_live_pledge_per_subject",
            ),
            models.CheckConstraint(condition=~Q(commitments=""), name="pledge_has_commitments"),
            models.CheckConstraint(condition=Q(status="registered") | ~Q(reason=""), name="withdrawal_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.subject_name} – {self.plan}"
