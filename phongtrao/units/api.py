from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC
from phongtrao.apitypes import NOT_FOUND, answers
from phongtrao.bounds import Id, SearchText
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit, Level

router = Router(tags=["units"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    level: str
    parent_id: int | None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


class UnitDetailOut(UnitOut):
    successors: list[UnitOut]
    predecessors: list[UnitOut]

    @staticmethod
    def resolve_successors(obj: AdminUnit) -> list[AdminUnit]:
        return list(obj.successors.all())

    @staticmethod
    def resolve_predecessors(obj: AdminUnit) -> list[AdminUnit]:
        return list(obj.predecessors.all())


@router.get("", **PUBLIC, response=answers(list[UnitOut]))
def list_units(
    request,
    q: SearchText = "",
    level: Level | None = None,
    parent: Id | None = None,
    current: bool = False,
    limit: Annotated[int, Field(ge=1, le=500)] = 50,
) -> list[AdminUnit]:
    """Units are public facts (the statistics office's list); search them by name."""
    units = AdminUnit.objects.search(q)
    if level:
        units = units.filter(level=level)
    if parent is not None:
        units = units.filter(parent_id=parent)
    if current:
        units = units.current()
    return list(units.order_by("depth", "name")[:limit])


@router.get("/{unit_id}", **PUBLIC, response=answers(UnitDetailOut, NOT_FOUND))
def get_unit_detail(request, unit_id: Id) -> AdminUnit:
    return get_unit(unit_id)
