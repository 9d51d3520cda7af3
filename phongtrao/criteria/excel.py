"""A criteria set to and from Excel."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.criteria.models import (
    CriteriaSet,
)
from phongtrao.sheets import cell_reader, new_sheet, parse_number, read_rows, save_workbook

SHEET_COLUMNS = ["Tiêu chí số", "Tên tiêu chí", "Mã chỉ tiêu", "Nội dung chỉ tiêu"]


def criteria_from_sheet(raw: bytes) -> list[dict]:
    """Rows of "Tiêu chí số, Tên tiêu chí, Mã chỉ tiêu, Nội dung chỉ tiêu"; a row with no
    number continues the criterion above, as officials lay such tables out."""
    rows = read_rows(raw)
    cell = cell_reader(rows[0], SHEET_COLUMNS, required=2)
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
            criterion["indicators"].append({"code": code, "name": text})
    errors += [_("Tiêu chí số %(c)s chưa có tên.") % {"c": c["number"]} for c in found.values() if not c["name"]]
    if not found and not errors:
        errors.append(_("Bảng chưa có tiêu chí nào."))
    if errors:
        raise ValidationError({"file": errors})
    return sorted(found.values(), key=lambda c: c["number"])


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def criteria_set_sheet(criteria_set: CriteriaSet) -> bytes:
    """A set as the sheet the import reads: to copy the national set and adapt it."""
    workbook, sheet = new_sheet(_("Bộ tiêu chí"), SHEET_COLUMNS, heading=[criteria_set.name], widths=[12, 40, 24, 60])
    for criterion in criteria_set.criteria.prefetch_related("indicators"):
        indicators = list(criterion.indicators.all()) or [None]
        for n, indicator in enumerate(indicators):
            sheet.append(
                [
                    criterion.number if n == 0 else None,
                    criterion.name if n == 0 else None,
                    indicator.code if indicator else None,
                    indicator.name if indicator else None,
                ]
            )
    return save_workbook(workbook)
