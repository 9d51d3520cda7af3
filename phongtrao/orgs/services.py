from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Household, Official, Organization
from phongtrao.ui.history import attributed


class OrgError(ValueError):
    pass


@transaction.atomic
def organization_create(*, unit: AdminUnit, kind: str, name: str, short_name: str = "") -> Organization:
    name = " ".join(name.split())
    if not name:
        raise OrgError(_("Tên cơ quan, tổ chức không được để trống."))
    if Organization.objects.filter(unit=unit, name__iexact=name).exists():
        raise OrgError(_("“%(name)s” đã có ở %(unit)s.") % {"name": name, "unit": unit})
    return Organization.objects.create(unit=unit, kind=kind, name=name, short_name=short_name)


@transaction.atomic
def official_create(
    *,
    unit: AdminUnit,
    full_name: str,
    position: str,
    position_detail: str = "",
    organization: Organization | None = None,
) -> Official:
    if organization is not None and organization.unit_id != unit.pk:
        raise OrgError(_("Cơ quan “%(org)s” không thuộc %(unit)s.") % {"org": organization, "unit": unit})
    return Official.objects.create(
        unit=unit, full_name=full_name, position=position, position_detail=position_detail, organization=organization
    )


@transaction.atomic
def household_save(
    *, user: User, village: AdminUnit, code: str, head_name: str, address: str = "", members: int | None = None
) -> Household:
    """A household of the village's register, by its code: added, or brought up to date
    (a new head of household, a new address) with the change kept in its history."""
    permissions.demand(user, permissions.REPORT, village)
    code, head_name = " ".join(code.split()).upper(), " ".join(head_name.split())
    errors: dict[str, str] = {}
    if village.level != Level.VILLAGE:
        errors["village"] = _("Hộ gia đình phải thuộc một thôn.")
    if not code:
        errors["code"] = _("Hãy ghi mã hộ.")
    if not head_name:
        errors["head_name"] = _("Hãy ghi họ tên chủ hộ.")
    if members is not None and not 0 < members < 100:
        errors["members"] = _("Số nhân khẩu phải từ 1 đến 99.")
    if errors:
        raise ValidationError(errors)
    household = Household.objects.filter(unit=village, code__iexact=code).first() or Household(unit=village, code=code)
    household.head_name, household.address, household.members = head_name[:150], address.strip()[:255], members
    attributed(household, user)
    household.save()
    return household
