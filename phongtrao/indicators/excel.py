"""Indicator values from an Excel sheet, as communes collect them from their villages:
every row checked first, then all rows entered in one transaction or none."""

from __future__ import annotations

import datetime as dt
import functools
from typing import IO

from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator, IndicatorValue, PeriodKind, ValueType
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

VALUE_COLUMNS = ["Mã chỉ số", "Đơn vị", "Kỳ", "Ngày", "Giá trị", "Tử số", "Mẫu số", "Ghi chú", "Xác nhận"]
NUMBER_COLUMNS = ("Giá trị", "Tử số", "Mẫu số")


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def values_export(*, unit: AdminUnit, year: int | None = None, indicator: Indicator | None = None) -> IO[bytes]:
    """The values entered in the unit's subtree, laid out as the import reads them, so a
    sheet can be corrected and imported back. Rows go from a chunked query into a
    write-only workbook spooled to disk: memory stays flat for a province's values."""
    workbook, sheet = new_sheet(_("Số liệu"), VALUE_COLUMNS, heading=exported_on(_("Số liệu chỉ số"), unit))
    values = IndicatorValue.objects.filter(unit__path__startswith=unit.path)
    if year is not None:
        values = values.filter(period_start__year=year)
    if indicator is not None:
        values = values.filter(indicator=indicator)
    kinds = {kind: str(label) for kind, label in PeriodKind.choices}
    rows = values.order_by("indicator__code", "unit__path", "period_kind", "period_start").values_list(
        "indicator__code",
        "indicator__value_type",
        "unit__name",
        "unit__level",
        "unit__parent_id",
        "unit__parent__name",
        "period_kind",
        "period_start",
        "value",
        "numerator",
        "denominator",
        "note",
    )
    for (
        code,
        value_type,
        name,
        level,
        parent_id,
        parent_name,
        kind,
        start,
        value,
        numerator,
        denominator,
        note,
    ) in rows.iterator(chunk_size=5000):
        # A village is named with its commune unless the sheet is that commune's own.
        place = f"{name}, {parent_name}" if level == Level.VILLAGE and parent_id != unit.pk else name
        ratio = value_type == ValueType.RATIO
        sheet.append([code, place, kinds[kind], start, None if ratio else value, numerator, denominator, note, ""])
    return spool_workbook(workbook)


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def values_template_xlsx(unit: AdminUnit) -> bytes:
    """The headers, one example row, and the indicator codes on a second sheet."""
    workbook, sheet = new_sheet(_("Số liệu"), VALUE_COLUMNS)
    sheet.append(["ho-van-hoa", unit.name, "Năm", dt.date(2023, 12, 31), "", 180, 200, "", ""])
    codes = Table(workbook, _("Mã chỉ số"), [_("Mã"), _("Tên"), _("Đơn vị tính"), _("Kiểu")], widths=[24, 50, 14, 14])
    for indicator in Indicator.objects.order_by("code"):
        codes.append([indicator.code, indicator.name, indicator.unit_of_measure, indicator.get_value_type_display()])
    return save_workbook(workbook)


def _units_in(unit: AdminUnit) -> dict[str, AdminUnit | None]:
    """The unit and those below it, by code, by name (with or without "xã", "thôn") and by
    name with the commune's; a name two units share maps to None (ambiguous)."""
    found: dict[str, AdminUnit | None] = {}
    for place in AdminUnit.objects.filter(path__startswith=unit.path).select_related("parent"):
        keys = {place.code, place.name, place.short_name}
        if place.level == Level.VILLAGE:
            keys |= {f"{place.name}, {place.parent.name}", f"{place.short_name}, {place.parent.short_name}"}
        for key in filter(None, keys):
            folded = fold(str(key))
            found[folded] = None if found.get(folded, place) != place else place
    return found


def values_import(*, user: User, unit: AdminUnit, data: bytes) -> ImportReport:
    """Rows for the unit and units under it; a row naming a unit elsewhere is an error."""
    permissions.demand(user, permissions.REPORT, unit)
    report = ImportReport()
    rows = read_rows(data)
    cell = cell_reader(rows[0], VALUE_COLUMNS, required=5)
    indicators = {fold(i.code): i for i in Indicator.objects.all()}
    places = _units_in(unit)
    prepared = []
    for line, row in rows.body():
        if not any(c not in (None, "") for c in row):
            continue
        problems = []
        indicator = indicators.get(fold(str(cell(row, "Mã chỉ số") or "")))
        if indicator is None:
            problems.append(_("không có chỉ số mã “%(c)s”") % {"c": cell(row, "Mã chỉ số") or ""})
        named = str(cell(row, "Đơn vị") or "")
        place = places.get(fold(named))
        if fold(named) in places and place is None:
            problems.append(_("có nhiều đơn vị tên “%(u)s”: ghi thêm tên xã, ví dụ “%(u)s, Xã …”") % {"u": named})
        elif place is None:
            problems.append(_("đơn vị “%(u)s” không thuộc %(unit)s") % {"u": named, "unit": unit})
        kind = parse_choice(cell(row, "Kỳ"), PeriodKind.choices)
        if kind is None:
            problems.append(_("kỳ phải là tuần, tháng, quý hoặc năm"))
        day = parse_date(cell(row, "Ngày"))
        if day is None:
            problems.append(_("ngày không hợp lệ"))
        numbers = {}
        for column in NUMBER_COLUMNS:
            raw = cell(row, column)
            numbers[column] = parse_number(raw)
            if raw not in (None, "") and numbers[column] is None:
                problems.append(_("“%(c)s” không phải là số") % {"c": column})
        if problems:
            report.errors.append(_("Dòng %(n)s: %(p)s.") % {"n": line, "p": "; ".join(problems)})
            continue
        prepared.append(
            (
                line,
                {
                    "indicator": indicator,
                    "unit": place,
                    "period_kind": kind,
                    "day": day,
                    "value": numbers["Giá trị"],
                    "numerator": numbers["Tử số"],
                    "denominator": numbers["Mẫu số"],
                    "note": str(cell(row, "Ghi chú") or ""),
                    "confirm": fold(str(cell(row, "Xác nhận") or "")) in ("co", "x", "yes", "1"),
                },
            )
        )
    return write_all(report, prepared, functools.partial(services.value_record, user=user))
