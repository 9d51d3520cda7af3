"""Fetching a unit. Units themselves are public facts (the statistics office's list);
what a unit holds inside (its ledger, its households, its drafts) is for those with a
role over it: 404 to everyone else, 403 when seen but the action needs a higher role."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.bounds import ID_MAX
from phongtrao.geo.models import AdminUnit


def get_unit(pk: int) -> AdminUnit:
    unit = AdminUnit.objects.with_parent().filter(pk=pk).first() if 0 < pk <= ID_MAX else None
    if unit is None:
        raise Http404
    return unit


def get_unit_for_user(user, pk: int, action: str = permissions.VIEW) -> AdminUnit:
    """A unit whose internal records the user opens (404 without a role over it)."""
    unit = get_unit(pk)
    permissions.require_sight(user, unit, public=False, action=action)
    return unit
