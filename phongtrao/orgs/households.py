"""The household register of a commune or a village as an Excel sheet: the list the
village keeps, typed once and imported, then kept up to date by importing it again."""

from __future__ import annotations

import functools

from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Household
from phongtrao.orgs.services import household_save
from phongtrao.sheets import (
    ImportReport,
    cell_reader,
    exported_on,
    new_sheet,
    parse_number,
    read_rows,
    save_workbook,
    write_all,
)
from phongtrao.text import fold

COLUMNS = ["Thôn", "Mã hộ", "Chủ hộ", "Địa chỉ", "Số nhân khẩu"]


def villages_of(unit: AdminUnit) -> list[AdminUnit]:
    if unit.level == Level.VILLAGE:
        return [unit]
    return AdminUnit.objects.in_subtree(unit).current().filter(level=Level.VILLAGE).in_reading_order()


def households_import(*, user: User, unit: AdminUnit, data: bytes) -> ImportReport:
    """Every row checked; one bad row and nothing is saved, with the reason per row. A
    code already in the village updates that household."""
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


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def households_xlsx(unit: AdminUnit) -> bytes:
    """The register in the import's own layout: download, correct, import again."""
    workbook, sheet = new_sheet(
        _("Hộ gia đình"), COLUMNS, heading=exported_on(_("Sổ hộ gia đình"), unit), widths=[20, 12, 28, 36, 12]
    )
    for household in Household.objects.in_subtree(unit).for_list():
        sheet.append([household.unit.name, household.code, household.head_name, household.address, household.members])
    return save_workbook(workbook)
