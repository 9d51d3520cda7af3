from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.criteria import excel as criteria_excel
from phongtrao.criteria import selectors as criteria_selectors
from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.access import get_criteria_set, get_criterion, get_dossier_file_for_user
from phongtrao.criteria.forms import CriteriaFileForm, StatusForm
from phongtrao.criteria.models import CriteriaSet, CriterionStatus
from phongtrao.geo.access import get_unit
from phongtrao.ui.downloads import XLSX, attachment, stored_file


def criteria_board(request, set_pk: int, unit_pk: int):
    """Units × criteria: the NTM picture of a district or province, public like the NTM recognitions it leads to."""
    criteria_set = get_criteria_set(set_pk)
    area = get_unit(unit_pk)
    columns, rows = criteria_selectors.board(criteria_set, area)
    return render(request, "criteria/board.html", {"set": criteria_set, "area": area, "columns": columns, "rows": rows})


def criterion_detail(request, unit_pk: int, criterion_pk: int):
    unit = get_unit(unit_pk)
    criterion = get_criterion(criterion_pk)
    can_edit = permissions.can(request.user, permissions.EDIT, unit)
    form = StatusForm(request.POST or None, request.FILES or None, initial={"date": timezone.localdate()})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            files = [(f.name, f.read()) for f in data.pop("files")]
            try:
                criteria_services.criterion_status_set(
                    user=request.user, unit=unit, criterion=criterion, files=files, **data
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã cập nhật tình trạng tiêu chí."))
                return redirect("criteria:criterion", unit.pk, criterion.pk)
    status = CriterionStatus.objects.filter(unit=unit, criterion=criterion, indicator__isnull=True).first()
    internal = permissions.sees_internal(request.user, unit)
    return render(
        request,
        "criteria/criterion.html",
        {
            "unit": unit,
            "criterion": criterion,
            "status": status,
            "form": form,
            "can_edit": can_edit,
            "internal": internal,
            "dossier": criterion.dossier.filter(unit=unit) if internal else [],
            "history": status.history.select_related("history_user")[:20] if status and internal else [],
        },
    )


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
