"""Fetching a unit whose internal records a user opens: units themselves are public facts
(geo.access.get_unit), what a unit holds inside is for those with a role over it."""

from __future__ import annotations

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit


def get_unit_for_user(user: Someone, pk: int, action: str = permissions.VIEW) -> AdminUnit:
    """A unit whose internal records the user opens (404 without a role over it)."""
    unit = get_unit(pk)
    permissions.require_sight(user, unit, public=False, action=action)
    return unit
