"""Calls for registration, the registrations that answer them, and their lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import RUNNING, Plan
from phongtrao.ui.formatting import number_text


class CallKind(models.TextChoices):
    ACTIVITY = "activity", _("Hoạt động ngày thứ Bảy")
    WORK = "work", _("Công trình, phần việc")


class Registrants(models.TextChoices):
    VILLAGES = "villages", _("Các thôn")
    ORGANIZATIONS = "organizations", _("Các cơ quan, đoàn thể")
    BOTH = "both", _("Thôn và cơ quan, đoàn thể")


class RegistrationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    RETURNED = "returned", _("Trả lại")
    WITHDRAWN = "withdrawn", _("Đã rút")


class RegistrationCallQuerySet(models.QuerySet["RegistrationCall"]):
    def for_plan(self, plan: Plan) -> RegistrationCallQuerySet:
        return self.filter(plan=plan).order_by("deadline", "pk")

    def open_to(self, units: list[AdminUnit], today: dt.date) -> RegistrationCallQuerySet:
        """Calls these units may still answer: of a running plan of theirs or of a unit
        above, for villages when the unit is a village (for organisations otherwise), the
        deadline and the plan's time not passed; each with how many registrations the
        units have sent to it (`sent`), the nearest deadline first."""
        whom = Q(pk__in=[])
        for unit in units:
            kind = Registrants.ORGANIZATIONS if unit.level == Level.VILLAGE else Registrants.VILLAGES
            whom |= Q(plan__unit_id__in=[*unit.ancestor_ids, unit.pk]) & ~Q(registrants=kind)
        return (
            self.filter(whom, plan__status__in=RUNNING)
            .filter(Q(deadline__isnull=True) | Q(deadline__gte=today))
            .filter(Q(plan__period_end__isnull=True) | Q(plan__period_end__gte=today))
            .annotate(
                sent=Count(
                    "registrations",
                    filter=Q(registrations__unit__in=units)
                    & Q(registrations__status__in=[RegistrationStatus.SUBMITTED, RegistrationStatus.CONFIRMED]),
                )
            )
            .select_related("plan", "plan__unit")
            .order_by(F("deadline").asc(nulls_last=True), "pk")
        )


class RegistrationCall(models.Model):
    """What a plan asks units to register, and by when (seed 000's Saturday table, seed
    003's "1–2 works per unit before 25/5/2024")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="registration_calls")
    kind = models.CharField(_("loại đăng ký"), max_length=10, choices=CallKind.choices, default=CallKind.ACTIVITY)
    title = models.CharField(_("tên mẫu đăng ký"), max_length=300)
    registrants = models.CharField(
        _("ai đăng ký"), max_length=14, choices=Registrants.choices, default=Registrants.VILLAGES
    )
    deadline = models.DateField(_("hạn đăng ký"), null=True, blank=True)
    min_per_registrant = models.PositiveSmallIntegerField(_("tối thiểu mỗi đơn vị"), default=1)
    max_per_registrant = models.PositiveSmallIntegerField(_("tối đa mỗi đơn vị"), null=True, blank=True)
    history = HistoricalRecords()

    objects = RegistrationCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("mẫu đăng ký")
        verbose_name_plural = _("mẫu đăng ký")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_per_registrant__isnull=True)
                | Q(max_per_registrant__gte=models.F("min_per_registrant")),
                name="call_max_not_below_min",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def unit(self) -> AdminUnit:
        return self.plan.unit


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def visible_to(self, user) -> RegistrationQuerySet:
        """A registration is seen by those with a role over the registering unit or over
        the unit whose plan called for it."""
        return self.filter(
            permissions.scope_filter(user, permissions.VIEW)
            | permissions.scope_filter(user, permissions.VIEW, "call__plan__unit")
        )

    def for_list(self) -> RegistrationQuerySet:
        return self.select_related("unit", "organization", "call", "call__plan").order_by("-submitted_at")

    def awaiting_decision_at(self, units: list[AdminUnit]) -> RegistrationQuerySet:
        """Sent to these units' plans and not yet confirmed or returned: a commune's inbox,
        the oldest first (it has waited longest)."""
        return (
            self.filter(call__plan__unit__in=units, status=RegistrationStatus.SUBMITTED)
            .for_list()
            .order_by("submitted_at", "pk")
        )

    def returned_to(self, units: list[AdminUnit]) -> RegistrationQuerySet:
        """Returned to these units, to be corrected and sent again."""
        return self.filter(unit__in=units, status=RegistrationStatus.RETURNED).for_list().order_by("-decided_at", "pk")


class Registration(models.Model):
    call = models.ForeignKey(RegistrationCall, on_delete=models.PROTECT, related_name="registrations")
    unit = models.ForeignKey(
        AdminUnit, verbose_name=_("đơn vị đăng ký"), on_delete=models.PROTECT, related_name="registrations"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan, đoàn thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    content = models.TextField(_("nội dung công việc đăng ký thực hiện"))
    place = models.CharField(_("địa điểm thực hiện"), max_length=255)
    planned_date = models.DateField(_("ngày dự kiến"), null=True, blank=True)
    support_requested = models.TextField(_("đề xuất hỗ trợ"), blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.SUBMITTED
    )
    status_reason = models.TextField(_("lý do"), blank=True)
    late = models.BooleanField(_("nộp sau hạn"), default=False)
    submitted_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("thời điểm gửi"))
    decided_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("thời điểm xác nhận"), null=True, blank=True)
    # Incremented by every change: a decision names the version it saw, so two officers
    # acting at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1)
    # The Saturdays of the calendar it is carried out on (linked when it is confirmed).
    # The table is the one WorkDay.registrations made before the Saturday calendar moved
    # below the registrations (a registration's date is chosen from the calendar).
    work_days = models.ManyToManyField(
        "workdays.WorkDay", blank=True, related_name="registrations", db_table="workdays_workday_registrations"
    )
    history = HistoricalRecords()

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký")
        verbose_name_plural = _("đăng ký")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(status_reason=""), name="returned_registration_has_reason"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.content[:60]}"

    @property
    def registrant(self) -> str:
        return str(self.organization or self.unit)

    @property
    def mobilised(self) -> Mobilised:
        """What it mobilises in numbers, from its lines (prefetch them for a list)."""
        return Mobilised.of(self.lines.all())


@dataclass(frozen=True)
class Mobilised:
    """People, materials and tools as numbers that add up (the table's and the Excel
    file's columns); each material or tool with its own unit stays on its line."""

    people: Decimal = Decimal(0)
    materials: Decimal = Decimal(0)
    tools: Decimal = Decimal(0)

    @classmethod
    def of(cls, lines: Iterable[RegistrationLine]) -> Mobilised:
        sums = {kind: Decimal(0) for kind in LineKind.values}
        for line in lines:
            sums[line.kind] += line.quantity
        return cls(sums[LineKind.PEOPLE], sums[LineKind.MATERIAL], sums[LineKind.TOOL])

    def __add__(self, other: Mobilised) -> Mobilised:
        return Mobilised(self.people + other.people, self.materials + other.materials, self.tools + other.tools)


class LineKind(models.TextChoices):
    PEOPLE = "people", _("Người")
    MATERIAL = "material", _("Vật tư")
    TOOL = "tool", _("Dụng cụ, phương tiện")


class RegistrationLine(models.Model):
    """What the village mobilises: "30 người; 5 m³ cát; 25 cuốc"."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(_("loại"), max_length=10, choices=LineKind.choices)
    description = models.CharField(_("mô tả"), max_length=200, blank=True)
    quantity = models.DecimalField(_("số lượng"), max_digits=12, decimal_places=2)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=30)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nguồn lực huy động")
        verbose_name_plural = _("nguồn lực huy động")
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0), name="line_quantity_positive")]

    def __str__(self) -> str:
        return f"{number_text(self.quantity)} {self.unit_of_measure} {self.description}".strip()
