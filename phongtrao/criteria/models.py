"""The national NTM criteria sets, each unit's status against them, and the dossiers behind a status."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit
from phongtrao.ui.uploads import random_name


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
    return random_name("dossiers", filename)


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
