from __future__ import annotations

import functools

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.jobs.work import may_run_as_job
from phongtrao.orgs.households import COLUMNS, villages_of
from phongtrao.orgs.models import Household, Official, Organization
from phongtrao.sheets import (
    ImportReport,
    cell_reader,
    parse_number,
    read_rows,
    write_all,
)
from phongtrao.text import fold
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


@may_run_as_job
def households_import(*, user: User, unit: AdminUnit, data: bytes) -> ImportReport:
    """Every row checked; one bad row and nothing is saved, with the reason per row. A
    code already in the village updates that household."""
    permissions.demand(user, permissions.REPORT, unit)
    report = ImportReport()
    rows = read_rows(data)
    cell = cell_reader(rows[0], COLUMNS, required=3)
    villages = {fold(v.name): v for v in villages_of(unit)}
    seen: dict[tuple[int, str], int] = {}
    prepared = []
    for line, row in rows.body():
        if not any(c not in (None, "") for c in row):
            continue
        problems = []
        name = str(cell(row, "Thôn") or "").strip()
        village = villages.get(fold(name))
        if village is None:
            problems.append(_("không có thôn “%(v)s” ở %(u)s") % {"v": name, "u": unit})
        code = " ".join(str(cell(row, "Mã hộ") or "").split()).upper()
        members_cell = cell(row, "Số nhân khẩu")
        members = parse_number(members_cell)
        if members_cell not in (None, "") and (members is None or members != int(members)):
            problems.append(_("“Số nhân khẩu” phải là số nguyên"))
        if village is not None and code:
            first = seen.setdefault((village.pk, code), line)
            if first != line:
                problems.append(_("mã hộ %(c)s trùng với dòng %(n)s") % {"c": code, "n": first})
        if problems:
            report.errors.append(_("Dòng %(n)s: %(p)s.") % {"n": line, "p": "; ".join(problems)})
            continue
        prepared.append(
            (
                line,
                {
                    "village": village,
                    "code": code,
                    "head_name": str(cell(row, "Chủ hộ") or ""),
                    "address": str(cell(row, "Địa chỉ") or ""),
                    "members": int(members) if members is not None else None,
                },
            )
        )
    return write_all(report, prepared, functools.partial(household_save, user=user))
