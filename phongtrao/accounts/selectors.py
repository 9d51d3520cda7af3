from __future__ import annotations

from django.db.models import Q

from phongtrao.accounts.models import ROLE_RANK, Membership, User
from phongtrao.geo.models import AdminUnit, UnitSuccession


def people_acting_for(unit: AdminUnit, at_least: str) -> list[User]:
    """Who acts for `unit` with at least the role `at_least`: those whose membership is on
    the unit itself (or on the unit it merged into), else on the nearest unit above that
    has anyone: the people a village's registration or a returned report is for, not
    everyone whose role happens to reach that far."""
    needed = ROLE_RANK[at_least]
    chain = [unit.pk, *reversed(unit.ancestor_ids)]  # the unit, then upwards
    heirs = dict(
        UnitSuccession.objects.filter(predecessor_id__in=chain, primary=True).values_list(
            "predecessor_id", "successor_id"
        )
    )
    memberships = [
        m
        for m in Membership.objects.active()
        .select_related("user")
        .filter(Q(unit_id__in=chain) | Q(unit_id__in=list(heirs.values())), user__is_active=True)
        .order_by("pk")
        if ROLE_RANK[m.role] >= needed
    ]
    for unit_id in chain:
        found = [m.user for m in memberships if m.unit_id in (unit_id, heirs.get(unit_id))]
        if found:
            return list(dict.fromkeys(found))
    return []
