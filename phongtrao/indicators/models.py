"""Indicators, the values units report for them, and the roll-ups kept current over the unit tree."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
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
