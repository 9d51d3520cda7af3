"""A plan (Kế hoạch) as an official document and as the structure that later work
hangs on: phases, targets, duties, deadlines, reporting duties, reward standards."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Organization
from phongtrao.ui.formatting import day_text
from phongtrao.ui.uploads import random_name


class PlanKind(models.TextChoices):
    EMULATION = "emulation", _("Phong trào thi đua")
    CAMPAIGN = "campaign", _("Cuộc vận động")
    MOVEMENT = "movement", _("Phong trào")
    IMPLEMENTATION = "implementation", _("Kế hoạch triển khai")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    CLOSED = "closed", _("Đã kết thúc")
    CANCELLED = "cancelled", _("Đã hủy")


PUBLISHED = [PlanStatus.ISSUED, PlanStatus.IN_PROGRESS, PlanStatus.CLOSED, PlanStatus.CANCELLED]
ADOPTED = [PlanStatus.ISSUED, PlanStatus.IN_PROGRESS, PlanStatus.CLOSED]
# Being carried out: what units still act on (a closed plan asks nothing more).
RUNNING = [PlanStatus.ISSUED, PlanStatus.IN_PROGRESS]


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Hàng tuần")
    MONTHLY = "monthly", _("Hàng tháng")
    QUARTERLY = "quarterly", _("Hàng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hàng năm")
    ONCE = "once", _("Một lần")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Thứ Hai")
    TUESDAY = 1, _("Thứ Ba")
    WEDNESDAY = 2, _("Thứ Tư")
    THURSDAY = 3, _("Thứ Năm")
    FRIDAY = 4, _("Thứ Sáu")
    SATURDAY = 5, _("Thứ Bảy")
    SUNDAY = 6, _("Chủ nhật")


def visibility(user) -> Q:
    """Published plans are public; drafts only to those with a role over the unit."""
    return Q(status__in=PUBLISHED) | permissions.scope_filter(user, permissions.VIEW)


class PlanQuerySet(models.QuerySet["Plan"]):
    def in_subtree(self, unit: AdminUnit) -> PlanQuerySet:
        return self.filter(unit__path__startswith=unit.path)

    def rolling_into(self, unit: AdminUnit) -> PlanQuerySet:
        """Plans of the unit's subtree and of the units merged into it."""
        return self.filter(unit__in=AdminUnit.objects.rolling_into(unit))

    def published(self) -> PlanQuerySet:
        return self.filter(status__in=PUBLISHED)

    def visible_to(self, user) -> PlanQuerySet:
        return self.filter(visibility(user))

    def concerning(self, user) -> PlanQuerySet:
        """Plans of the user's units, of the units below them and of the units above."""
        return self.filter(permissions.concerning_filter(user))

    def for_list(self) -> PlanQuerySet:
        return self.select_related("unit", "unit__parent", "parent").order_by("-issue_date", "-pk")


class Plan(models.Model):
    kind = models.CharField(
        _("loại kế hoạch"), max_length=16, choices=PlanKind.choices, default=PlanKind.IMPLEMENTATION
    )
    unit = models.ForeignKey(AdminUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="plans")
    issuer = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    # The issuer as printed in the header ("UBND xã Hồng Thái", "Ban chỉ đạo … xã Cẩm Hà").
    issuer_name = models.CharField(_("tên cơ quan ban hành"), max_length=255)
    number = models.CharField(_("số"), max_length=20, blank=True, help_text=_("Để trống khi văn bản chưa cấp số."))
    symbol = models.CharField(_("ký hiệu"), max_length=50, blank=True, help_text=_("Ví dụ KH-UBND, KH/BCĐ"))
    issue_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    theme = models.TextField(_("chủ đề"), blank=True)
    preamble = models.TextField(_("phần mở đầu"), blank=True)
    purposes = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    period_start = models.DateField(_("thực hiện từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("đến ngày"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    status = models.CharField(_("trạng thái"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    status_reason = models.TextField(_("lý do"), blank=True)
    signer_authority = models.CharField(
        _("thẩm quyền ký"), max_length=100, blank=True, help_text=_("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    # "ngày thứ Bảy hàng tháng (trừ ngày nghỉ Lễ, Tết), 1 lần/tháng": the work days recur so
    recurrence_weekday = models.PositiveSmallIntegerField(
        _("ngày trong tuần lặp lại"), choices=Weekday.choices, null=True, blank=True
    )
    recurrence_frequency = models.CharField(_("lặp lại"), max_length=12, choices=Frequency.choices, blank=True)
    recurrence_skip = models.CharField(_("trừ những ngày"), max_length=100, blank=True)
    # Title, issuer, number and theme folded to lower case without diacritics, so that
    # "ke hoach thu bay" typed on a phone finds "Kế hoạch … thứ Bảy" on every database.
    created_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "issuer_name", "symbol", "number", "issue_year"],
                condition=~Q(number="") & ~Q(status="cancelled"),
                name="plan_number_unique_per_issuer_year",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="plan_period_ordered",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="plan_has_title"),
        ]
        indexes = [models.Index(fields=["status", "issue_date"])]

    def __str__(self) -> str:
        return f"{self.full_number if self.number else _('Kế hoạch')} – {self.title[:80]}"

    @property
    def full_number(self) -> str:
        """ "42/KH-UBND" for state bodies; "14-KH/BCĐ" for party bodies, whose symbol
        already holds a slash (Decree 30/2020 and Party Central Office Guide 36)."""
        if not self.symbol:
            return self.number
        separator = "-" if "/" in self.symbol else "/"
        return f"{self.number}{separator}{self.symbol}"

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED

    def period_contains(self, start: dt.date | None, end: dt.date | None) -> bool:
        if self.period_start and start and start < self.period_start:
            return False
        return not (self.period_end and end and end > self.period_end)


class PlanPart(models.Model):
    """A row of one of a plan's lists, kept in the document's order."""

    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class Section(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    label = models.CharField(_("số mục"), max_length=12, blank=True, help_text=_("I., 1., 2.1., a)"))
    depth = models.PositiveSmallIntegerField(_("cấp mục"), default=0)
    heading = models.CharField(_("tiêu đề mục"), max_length=500, blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("mục")
        verbose_name_plural = _("các mục")

    def __str__(self) -> str:
        return f"{self.label} {self.heading}".strip()


class Phase(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("tên đợt"), max_length=100)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    tasks = models.TextField(_("nhiệm vụ"), blank=True)
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("đợt")
        verbose_name_plural = _("các đợt")
        constraints = [models.CheckConstraint(condition=Q(start__lte=models.F("end")), name="phase_ordered")]

    def __str__(self) -> str:
        return self.name


class Comparator(models.TextChoices):
    EQ = "=", _("đạt")
    GE = ">=", _("từ … trở lên")
    GT = ">", _("trên")
    LE = "<=", _("không quá")
    LT = "<", _("dưới")


RATE_UNITS = {"%", "‰"}


class Target(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    text = models.TextField(_("chỉ tiêu"))
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    comparator = models.CharField(_("so sánh"), max_length=2, choices=Comparator.choices, default=Comparator.EQ)
    baseline = models.DecimalField(_("giá trị xuất phát"), max_digits=20, decimal_places=4, null=True, blank=True)
    scope_unit = models.ForeignKey(
        AdminUnit, verbose_name=_("phạm vi"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("thời hạn"), null=True, blank=True)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("đo bằng chỉ số"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    allocated_from = models.ForeignKey(
        "self",
        verbose_name=_("giao từ chỉ tiêu cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derived",
    )
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.text

    @property
    def is_total(self) -> bool:
        """A quantity for the whole area (134 million đồng, 500 km of road) that is split
        among the units below by allocation; a rate or ratio (61,5 %, 15,9 ‰) holds for
        each unit as it is."""
        if self.indicator_id is not None:
            return self.indicator.aggregation == "sum"
        return self.unit_of_measure.strip() not in RATE_UNITS

    @property
    def lower_is_better(self) -> bool:
        return self.comparator in (Comparator.LT, Comparator.LE)

    def is_weaker_than(self, value: Decimal) -> bool:
        """Whether this target asks for less than `value` would."""
        return self.value > value if self.lower_is_better else self.value < value


class TargetAllocation(models.Model):
    """A parent plan's target handed to one child unit ("giao chỉ tiêu")."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="allocations")
    unit = models.ForeignKey(AdminUnit, verbose_name=_("đơn vị được giao"), on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("giá trị giao"), max_digits=20, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("giao chỉ tiêu")
        verbose_name_plural = _("giao chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["target", "unit"], name="allocation_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.value}"


class DutyStatus(models.TextChoices):
    PENDING = "pending", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")


class DutyQuerySet(models.QuerySet["Duty"]):
    def for_list(self) -> DutyQuerySet:
        return self.select_related("plan", "plan__unit", "place_unit", "assignee_org").order_by(
            F("deadline").asc(nulls_last=True), "plan_id", "order", "pk"
        )

    def open(self) -> DutyQuerySet:
        """Of a plan being carried out, not yet done."""
        return self.filter(plan__status__in=RUNNING).exclude(status=DutyStatus.DONE)


class Duty(PlanPart):
    """ "Tổ chức thực hiện": what an organisation, an official's position or every unit
    of a level must do."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="duties")
    assignee_text = models.CharField(_("đơn vị, người được giao"), max_length=255)
    assignee_org = models.ForeignKey(
        Organization,
        verbose_name=_("tổ chức được giao"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duties",
    )
    assignee_position = models.CharField(_("chức danh được giao"), max_length=32, blank=True)
    # "UBND các xã, thị trấn": a duty every child unit's plan must carry.
    assignee_level = models.CharField(_("giao cho mọi đơn vị cấp"), max_length=10, choices=Level.choices, blank=True)
    text = models.TextField(_("nhiệm vụ"))
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    place_unit = models.ForeignKey(
        AdminUnit, verbose_name=_("địa bàn"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.DecimalField(_("khối lượng"), max_digits=14, decimal_places=2, null=True, blank=True)
    quantity_unit = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    status = models.CharField(_("tình trạng"), max_length=12, choices=DutyStatus.choices, default=DutyStatus.PENDING)
    from_parent_duty = models.ForeignKey(
        "self",
        verbose_name=_("theo nhiệm vụ cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derived",
    )
    history = HistoricalRecords()

    objects = DutyQuerySet.as_manager()

    class Meta(PlanPart.Meta):
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__isnull=True) | Q(quantity__gt=0), name="duty_quantity_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignee_text}: {self.text[:60]}"

    def is_overdue(self, today: dt.date) -> bool:
        return bool(self.deadline and self.deadline < today and self.status != DutyStatus.DONE)


class DutyAssignmentQuerySet(models.QuerySet["DutyAssignment"]):
    def for_list(self) -> DutyAssignmentQuerySet:
        return self.select_related("duty", "duty__plan", "unit", "organization").order_by(
            F("duty__deadline").asc(nulls_last=True), "duty__plan_id", "duty__order", "duty_id", "pk"
        )

    def open(self) -> DutyAssignmentQuerySet:
        """Of a plan being carried out, not yet done."""
        return self.filter(duty__plan__status__in=RUNNING).exclude(status=DutyStatus.DONE)

    def carried_by(self, units: list[AdminUnit]) -> DutyAssignmentQuerySet:
        """What these units (a village, or a commune and its organisations) have to do."""
        return self.open().filter(unit__in=units).for_list()

    def late_in_plans_of(self, units: list[AdminUnit], today: dt.date) -> DutyAssignmentQuerySet:
        """The units behind on these units' own plans: open items past their deadline."""
        return self.open().filter(duty__plan__unit__in=units, duty__deadline__lt=today).for_list()


class DutyAssignment(models.Model):
    """A duty as it reaches one unit or organisation ("6/6 thôn" → one item per village,
    "các đoàn thể" → one per mass organisation), with its own progress and evidence."""

    duty = models.ForeignKey(Duty, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(AdminUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan, đoàn thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duty_assignments",
    )
    status = models.CharField(_("tình trạng"), max_length=12, choices=DutyStatus.choices, default=DutyStatus.PENDING)
    percent = models.PositiveSmallIntegerField(_("tỷ lệ hoàn thành (%)"), default=0)
    history = HistoricalRecords()

    objects = DutyAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhiệm vụ giao đơn vị")
        verbose_name_plural = _("nhiệm vụ giao đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["duty", "unit"], condition=Q(organization__isnull=True), name="one_assignment_per_unit"
            ),
            models.UniqueConstraint(
                fields=["duty", "organization"],
                condition=Q(organization__isnull=False),
                name="one_assignment_per_organization",
            ),
            models.CheckConstraint(condition=Q(percent__lte=100), name="assignment_percent_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.assignee}: {self.duty.text[:60]}"

    @property
    def assignee(self) -> str:
        return str(self.organization or self.unit)

    def is_overdue(self, today: dt.date) -> bool:
        return bool(self.duty.deadline and self.duty.deadline < today and self.status != DutyStatus.DONE)


class Deadline(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="deadlines")
    what = models.TextField(_("nội dung"))
    date = models.DateField(_("hạn"))
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")

    def __str__(self) -> str:
        return f"{day_text(self.date)}: {self.what[:60]}"


class ReportingDuty(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reporting_duties")
    reporter_text = models.CharField(_("đơn vị báo cáo"), max_length=255)
    recipient_text = models.CharField(_("báo cáo cho"), max_length=255, blank=True)
    frequency = models.CharField(_("định kỳ"), max_length=12, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(_("vào thứ"), choices=Weekday.choices, null=True, blank=True)
    day_of_month = models.PositiveSmallIntegerField(_("vào ngày"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("chế độ báo cáo")
        verbose_name_plural = _("chế độ báo cáo")
        constraints = [
            models.CheckConstraint(
                condition=Q(day_of_month__isnull=True) | Q(day_of_month__gte=1, day_of_month__lte=31),
                name="report_day_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reporter_text} → {self.recipient_text} ({self.get_frequency_display()})"


class SubjectKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class EmulationSubject(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="emulation_subjects")
    kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    text = models.TextField(_("mô tả"))
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("đối tượng thi đua")
        verbose_name_plural = _("đối tượng thi đua")

    def __str__(self) -> str:
        return self.text


class RewardStandard(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reward_standards")
    subject = models.CharField(_("áp dụng cho"), max_length=255)
    text = models.TextField(_("tiêu chuẩn"))
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("tiêu chuẩn khen thưởng")
        verbose_name_plural = _("tiêu chuẩn khen thưởng")

    def __str__(self) -> str:
        return f"{self.subject}: {self.text[:60]}"


class PlanRewardForm(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reward_forms")
    name = models.CharField(_("hình thức khen thưởng"), max_length=255)
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")

    def __str__(self) -> str:
        return self.name


class Recipient(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recipients")
    text = models.CharField(_("nơi nhận"), max_length=255)
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")

    def __str__(self) -> str:
        return self.text


class ReferenceRole(models.TextChoices):
    BASIS = "basis", _("Căn cứ, thực hiện")
    CITED = "cited", _("Dẫn chiếu")


class Reference(PlanPart):
    """A document the plan implements or cites; `document` links it when it is a plan
    in the system (the parent plan is also linked as Plan.parent)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="references")
    role = models.CharField(_("quan hệ"), max_length=8, choices=ReferenceRole.choices, default=ReferenceRole.BASIS)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    date = models.DateField(_("ngày"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    document = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by")
    history = HistoricalRecords()

    class Meta(PlanPart.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")

    def __str__(self) -> str:
        return f"{self.number} {self.issuer}".strip()

    @property
    def sentence(self) -> str:
        """ "Thực hiện Kế hoạch số 122/KH-UBND ngày 05/4/2023 của UBND huyện Bình Gia về …",
        in Vietnamese (document text, whatever the reader's language), saying only what is
        known: never "số … ngày …"."""
        number = self.number.strip()
        named = number if number.lower().startswith(("kế hoạch", "quyết định", "nghị quyết", "chỉ thị")) else ""
        words = [named or (f"Kế hoạch số {number}" if number else "Kế hoạch")]
        if self.date:
            words.append(f"ngày {self.date.day:02d}/{self.date.month:02d}/{self.date.year}")
        if self.issuer.strip():
            words.append(f"của {self.issuer.strip()}")
        if self.title.strip():
            words.append(f"về {self.title.strip()}")
        return "Thực hiện " + " ".join(words) + "."


def evidence_path(instance, filename: str) -> str:
    return random_name("evidence", filename)


class DutyProgress(models.Model):
    """A dated step on a duty: how far it is, what was done, with photos or documents."""

    duty = models.ForeignKey("plans.Duty", on_delete=models.CASCADE, related_name="progress")
    # the unit or organisation whose step it is (none: the duty as a whole, before items)
    assignment = models.ForeignKey(
        DutyAssignment, null=True, blank=True, on_delete=models.CASCADE, related_name="progress"
    )
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
        return f"{day_text(self.date)}: {self.percent}%"


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
