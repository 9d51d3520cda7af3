"""Carrying out a plan: what villages and organisations register to do, the commune's
confirmation, and (next) the Saturday work days, attendance and contributions."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import Plan
from phongtrao.text import vn_number


class CallKind(models.TextChoices):
    ACTIVITY = "activity", _("Hoạt động ngày thứ Bảy")
    WORK = "work", _("Công trình, phần việc")


class Registrants(models.TextChoices):
    VILLAGES = "villages", _("Các thôn")
    ORGANIZATIONS = "organizations", _("Các cơ quan, đoàn thể")
    BOTH = "both", _("Thôn và cơ quan, đoàn thể")


class RegistrationCallQuerySet(models.QuerySet):
    def for_plan(self, plan: Plan) -> RegistrationCallQuerySet:
        return self.filter(plan=plan).order_by("deadline", "pk")


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


class RegistrationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    RETURNED = "returned", _("Trả lại")
    WITHDRAWN = "withdrawn", _("Đã rút")


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user) -> RegistrationQuerySet:
        """A registration is seen by those with a role over the registering unit or over
        the unit whose plan called for it."""
        return self.filter(
            permissions.scope_filter(user, permissions.VIEW)
            | permissions.scope_filter(user, permissions.VIEW, "call__plan__unit")
        )

    def for_list(self) -> RegistrationQuerySet:
        return self.select_related("unit", "organization", "call", "call__plan").order_by("-submitted_at")


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
        return f"{vn_number(self.quantity)} {self.unit_of_measure} {self.description}".strip()


class WorkDayStatus(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    DONE = "done", _("Đã thực hiện")
    CANCELLED = "cancelled", _("Hoãn, hủy")


class WorkDayQuerySet(models.QuerySet):
    def for_calendar(self) -> WorkDayQuerySet:
        return self.select_related("unit", "plan").order_by("date", "unit__name")


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
    registrations = models.ManyToManyField(Registration, blank=True, related_name="work_days")
    history = HistoricalRecords()

    objects = WorkDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("ngày thứ Bảy đi cơ sở")
        verbose_name_plural = _("ngày thứ Bảy đi cơ sở")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["plan", "unit", "date"], name="work_day_once_per_village")]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.unit}"


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
        return f"{vn_number(self.quantity)} {self.unit_of_measure} {self.description}"


def evidence_path(instance, filename: str) -> str:
    return f"evidence/{instance.progress.duty.plan_id}/{instance.progress.duty_id}/{filename}"


class DutyProgress(models.Model):
    """A dated step on a duty: how far it is, what was done, with photos or documents."""

    duty = models.ForeignKey("plans.Duty", on_delete=models.CASCADE, related_name="progress")
    date = models.DateField(_("ngày"))
    percent = models.PositiveSmallIntegerField(_("tỷ lệ hoàn thành (%)"))
    note = models.TextField(_("nội dung"), blank=True)
    recorded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tiến độ nhiệm vụ")
        verbose_name_plural = _("tiến độ nhiệm vụ")
        ordering = ["-date", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(percent__lte=100), name="progress_percent_at_most_100")]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.percent}%"


def work_day_photo_path(instance, filename: str) -> str:
    return f"workdays/{instance.work_day.plan_id}/{instance.work_day_id}/{filename}"


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


class Evidence(models.Model):
    progress = models.ForeignKey(DutyProgress, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to=evidence_path)
    kind = models.CharField(_("loại"), max_length=10)  # image, pdf, docx, xlsx: read from the content
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self) -> str:
        return self.original_name


class Fund(models.Model):
    """A fund the people give to ("Quỹ Vì người nghèo"), with its target in đồng."""

    unit = models.ForeignKey(AdminUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="funds")
    name = models.CharField(_("tên quỹ"), max_length=200)
    plan = models.ForeignKey(
        Plan, verbose_name=_("theo kế hoạch"), null=True, blank=True, on_delete=models.SET_NULL, related_name="funds"
    )
    target = models.DecimalField(_("mục tiêu (đồng)"), max_digits=16, decimal_places=0, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quỹ")
        verbose_name_plural = _("quỹ")
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="fund_name_unique_in_unit"),
            models.CheckConstraint(condition=Q(target__isnull=True) | Q(target__gt=0), name="fund_target_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class ContributorKind(models.TextChoices):
    HOUSEHOLD = "household", _("Hộ gia đình")
    PERSON = "person", _("Cá nhân")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    ORGANIZATION = "organization", _("Cơ quan, tổ chức")


class ContributionKind(models.TextChoices):
    MONEY = "money", _("Tiền (đồng)")
    GOODS = "goods", _("Hiện vật")
    LABOUR = "labour", _("Ngày công")
    LAND = "land", _("Hiến đất (m²)")


class ContributionQuerySet(models.QuerySet):
    def of_area(self, unit: AdminUnit) -> ContributionQuerySet:
        """Given in the unit's area: its subtree and, through mergers, the units that went
        into it (the same area the unit's plans and figures roll up over)."""
        return self.filter(unit__in=AdminUnit.objects.rolling_into(unit))

    def for_ledger(self) -> ContributionQuerySet:
        return self.select_related("unit", "fund", "plan", "reverses", "reversal").order_by("-date", "-pk")


class Contribution(models.Model):
    """One line of the ledger. Never edited: a mistake is undone by a reversing line."""

    unit = models.ForeignKey(
        AdminUnit, verbose_name=_("đơn vị ghi nhận"), on_delete=models.PROTECT, related_name="contributions"
    )
    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    fund = models.ForeignKey(
        Fund, verbose_name=_("quỹ"), null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    work_day = models.ForeignKey(
        WorkDay,
        verbose_name=_("ngày thứ Bảy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("công trình, phần việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    contributor_kind = models.CharField(_("người đóng góp là"), max_length=12, choices=ContributorKind.choices)
    contributor_name = models.CharField(_("tên người, đơn vị đóng góp"), max_length=200)
    household = models.ForeignKey("orgs.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("hình thức"), max_length=8, choices=ContributionKind.choices)
    amount = models.DecimalField(
        _("số lượng"), max_digits=16, decimal_places=2, help_text=_("đồng, ngày công hoặc m² tùy hình thức")
    )
    description = models.CharField(_("mô tả hiện vật"), max_length=255, blank=True)
    value = models.DecimalField(_("giá trị quy đổi (đồng)"), max_digits=16, decimal_places=0, default=0)
    date = models.DateField(_("ngày"))
    receipt_number = models.CharField(_("số biên nhận"), max_length=40, blank=True)
    public = models.BooleanField(_("công khai tên"), default=True)
    reverses = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversal")
    reason = models.CharField(_("lý do điều chỉnh"), max_length=255, blank=True)
    recorded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("đóng góp")
        verbose_name_plural = _("đóng góp")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "receipt_number"], condition=~Q(receipt_number=""), name="receipt_number_unique_in_unit"
            ),
            models.CheckConstraint(condition=~Q(amount=0), name="contribution_not_zero"),
            models.CheckConstraint(
                condition=Q(amount__gt=0) | Q(reverses__isnull=False), name="only_reversals_are_negative"
            ),
        ]
        # A province's totals add up some ten thousand lines scattered among a million:
        # read from this index alone (PostgreSQL) instead of the whole table.
        indexes = [
            models.Index(fields=["unit", "kind", "date"], include=["amount", "value"], name="contribution_totals")
        ]

    def __str__(self) -> str:
        return f"{self.contributor_name}: {vn_number(self.amount)} ({self.get_kind_display()})"
