from __future__ import annotations

from django.http import Http404
from ninja import Router, Schema

from phongtrao.accounts.auth import PUBLIC
from phongtrao.apitypes import NOT_FOUND, UnitRef, answers
from phongtrao.bounds import Id, column
from phongtrao.criteria import selectors as criteria
from phongtrao.criteria.models import CriteriaSet
from phongtrao.geo.access import get_unit

criteria_router = Router(tags=["criteria"])


class CriterionIndicatorOut(Schema):
    code: str
    name: str


class CriterionOut(Schema):
    id: int
    number: int
    name: str
    indicators: list[CriterionIndicatorOut]

    @staticmethod
    def resolve_indicators(obj) -> list:
        return list(obj.indicators.all())


class CriteriaSetOut(Schema):
    code: str
    name: str
    level: str
    source: str
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_criteria(obj: CriteriaSet) -> list:
        return list(obj.criteria.all())


@criteria_router.get("", **PUBLIC, response=answers(list[CriteriaSetOut]))
def list_criteria(request) -> list[CriteriaSet]:
    return list(CriteriaSet.objects.prefetch_related("criteria__indicators"))


class BoardRowOut(Schema):
    unit: UnitRef
    achieved: int
    states: list[str | None]


class BoardOut(Schema):
    criteria: list[int]
    units: list[BoardRowOut]


@criteria_router.get("/board", **PUBLIC, response=answers(BoardOut, NOT_FOUND))
def criteria_board(request, set: column(CriteriaSet, "code"), unit: Id) -> dict:
    """Each unit of the set's level in an area × each criterion: achieved or not, as the
    commune records it. Public, as the recognition of a commune is."""
    chosen = CriteriaSet.objects.filter(code=set).first()
    if chosen is None:
        raise Http404
    columns, rows = criteria.board(chosen, get_unit(unit))
    return {
        "criteria": [c.number for c in columns],
        "units": [
            {"unit": r.unit, "achieved": r.achieved, "states": [cell.state if cell else None for cell in r.cells]}
            for r in rows
        ],
    }
