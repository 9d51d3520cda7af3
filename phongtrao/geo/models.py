"""Administrative units: a dated tree (province → district → commune → village) with a
materialised path, so that "everything under this unit" is one indexed prefix query."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.search import matching
from phongtrao.text import natural_key
from phongtrao.ui.formatting import day_text


class Level(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    DISTRICT = "district", _("Huyện")
    COMMUNE = "commune", _("Xã")
    VILLAGE = "village", _("Thôn")


class Kind(models.TextChoices):
    PROVINCE = "tinh", _("Tỉnh")
    CENTRAL_CITY = "thanh_pho_tw", _("Thành phố trực thuộc trung ương")
    DISTRICT = "huyen", _("Huyện")
    URBAN_DISTRICT = "quan", _("Quận")
    TOWN = "thi_xa", _("Thị xã")
    PROVINCIAL_CITY = "thanh_pho", _("Thành phố thuộc tỉnh")
    COMMUNE = "xa", _("Xã")
    WARD = "phuong", _("Phường")
    TOWNSHIP = "thi_tran", _("Thị trấn")
    SPECIAL_ZONE = "dac_khu", _("Đặc khu")
    HAMLET = "thon", _("Thôn")
    MOUNTAIN_VILLAGE = "ban", _("Bản")
    SMALL_HAMLET = "xom", _("Xóm")
    SUBZONE = "tieu_khu", _("Tiểu khu")
    RESIDENTIAL_GROUP = "to_dan_pho", _("Tổ dân phố")
    SOUTHERN_HAMLET = "ap", _("Ấp")
    QUARTER = "khu_pho", _("Khu phố")
    VILLAGE_OTHER = "khu_dan_cu", _("Khu dân cư")


LEVEL_OF_KIND: dict[str, str] = {
    Kind.PROVINCE: Level.PROVINCE,
    Kind.CENTRAL_CITY: Level.PROVINCE,
    Kind.DISTRICT: Level.DISTRICT,
    Kind.URBAN_DISTRICT: Level.DISTRICT,
    Kind.TOWN: Level.DISTRICT,
    Kind.PROVINCIAL_CITY: Level.DISTRICT,
    Kind.COMMUNE: Level.COMMUNE,
    Kind.WARD: Level.COMMUNE,
    Kind.TOWNSHIP: Level.COMMUNE,
    Kind.SPECIAL_ZONE: Level.COMMUNE,
}
PARENT_LEVELS: dict[str, tuple[str, ...]] = {
    Level.PROVINCE: (),
    Level.DISTRICT: (Level.PROVINCE,),
    Level.COMMUNE: (Level.DISTRICT, Level.PROVINCE),
    Level.VILLAGE: (Level.COMMUNE,),
}

# The name a unit carries starts with its kind ("Xã Hồng Thái"); the official lists
# and the documents both use that prefix, so it is how a kind is read from a name.
NAME_PREFIXES = [
    ("Thành phố", None),  # central or provincial city: decided by level
    ("Tỉnh", Kind.PROVINCE),
    ("Huyện", Kind.DISTRICT),
    ("Quận", Kind.URBAN_DISTRICT),
    ("Thị xã", Kind.TOWN),
    ("Thị trấn", Kind.TOWNSHIP),
    ("Phường", Kind.WARD),
    ("Xã", Kind.COMMUNE),
    ("Đặc khu", Kind.SPECIAL_ZONE),
    ("Tiểu khu", Kind.SUBZONE),
    ("Tổ dân phố", Kind.RESIDENTIAL_GROUP),
    ("Khu phố", Kind.QUARTER),
    ("Khu dân cư", Kind.VILLAGE_OTHER),
    ("Thôn", Kind.HAMLET),
    ("Bản", Kind.MOUNTAIN_VILLAGE),
    ("Xóm", Kind.SMALL_HAMLET),
    ("Ấp", Kind.SOUTHERN_HAMLET),
]


class Listing(models.TextChoices):
    """Which official list a unit comes from; codes are only unique within one."""

    PRE_2025 = "gso-2025-01-04", _("Danh mục trước 01/7/2025 (3 cấp)")
    CURRENT = "gso-2026-09", _("Danh mục từ 01/7/2025 (2 cấp)")
    LOCAL = "local", _("Do xã nhập")


class AdminUnitQuerySet(models.QuerySet["AdminUnit"]):
    def in_subtree(self, unit: AdminUnit) -> AdminUnitQuerySet:
        return self.filter(path__startswith=unit.path)

    def valid_on(self, day: dt.date) -> AdminUnitQuerySet:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
        )

    def current(self) -> AdminUnitQuerySet:
        return self.filter(valid_until__isnull=True)

    def search(self, text: str) -> AdminUnitQuerySet:
        return matching(self, text, "name")

    def rolling_into(self, unit: AdminUnit) -> AdminUnitQuerySet:
        """The units whose plans and figures count for `unit`: its subtree and, through
        mergers, the subtrees of the units that went into it (primary successions)."""
        condition = Q()
        for path in rollup_paths(unit):
            condition |= Q(path__startswith=path)
        return self.filter(condition)

    def in_reading_order(self) -> list[AdminUnit]:
        """As a list of villages is read: "Tiểu khu 2" before "Tiểu khu 10" (not the
        database's 1, 10, 2), "Thôn Đông" before "Thôn Tây"."""
        return sorted(self, key=lambda unit: natural_key(unit.name))

    def with_parent(self) -> AdminUnitQuerySet:
        return self.select_related("parent", "parent__parent")


class AdminUnit(models.Model):
    code = models.CharField(_("mã"), max_length=32)
    name = models.CharField(_("tên"), max_length=150)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, db_index=True)
    listing = models.CharField(_("danh mục"), max_length=20, choices=Listing.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("trực thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # "/<pk of province>/<pk of district>/.../<own pk>/": a subtree is a prefix.
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self", through="UnitSuccession", symmetrical=False, related_name="predecessors", blank=True
    )

    objects = AdminUnitQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "level", "code"],
                condition=~Q(level="village"),
                name="unit_code_unique_in_listing",
            ),
            models.UniqueConstraint(
                fields=["parent", "name"], condition=Q(level="village"), name="village_name_unique_in_commune"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_from__lte=models.F("valid_until")),
                name="unit_validity_ordered",
            ),
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True) | (~Q(level="province") & Q(parent__isnull=False)),
                name="unit_parent_by_level",
            ),
        ]
        indexes = [models.Index(fields=["level", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        """ "Xã Hồng Thái" → "Hồng Thái", the form documents use after "ngày"."""
        for prefix, _kind in NAME_PREFIXES:
            if self.name.startswith(prefix + " "):
                return self.name[len(prefix) + 1 :]
        return self.name

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/")[:-1] if part]

    def ancestors(self) -> AdminUnitQuerySet:
        return AdminUnit.objects.filter(pk__in=self.ancestor_ids).order_by("depth")

    def contains(self, other: AdminUnit) -> bool:
        return other.path.startswith(self.path)

    @property
    def is_current(self) -> bool:
        return self.valid_until is None or self.valid_until >= timezone.localdate()

    def existed_on(self, day: dt.date) -> bool:
        """The instance's side of `AdminUnitQuerySet.valid_on`."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or self.valid_until >= day
        )

    def full_name(self) -> str:
        """ "Xã Hồng Thái, Huyện Bình Gia, Tỉnh Lạng Sơn" from the stored path."""
        names = list(self.ancestors().values_list("name", flat=True))
        return ", ".join([self.name, *reversed(names)])


class UnitSuccession(models.Model):
    """An old unit went (wholly or partly) into a new one on a date: its plans and
    figures roll up into the successor. A split unit has several successors; the
    primary one is where its figures are counted, so that no total counts it twice."""

    predecessor = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="+")
    successor = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="+")
    effective_date = models.DateField(_("ngày hiệu lực"))
    partial = models.BooleanField(_("chia tách một phần"), default=False)
    primary = models.BooleanField(_("đơn vị kế thừa chính"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sáp nhập, kế thừa")
        verbose_name_plural = _("sáp nhập, kế thừa")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_once"),
            models.UniqueConstraint(fields=["predecessor"], condition=Q(primary=True), name="one_primary_successor"),
            models.CheckConstraint(condition=~Q(predecessor=models.F("successor")), name="succession_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({day_text(self.effective_date)})"


def rollup_paths(unit: AdminUnit) -> list[str]:
    """Path prefixes covering `unit` and, transitively, its primary predecessors; kept on
    the instance (a page asks it for its plans, its money and its figures)."""
    known: list[str] | None = getattr(unit, "_rollup_paths", None)
    if known is not None:
        return list(known)
    paths, frontier = [unit.path], [unit.path]
    while frontier:
        condition = Q()
        for path in frontier:
            condition |= Q(successor__path__startswith=path)
        found = list(
            UnitSuccession.objects.filter(condition, primary=True)
            .values_list("predecessor__path", flat=True)
            .distinct()
        )
        frontier = []
        for path in sorted(found, key=len):  # an old district covers its old communes: keep the district
            if not any(path.startswith(known) for known in paths + frontier):
                frontier.append(path)
        paths.extend(frontier)
    unit._rollup_paths = list(paths)  # type: ignore[attr-defined]
    return paths
