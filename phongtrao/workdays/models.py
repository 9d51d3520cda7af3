"""The Saturday work days of a village: the day, who came, what was done, the photos."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import Plan
from phongtrao.ui.formatting import day_text, number_text
from phongtrao.ui.uploads import random_name


class WorkDayStatus(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    DONE = "done", _("Đã thực hiện")
    CANCELLED = "cancelled", _("Hoãn, hủy")


# A Saturday older than this without results is let go: its page still takes them.
RECORD_WITHIN = dt.timedelta(days=62)


class WorkDayQuerySet(models.QuerySet["WorkDay"]):
    def for_calendar(self) -> WorkDayQuerySet:
        return self.select_related("unit", "plan").order_by("date", "unit__name")

    def calendar_of(self, plan: Plan, units: list[AdminUnit]) -> WorkDayQuerySet:
        """The Saturdays the plan's calendar gives these villages (not the cancelled ones):
        the dates their registrations choose from."""
        return self.filter(plan=plan, unit__in=units).exclude(status=WorkDayStatus.CANCELLED).for_calendar()

    def within(self, units: list[AdminUnit]) -> WorkDayQuerySet:
        area = Q(pk__in=[])
        for unit in units:
            area |= Q(unit__path__startswith=unit.path)
        return self.filter(area)

    def to_record_in(self, units: list[AdminUnit], today: dt.date) -> WorkDayQuerySet:
        """Saturdays past (in the last two months) still without their attendance and
        results, in these units' villages."""
        return (
            self.within(units)
            .filter(status=WorkDayStatus.PLANNED, date__lt=today, date__gte=today - RECORD_WITHIN)
            .for_calendar()
        )

    def tally(self) -> dict[str, int]:
        """Saturdays planned (not cancelled) and held, and the people assigned to and
        present at those held: what a dashboard, a report and a review all count."""
        held = Q(status=WorkDayStatus.DONE)
        counted = self.exclude(status=WorkDayStatus.CANCELLED).aggregate(
            planned=Count("pk", distinct=True),
            held=Count("pk", filter=held, distinct=True),
            expected=Sum("attendance__expected", filter=held),
            present=Sum("attendance__present", filter=held),
        )
        return {name: counted[name] or 0 for name in ("planned", "held", "expected", "present")}

    def next_in(self, units: list[AdminUnit], today: dt.date) -> WorkDayQuerySet:
        """The next Saturday worked in these units' villages: every village on that day."""
        coming = self.within(units).filter(status=WorkDayStatus.PLANNED, date__gte=today)
        return coming.filter(date=coming.order_by("date").values("date")[:1]).for_calendar()


class WorkDay(models.Model):
    """One Saturday on which officials, forces and the people work in a village."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="work_days")
    unit = models.ForeignKey(AdminUnit, verbose_name=_("thôn"), on_delete=models.PROTECT, related_name="work_days")
    date = models.DateField(_("ngày"))
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=WorkDayStatus.choices, default=WorkDayStatus.PLANNED
    )
    note = models.TextField(_("ghi chú"), blank=True)
    no_shows = models.PositiveIntegerField(_("số người vắng mặt"), default=0)
    history = HistoricalRecords()

    objects = WorkDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("ngày thứ Bảy đi cơ sở")
        verbose_name_plural = _("ngày thứ Bảy đi cơ sở")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["plan", "unit", "date"], name="work_day_once_per_village")]

    def __str__(self) -> str:
        return f"{day_text(self.date)} – {self.unit}"


class Attendance(models.Model):
    """Who came: a count per organisation or force, and named people where known."""

    work_day = models.ForeignKey(WorkDay, on_delete=models.CASCADE, related_name="attendance")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan, lực lượng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.CharField(_("nhóm"), max_length=150, blank=True, help_text=_("Nhân dân thôn, cán bộ xã…"))
    expected = models.PositiveIntegerField(_("số người được phân công"), default=0)
    present = models.PositiveIntegerField(_("số người có mặt"), default=0)
    names = models.TextField(_("danh sách người tham gia"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tham gia")
        verbose_name_plural = _("tham gia")

    def __str__(self) -> str:
        return f"{self.organization or self.group}: {self.present}/{self.expected}"

    @property
    def missing(self) -> int:
        return max(self.expected - self.present, 0)


class WorkResult(models.Model):
    """What was done: "500 m đường bê tông", "200 cây xanh", "15 m³ rác"."""

    work_day = models.ForeignKey(WorkDay, on_delete=models.CASCADE, related_name="results")
    description = models.CharField(_("kết quả"), max_length=200)
    quantity = models.DecimalField(_("khối lượng"), max_digits=12, decimal_places=2)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=30)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết quả")
        verbose_name_plural = _("kết quả")
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0), name="work_result_quantity_positive")]

    def __str__(self) -> str:
        return f"{number_text(self.quantity)} {self.unit_of_measure} {self.description}"


def work_day_photo_path(instance, filename: str) -> str:
    return random_name("workdays", filename)


class WorkDayPhoto(models.Model):
    work_day = models.ForeignKey(WorkDay, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("ảnh"), upload_to=work_day_photo_path)
    caption = models.CharField(_("chú thích"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ảnh ngày thứ Bảy")
        verbose_name_plural = _("ảnh ngày thứ Bảy")

    def __str__(self) -> str:
        return self.caption or self.file.name
