from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.geo.models import AdminUnit


class OrgKind(models.TextChoices):
    PEOPLES_COMMITTEE = "ubnd", _("Ủy ban nhân dân")
    PARTY_COMMITTEE = "dang_uy", _("Đảng ủy")
    PEOPLES_COUNCIL = "hdnd", _("Hội đồng nhân dân")
    NTM_STEERING = "bcd_ntm", _("Ban chỉ đạo nông thôn mới")
    FATHERLAND_FRONT = "mttq", _("Ủy ban Mặt trận Tổ quốc")
    WOMEN_UNION = "phu_nu", _("Hội Liên hiệp Phụ nữ")
    YOUTH_UNION = "doan_tn", _("Đoàn Thanh niên")
    FARMERS_UNION = "nong_dan", _("Hội Nông dân")
    VETERANS = "ccb", _("Hội Cựu chiến binh")
    TRADE_UNION = "cong_doan", _("Công đoàn")
    POLICE = "cong_an", _("Công an")
    MILITARY_COMMAND = "quan_su", _("Ban Chỉ huy quân sự")
    SCHOOL = "truong_hoc", _("Trường học")
    HEALTH_STATION = "tram_y_te", _("Trạm y tế")
    ENTERPRISE = "doanh_nghiep", _("Doanh nghiệp")
    VILLAGE_BOARD = "ban_phat_trien_thon", _("Ban phát triển thôn")
    DEPARTMENT = "phong_ban", _("Phòng, ban chuyên môn")
    EMULATION_COUNCIL = "hdtdkt", _("Hội đồng Thi đua – Khen thưởng")
    OTHER = "khac", _("Khác")


# The mass organisations ("các đoàn thể") that seeds give duties to as a group.
MASS_ORGANISATIONS = {
    OrgKind.FATHERLAND_FRONT,
    OrgKind.WOMEN_UNION,
    OrgKind.YOUTH_UNION,
    OrgKind.FARMERS_UNION,
    OrgKind.VETERANS,
    OrgKind.TRADE_UNION,
}


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def in_subtree(self, unit: AdminUnit) -> OrganizationQuerySet:
        return self.filter(unit__path__startswith=unit.path).select_related("unit")


class Organization(models.Model):
    unit = models.ForeignKey(
        AdminUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="organizations"
    )
    kind = models.CharField(_("loại"), max_length=24, choices=OrgKind.choices)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)

    objects = OrganizationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cơ quan, tổ chức")
        verbose_name_plural = _("cơ quan, tổ chức")
        ordering = ["unit__name", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="organization_name_unique_in_unit")]

    def __str__(self) -> str:
        return self.name


class Position(models.TextChoices):
    """Titles the seeds give duties to (công chức cấp xã, Decree 33/2023)."""

    CHAIRMAN = "chu_tich", _("Chủ tịch UBND")
    VICE_CHAIRMAN = "pho_chu_tich", _("Phó Chủ tịch UBND")
    PARTY_SECRETARY = "bi_thu", _("Bí thư Đảng ủy")
    OFFICE_STATISTICS = "van_phong_thong_ke", _("Công chức Văn phòng – Thống kê")
    CULTURE_SOCIETY = "van_hoa_xa_hoi", _("Công chức Văn hóa – Xã hội")
    LAND_AGRI_CONSTRUCTION = "dia_chinh_nong_nghiep", _("Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường")
    FINANCE_PLANNING = "tai_chinh_ke_hoach", _("Công chức Tài chính – Kế toán")
    JUSTICE_CIVIL = "tu_phap_ho_tich", _("Công chức Tư pháp – Hộ tịch")
    NTM_FULLTIME = "chuyen_trach_ntm", _("Cán bộ chuyên trách nông thôn mới")
    VILLAGE_HEAD = "truong_thon", _("Trưởng thôn")
    VILLAGE_PARTY_SECRETARY = "bi_thu_chi_bo", _("Bí thư chi bộ thôn")
    DEPARTMENT_HEAD = "truong_phong", _("Trưởng phòng")
    ORGANISATION_HEAD = "chu_tich_hoi", _("Người đứng đầu tổ chức")
    OTHER = "khac", _("Khác")


class Official(models.Model):
    unit = models.ForeignKey(AdminUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="officials")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officials",
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức danh"), max_length=32, choices=Position.choices)
    position_detail = models.CharField(_("chức danh cụ thể"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    user = models.OneToOneField(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="official"
    )
    active = models.BooleanField(_("đang công tác"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cán bộ, công chức")
        verbose_name_plural = _("cán bộ, công chức")
        ordering = ["unit__name", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.position_detail or self.get_position_display()})"


class HouseholdQuerySet(models.QuerySet["Household"]):
    def in_subtree(self, unit: AdminUnit) -> HouseholdQuerySet:
        return self.filter(unit__path__startswith=unit.path)

    def for_list(self) -> HouseholdQuerySet:
        return self.select_related("unit").order_by("unit__name", "code")


class Household(models.Model):
    unit = models.ForeignKey(AdminUnit, verbose_name=_("thôn"), on_delete=models.PROTECT, related_name="households")
    code = models.CharField(_("mã hộ"), max_length=32)
    head_name = models.CharField(_("chủ hộ"), max_length=150)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    members = models.PositiveSmallIntegerField(_("số nhân khẩu"), null=True, blank=True)
    history = HistoricalRecords()

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")
        ordering = ["unit__name", "code"]
        constraints = [models.UniqueConstraint(fields=["unit", "code"], name="household_code_unique_in_village")]

    def __str__(self) -> str:
        return f"{self.code} – {self.head_name}"
