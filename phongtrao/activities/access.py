"""Fetching activities objects for a user: 404 out of sight, 403 when seen but not allowed."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.activities.models import (
    Contribution,
    Evidence,
    Fund,
    Registration,
    RegistrationCall,
    WorkDay,
    WorkDayPhoto,
)
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.models import Duty


def get_call_for_user(user, pk: int) -> RegistrationCall:
    call = RegistrationCall.objects.select_related("plan", "plan__unit").filter(pk=pk).first()
    if call is None:
        raise Http404
    get_plan_for_user(user, call.plan_id)  # a call is seen by whoever sees its plan
    return call


def get_registration_for_user(user, pk: int, *, decide: bool = False) -> Registration:
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


def get_work_day_for_user(user, pk: int) -> WorkDay:
    """A work day is seen by whoever sees its plan."""
    work_day = WorkDay.objects.select_related("plan", "plan__unit", "unit").filter(pk=pk).first()
    if work_day is None:
        raise Http404
    get_plan_for_user(user, work_day.plan_id)
    return work_day


def get_duty_for_user(user, pk: int) -> Duty:
    """A duty is seen by whoever sees its plan; reporting on it is the service's to allow."""
    duty = Duty.objects.select_related("plan", "plan__unit", "assignee_org", "place_unit").filter(pk=pk).first()
    if duty is None:
        raise Http404
    get_plan_for_user(user, duty.plan_id)
    return duty


def get_contribution_for_user(user, pk: int, *, correct: bool = False) -> Contribution:
    """A ledger line, for those with a role over the unit it was given in; correcting it
    (a reversing line) needs an officer there."""
    contribution = Contribution.objects.select_related("unit").filter(pk=pk).first()
    if contribution is None:
        raise Http404
    permissions.require_sight(
        user, contribution.unit, public=False, action=permissions.EDIT if correct else permissions.VIEW
    )
    return contribution


def get_fund(pk: int) -> Fund:
    """Funds are public, as their disclosure is."""
    fund = Fund.objects.select_related("unit").filter(pk=pk).first()
    if fund is None:
        raise Http404
    return fund


def get_evidence_for_user(user, pk: int) -> Evidence:
    """A file of a duty's progress is seen by whoever sees the duty's plan: public once the
    plan is issued, only to those with a role over its unit before."""
    evidence = Evidence.objects.select_related("progress__duty").filter(pk=pk).first()
    if evidence is None:
        raise Http404
    get_duty_for_user(user, evidence.progress.duty_id)
    return evidence


def get_work_day_photo_for_user(user, pk: int) -> WorkDayPhoto:
    photo = WorkDayPhoto.objects.filter(pk=pk).first()
    if photo is None:
        raise Http404
    get_work_day_for_user(user, photo.work_day_id)
    return photo
