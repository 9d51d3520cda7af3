from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id
from phongtrao.plans.access import get_plan_for_user
from phongtrao.workdays import services
from phongtrao.workdays.models import WorkDay, WorkResult

workdays_router = Router(tags=["workdays"])


class AttendanceOut(Schema):
    organization: int | None = Field(alias="organization_id")
    group: str
    expected: int
    present: int


class ResultOut(Schema):
    description: str
    quantity: DecimalText
    unit_of_measure: str


class WorkDayOut(Schema):
    id: int
    plan: int = Field(alias="plan_id")
    unit: UnitRef
    date: dt.date
    status: str
    no_shows: int
    note: str
    attendance: list[AttendanceOut]
    results: list[ResultOut]

    @staticmethod
    def resolve_attendance(obj: WorkDay) -> list:
        return list(obj.attendance.all())

    @staticmethod
    def resolve_results(obj: WorkDay) -> list[WorkResult]:
        return list(obj.results.all())


@workdays_router.get("", **PUBLIC, response=answers(list[WorkDayOut], NOT_FOUND))
def list_work_days(request, plan: Id) -> list[WorkDay]:
    get_plan_for_user(request.user, plan)
    return list(WorkDay.objects.filter(plan_id=plan).for_calendar().prefetch_related("attendance", "results"))


class GenerateIn(Schema):
    plan: Id
    start: Day | None = None
    end: Day | None = None
    week: Annotated[int, Field(ge=1, le=4)] = 1


@workdays_router.post("/generate", auth=WRITE_AUTH, response=answers(list[WorkDayOut], FORBIDDEN, NOT_FOUND))
def generate(request, payload: GenerateIn) -> list[WorkDay]:
    plan = get_plan_for_user(request.user, payload.plan)
    return services.workdays_generate(
        user=request.user, plan=plan, start=payload.start, end=payload.end, week=payload.week
    )
