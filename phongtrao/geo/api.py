from __future__ import annotations

from django.http import Http404
from ninja import Router, Schema

from phongtrao.accounts.auth import READ_AUTH
from phongtrao.geo.models import AdminUnit

router = Router(tags=["units"], auth=READ_AUTH)


class UnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    level: str
    parent_id: int | None
    valid_from: str | None = None
    valid_until: str | None = None

    @staticmethod
    def resolve_valid_from(obj):
        return obj.valid_from.isoformat() if obj.valid_from else None

    @staticmethod
    def resolve_valid_until(obj):
        return obj.valid_until.isoformat() if obj.valid_until else None


class UnitDetailOut(UnitOut):
    successors: list[UnitOut]
    predecessors: list[UnitOut]


@router.get("", response=list[UnitOut])
def list_units(
    request, q: str = "", level: str = "", parent: int | None = None, current: bool = False, limit: int = 50
):
    """Units are public facts (the statistics office's list); search them by name."""
    units = AdminUnit.objects.search(q)
    if level:
        units = units.filter(level=level)
    if parent is not None:
        units = units.filter(parent_id=parent)
    if current:
        units = units.current()
    return units.order_by("depth", "name")[: max(1, min(limit, 500))]


@router.get("/{unit_id}", response=UnitDetailOut)
def get_unit(request, unit_id: int):
    unit = AdminUnit.objects.filter(pk=unit_id).prefetch_related("successors", "predecessors").first()
    if unit is None:
        raise Http404
    return {
        **UnitOut.from_orm(unit).dict(),
        "successors": list(unit.successors.all()),
        "predecessors": list(unit.predecessors.all()),
    }
