"""The ledger to and from Excel: export, the blank template, and import of receipts."""

from __future__ import annotations

import datetime as dt
from typing import IO

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from phongtrao.contributions.models import Contribution
from phongtrao.geo.models import AdminUnit
from phongtrao.jobs.work import may_run_as_job
from phongtrao.sheets import (
    exported_on,
    new_sheet,
    save_workbook,
    spool_workbook,
)

CONTRIBUTION_COLUMNS = [
    "Ngày",
    "Người đóng góp",
    "Là",
    "Hình thức",
    "Số lượng",
    "Mô tả hiện vật",
    "Giá trị quy đổi (đồng)",
    "Số biên nhận",
    "Quỹ",
    "Công khai tên",
]


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
@may_run_as_job
def ledger_xlsx(*, unit: AdminUnit) -> IO[bytes]:
    """The ledger of the unit and the units under it as a workbook spooled to disk when
    large (a province's years of it), in the import's own columns under a title; read in
    chunks, so memory stays flat."""
    contributions = Contribution.objects.of_area(unit).for_ledger().iterator(chunk_size=5000)
    workbook, sheet = new_sheet(
        _("Đóng góp"),
        CONTRIBUTION_COLUMNS,
        heading=exported_on(_("Sổ huy động, đóng góp"), unit),
        widths=[12, 30, 16, 14, 14, 24, 18, 14, 24, 10],
    )
    for c in contributions:
        sheet.append(
            [
                c.date,
                c.contributor_name,
                c.get_contributor_kind_display(),
                c.get_kind_display(),
                c.amount,
                c.description,
                c.value,
                c.receipt_number,
                c.fund.name if c.fund else "",
                "có" if c.public else "không",
            ]
        )
    return spool_workbook(workbook)


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def template_xlsx() -> bytes:
    """An empty contributions sheet with the expected headers, for a commune to fill."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Đóng góp")
    sheet.append(CONTRIBUTION_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    sheet.append(
        [dt.date(2020, 10, 17), "Hộ ông Nguyễn Văn A", "Hộ gia đình", "Tiền (đồng)", 500000, "", "", "BN-001", "", "có"]
    )
    return save_workbook(workbook)
