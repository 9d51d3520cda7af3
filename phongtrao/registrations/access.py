"""Fetching calls and registrations for a user: 404 out of sight, 403 read-only."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.plans.access import get_plan_for_user
from phongtrao.registrations.models import Registration, RegistrationCall


def get_call_for_user(user: Someone, pk: int) -> RegistrationCall:
    call = RegistrationCall.objects.select_related("plan", "plan__unit").filter(pk=pk).first()
    if call is None:
        raise Http404
    get_plan_for_user(user, call.plan_id)  # a call is seen by whoever sees its plan
    return call


def get_registration_for_user(user: Someone, pk: int, *, decide: bool = False) -> Registration:
    registration = (
        Registration.objects.visible_to(user)
        .select_related("unit", "organization", "call", "call__plan", "call__plan__unit", "decided_by")
        .filter(pk=pk)
        .first()
    )
    if registration is None:
        raise Http404
    if decide:
        permissions.require(user, permissions.EDIT, registration.call.plan.unit, visible=True)
    return registration
