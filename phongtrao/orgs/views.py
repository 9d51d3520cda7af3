from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.forms import OfficialForm, OrganizationForm
from phongtrao.orgs.services import OrgError, official_create, organization_create


def _unit_for_editing(user, pk: int) -> AdminUnit:
    """Units are public, so a unit the user may not edit answers 403, not 404."""
    unit = AdminUnit.objects.filter(pk=pk).first()
    if unit is None:
        raise Http404
    permissions.require(user, permissions.EDIT, unit, visible=True)
    return unit


def unit_organizations(request, pk: int):
    unit = AdminUnit.objects.filter(pk=pk).first()
    if unit is None:
        raise Http404
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
