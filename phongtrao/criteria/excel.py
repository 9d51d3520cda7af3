"""A criteria set to and from Excel."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.criteria.models import (
    CriteriaSet,
)
from phongtrao.sheets import cell_reader, new_sheet, parse_number, read_rows, save_workbook
from phongtrao.text import fold

SHEET_COLUMNS = ["Tiêu chí số", "Tên tiêu chí", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị tính"]
# "Mức đạt" alone: the level for every unit (a set without groups); "Mức đạt: Xã nhóm 1"
# and so on: the level for the communes of that group
LEVEL_COLUMN = "Mức đạt"
ALL_UNITS = "all"


def _level_columns(header_row: tuple, groups: list[str]) -> dict[int, str]:
    """Column index → the group its levels are for, as the set names it when the header
    matches one (accents and case aside), else as written (the loader refuses it by name)."""
    known = {fold(name): name for name in groups}
    found = {}
    for index, title in enumerate(header_row):
        title = str(title or "").strip()
        if not fold(title).startswith(fold(LEVEL_COLUMN)):
            continue
        group = title[len(LEVEL_COLUMN) :].strip(" :–-")
        found[index] = known.get(fold(group), group) if group else ALL_UNITS
    return found


def criteria_from_sheet(raw: bytes, groups: list[str] | None = None) -> list[dict]:
    """Rows of "Tiêu chí số, Tên tiêu chí, Mã chỉ tiêu, Nội dung chỉ tiêu, Đơn vị tính" and a
    "Mức đạt: <nhóm>" column per commune group; a row with no number continues the
    criterion above, as officials lay such tables out."""
    rows = read_rows(raw)
    cell = cell_reader(rows[0], SHEET_COLUMNS, required=2)
    levels = _level_columns(rows[0], groups or [])
    found: dict[int, dict] = {}
    errors: list[str] = []
    number = None
    for line, row in rows.body():
        if not any(value not in (None, "") for value in row):
            continue
        given = cell(row, "Tiêu chí số")
        if given not in (None, ""):
            parsed = parse_number(given)
            if parsed is None or parsed < 1 or parsed != parsed.to_integral_value():
                errors.append(_("Dòng %(n)s: “Tiêu chí số” phải là số nguyên dương.") % {"n": line})
                continue
            number = int(parsed)
        if number is None:
            errors.append(_("Dòng %(n)s: chưa ghi “Tiêu chí số”.") % {"n": line})
            continue
        criterion = found.setdefault(number, {"number": number, "name": "", "indicators": []})
        name = str(cell(row, "Tên tiêu chí") or "").strip()
        if name and criterion["name"] and name != criterion["name"]:
            errors.append(_("Dòng %(n)s: tiêu chí số %(c)s đã có tên khác ở dòng trên.") % {"n": line, "c": number})
        criterion["name"] = criterion["name"] or name
        code = str(cell(row, "Mã chỉ tiêu") or "").strip()
        text = str(cell(row, "Nội dung chỉ tiêu") or "").strip()
        if bool(code) != bool(text):
            errors.append(_("Dòng %(n)s: chỉ tiêu cần cả mã và nội dung.") % {"n": line})
        elif code:
            criterion["indicators"].append(
                {
                    "code": code,
                    "name": text,
                    "unit": str(cell(row, "Đơn vị tính") or "").strip(),
                    "thresholds": {
                        group: str(row[index]).strip() if index < len(row) and row[index] is not None else ""
                        for index, group in levels.items()
                    },
                }
            )
    errors += [_("Tiêu chí số %(c)s chưa có tên.") % {"c": c["number"]} for c in found.values() if not c["name"]]
    if not found and not errors:
        errors.append(_("Bảng chưa có tiêu chí nào."))
    if errors:
        raise ValidationError({"file": errors})
    return sorted(found.values(), key=lambda c: c["number"])


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def criteria_set_sheet(criteria_set: CriteriaSet) -> bytes:
    """A set as the sheet the import reads, with a level column per commune group: the
    template a province fills from the decision, or a set to copy and adapt."""
    groups = list(criteria_set.groups.all())
    level_titles = [f"{LEVEL_COLUMN}: {group.name}" for group in groups] or [LEVEL_COLUMN]
    workbook, sheet = new_sheet(
        _("Bộ tiêu chí"),
        SHEET_COLUMNS + level_titles,
        heading=[criteria_set.name],
        widths=[12, 40, 12, 60, 12] + [24] * len(level_titles),
    )
    for criterion in criteria_set.criteria.prefetch_related("indicators__levels"):
        indicators = list(criterion.indicators.all()) or [None]
        for n, indicator in enumerate(indicators):
            by_group = {level.group_id: level.text for level in indicator.levels.all()} if indicator else {}
            sheet.append(
                [
                    criterion.number if n == 0 else None,
                    criterion.name if n == 0 else None,
                    indicator.code if indicator else None,
                    indicator.name if indicator else None,
                    indicator.unit_of_measure if indicator else None,
                ]
                + [by_group.get(group.pk if group else None) for group in groups or [None]]
            )
    return save_workbook(workbook)


@translation.override("vi")
def criteria_trend_sheet(criteria_set: CriteriaSet, area, trend, labels: list[str]) -> bytes:
    """The trend page's table: a criterion a row, a month a column."""
    workbook, sheet = new_sheet(
        _("Diễn biến"),
        [_("Tiêu chí"), *labels],
        heading=[
            criteria_set.name,
            str(area),
            _("Số đơn vị đạt, cuối mỗi tháng (trên %(n)s đơn vị)") % {"n": trend.units},
        ],
        widths=[40] + [10] * len(labels),
    )
    for criterion, counts in trend.per_criterion:
        sheet.append([f"{criterion.number}. {criterion.name}", *counts])
    sheet.append([_("Đạt đủ các tiêu chí"), *trend.all_met])
    return save_workbook(workbook)
