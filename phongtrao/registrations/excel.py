"""Registrations to and from Excel: a call's export, and lines typed in a sheet."""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.registrations.models import Registration
from phongtrao.sheets import (
    Table,
    exported_on,
    new_sheet,
    save_workbook,
)
from phongtrao.text import fold

# The seed's table, as villages fill it in (and the import reads it).
REGISTRATION_COLUMNS = [
    "STT",
    "Đơn vị",
    "Nội dung công việc đăng ký thực hiện",
    "Địa điểm thực hiện",
    "Khả năng huy động (Tổng số người, vật tư, dụng cụ,...)",
    "Đề xuất hỗ trợ",
    "Ghi chú",
    "Trạng thái",
]


# The export: what is mobilised in numbers (people in a column of their own, each material
# and tool a row of the second sheet) rather than "25 người; 10 cái Xẻng" as text.
EXPORT_COLUMNS = [
    "STT",
    "Đơn vị",
    "Nội dung công việc đăng ký thực hiện",
    "Địa điểm thực hiện",
    "Ngày dự kiến",
    "Số người",
    "Vật tư (tổng số lượng)",
    "Dụng cụ, phương tiện (tổng số lượng)",
    "Đề xuất hỗ trợ",
    "Ghi chú",
    "Trạng thái",
]


RESOURCE_COLUMNS = ["STT đăng ký", "Đơn vị", "Loại", "Số lượng", "Đơn vị tính", "Mô tả"]


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def registrations_xlsx(call, registrations) -> bytes:
    heading = exported_on(call.title, call.plan)
    workbook, sheet = new_sheet(
        _("Đăng ký"), EXPORT_COLUMNS, heading=heading, widths=[6, 20, 50, 24, 12, 10, 12, 12, 30, 20, 14]
    )
    resources = Table(
        workbook, _("Nguồn lực huy động"), RESOURCE_COLUMNS, heading=heading, widths=[10, 20, 18, 12, 12, 30]
    )
    for n, r in enumerate(registrations, start=1):
        m = r.mobilised
        sheet.append(
            [
                n,
                r.registrant,
                r.content,
                r.place,
                r.planned_date,
                m.people or None,
                m.materials or None,
                m.tools or None,
                r.support_requested,
                r.notes,
                r.get_status_display(),
            ]
        )
        for line in r.lines.all():
            resources.append(
                [n, r.registrant, line.get_kind_display(), line.quantity, line.unit_of_measure, line.description]
            )
    return save_workbook(workbook)


def registrations_of(call) -> list[Registration]:
    return list(call.registrations.select_related("unit", "organization").prefetch_related("lines").order_by("pk"))


_LINE = re.compile(r"(?P<q>\d+(?:[.,]\d+)?)\s*(?P<u>m\s?[²³]|[^\d\s;,]+)?\s*(?P<d>[^;,]*)")


def lines_from_text(text: str) -> list[dict]:
    """ "30 người; 5 m³ cát; 25 cuốc, 20 xẻng" → quantity lines (the seed's way of writing them)."""
    lines = []
    for piece in re.split(r"[;,]", text or ""):
        match = _LINE.match(piece.strip())
        if not match or not match["u"]:
            continue
        unit = match["u"].replace(" ", "")
        kind = "people" if fold(unit) == "nguoi" else "material" if unit.startswith("m") else "tool"
        lines.append(
            {
                "kind": kind,
                "quantity": Decimal(match["q"].replace(",", ".")),
                "unit_of_measure": unit,
                "description": match["d"].strip(" ."),
            }
        )
    return lines
