"""Criteria sets from data files, statuses per unit, and the unit × criterion board."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
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
from phongtrao.plans.selectors import natural_key


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


def criteria_set_import(*, user: User, raw: bytes) -> CriteriaSet:
    """An official defines a new set without code: a JSON file like the national one."""
    if not permissions.units_for(user, permissions.ADMINISTER).exists():
        raise PermissionError(_("Chỉ quản trị viên được khai báo bộ tiêu chí."))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError({"file": _("Tệp không phải JSON hợp lệ: %(e)s") % {"e": exc}}) from exc
    return criteria_set_load(data=data)


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
    if date > dt.date.today():
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
