"""Fetching ledger entries and funds for a user: 404 out of sight, 403 read-only."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.contributions.models import Contribution, Fund


def get_contribution_for_user(user: Someone, pk: int, *, correct: bool = False) -> Contribution:
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
