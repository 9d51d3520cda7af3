from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Household, Official, Organization


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
def household_create(
    *, village: AdminUnit, code: str, head_name: str, address: str = "", members: int | None = None
) -> Household:
    if village.level != Level.VILLAGE:
        raise OrgError(_("Hộ gia đình phải thuộc một thôn."))
    if Household.objects.filter(unit=village, code=code).exists():
        raise OrgError(_("Mã hộ “%(code)s” đã có ở %(unit)s.") % {"code": code, "unit": village})
    return Household.objects.create(unit=village, code=code, head_name=head_name, address=address, members=members)
