"""Fetching a unit. Units themselves are public facts (the statistics office's list);
what a unit holds inside is fetched through accounts.access.get_unit_for_user."""

from __future__ import annotations

from django.http import Http404

from phongtrao.bounds import ID_MAX
from phongtrao.geo.models import AdminUnit


def get_unit(pk: int) -> AdminUnit:
    unit = AdminUnit.objects.with_parent().filter(pk=pk).first() if 0 < pk <= ID_MAX else None
    if unit is None:
        raise Http404
    return unit
