from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongtrao.accounts import permissions
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.grouping import grouped
from phongtrao.jobs.exports import export_response
from phongtrao.jobs.imports import import_page
from phongtrao.orgs import households, services
from phongtrao.orgs.forms import OfficialForm, OrganizationForm
from phongtrao.orgs.models import Household
from phongtrao.orgs.services import OrgError, official_create, organization_create
from phongtrao.search import matching
from phongtrao.ui.downloads import XLSX


def _unit_for_editing(user, pk: int) -> AdminUnit:
    """Units are public, so a unit the user may not edit answers 403, not 404."""
    unit = get_unit(pk)
    permissions.require(user, permissions.EDIT, unit, visible=True)
    return unit


def unit_organizations(request, pk: int):
    unit = get_unit(pk)
    can_edit = permissions.can(request.user, permissions.EDIT, unit)
    return render(
        request,
        "orgs/unit_organizations.html",
        {
            "unit": unit,
            "organizations": unit.organizations.order_by("name"),
            "officials": unit.officials.filter(active=True).select_related("organization"),
            "show_contacts": permissions.can(request.user, permissions.VIEW, unit),
            "can_edit": can_edit,
            "org_form": OrganizationForm() if can_edit else None,
            "official_form": OfficialForm(unit=unit) if can_edit else None,
        },
    )


def _add(request, pk: int, form: forms.Form, create, name_field: str):
    """Validate a small form of the unit page and create through the service; the
    outcome, or each field's error, comes back as a message on the unit page."""
    unit = _unit_for_editing(request.user, pk)
    if form.is_valid():
        try:
            create(unit=unit, **form.cleaned_data)
        except OrgError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã thêm “%(name)s”.") % {"name": form.cleaned_data[name_field]})
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect("orgs:unit", unit.pk)


@login_required
def organization_add(request, pk: int):
    return _add(request, pk, OrganizationForm(request.POST), organization_create, "name")


@login_required
def official_add(request, pk: int):
    unit = _unit_for_editing(request.user, pk)
    return _add(request, pk, OfficialForm(request.POST, unit=unit), official_create, "full_name")


def _unit_with(user, pk: int, action: str) -> AdminUnit:
    """Units are public; their household register is not: 403 without the role."""
    unit = get_unit(pk)
    permissions.require(user, action, unit, visible=True)
    return unit


@login_required
def unit_households(request, pk: int):
    """The household register of the unit and the villages under it (names of heads of
    household: for those with a role over the unit only)."""
    unit = _unit_with(request.user, pk, permissions.VIEW)
    households = Household.objects.in_subtree(unit).for_list()
    query = request.GET.get("q", "").strip()
    households = matching(households, query, "code", "head_name")
    per_village = (
        grouped(Household.objects.in_subtree(unit), "unit__name").annotate(n=Count("pk")).order_by("unit__name")
    )
    return render(
        request,
        "orgs/unit_households.html",
        {
            "unit": unit,
            "page": Paginator(households, settings.PAGE_SIZE).get_page(request.GET.get("page")),
            "query": query,
            "params": urlencode({"q": query}) if query else "",
            "per_village": list(per_village),
            "can_import": permissions.can(request.user, permissions.REPORT, unit),
        },
    )


@login_required
def households_import(request, pk: int):
    unit = _unit_with(request.user, pk, permissions.REPORT)
    return import_page(
        request,
        service=services.households_import,
        target={"unit": unit},
        done_message=gettext_lazy("Đã nhập %(n)s hộ gia đình."),
        done_url=reverse("orgs:households", args=[unit.pk]),
        template="orgs/households_import.html",
        context={"unit": unit},
    )


@login_required
def households_xlsx(request, pk: int):
    unit = _unit_with(request.user, pk, permissions.VIEW)
    return export_response(
        request,
        large=Household.objects.in_subtree(unit).count() > settings.JOB_ROWS_IN_REQUEST,
        builder=households.households_xlsx,
        target={"unit": unit},
        filename=f"ho-gia-dinh-{unit.pk}.xlsx",
        content_type=XLSX,
        title=lambda: _("Xuất sổ hộ gia đình của %(unit)s ra Excel") % {"unit": unit},
    )
