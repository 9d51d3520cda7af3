from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, column
from phongtrao.criteria import selectors as criteria
from phongtrao.criteria import services
from phongtrao.criteria.models import CriteriaSet, Criterion, CriterionIndicator, CriterionState, CriterionStatus
from phongtrao.geo.access import get_unit

criteria_router = Router(tags=["criteria"])


class IndicatorLevelOut(Schema):
    group: str | None = Field(description="the commune group the level is for; null: every unit (a set without groups)")
    text: str = Field(description="the level as the decision writes it")
    comparator: str = Field(description="=, >=, >, <=, < when the level is a number, else empty")
    amount: DecimalText | None

    @staticmethod
    def resolve_group(obj) -> str | None:
        return obj.group.name if obj.group else None


class CriterionIndicatorOut(Schema):
    code: str
    name: str
    unit_of_measure: str
    levels: list[IndicatorLevelOut]

    @staticmethod
    def resolve_levels(obj) -> list:
        return list(obj.levels.all())


class CriterionOut(Schema):
    id: int
    number: int
    name: str
    indicators: list[CriterionIndicatorOut]

    @staticmethod
    def resolve_indicators(obj) -> list:
        return list(obj.indicators.all())


class CommuneGroupOut(Schema):
    number: int
    name: str
    definition: str


class CriteriaSetOut(Schema):
    code: str
    name: str
    level: str
    source: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    groups: list[CommuneGroupOut]
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_groups(obj: CriteriaSet) -> list:
        return list(obj.groups.all())

    @staticmethod
    def resolve_criteria(obj: CriteriaSet) -> list:
        return list(obj.criteria.all())


@criteria_router.get("", **PUBLIC, response=answers(list[CriteriaSetOut]))
def list_criteria(request) -> list[CriteriaSet]:
    return list(CriteriaSet.objects.prefetch_related("groups", "criteria__indicators__levels__group"))


class BoardRowOut(Schema):
    unit: UnitRef
    group: str | None = Field(
        description="the commune's group under the set (xã nhóm), if the set has groups and the province placed it"
    )
    achieved: int
    states: list[str | None]


class ClosestOut(Schema):
    unit: UnitRef
    missing: list[int] = Field(description="the numbers of the criteria it does not meet yet")


class BoardOut(Schema):
    criteria: list[int]
    achieved_per_criterion: list[int] = Field(
        description="how many units of the board meet each criterion, in `criteria`'s order"
    )
    complete: int = Field(description="how many units meet every criterion")
    closest: list[ClosestOut] = Field(description="up to ten units not meeting every criterion, fewest missing first")
    units: list[BoardRowOut]


@criteria_router.get("/board", **PUBLIC, response=answers(BoardOut, NOT_FOUND))
def criteria_board(request, set: column(CriteriaSet, "code"), unit: Id) -> dict:
    """Each unit of the set's level in an area × each criterion: achieved or not, as the
    commune records it. Public, as the recognition of a commune is."""
    chosen = CriteriaSet.objects.filter(code=set).first()
    if chosen is None:
        raise Http404
    board = criteria.board(chosen, get_unit(unit))
    return {
        "criteria": [c.number for c in board.criteria],
        "achieved_per_criterion": board.achieved_per_criterion,
        "complete": board.complete,
        "closest": [{"unit": row.unit, "missing": [c.number for c in missing]} for row, missing in board.closest],
        "units": [
            {
                "unit": r.unit,
                "group": r.group.name if r.group else None,
                "achieved": r.achieved,
                "states": [cell.state if cell else None for cell in r.cells],
            }
            for r in board.rows
        ],
    }


class CriterionTrendOut(Schema):
    criterion: int
    name: str
    meeting: list[int] = Field(description="units meeting the criterion at each month's end, in `months`' order")


class CriteriaTrendOut(Schema):
    months: list[dt.date] = Field(description="the last day of each month, oldest first")
    units: int = Field(description="units of the set's level in the area")
    criteria: list[CriterionTrendOut]
    all_met: list[int] = Field(description="units meeting every criterion of the set at each month's end")


@criteria_router.get("/trend", **PUBLIC, response=answers(CriteriaTrendOut, NOT_FOUND))
def criteria_trend(request, set: column(CriteriaSet, "code"), unit: Id, until: Day | None = None) -> dict:
    """How many units of an area met each criterion at the end of each of the twelve months
    up to `until` (today if left out), from every assessment kept in the history: what the
    criteria trend page draws."""
    chosen = CriteriaSet.objects.filter(code=set).first()
    if chosen is None:
        raise Http404
    trend = criteria.criteria_trend(chosen, get_unit(unit), until or timezone.localdate())
    return {
        "months": trend.months,
        "units": trend.units,
        "criteria": [{"criterion": c.number, "name": c.name, "meeting": counts} for c, counts in trend.per_criterion],
        "all_met": trend.all_met,
    }


class StatusIn(Schema):
    set: column(CriteriaSet, "code")
    unit: Id
    criterion: column(Criterion, "number")
    indicator: column(CriterionIndicator, "code") | None = Field(
        None, description="an indicator's code to record its result; empty for the criterion as a whole"
    )
    value: column(CriterionStatus, "value") | None = Field(
        None, description="the indicator's result; held against the level of the commune's group when it is a number"
    )
    state: CriterionState = Field(description="overridden by the level when `value` is held against one")
    date: Day
    note: column(CriterionStatus, "note") = ""


class StatusOut(Schema):
    unit: int = Field(validation_alias="unit_id")
    criterion: int
    indicator: str | None
    value: DecimalText | None
    state: str
    date: dt.date

    @staticmethod
    def resolve_criterion(obj: CriterionStatus) -> int:
        return obj.criterion.number

    @staticmethod
    def resolve_indicator(obj: CriterionStatus) -> str | None:
        return obj.indicator.code if obj.indicator else None


@criteria_router.put("/status", auth=WRITE_AUTH, response=answers(StatusOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def record_status(request, payload: StatusIn) -> CriterionStatus:
    """A unit's state on a criterion, or one indicator's result, as the criterion page
    records it; two first assessments of the same thing at once: one is a 409."""
    criterion = Criterion.objects.filter(criteria_set__code=payload.set, number=payload.criterion).first()
    if criterion is None:
        raise Http404
    indicator = None
    if payload.indicator:
        indicator = criterion.indicators.filter(code=payload.indicator).first()
        if indicator is None:
            raise Http404
    return services.criterion_status_set(
        user=request.user,
        unit=get_unit(payload.unit),
        criterion=criterion,
        indicator=indicator,
        value=payload.value,
        state=payload.state,
        date=payload.date,
        note=payload.note,
    )
