"""The ledger of what people give (money, goods, labour days, land) and the funds it goes to."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import Plan
from phongtrao.registrations.models import Registration
from phongtrao.ui.formatting import number_text
from phongtrao.workdays.models import WorkDay


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


class ContributionQuerySet(models.QuerySet["Contribution"]):
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
        return f"{self.contributor_name}: {number_text(self.amount)} ({self.get_kind_display()})"


class LedgerCell(models.Model):
    """Running totals of the ledger for a commune, district or province (its subtree) by
    kind and month: every line recorded adds itself here in the same transaction, so a
    province's totals are read from a few hundred cells instead of summing its thirty
    thousand lines. A village's few lines are summed directly and have no cells."""

    unit = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=ContributionKind.choices)
    month = models.DateField(help_text="the first day of the month")
    amount = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    value = models.DecimalField(max_digits=24, decimal_places=0, default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind", "month"], name="one_ledger_cell"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="ledger_cell_is_a_month"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.kind}/{self.month}: {self.amount}"
