"""The national NTM criteria sets, each unit's status against them, and the dossiers behind a status."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import Comparator
from phongtrao.ui.uploads import random_name


class SetLevel(models.TextChoices):
    """What a set assesses: a commune, a village or residential area (thôn, khu dân cư
    kiểu mẫu: both are a village in the tree), or a household's garden (vườn mẫu)."""

    COMMUNE = "commune", _("Xã")
    VILLAGE = "village", _("Thôn, khu dân cư")
    GARDEN = "garden", _("Vườn hộ")


class CriteriaSetQuerySet(models.QuerySet["CriteriaSet"]):
    def in_force_on(self, day: dt.date) -> CriteriaSetQuerySet:
        """The sets a unit is assessed against on `day` (a set without dates always is)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        )


class CriteriaSet(models.Model):
    """A versioned set of criteria (the national NTM set for communes 2026–2030 and the
    2021–2025 ones kept for history, an advanced or model set, a province's model village
    or garden set), loaded from a data file."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên bộ tiêu chí"), max_length=300)
    level = models.CharField(_("áp dụng cho"), max_length=10, choices=SetLevel.choices)
    source = models.CharField(_("căn cứ"), max_length=300, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = CriteriaSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("bộ tiêu chí")
        verbose_name_plural = _("bộ tiêu chí")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="criteria_set_valid_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name


class CommuneGroup(models.Model):
    """A group of communes a set gives its own levels to (51/2025/QĐ-TTg: xã nhóm 1, 2, 3)."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    name = models.CharField(_("tên nhóm"), max_length=60)
    definition = models.TextField(_("xã thuộc nhóm"), blank=True)

    class Meta:
        verbose_name = _("nhóm xã")
        verbose_name_plural = _("nhóm xã")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "number"], name="commune_group_number_unique"),
            models.UniqueConstraint(fields=["criteria_set", "name"], name="commune_group_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class CommuneGrouping(models.Model):
    """The group a commune is in under a set, as the province decided it (with history:
    a commune can move group when it is reclassified)."""

    unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="+")
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="groupings")
    group = models.ForeignKey(CommuneGroup, verbose_name=_("nhóm xã"), on_delete=models.PROTECT, related_name="+")
    basis = models.CharField(_("căn cứ xếp nhóm"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("xếp nhóm xã")
        verbose_name_plural = _("xếp nhóm xã")
        constraints = [models.UniqueConstraint(fields=["unit", "criteria_set"], name="one_group_per_commune_and_set")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.group}"


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
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["criterion", "code"], name="criterion_indicator_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


LEVEL_NUMBER = re.compile(r"(?P<sign>≥|>=|≤|<=|>|<|=)?\s*(?P<amount>\d+(?:[.,]\d+)?)\s*(?:%|‰)?")
SIGNS = {"≥": ">=", "≤": "<="}


def level_number(text: str) -> tuple[str, Decimal | None]:
    """The comparator and amount of a level written as a number ("≥ 70%", "≤16,5%",
    "100%"); ("", None) for a level in words ("Đạt", "Có quy hoạch được duyệt")."""
    match = LEVEL_NUMBER.fullmatch(text.strip())
    if match is None:
        return "", None
    sign = match["sign"] or "="
    return Comparator(SIGNS.get(sign, sign)), Decimal(match["amount"].replace(",", "."))


class IndicatorLevel(models.Model):
    """What an indicator asks of a commune of one group (or of every unit, `group` empty,
    in a set without groups), as the decision writes it ("≥ 70%", "Đạt"); `comparator`
    and `amount` when the level is a number a recorded value can be held against."""

    indicator = models.ForeignKey(CriterionIndicator, on_delete=models.CASCADE, related_name="levels")
    group = models.ForeignKey(
        CommuneGroup, verbose_name=_("nhóm xã"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(_("mức đạt"), max_length=300)
    comparator = models.CharField(_("so sánh"), max_length=2, choices=Comparator.choices, blank=True)
    amount = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mức đạt của chỉ tiêu")
        verbose_name_plural = _("mức đạt của chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "group"], name="one_level_per_indicator_and_group"),
            models.UniqueConstraint(
                fields=["indicator"], condition=Q(group__isnull=True), name="one_level_per_indicator_without_group"
            ),
            models.CheckConstraint(
                condition=Q(comparator="", amount__isnull=True) | (~Q(comparator="") & Q(amount__isnull=False)),
                name="indicator_level_number_whole",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def is_met_by(self, value: Decimal) -> bool | None:
        """Whether `value` reaches this level; None when the level is not a number."""
        if not self.comparator or self.amount is None:
            return None
        return {
            Comparator.EQ: value == self.amount,
            Comparator.GE: value >= self.amount,
            Comparator.GT: value > self.amount,
            Comparator.LE: value <= self.amount,
            Comparator.LT: value < self.amount,
        }[Comparator(self.comparator)]


class Garden(models.Model):
    """A household's model garden (vườn mẫu) in a village, assessed against a garden set:
    what a plan's "hoàn thành 2 vườn mẫu" becomes, so that it is judged, not only counted."""

    unit = models.ForeignKey(AdminUnit, verbose_name=_("thôn"), on_delete=models.PROTECT, related_name="gardens")
    name = models.CharField(_("tên vườn"), max_length=200)
    keeper = models.CharField(_("hộ, tổ chức phụ trách"), max_length=200, blank=True)
    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT, related_name="gardens"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vườn mẫu")
        verbose_name_plural = _("vườn mẫu")
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="garden_name_unique_in_village")]

    def __str__(self) -> str:
        return self.name


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
    garden = models.ForeignKey(Garden, null=True, blank=True, on_delete=models.PROTECT, related_name="statuses")
    state = models.CharField(_("tình trạng"), max_length=10, choices=CriterionState.choices)
    value = models.DecimalField(_("kết quả đạt được"), max_digits=20, decimal_places=4, null=True, blank=True)
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
                fields=["unit", "criterion"],
                condition=Q(indicator__isnull=True, garden__isnull=True),
                name="one_status_per_unit_criterion",
            ),
            models.UniqueConstraint(
                fields=["unit", "indicator"],
                condition=Q(indicator__isnull=False, garden__isnull=True),
                name="one_status_per_unit_indicator",
            ),
            models.UniqueConstraint(
                fields=["garden", "criterion"],
                condition=Q(indicator__isnull=True, garden__isnull=False),
                name="one_status_per_garden_criterion",
            ),
            models.UniqueConstraint(
                fields=["garden", "indicator"],
                condition=Q(indicator__isnull=False, garden__isnull=False),
                name="one_status_per_garden_indicator",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.garden or self.unit} – {self.criterion}: {self.get_state_display()}"


def dossier_path(instance, filename: str) -> str:
    return random_name("dossiers", filename)


class DossierFile(models.Model):
    """A piece of a criterion's evidence dossier (hồ sơ tiêu chí)."""

    unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="+")
    garden = models.ForeignKey(Garden, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
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
