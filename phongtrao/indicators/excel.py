"""Indicator values from an Excel sheet, as communes collect them from their villages:
every row checked first, then all rows entered in one transaction or none."""

from __future__ import annotations

import datetime as dt
from typing import IO

from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.indicators.models import Indicator, IndicatorValue, PeriodKind, ValueType
from phongtrao.jobs.work import Progress, may_run_as_job
from phongtrao.sheets import (
    Table,
    exported_on,
    new_sheet,
    save_workbook,
    spool_workbook,
)
from phongtrao.text import fold

VALUE_COLUMNS = ["Mã chỉ số", "Đơn vị", "Kỳ", "Ngày", "Giá trị", "Tử số", "Mẫu số", "Ghi chú", "Xác nhận"]


NUMBER_COLUMNS = ("Giá trị", "Tử số", "Mẫu số")


def exported_values(*, unit: AdminUnit, year: int | None = None, indicator: Indicator | None = None):
    """The values an export of the unit's subtree holds (counted first: a large one is a job)."""
    values = IndicatorValue.objects.filter(unit__path__startswith=unit.path)
    if year is not None:
        values = values.filter(period_start__year=year)
    if indicator is not None:
        values = values.filter(indicator=indicator)
    return values


@may_run_as_job
@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def values_export(
    *, unit: AdminUnit, year: int | None = None, indicator: Indicator | None = None, progress: Progress | None = None
) -> IO[bytes]:
    """The values entered in the unit's subtree, laid out as the import reads them, so a
    sheet can be corrected and imported back. Rows go from a chunked query into a
    write-only workbook spooled to disk: memory stays flat for a province's values."""
    workbook, sheet = new_sheet(_("Số liệu"), VALUE_COLUMNS, heading=exported_on(_("Số liệu chỉ số"), unit))
    values = exported_values(unit=unit, year=year, indicator=indicator)
    total = values.count() if progress else None
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
    for number, (
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
    ) in enumerate(rows.iterator(chunk_size=5000)):
        if progress and number % 5000 == 0:
            progress(number, total)
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


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def trend_sheet(indicator: Indicator, unit: AdminUnit, rows: list[tuple[str, object, int]]) -> bytes:
    """The table beside a trend's chart, as the leader takes it to a meeting."""
    columns = [_("Kỳ"), _("Giá trị"), _("Số đơn vị báo cáo")]
    workbook, sheet = new_sheet(_("Diễn biến"), columns, heading=exported_on(indicator.name, unit), widths=[16, 18, 18])
    for label, value, count in rows:
        sheet.append([label, value, count])
    return save_workbook(workbook)
