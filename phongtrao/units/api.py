from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.utils import timezone
from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, SearchText
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.plans.target_progress import expected_progress
from phongtrao.reports.access import get_report_for_user
from phongtrao.reports.api import ReportDetailOut
from phongtrao.reports.models import Report
from phongtrao.units import services as units_services
from phongtrao.units.dashboard import dashboard_plans

router = Router(tags=["units"])
reviews_router = Router(tags=["reports"])


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


class PlanRef(Schema):
    id: int
    title: str
    unit: UnitRef


class BehindOut(Schema):
    unit: UnitRef
    actual: DecimalText | None
    goal: DecimalText | None
    percent: int | None
    gap: int = Field(description="percentage points short of what was expected by the day")

    @staticmethod
    def resolve_actual(obj) -> Decimal | int | None:
        return obj.progress.actual

    @staticmethod
    def resolve_goal(obj) -> Decimal | None:
        return obj.progress.goal

    @staticmethod
    def resolve_percent(obj) -> int | None:
        return obj.progress.percent


class TargetExpectedOut(Schema):
    id: int
    text: str
    plan: PlanRef = Field(description="two targets with the same text are told apart by their plan and its unit")
    goal: DecimalText | None
    actual: DecimalText | None = Field(
        description="the roll-up over the plan's unit for the year the target falls due in"
    )
    percent: int | None = Field(description="percent of the goal reached, capped at 100")
    expected: int | None = Field(
        description="percent of the goal the plan expects by the day (its phases, else its period); null when the plan has no period"
    )
    gap: int | None
    behind: list[BehindOut] = Field(description="units carrying the target out that are behind, furthest first")
    silent: list[UnitRef] = Field(description="units with no figure for it yet")

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.target.pk

    @staticmethod
    def resolve_text(obj) -> str:
        return obj.target.text

    @staticmethod
    def resolve_plan(obj):
        return obj.target.plan

    @staticmethod
    def resolve_goal(obj) -> Decimal | None:
        return obj.progress.goal

    @staticmethod
    def resolve_actual(obj) -> Decimal | int | None:
        return obj.progress.actual

    @staticmethod
    def resolve_percent(obj) -> int | None:
        return obj.progress.percent


@router.get("/{unit_id}/targets", **PUBLIC, response=answers(list[TargetExpectedOut], NOT_FOUND))
def unit_targets(request, unit_id: Id, day: Day | None = None) -> list:
    """What the unit's dashboard shows of its running plans' measured targets: expected
    progress by `day` (today when not given) against the actual, and the units behind."""
    unit = get_unit(unit_id)
    return expected_progress(dashboard_plans(unit, request.user), day or timezone.localdate())


class ReviewDraftIn(Schema):
    replace: bool = False  # sections already written are replaced only when asked


@reviews_router.post(
    "/{report_id}/draft", auth=WRITE_AUTH, response=answers(ReportDetailOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def draft_review(request, report_id: Id, payload: ReviewDraftIn) -> Report:
    """An interim or final review's body drafted from the system's figures for its period
    (targets against expected progress, duties, Saturdays, contributions, registrations,
    exemplars, rewards) as editable sections; 409 when it already has text and `replace`
    is not set, 422 for a report that is no review."""
    report = get_report_for_user(request.user, report_id)
    return units_services.review_draft(user=request.user, report=report, replace=payload.replace)
