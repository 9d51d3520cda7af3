"""Every write of the NTM criteria: loading a set, importing one from Excel, a unit's status."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.concurrency import first_one_wins
from phongtrao.criteria import selectors
from phongtrao.criteria.excel import criteria_from_sheet
from phongtrao.criteria.models import (
    CommuneGroup,
    CommuneGrouping,
    CriteriaSet,
    Criterion,
    CriterionIndicator,
    CriterionState,
    CriterionStatus,
    DossierFile,
    Garden,
    IndicatorLevel,
    SetLevel,
    level_number,
)
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Official
from phongtrao.ui import uploads as evidence
from phongtrao.ui.history import attributed


def _data_error(message: str) -> ValidationError:
    return ValidationError({"file": message})


@transaction.atomic
def criteria_set_load(*, data: dict[str, Any]) -> CriteriaSet:
    """Create or update a set from its data file (the shape of data/criteria/*.json): its
    criteria, their indicators, the commune groups (`groups`) and each indicator's level
    per group (`thresholds`, keyed by the group's name, or "all" in a set without groups).
    All or nothing: a repeated code or a level for a group the set lacks saves none of it."""
    try:
        code, name, level = data["code"], data["name"], data.get("level", SetLevel.COMMUNE)
        rows = data["criteria"]
        numbers = [int(c["number"]) for c in rows]
        groups = [(int(g["number"]), str(g["name"]).strip(), g.get("definition", "")) for g in data.get("groups", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise _data_error(
            _("Tệp bộ tiêu chí thiếu mục “%(key)s” hoặc sai cấu trúc.") % {"key": getattr(exc, "args", ["?"])[0]}
        ) from exc
    if level not in SetLevel.values:
        raise _data_error(_("Bộ tiêu chí áp dụng cho “%(level)s”: không có cấp này.") % {"level": level})
    if len(set(numbers)) != len(numbers):
        raise _data_error(_("Số thứ tự tiêu chí bị trùng."))
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
    for number, group_name, definition in groups:
        CommuneGroup.objects.update_or_create(
            criteria_set=criteria_set, number=number, defaults={"name": group_name, "definition": definition}
        )
    by_name = {group.name: group for group in criteria_set.groups.all()}
    seen: set[str] = set()
    for row in rows:
        criterion, _created = Criterion.objects.update_or_create(
            criteria_set=criteria_set, number=int(row["number"]), defaults={"name": row["name"]}
        )
        for item in row.get("indicators", []):
            indicator_code = str(item["code"]).strip()
            if indicator_code in seen:
                raise _data_error(_("Mã chỉ tiêu “%(code)s” bị trùng.") % {"code": indicator_code})
            seen.add(indicator_code)
            indicator, _created = CriterionIndicator.objects.update_or_create(
                criterion=criterion,
                code=indicator_code,
                defaults={"name": item["name"], "unit_of_measure": (item.get("unit") or "").strip()},
            )
            _levels_set(indicator, item.get("thresholds") or {}, by_name)
    return criteria_set


def _levels_set(
    indicator: CriterionIndicator, thresholds: dict[str, str | None], groups: dict[str, CommuneGroup]
) -> None:
    """Each level the data gives the indicator: per group by name, or "all" (every unit of a
    set without groups). A set without groups ignores other keys: the 2021–2025 files key
    theirs by region, which a province turns into targets, not levels."""
    for key, text in thresholds.items():
        if groups and key not in groups:
            raise _data_error(
                _("Chỉ tiêu %(code)s: không có nhóm “%(group)s” trong bộ tiêu chí (có: %(known)s).")
                % {"code": indicator.code, "group": key, "known": ", ".join(groups)}
            )
        if not groups and key != "all":
            continue
        group = groups.get(key)
        text = (text or "").strip()
        if not text:
            IndicatorLevel.objects.filter(indicator=indicator, group=group).delete()
            continue
        comparator, amount = level_number(text)
        IndicatorLevel.objects.update_or_create(
            indicator=indicator, group=group, defaults={"text": text, "comparator": comparator, "amount": amount}
        )


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


def _demand_criteria_keeper(user: User) -> None:
    if not permissions.keeps_national_criteria(user):
        raise PermissionDenied(_("Chỉ quản trị viên cấp tỉnh được nhập chỉ tiêu và mức đạt của bộ tiêu chí."))


@transaction.atomic
def criterion_indicator_save(
    *,
    user: User,
    criterion: Criterion,
    indicator: CriterionIndicator | None = None,
    code: str,
    name: str,
    unit_of_measure: str = "",
    levels: dict[CommuneGroup | None, str],
) -> CriterionIndicator:
    """An indicator of a criterion and its level for each commune group, typed from the
    decision (an empty level removes it). The code is unique in its set."""
    _demand_criteria_keeper(user)
    criteria_set = criterion.criteria_set
    code = code.strip()
    clash = CriterionIndicator.objects.filter(criterion__criteria_set=criteria_set, code=code)
    if indicator is not None:
        if indicator.criterion.criteria_set_id != criteria_set.pk:
            raise ValidationError({"criterion": _("Chỉ tiêu và tiêu chí thuộc hai bộ tiêu chí khác nhau.")})
        clash = clash.exclude(pk=indicator.pk)
    if clash.exists():
        raise ValidationError({"code": _("Mã chỉ tiêu “%(code)s” đã có trong bộ tiêu chí này.") % {"code": code}})
    groups = {group.pk: group for group in criteria_set.groups.all()}
    for group in levels:
        if (group is None and groups) or (group is not None and group.pk not in groups):
            raise ValidationError(
                {"levels": _("Nhóm “%(group)s” không thuộc bộ tiêu chí này.") % {"group": group or _("mọi đơn vị")}}
            )
    indicator = indicator or CriterionIndicator(criterion=criterion)
    indicator.criterion, indicator.code, indicator.name = criterion, code, name.strip()
    indicator.unit_of_measure = unit_of_measure.strip()
    attributed(indicator, user)
    indicator.save()
    for group, text in levels.items():
        text = text.strip()
        level = IndicatorLevel.objects.filter(indicator=indicator, group=group).first()
        if not text:
            if level is not None:
                attributed(level, user)
                level.delete()
            continue
        level = level or IndicatorLevel(indicator=indicator, group=group)
        level.text = text
        level.comparator, level.amount = level_number(text)
        attributed(level, user)
        level.save()
    return indicator


def criteria_levels_import(*, user: User, criteria_set: CriteriaSet, raw: bytes) -> CriteriaSet:
    """The set's Excel template filled in: its indicators and their level per group, all
    saved or, on one bad row, none."""
    _demand_criteria_keeper(user)
    rows = criteria_from_sheet(raw, groups=[group.name for group in criteria_set.groups.all()])
    header = {
        "code": criteria_set.code,
        "name": criteria_set.name,
        "level": criteria_set.level,
        "source": criteria_set.source,
        "note": criteria_set.note,
        "valid_from": criteria_set.valid_from.isoformat() if criteria_set.valid_from else None,
        "valid_until": criteria_set.valid_until.isoformat() if criteria_set.valid_until else None,
    }
    return criteria_set_load(data={**header, "criteria": rows})


@transaction.atomic
def commune_groups_set(
    *, user: User, criteria_set: CriteriaSet, groups: dict[AdminUnit, CommuneGroup | None], basis: str = ""
) -> int:
    """The province places its communes in the set's groups (None: not placed); each
    change is kept in the history. Returns how many communes changed."""
    changed = 0
    for unit, group in groups.items():
        if unit.level != Level.COMMUNE:
            raise ValidationError({"unit": _("%(unit)s không phải là xã.") % {"unit": unit}})
        province = unit.ancestors().filter(level=Level.PROVINCE).first() or unit
        permissions.demand(user, permissions.ADMINISTER, province)
        if group is not None and group.criteria_set_id != criteria_set.pk:
            raise ValidationError({"group": _("Nhóm “%(group)s” không thuộc bộ tiêu chí này.") % {"group": group}})
        grouping = CommuneGrouping.objects.select_for_update().filter(unit=unit, criteria_set=criteria_set).first()
        if group is None:
            if grouping is not None:
                attributed(grouping, user)
                grouping.delete()
                changed += 1
            continue
        if grouping is not None and grouping.group_id == group.pk and basis.strip() in ("", grouping.basis):
            continue
        grouping = grouping or CommuneGrouping(unit=unit, criteria_set=criteria_set)
        grouping.group, grouping.basis = group, basis.strip() or grouping.basis
        attributed(grouping, user)
        with first_one_wins(_("Người khác vừa xếp nhóm cho %(unit)s; hãy tải lại trang.") % {"unit": unit}):
            grouping.save()
        changed += 1
    return changed


@transaction.atomic
def criterion_status_set(
    *,
    user: User,
    unit: AdminUnit,
    criterion: Criterion,
    state: str,
    date: dt.date,
    indicator: CriterionIndicator | None = None,
    value: Decimal | None = None,
    garden: Garden | None = None,
    responsible: Official | None = None,
    note: str = "",
    files: Sequence[tuple[str, bytes]] = (),
) -> CriterionStatus:
    """A unit's (or, with `garden`, one of its gardens') state on a criterion or one of its
    indicators, with its evidence; a concurrent first assessment of the same thing is a 409."""
    permissions.demand(user, permissions.EDIT, unit)
    if garden is not None and garden.unit_id != unit.pk:
        raise ValidationError(
            {"garden": _("Vườn “%(garden)s” không thuộc %(unit)s.") % {"garden": garden, "unit": unit}}
        )
    if garden is not None and garden.criteria_set_id != criterion.criteria_set_id:
        raise ValidationError(
            {"garden": _("Vườn “%(garden)s” được đánh giá theo bộ tiêu chí khác.") % {"garden": garden}}
        )
    if criterion.criteria_set.level != (SetLevel.GARDEN if garden is not None else unit.level):
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
    if value is not None and indicator is None:
        raise ValidationError({"value": _("Kết quả đạt được chỉ ghi cho một chỉ tiêu.")})
    status = CriterionStatus.objects.select_for_update().filter(
        unit=unit, criterion=criterion, indicator=indicator, garden=garden
    ).first() or CriterionStatus(unit=unit, criterion=criterion, indicator=indicator, garden=garden)
    level = selectors.level_for(unit, indicator) if indicator is not None and value is not None else None
    met = level.is_met_by(value) if level is not None and value is not None else None
    if met is not None:
        # the level of the commune's own group decides, not the one who types
        was_achieved = status.pk is not None and status.state == CriterionState.ACHIEVED
        state = CriterionState.ACHIEVED if met else CriterionState.LOST if was_achieved else CriterionState.NOT_YET
    if state not in CriterionState.values:
        raise ValidationError({"state": _("Tình trạng không hợp lệ.")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("Ngày đánh giá chưa đến.")})
    checked = [evidence.check_upload(name, data) for name, data in files]
    status.state, status.value, status.date = state, value, date
    status.responsible, status.note = responsible, note.strip()
    attributed(status, user)
    with first_one_wins(_("Người khác vừa đánh giá nội dung này; hãy tải lại trang để xem rồi làm lại.")):
        status.save()
    for item in checked:
        DossierFile.objects.create(
            unit=unit,
            garden=garden,
            criterion=criterion,
            file=item.content,
            kind=item.kind,
            original_name=item.name,
            uploaded_by=user,
        )
    return status


@transaction.atomic
def garden_create(*, user: User, village: AdminUnit, name: str, keeper: str = "", criteria_set: CriteriaSet) -> Garden:
    """A model garden of a village, to be assessed against a garden set."""
    permissions.demand(user, permissions.EDIT, village)
    if village.level != Level.VILLAGE:
        raise ValidationError({"village": _("Vườn mẫu phải thuộc một thôn.")})
    if criteria_set.level != SetLevel.GARDEN:
        raise ValidationError({"criteria_set": _("Bộ tiêu chí “%(set)s” không dành cho vườn.") % {"set": criteria_set}})
    garden = Garden(unit=village, name=name.strip(), keeper=keeper.strip(), criteria_set=criteria_set)
    attributed(garden, user)
    with first_one_wins(_("Thôn đã có vườn mẫu tên “%(name)s”.") % {"name": garden.name}):
        garden.save()
    return garden
