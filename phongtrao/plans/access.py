"""Fetching a plan for a user: 404 when it is out of their sight, 403 when they may see
it but not do what they ask."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.plans.models import Duty, Evidence, Plan, Target
from phongtrao.plans.selectors import plan_for_document


def get_plan_for_user(user: Someone, pk: int, *, action: str | None = None, full: bool = False) -> Plan:
    """`action` None means read; otherwise one of the permission module's actions."""
    try:
        plan = plan_for_document(pk) if full else Plan.objects.select_related("unit", "parent").get(pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_sight(user, plan.unit, public=plan.is_published, action=action)
    return plan


def get_target_for_user(user: Someone, pk: int, *, action: str | None = None) -> Target:
    try:
        target = Target.objects.select_related("plan", "plan__unit").get(pk=pk)
    except Target.DoesNotExist as exc:
        raise Http404 from exc
    get_plan_for_user(user, target.plan_id, action=action)
    return target


def get_duty_for_user(user: Someone, pk: int) -> Duty:
    """A duty is seen by whoever sees its plan; reporting on it is the service's to allow."""
    duty = Duty.objects.select_related("plan", "plan__unit", "assignee_org", "place_unit").filter(pk=pk).first()
    if duty is None:
        raise Http404
    get_plan_for_user(user, duty.plan_id)
    return duty


def get_evidence_for_user(user: Someone, pk: int) -> Evidence:
    """A file of a duty's progress is seen by whoever sees the duty's plan: public once the
    plan is issued, only to those with a role over its unit before."""
    evidence = Evidence.objects.select_related("progress__duty").filter(pk=pk).first()
    if evidence is None:
        raise Http404
    get_duty_for_user(user, evidence.progress.duty_id)
    return evidence
