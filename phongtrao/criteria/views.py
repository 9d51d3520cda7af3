from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.criteria import excel as criteria_excel
from phongtrao.criteria import selectors as criteria_selectors
from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.access import (
    get_criteria_set,
    get_criterion,
    get_dossier_file_for_user,
    get_garden,
    get_indicator,
)
from phongtrao.criteria.forms import (
    CriteriaFileForm,
    GardenForm,
    GroupingForm,
    IndicatorForm,
    LevelsFileForm,
    StatusForm,
)
from phongtrao.criteria.models import CriteriaSet, Criterion, CriterionStatus, Garden, SetLevel
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.indicators import charts
from phongtrao.text import natural_key
from phongtrao.ui.downloads import XLSX, attachment, stored_file


def criteria_board(request, set_pk: int, unit_pk: int):
    """Units × criteria: the NTM picture of a district or province, public like the NTM recognitions it leads to."""
    criteria_set = get_criteria_set(set_pk)
    area = get_unit(unit_pk)
    board = criteria_selectors.board(criteria_set, area)
    return render(
        request,
        "criteria/board.html",
        {
            "set": criteria_set,
            "area": area,
            "board": board,
            "can_place": board.has_groups and permissions.can(request.user, permissions.ADMINISTER, area),
        },
    )


def criteria_trend(request, set_pk: int, unit_pk: int):
    """The count of units meeting each criterion, month by month: public, like the board."""
    criteria_set = get_criteria_set(set_pk)
    area = get_unit(unit_pk)
    trend = criteria_selectors.criteria_trend(criteria_set, area, timezone.localdate())
    labels = [f"{m.month:02d}/{m.year}" for m in trend.months]
    if request.GET.get("format") == "xlsx":
        sheet = criteria_excel.criteria_trend_sheet(criteria_set, area, trend, labels)
        return attachment(sheet, XLSX, f"{criteria_set.code}-dien-bien.xlsx")
    return render(
        request,
        "criteria/trend.html",
        {
            "set": criteria_set,
            "area": area,
            "trend": trend,
            "labels": labels,
            "has_data": any(trend.all_met) or any(any(counts) for _c, counts in trend.per_criterion),
            "columns": charts.columns([(label, Decimal(n)) for label, n in zip(labels, trend.all_met, strict=True)]),
        },
    )


def criteria_levels(request, set_pk: int):
    """A set's indicators and their level for each commune group: public, as the decision is."""
    criteria_set = get_criteria_set(set_pk)
    keeper = permissions.keeps_national_criteria(request.user)
    form = LevelsFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not keeper:
            raise PermissionDenied
        if form.is_valid():
            try:
                criteria_services.criteria_levels_import(
                    user=request.user, criteria_set=criteria_set, raw=form.cleaned_data["file"].read()
                )
            except ValidationError as exc:
                form.add_error("file", exc.messages)
            else:
                messages.success(request, _("Đã nạp chỉ tiêu và mức đạt."))
                return redirect("criteria:levels", criteria_set.pk)
    return render(
        request,
        "criteria/levels.html",
        {
            "set": criteria_set,
            "groups": list(criteria_set.groups.all()),
            "table": criteria_selectors.levels_table(criteria_set),
            "keeper": keeper,
            "form": form,
        },
    )


@login_required
def indicator_edit(request, criterion_pk: int | None = None, pk: int | None = None):
    """A new indicator of a criterion, or one to correct, with its levels per group."""
    indicator = get_indicator(pk) if pk else None
    criterion = indicator.criterion if indicator else get_criterion(criterion_pk)
    if not permissions.keeps_national_criteria(request.user):
        raise PermissionDenied
    groups = list(criterion.criteria_set.groups.all())
    initial = {}
    if indicator is not None:
        by_group = {level.group_id: level.text for level in indicator.levels.all()}
        initial = {"code": indicator.code, "name": indicator.name, "unit_of_measure": indicator.unit_of_measure}
        initial |= {f"level_{n}": by_group.get(g.pk if g else None, "") for n, g in enumerate(groups or [None])}
    form = IndicatorForm(request.POST or None, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            criteria_services.criterion_indicator_save(
                user=request.user,
                criterion=criterion,
                indicator=indicator,
                code=data["code"],
                name=data["name"],
                unit_of_measure=data["unit_of_measure"],
                levels=form.levels(),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu %(code)s.") % {"code": data["code"]})
            return redirect("criteria:levels", criterion.criteria_set_id)
    return render(
        request, "criteria/indicator_form.html", {"criterion": criterion, "indicator": indicator, "form": form}
    )


def commune_groups(request, set_pk: int, unit_pk: int):
    """The communes of an area and the group each is in under the set: public, placed by
    an administrator of the province."""
    criteria_set = get_criteria_set(set_pk)
    area = get_unit(unit_pk)
    groups = list(criteria_set.groups.all())
    if not groups:
        raise Http404
    communes = sorted(AdminUnit.objects.in_subtree(area).filter(level=Level.COMMUNE).current(), key=_by_name)
    placed = criteria_selectors.groups_of(criteria_set, area)
    can_place = permissions.can(request.user, permissions.ADMINISTER, area)
    form = GroupingForm(request.POST or None, communes=communes, groups=groups, placed=placed)
    if request.method == "POST":
        if not can_place:
            raise PermissionDenied
        if form.is_valid():
            try:
                changed = criteria_services.commune_groups_set(
                    user=request.user, criteria_set=criteria_set, groups=form.chosen(), basis=form.cleaned_data["basis"]
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Đã cập nhật nhóm của %(n)s xã.") % {"n": changed})
                return redirect("criteria:groups", criteria_set.pk, area.pk)
    rows = [(unit, placed.get(unit.pk), form[f"unit_{unit.pk}"]) for unit in communes]
    return render(
        request,
        "criteria/groups.html",
        {"set": criteria_set, "area": area, "groups": groups, "rows": rows, "form": form, "can_place": can_place},
    )


def _by_name(unit: AdminUnit) -> list:
    return natural_key(unit.name)


def criterion_detail(request, unit_pk: int, criterion_pk: int):
    return _criterion_page(request, get_unit(unit_pk), get_criterion(criterion_pk))


def garden_criterion(request, garden_pk: int, criterion_pk: int):
    garden = get_garden(garden_pk)
    criterion = get_criterion(criterion_pk)
    if criterion.criteria_set_id != garden.criteria_set_id:
        raise Http404
    return _criterion_page(request, garden.unit, criterion, garden)


def _criterion_page(request, unit: AdminUnit, criterion: Criterion, garden: Garden | None = None):
    """Where a unit (or one of its gardens) stands on a criterion and its indicators, held
    to the level of the commune's group; its dossier and history for those inside."""
    can_edit = permissions.can(request.user, permissions.EDIT, unit)
    form = StatusForm(
        request.POST or None, request.FILES or None, criterion=criterion, initial={"date": timezone.localdate()}
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            files = [(f.name, f.read()) for f in data.pop("files")]
            try:
                criteria_services.criterion_status_set(
                    user=request.user, unit=unit, criterion=criterion, garden=garden, files=files, **data
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã cập nhật tình trạng tiêu chí."))
                return redirect(request.path)
    status = CriterionStatus.objects.filter(
        unit=unit, criterion=criterion, garden=garden, indicator__isnull=True
    ).first()
    internal = permissions.sees_internal(request.user, unit)
    has_groups = criterion.criteria_set.groups.exists()
    group = criteria_selectors.group_of(unit, criterion.criteria_set) if has_groups else None
    lines = criteria_selectors.indicator_lines(unit, criterion, group, garden) if group or not has_groups else []
    return render(
        request,
        "criteria/criterion.html",
        {
            "unit": unit,
            "garden": garden,
            "criterion": criterion,
            "status": status,
            "has_groups": has_groups,
            "group": group,
            "lines": lines,
            "form": form,
            "can_edit": can_edit,
            "internal": internal,
            "dossier": criterion.dossier.filter(unit=unit, garden=garden) if internal else [],
            "history": status.history.select_related("history_user")[:20] if status and internal else [],
        },
    )


def gardens(request, unit_pk: int):
    """The model gardens of a commune's villages (public, as the movement shows them off);
    a commune officer adds one to be assessed against a garden set."""
    unit = get_unit(unit_pk)
    can_add = permissions.can(request.user, permissions.EDIT, unit)
    villages = list(AdminUnit.objects.in_subtree(unit).filter(level=Level.VILLAGE).in_reading_order())
    form = GardenForm(request.POST or None, villages=villages)
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                garden = criteria_services.garden_create(
                    user=request.user,
                    village=data["village"],
                    name=data["name"],
                    keeper=data["keeper"],
                    criteria_set=data["criteria_set"],
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Đã thêm vườn mẫu “%(name)s”.") % {"name": garden.name})
                return redirect("criteria:gardens", unit.pk)
    board = [
        (criteria_set, criteria_selectors.board(criteria_set, unit))
        for criteria_set in CriteriaSet.objects.filter(level=SetLevel.GARDEN, gardens__unit__path__startswith=unit.path)
        .distinct()
        .order_by("name")
    ]
    return render(request, "criteria/gardens.html", {"unit": unit, "boards": board, "form": form, "can_add": can_add})


@login_required
def criteria_import(request):
    form = CriteriaFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            header = {key: value for key, value in form.cleaned_data.items() if key != "file"}
            criteria_set = criteria_services.criteria_set_import(
                user=request.user, raw=form.cleaned_data["file"].read(), header=header
            )
        except ValidationError as exc:
            form.add_error("file", " ".join(exc.messages))
        else:
            messages.success(request, _("Đã nạp bộ tiêu chí “%(name)s”.") % {"name": criteria_set.name})
            return redirect("criteria:criteria_import")
    return render(request, "criteria/criteria_import.html", {"form": form, "sets": CriteriaSet.objects.all()})


def criteria_sheet(request, set_pk: int):
    """A set as an Excel sheet, public like the decisions it comes from."""
    criteria_set = get_criteria_set(set_pk)
    return attachment(criteria_excel.criteria_set_sheet(criteria_set), XLSX, f"{criteria_set.code}.xlsx")


def dossier_file(request, pk: int):
    """A criterion's dossier is internal to those with a role over the unit."""
    dossier = get_dossier_file_for_user(request.user, pk)
    return stored_file(dossier.file, public=False, name=dossier.original_name)
