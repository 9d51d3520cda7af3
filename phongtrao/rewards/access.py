"""Fetching rewards objects for a user: 404 out of sight, 403 when seen but not allowed."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.plans.access import get_plan_for_user
from phongtrao.rewards.models import Pledge


def get_pledge_for_user(user, pk: int, *, write: bool = False) -> Pledge:
    """A pledge is seen by whoever sees its plan; changed by those reporting for its unit."""
    pledge = Pledge.objects.select_related("plan", "plan__unit", "unit", "organization").filter(pk=pk).first()
    if pledge is None:
        raise Http404
    get_plan_for_user(user, pledge.plan_id)
    if write:
        permissions.require(user, permissions.REPORT, pledge.unit, visible=True)
    return pledge
