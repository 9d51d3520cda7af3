"""Fetching rewards objects for a user: 404 out of sight, 403 when seen but not allowed."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.plans.access import get_plan_for_user
from phongtrao.rewards.models import Award, Exemplar, Nomination, Pledge, RewardDecision


def get_pledge_for_user(user: Someone, pk: int, *, write: bool = False) -> Pledge:
    """A pledge is seen by whoever sees its plan; changed by those reporting for its unit."""
    pledge = Pledge.objects.select_related("plan", "plan__unit", "unit", "organization").filter(pk=pk).first()
    if pledge is None:
        raise Http404
    get_plan_for_user(user, pledge.plan_id)
    if write:
        permissions.require(user, permissions.REPORT, pledge.unit, visible=True)
    return pledge


def get_nomination_for_user(user: Someone, pk: int) -> Nomination:
    """Seen by those with a role over the subject's unit or where it waits; each action
    asks the permission module again (reporting for the subject, approving where it waits)."""
    nomination = (
        Nomination.objects.visible_to(user)
        .select_related("plan", "pledge", "pledge__unit", "pledge__plan", "reward_form", "at_unit")
        .filter(pk=pk)
        .first()
    )
    if nomination is None:
        raise Http404
    return nomination


def get_decision_for_user(user: Someone, pk: int) -> RewardDecision:
    """Issued rewards are public, like the plan they were given under."""
    decision = (
        RewardDecision.objects.select_related("plan", "issuer_unit", "reward_form", "corrects").filter(pk=pk).first()
    )
    if decision is None:
        raise Http404
    get_plan_for_user(user, decision.plan_id)
    return decision


def get_award_for_user(user: Someone, pk: int) -> Award:
    award = (
        Award.objects.select_related("unit", "decision", "decision__issuer_unit", "decision__reward_form")
        .filter(pk=pk)
        .first()
    )
    if award is None:
        raise Http404
    get_plan_for_user(user, award.decision.plan_id)
    return award


def get_exemplar_for_user(user: Someone, pk: int, *, action: str | None = None) -> Exemplar:
    """Published exemplars are public; the others belong to those with a role over the unit."""
    exemplar = Exemplar.objects.select_related("unit", "plan").filter(pk=pk).first()
    if exemplar is None:
        raise Http404
    permissions.require_sight(user, exemplar.unit, public=exemplar.published, action=action)
    return exemplar
