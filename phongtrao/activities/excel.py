"""Registrations and contributions as .xlsx: export in the seed's table layout, import
contributions with an error report per row (all rows or none)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from phongtrao.activities import services
from phongtrao.activities.models import Contribution, ContributionKind, ContributorKind, Fund, LineKind, Registration
from phongtrao.sheets import (
    ImportReport,
    Table,
    cell_reader,
    exported_on,
    new_sheet,
    parse_choice,
    parse_date,
    parse_number,
    read_rows,
    save_workbook,
    spool_workbook,
    write_all,
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
    "Số người",
    "Đề xuất hỗ trợ",
    "Ghi chú",
    "Trạng thái",
]
RESOURCE_COLUMNS = ["STT đăng ký", "Đơn vị", "Loại", "Số lượng", "Đơn vị tính", "Mô tả"]
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
def registrations_xlsx(call, registrations) -> bytes:
    heading = [call.title, str(call.plan), _("Xuất ngày %(d)s") % {"d": timezone.localdate().strftime("%d/%m/%Y")}]
    workbook, sheet = new_sheet(_("Đăng ký"), EXPORT_COLUMNS, heading=heading, widths=[6, 20, 50, 24, 10, 30, 20, 14])
    resources = Table(
        workbook, _("Nguồn lực huy động"), RESOURCE_COLUMNS, heading=heading, widths=[10, 20, 18, 12, 12, 30]
    )
    for n, r in enumerate(registrations, start=1):
        lines = list(r.lines.all())
        people = sum((line.quantity for line in lines if line.kind == LineKind.PEOPLE), Decimal(0))
        sheet.append(
            [n, r.registrant, r.content, r.place, people or None, r.support_requested, r.notes, r.get_status_display()]
        )
        for line in lines:
            resources.append(
                [n, r.registrant, line.get_kind_display(), line.quantity, line.unit_of_measure, line.description]
            )
    return save_workbook(workbook)


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def contributions_xlsx(unit, contributions) -> IO[bytes]:
    """The ledger as a workbook spooled to disk when large (a province's years of it), in
    the import's own columns under a title."""
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


def contributions_import(*, user, unit, data: bytes) -> ImportReport:
    """Every row is checked; one bad row and nothing is saved, with the reason per row."""
    report = ImportReport()
    rows = read_rows(data)
    cell = cell_reader(rows[0], CONTRIBUTION_COLUMNS, required=5)
    funds = {fold(f.name): f for f in Fund.objects.filter(unit__in=[unit.pk, *unit.ancestor_ids])}

    prepared = []
    for line, row in rows.body():
        if not any(c not in (None, "") for c in row):
            continue
        problems = []
        day = parse_date(cell(row, "Ngày"))
        if day is None:
            problems.append(_("ngày không hợp lệ"))
        who_kind = parse_choice(cell(row, "Là"), ContributorKind.choices) or ContributorKind.PERSON
        kind = parse_choice(cell(row, "Hình thức"), ContributionKind.choices)
        if kind is None:
            problems.append(_("hình thức phải là tiền, hiện vật, ngày công hoặc hiến đất"))
        amount = parse_number(cell(row, "Số lượng"))
        if amount is None:
            problems.append(_("“Số lượng” không phải là số"))
        value_cell = cell(row, "Giá trị quy đổi (đồng)")
        value = parse_number(value_cell)
        if value_cell not in (None, "") and value is None:
            problems.append(_("“Giá trị quy đổi” không phải là số"))
        fund_name = cell(row, "Quỹ")
        fund = funds.get(fold(str(fund_name))) if fund_name else None
        if fund_name and fund is None:
            problems.append(_("không có quỹ “%(f)s”") % {"f": fund_name})
        if problems:
            report.errors.append(_("Dòng %(n)s: %(p)s.") % {"n": line, "p": "; ".join(problems)})
            continue
        prepared.append(
            (
                line,
                {
                    "contributor_kind": who_kind,
                    "contributor_name": str(cell(row, "Người đóng góp") or ""),
                    "kind": kind,
                    "amount": amount,
                    "date": day,
                    "description": str(cell(row, "Mô tả hiện vật") or ""),
                    "value": value,
                    "receipt_number": str(cell(row, "Số biên nhận") or ""),
                    "fund": fund,
                    "public": fold(str(cell(row, "Công khai tên") or "có")) not in ("khong", "no", "0"),
                },
            )
        )
    return write_all(report, prepared, functools.partial(services.contribution_record, user=user, unit=unit))


def registrations_of(call) -> list[Registration]:
    return list(call.registrations.select_related("unit", "organization").prefetch_related("lines").order_by("pk"))


def ledger_of(unit) -> Iterator[Contribution]:
    """The ledger read in chunks, for an export that does not hold it all in memory."""
    return Contribution.objects.of_area(unit).for_ledger().iterator(chunk_size=5000)


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


def registrations_import(*, user, call, data: bytes) -> ImportReport:
    """The seed's registration table filled in Excel by the villages: one row per work."""
    from phongtrao.geo.models import AdminUnit

    report = ImportReport()
    rows = read_rows(data)
    header = [fold(str(c or "")) for c in rows[0]]
    needed = {"don vi": None, "noi dung cong viec dang ky thuc hien": None, "dia diem thuc hien": None}
    for name in needed:
        needed[name] = next((i for i, h in enumerate(header) if h.startswith(name)), None)
    missing = [name for name, index in needed.items() if index is None]
    if missing:
        raise ValidationError(
            {
                "file": _("Thiếu cột: %(cols)s. Các cột cần có: %(all)s.")
                % {"cols": ", ".join(missing), "all": ", ".join(REGISTRATION_COLUMNS[:7])}
            }
        )
    optional = {
        key: next((i for i, h in enumerate(header) if h.startswith(key)), None)
        for key in ("kha nang huy dong", "de xuat ho tro", "ghi chu")
    }
    villages = {fold(v.name): v for v in AdminUnit.objects.filter(parent=call.plan.unit, level="village")}

    def get(row, index):
        return str(row[index]).strip() if index is not None and index < len(row) and row[index] is not None else ""

    prepared = []
    for line, row in rows.body():
        if not any(c not in (None, "") for c in row):
            continue
        name = fold(get(row, needed["don vi"]))
        village = villages.get(name) or villages.get(f"thon {name}")
        if village is None:
            report.errors.append(
                _("Dòng %(n)s: không có thôn “%(v)s” ở %(u)s.")
                % {"n": line, "v": get(row, needed["don vi"]), "u": call.plan.unit}
            )
            continue
        prepared.append(
            (
                line,
                {
                    "unit": village,
                    "content": get(row, needed["noi dung cong viec dang ky thuc hien"]),
                    "place": get(row, needed["dia diem thuc hien"]),
                    "lines": lines_from_text(get(row, optional["kha nang huy dong"])),
                    "support_requested": get(row, optional["de xuat ho tro"]),
                    "notes": get(row, optional["ghi chu"]),
                },
            )
        )
    return write_all(report, prepared, functools.partial(services.registration_submit, user=user, call=call))
