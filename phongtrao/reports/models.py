"""Periodic reports a unit writes for a plan, their figures, sections and the reviewers' remarks."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import ADOPTED


class ReportKind(models.TextChoices):
    WEEKLY = "weekly", _("Báo cáo tuần")
    MONTHLY = "monthly", _("Báo cáo tháng")
    QUARTERLY = "quarterly", _("Báo cáo quý")
    INTERIM_REVIEW = "interim_review", _("Sơ kết")
    FINAL_REVIEW = "final_review", _("Tổng kết")
    OTHER = "other", _("Báo cáo khác")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    RETURNED = "returned", _("Trả lại")


# How far ahead a unit sees the reports it will owe.
REPORTS_AHEAD = dt.timedelta(days=14)


def _sent_to(units: list[AdminUnit]) -> Q:
    """Reports whose recipient (see services.recipient) is one of `units`: a village's
    goes to its commune's plan unit, a plan unit's own to the unit above."""
    return (Q(plan__unit__in=units) & ~Q(unit=F("plan__unit"))) | (
        Q(plan__unit__parent__in=units) & Q(unit=F("plan__unit"))
    )


class ReportQuerySet(models.QuerySet["Report"]):
    def for_list(self) -> ReportQuerySet:
        return self.select_related("unit", "plan").order_by("due_date", "unit__name", "pk")

    def to_write_by(self, units: list[AdminUnit], today: dt.date) -> ReportQuerySet:
        """What these units owe: reports of their adopted plans not yet sent (or
        returned to them), due within two weeks or already late."""
        return self.filter(
            unit__in=units,
            plan__status__in=ADOPTED,
            status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED],
            due_date__lte=today + REPORTS_AHEAD,
        ).for_list()

    def awaiting_decision_at(self, units: list[AdminUnit]) -> ReportQuerySet:
        """Sent to these units, waiting to be accepted or returned."""
        return self.filter(_sent_to(units), status=ReportStatus.SUBMITTED).for_list()

    def missing_at(self, units: list[AdminUnit], today: dt.date) -> ReportQuerySet:
        """Owed to these units and past their due date: the villages (or communes) behind."""
        return self.filter(
            _sent_to(units),
            plan__status__in=ADOPTED,
            status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED],
            due_date__lt=today,
        ).for_list()


class Report(models.Model):
    """A report a plan asks for: due on a date, written by a unit, sent to the unit above,
    accepted (then locked) or returned with comments."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="reports")
    reporting_duty = models.ForeignKey(
        "plans.ReportingDuty", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    unit = models.ForeignKey(
        AdminUnit, verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField(_("loại báo cáo"), max_length=16, choices=ReportKind.choices)
    title = models.CharField(_("tiêu đề"), max_length=300)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    due_date = models.DateField(_("hạn gửi"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    decided_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("lý do"), blank=True)
    version = models.PositiveIntegerField(default=1)
    consolidates = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="consolidated_in")
    history = HistoricalRecords()

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["due_date", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "reporting_duty", "unit", "due_date"],
                condition=Q(reporting_duty__isnull=False),
                name="one_scheduled_report",
            ),
            models.CheckConstraint(condition=Q(period_start__lte=models.F("period_end")), name="report_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.title} – {self.unit}"

    @property
    def locked(self) -> bool:
        return self.status == ReportStatus.ACCEPTED

    @property
    def on_time(self) -> bool | None:
        """Timeliness, apart from completeness: None until it is sent."""
        if self.submitted_at is None:
            return None
        return timezone.localtime(self.submitted_at).date() <= self.due_date


class ReportSection(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(_("mục"), max_length=255)
    text = models.TextField(_("nội dung"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.heading


class ReportFigure(models.Model):
    """A figure the system fills in (duties done, registrations, work days, contributions)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="figures")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("số liệu"), max_length=255)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=2)
    source = models.CharField(_("nguồn"), max_length=30)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"


class ReportComment(models.Model):
    """A returning reviewer's remark on one item of the report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(ReportSection, null=True, blank=True, on_delete=models.CASCADE, related_name="comments")
    figure = models.ForeignKey(ReportFigure, null=True, blank=True, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("nhận xét"))
    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:60]
