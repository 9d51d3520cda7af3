from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.contributions import excel, ledger, services
from phongtrao.contributions.access import get_contribution_for_user
from phongtrao.contributions.forms import ContributionForm, ReverseForm
from phongtrao.contributions.models import Contribution, Fund
from phongtrao.geo.access import get_unit
from phongtrao.jobs.exports import export_response
from phongtrao.jobs.imports import import_page
from phongtrao.ui.downloads import XLSX, attachment
from phongtrao.ui.forms import add_service_errors, flash_refusal


def contribution_ledger(request, unit_pk: int):
    """The ledger of a unit and everything under it, for those with a role there."""
    unit = get_unit(unit_pk)
    permissions.require(request.user, permissions.VIEW, unit, visible=False)
    funds = Fund.objects.filter(unit__in=[unit.pk, *unit.ancestor_ids])
    can_record = permissions.can(request.user, permissions.REPORT, unit)
    form = ContributionForm(request.POST or None, funds=funds, initial={"date": timezone.localdate(), "public": True})
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.contribution_record(user=request.user, unit=unit, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã ghi đóng góp."))
                return redirect("contributions:ledger", unit.pk)
    entries = Contribution.objects.of_area(unit).for_ledger()
    return render(
        request,
        "contributions/ledger.html",
        {
            "unit": unit,
            "entries": entries[:200],
            "totals": ledger.area_totals(unit),
            "form": form,
            "can_record": can_record,
            "can_reverse": permissions.can(request.user, permissions.EDIT, unit),
            "funds": [(fund, *ledger.fund_progress(fund)) for fund in funds],
        },
    )


@login_required
@require_POST
def contribution_reverse(request, pk: int):
    contribution = get_contribution_for_user(request.user, pk, correct=True)
    form = ReverseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"reason": _("Cần ghi lý do điều chỉnh.")})
        services.contribution_reverse(user=request.user, contribution=contribution, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Đã ghi dòng điều chỉnh."))
    return redirect("contributions:ledger", contribution.unit_id)


def contribution_disclosure(request, unit_pk: int):
    """Công khai: who gave what, for every citizen; names withheld when the giver asked."""
    unit = get_unit(unit_pk)
    entries = Contribution.objects.of_area(unit).for_ledger()
    funds = Fund.objects.filter(unit__path__startswith=unit.path)
    return render(
        request,
        "contributions/disclosure.html",
        {
            "unit": unit,
            "entries": entries[:500],
            "totals": ledger.area_totals(unit),
            "funds": [(fund, *ledger.fund_progress(fund)) for fund in funds],
        },
    )


def ledger_export(request, unit_pk: int):
    unit = get_unit(unit_pk)
    permissions.require(request.user, permissions.VIEW, unit, visible=False)
    return export_response(
        request,
        large=Contribution.objects.of_area(unit).count() > settings.JOB_ROWS_IN_REQUEST,
        builder=excel.ledger_xlsx,
        target={"unit": unit},
        filename=f"dong-gop-{unit.pk}.xlsx",
        content_type=XLSX,
        title=lambda: _("Xuất sổ đóng góp của %(unit)s ra Excel") % {"unit": unit},
    )


def ledger_template(request):
    return attachment(excel.template_xlsx(), XLSX, "mau-dong-gop.xlsx")


@login_required
def ledger_import(request, unit_pk: int):
    unit = get_unit(unit_pk)
    permissions.require(
        request.user, permissions.REPORT, unit, visible=permissions.can(request.user, permissions.VIEW, unit)
    )
    return import_page(
        request,
        service=services.contributions_import,
        target={"unit": unit},
        done_message=gettext_lazy("Đã nhập %(n)s khoản đóng góp."),
        done_url=reverse("contributions:ledger", args=[unit.pk]),
        template="contributions/ledger_import.html",
        context={"unit": unit},
    )
