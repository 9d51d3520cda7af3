"""The ledger to and from Excel: export, the blank template, and import of receipts."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import IO

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from phongtrao.contributions import services
from phongtrao.contributions.models import Contribution, ContributionKind, ContributorKind, Fund
from phongtrao.sheets import (
    ImportReport,
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


def ledger_of(unit) -> Iterator[Contribution]:
    """The ledger read in chunks, for an export that does not hold it all in memory."""
    return Contribution.objects.of_area(unit).for_ledger().iterator(chunk_size=5000)
