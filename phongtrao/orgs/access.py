"""Fetching organisations and households: organisations are public (their names stand on
plans and in the portal); households only for those with a role over their village."""

from __future__ import annotations

from django.http import Http404

from phongtrao.bounds import ID_MAX
from phongtrao.orgs.models import Organization


def get_organization(pk: int) -> Organization:
    organization = Organization.objects.select_related("unit").filter(pk=pk).first() if 0 < pk <= ID_MAX else None
    if organization is None:
        raise Http404
    return organization
