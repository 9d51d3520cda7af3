"""Indicators, their values per unit and period, and the roll-ups kept up to date with
every write, so that a national figure is one row read, not a scan of millions of values."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit


class ValueType(models.TextChoices):
    NUMBER = "number", _("Số")
    PERCENT = "percent", _("Tỷ lệ %")
    RATIO = "ratio", _("Tỷ số (tử số/mẫu số)")
    BOOLEAN = "boolean", _("Có/không")
    COUNT = "count", _("Đếm")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng")
    RATIO_OF_SUMS = "ratio_of_sums", _("Tỷ lệ của tổng tử số trên tổng mẫu số")
    WEIGHTED_MEAN = "weighted_mean", _("Bình quân gia quyền")
    COUNT_ACHIEVING = "count_achieving", _("Số đơn vị đạt")


class PeriodKind(models.TextChoices):
    WEEK = "week", _("Tuần")
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    YEAR = "year", _("Năm")


class Indicator(models.Model):
    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên chỉ số"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    value_type = models.CharField(_("kiểu giá trị"), max_length=10, choices=ValueType.choices)
    aggregation = models.CharField(_("cách tổng hợp"), max_length=16, choices=Aggregation.choices)
    achieving_threshold = models.DecimalField(
        _("ngưỡng đạt"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Với “số đơn vị đạt”: giá trị từ ngưỡng này trở lên là đạt."),
    )
    plausible_min = models.DecimalField(
        _("giá trị hợp lý thấp nhất"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    plausible_max = models.DecimalField(
        _("giá trị hợp lý cao nhất"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(aggregation="ratio_of_sums") | Q(value_type="ratio"), name="ratio_of_sums_needs_ratios"
            ),
            models.CheckConstraint(
                condition=~Q(aggregation="count_achieving") | Q(achieving_threshold__isnull=False),
                name="count_achieving_needs_threshold",
            ),
        ]

    def __str__(self) -> str:
        """Its name, as people call it; the code is for files and the API."""
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="indicator_values")
    period_kind = models.CharField(_("kỳ"), max_length=8, choices=PeriodKind.choices)
    period_start = models.DateField(_("đầu kỳ"))
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    numerator = models.DecimalField(_("tử số"), max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=20, decimal_places=4, null=True, blank=True)
    weight = models.DecimalField(_("trọng số"), max_digits=20, decimal_places=4, default=Decimal(1))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    entered_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("giá trị chỉ số")
        verbose_name_plural = _("giá trị chỉ số")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period_kind", "period_start"], name="one_value_per_unit_and_period"
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="value_weight_positive"),
        ]
        indexes = [models.Index(fields=["indicator", "period_kind", "period_start"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.unit} {self.period_start}: {self.value}"


class Rollup(models.Model):
    """Running totals of an indicator over a unit's subtree (and the units merged into it)
    for one period; every value write adds its change here in the same transaction."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="+")
    period_kind = models.CharField(max_length=8, choices=PeriodKind.choices)
    period_start = models.DateField()
    count = models.IntegerField(default=0)
    value_sum = models.DecimalField(max_digits=28, decimal_places=4, default=Decimal(0))
    numerator_sum = models.DecimalField(max_digits=28, decimal_places=4, default=Decimal(0))
    denominator_sum = models.DecimalField(max_digits=28, decimal_places=4, default=Decimal(0))
    weight_sum = models.DecimalField(max_digits=28, decimal_places=4, default=Decimal(0))
    weighted_sum = models.DecimalField(max_digits=36, decimal_places=8, default=Decimal(0))
    achieving = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "period_kind", "period_start"], name="one_rollup_cell")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.unit_id}/{self.period_start}: {self.count}"


class CriteriaSet(models.Model):
    """A versioned set of criteria (the national NTM set for communes 2021–2025, an
    advanced or model set, a province's model village set), loaded from a data file."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên bộ tiêu chí"), max_length=300)
    level = models.CharField(
        _("áp dụng cho cấp"), max_length=10, choices=[("commune", _("Xã")), ("village", _("Thôn"))]
    )
    source = models.CharField(_("căn cứ"), max_length=300, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("bộ tiêu chí")
        verbose_name_plural = _("bộ tiêu chí")

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    name = models.CharField(_("tên tiêu chí"), max_length=255)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "number"], name="criterion_number_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class CriterionIndicator(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("mã"), max_length=10)
    name = models.TextField(_("nội dung"))

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["criterion", "code"], name="criterion_indicator_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CriterionState(models.TextChoices):
    ACHIEVED = "achieved", _("Đạt")
    NOT_YET = "not_yet", _("Chưa đạt")
    LOST = "lost", _("Không còn đạt")


class CriterionStatus(models.Model):
    """Where a unit stands on one criterion (or one of its indicators), since when, who answers for it."""

    unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="criterion_statuses")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="statuses")
    indicator = models.ForeignKey(
        CriterionIndicator, null=True, blank=True, on_delete=models.CASCADE, related_name="statuses"
    )
    state = models.CharField(_("tình trạng"), max_length=10, choices=CriterionState.choices)
    date = models.DateField(_("ngày đánh giá"))
    responsible = models.ForeignKey(
        "orgs.Official",
        verbose_name=_("người phụ trách"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tình trạng tiêu chí")
        verbose_name_plural = _("tình trạng tiêu chí")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "criterion"], condition=Q(indicator__isnull=True), name="one_status_per_unit_criterion"
            ),
            models.UniqueConstraint(
                fields=["unit", "indicator"], condition=Q(indicator__isnull=False), name="one_status_per_unit_indicator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.criterion}: {self.get_state_display()}"


def dossier_path(instance, filename: str) -> str:
    return f"dossiers/{instance.unit_id}/{instance.criterion_id}/{filename}"


class DossierFile(models.Model):
    """A piece of a criterion's evidence dossier (hồ sơ tiêu chí)."""

    unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="dossier")
    file = models.FileField(_("tệp"), upload_to=dossier_path)
    kind = models.CharField(max_length=10)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hồ sơ tiêu chí")
        verbose_name_plural = _("hồ sơ tiêu chí")

    def __str__(self) -> str:
        return self.original_name


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
