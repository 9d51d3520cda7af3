"""Criteria sets from data files, statuses per unit, and the unit × criterion board."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.activities import evidence
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring.models import (
    CriteriaSet,
    Criterion,
    CriterionIndicator,
    CriterionState,
    CriterionStatus,
    DossierFile,
)
from phongtrao.sheets import cell_reader, new_sheet, parse_number, read_rows, save_workbook
from phongtrao.text import natural_key


@transaction.atomic
def criteria_set_load(*, data: dict) -> CriteriaSet:
    """Create or update a set from its data file (the same shape as data/criteria/*.json)."""
    try:
        code, name, level = data["code"], data["name"], data.get("level", "commune")
        rows = data["criteria"]
        numbers = [int(c["number"]) for c in rows]
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            {
                "file": _("Tệp bộ tiêu chí thiếu mục “%(key)s” hoặc sai cấu trúc.")
                % {"key": getattr(exc, "args", ["?"])[0]}
            }
        ) from exc
    if len(set(numbers)) != len(numbers):
        raise ValidationError({"file": _("Số thứ tự tiêu chí bị trùng.")})
    criteria_set, _created = CriteriaSet.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "level": level,
            "source": data.get("source", ""),
            "note": data.get("note", ""),
            "valid_from": dt.date.fromisoformat(data["valid_from"]) if data.get("valid_from") else None,
            "valid_until": dt.date.fromisoformat(data["valid_until"]) if data.get("valid_until") else None,
        },
    )
    for row in rows:
        criterion, _created = Criterion.objects.update_or_create(
            criteria_set=criteria_set, number=int(row["number"]), defaults={"name": row["name"]}
        )
        for item in row.get("indicators", []):
            CriterionIndicator.objects.update_or_create(
                criterion=criterion, code=str(item["code"]), defaults={"name": item["name"]}
            )
    return criteria_set


SHEET_COLUMNS = ["Tiêu chí số", "Tên tiêu chí", "Mã chỉ tiêu", "Nội dung chỉ tiêu"]


def criteria_set_import(*, user: User, raw: bytes, header: dict | None = None) -> CriteriaSet:
    """An official defines a new set without code: an Excel sheet of criteria and their
    indicators with the set's name typed in the form, or a JSON file like the national one."""
    if not permissions.units_for(user, permissions.ADMINISTER).exists():
        raise PermissionDenied(_("Chỉ quản trị viên được khai báo bộ tiêu chí."))
    if raw[:2] == b"PK":  # an .xlsx is a zip archive
        header = {key: value for key, value in (header or {}).items() if value not in (None, "")}
        missing = [
            label
            for key, label in (("code", _("mã bộ tiêu chí")), ("name", _("tên bộ tiêu chí")))
            if not header.get(key)
        ]
        if missing:
            raise ValidationError({"file": _("Với tệp Excel, hãy nhập %(m)s.") % {"m": ", ".join(missing)}})
        for key in ("valid_from", "valid_until"):
            if key in header:
                header[key] = header[key].isoformat()
        return criteria_set_load(data={**header, "criteria": criteria_from_sheet(raw)})
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError({"file": _("Tệp không phải Excel (.xlsx) hay JSON hợp lệ: %(e)s") % {"e": exc}}) from exc
    return criteria_set_load(data=data)


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


@transaction.atomic
def criterion_status_set(
    *,
    user: User,
    unit: AdminUnit,
    criterion: Criterion,
    state: str,
    date: dt.date,
    indicator: CriterionIndicator | None = None,
    responsible=None,
    note: str = "",
    files: list[tuple[str, bytes]] = (),
) -> CriterionStatus:
    permissions.demand(user, permissions.EDIT, unit)
    if criterion.criteria_set.level != unit.level:
        raise ValidationError(
            {
                "unit": _("Bộ tiêu chí này dành cho cấp %(level)s.")
                % {"level": criterion.criteria_set.get_level_display()}
            }
        )
    if indicator is not None and indicator.criterion_id != criterion.pk:
        raise ValidationError(
            {"indicator": _("Chỉ tiêu %(code)s không thuộc tiêu chí này.") % {"code": indicator.code}}
        )
    if state not in CriterionState.values:
        raise ValidationError({"state": _("Tình trạng không hợp lệ.")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("Ngày đánh giá chưa đến.")})
    checked = [evidence.check_upload(name, data) for name, data in files]
    status = CriterionStatus.objects.filter(
        unit=unit, criterion=criterion, indicator=indicator
    ).first() or CriterionStatus(unit=unit, criterion=criterion, indicator=indicator)
    status.state, status.date, status.responsible, status.note = state, date, responsible, note.strip()
    status._history_user = user
    status.save()
    for item in checked:
        DossierFile.objects.create(
            unit=unit, criterion=criterion, file=item.content, kind=item.kind, original_name=item.name, uploaded_by=user
        )
    return status


@dataclass
class BoardRow:
    unit: AdminUnit
    cells: list[CriterionStatus | None]

    @property
    def achieved(self) -> int:
        return sum(1 for cell in self.cells if cell and cell.state == CriterionState.ACHIEVED)


def board(criteria_set: CriteriaSet, area: AdminUnit) -> tuple[list[Criterion], list[BoardRow]]:
    """Every unit of the set's level in `area` × every criterion, in three queries."""
    criteria = list(criteria_set.criteria.all())
    units = sorted(
        AdminUnit.objects.in_subtree(area).filter(level=criteria_set.level), key=lambda u: natural_key(u.name)
    )
    statuses = {
        (s.unit_id, s.criterion_id): s
        for s in CriterionStatus.objects.filter(
            criterion__criteria_set=criteria_set, indicator__isnull=True, unit__path__startswith=area.path
        )
    }
    return criteria, [BoardRow(unit, [statuses.get((unit.pk, c.pk)) for c in criteria]) for unit in units]
