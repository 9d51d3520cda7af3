"""Every write of the NTM criteria: loading a set, importing one from Excel, a unit's status."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.criteria.excel import criteria_from_sheet
from phongtrao.criteria.models import (
    CriteriaSet,
    Criterion,
    CriterionIndicator,
    CriterionState,
    CriterionStatus,
    DossierFile,
)
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Official
from phongtrao.ui import uploads as evidence
from phongtrao.ui.history import attributed


@transaction.atomic
def criteria_set_load(*, data: dict[str, Any]) -> CriteriaSet:
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


def criteria_set_import(*, user: User, raw: bytes, header: dict[str, Any] | None = None) -> CriteriaSet:
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


@transaction.atomic
def criterion_status_set(
    *,
    user: User,
    unit: AdminUnit,
    criterion: Criterion,
    state: str,
    date: dt.date,
    indicator: CriterionIndicator | None = None,
    responsible: Official | None = None,
    note: str = "",
    files: Sequence[tuple[str, bytes]] = (),
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
    attributed(status, user)
    status.save()
    for item in checked:
        DossierFile.objects.create(
            unit=unit, criterion=criterion, file=item.content, kind=item.kind, original_name=item.name, uploaded_by=user
        )
    return status
