"""The household register of a commune or a village as an Excel sheet: the list the
village keeps, typed once and imported, then kept up to date by importing it again."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.jobs.work import may_run_as_job
from phongtrao.orgs.models import Household
from phongtrao.sheets import (
    exported_on,
    new_sheet,
    save_workbook,
)

COLUMNS = ["Thôn", "Mã hộ", "Chủ hộ", "Địa chỉ", "Số nhân khẩu"]


def villages_of(unit: AdminUnit) -> list[AdminUnit]:
    if unit.level == Level.VILLAGE:
        return [unit]
    return AdminUnit.objects.in_subtree(unit).current().filter(level=Level.VILLAGE).in_reading_order()


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
@may_run_as_job
def households_xlsx(*, unit: AdminUnit) -> bytes:
    """The register in the import's own layout: download, correct, import again."""
    workbook, sheet = new_sheet(
        _("Hộ gia đình"), COLUMNS, heading=exported_on(_("Sổ hộ gia đình"), unit), widths=[20, 12, 28, 36, 12]
    )
    for household in Household.objects.in_subtree(unit).for_list():
        sheet.append([household.unit.name, household.code, household.head_name, household.address, household.members])
    return save_workbook(workbook)
