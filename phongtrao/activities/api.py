from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.db.models import Q
from django.utils import timezone
from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.activities import ledger, services
from phongtrao.activities.access import (
    get_call_for_user,
    get_contribution_for_user,
    get_duty_for_user,
    get_fund,
    get_registration_for_user,
)
from phongtrao.activities.models import (
    Contribution,
    DutyProgress,
    Fund,
    Registration,
    RegistrationLine,
    WorkDay,
    WorkResult,
)
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, column
from phongtrao.geo.access import get_unit, get_unit_for_user
from phongtrao.orgs.access import get_organization
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.models import Duty, Plan
from phongtrao.ui.forms import VERSION_MAX

router = Router(tags=["registrations"])

Version = Annotated[int, Field(ge=1, le=VERSION_MAX)]


class LineIn(Schema):
    kind: column(RegistrationLine, "kind") = "people"
    description: column(RegistrationLine, "description") = ""
    quantity: column(RegistrationLine, "quantity")
    unit_of_measure: column(RegistrationLine, "unit_of_measure")


class LineOut(Schema):
    kind: str
    description: str
    quantity: DecimalText
    unit_of_measure: str


class RegistrationIn(Schema):
    call: Id
    unit: Id
    organization: Id | None = None
    content: column(Registration, "content")
    place: column(Registration, "place")
    planned_date: Day | None = None
    support_requested: column(Registration, "support_requested") = ""
    notes: column(Registration, "notes") = ""
    lines: list[LineIn] = Field(default=[], max_length=50)


class DecisionIn(Schema):
    version: Version  # the version read: refused with 409 if someone decided since
    reason: column(Registration, "status_reason") = ""


class RegistrationOut(Schema):
    id: int
    call: int = Field(alias="call_id")
    plan: int
    unit: UnitRef
    organization: int | None = Field(alias="organization_id")
    content: str
    place: str
    planned_date: dt.date | None
    support_requested: str
    notes: str
    status: str
    status_reason: str | None
    late: bool
    version: int
    submitted_at: dt.datetime
    lines: list[LineOut]

    @staticmethod
    def resolve_plan(obj: Registration) -> int:
        return obj.call.plan_id

    @staticmethod
    def resolve_status_reason(obj: Registration) -> str | None:
        return obj.status_reason or None


@router.get("", **PUBLIC, response=answers(list[RegistrationOut]))
def list_registrations(
    request, call: Id | None = None, status: column(Registration, "status") | None = None
) -> list[Registration]:
    """Registrations the caller may see (those of their units, and those sent to them)."""
    registrations = Registration.objects.visible_to(request.user).for_list().prefetch_related("lines")
    if call is not None:
        registrations = registrations.filter(call_id=call)
    if status:
        registrations = registrations.filter(status=status)
    return list(registrations[:500])


@router.get("/{registration_id}", **PUBLIC, response=answers(RegistrationOut, NOT_FOUND))
def get_registration(request, registration_id: Id) -> Registration:
    return get_registration_for_user(request.user, registration_id)


@router.post("", auth=WRITE_AUTH, response=answers(RegistrationOut, FORBIDDEN, NOT_FOUND))
def submit(request, payload: RegistrationIn) -> Registration:
    call = get_call_for_user(request.user, payload.call)
    unit = get_unit(payload.unit)
    organization = get_organization(payload.organization) if payload.organization else None
    data = payload.dict(exclude={"call", "unit", "organization", "lines"})
    return services.registration_submit(
        user=request.user,
        call=call,
        unit=unit,
        organization=organization,
        lines=[line.dict() for line in payload.lines],
        **data,
    )


@router.post(
    "/{registration_id}/confirm", auth=WRITE_AUTH, response=answers(RegistrationOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def confirm(request, registration_id: Id, payload: DecisionIn) -> Registration:
    registration = get_registration_for_user(request.user, registration_id, decide=True)
    return services.registration_confirm(user=request.user, registration=registration, version=payload.version)


@router.post(
    "/{registration_id}/return", auth=WRITE_AUTH, response=answers(RegistrationOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def return_(request, registration_id: Id, payload: DecisionIn) -> Registration:
    registration = get_registration_for_user(request.user, registration_id, decide=True)
    return services.registration_return(
        user=request.user, registration=registration, version=payload.version, reason=payload.reason
    )


contributions_router = Router(tags=["contributions"])
funds_router = Router(tags=["funds"])


class ContributionIn(Schema):
    unit: Id
    contributor_kind: column(Contribution, "contributor_kind")
    contributor_name: column(Contribution, "contributor_name")
    kind: column(Contribution, "kind")
    amount: column(Contribution, "amount")
    date: Day
    description: column(Contribution, "description") = ""
    value: column(Contribution, "value") | None = None
    receipt_number: column(Contribution, "receipt_number") = ""
    fund: Id | None = None
    plan: Id | None = None
    registration: Id | None = None
    public: bool = True


class ReverseIn(Schema):
    reason: column(Contribution, "reason")


class ContributionOut(Schema):
    id: int
    unit: int = Field(alias="unit_id")
    plan: int | None = Field(alias="plan_id")
    fund: int | None = Field(alias="fund_id")
    contributor_kind: str
    contributor_name: str
    kind: str
    amount: DecimalText
    value: DecimalText
    description: str
    date: dt.date
    receipt_number: str | None
    registration: int | None = Field(alias="registration_id")
    reverses: int | None = Field(alias="reverses_id")
    reason: str | None
    public: bool

    @staticmethod
    def resolve_receipt_number(obj: Contribution) -> str | None:
        return obj.receipt_number or None

    @staticmethod
    def resolve_reason(obj: Contribution) -> str | None:
        return obj.reason or None


class TotalsOut(Schema):
    """Added up by kind (reversals net out): đồng, đồng of goods, labour days, m² of land;
    `value` is money and goods in đồng."""

    money: DecimalText
    goods: DecimalText
    labour: DecimalText
    land: DecimalText
    value: DecimalText


class LedgerOut(Schema):
    totals: TotalsOut
    results: list[ContributionOut]


@contributions_router.get("", **PUBLIC, response=answers(LedgerOut, NOT_FOUND))
def list_contributions(
    request, unit: Id, plan: Id | None = None, kind: column(Contribution, "kind") | None = None
) -> dict:
    """The ledger of a unit's area (its subtree and the units merged into it), for those
    with a role there; totals by kind, for a plan or a kind when asked."""
    place = get_unit_for_user(request.user, unit)
    entries = Contribution.objects.of_area(place).for_ledger()
    if plan is not None:
        entries = entries.filter(plan_id=plan)
    if kind:
        entries = entries.filter(kind=kind)
    totals = ledger.totals(entries)
    return {"totals": {**totals.by_kind, "value": totals.value}, "results": list(entries[:500])}


@contributions_router.post("", auth=WRITE_AUTH, response=answers(ContributionOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def record(request, payload: ContributionIn) -> Contribution:
    unit = get_unit(payload.unit)
    data = payload.dict(exclude={"unit", "fund", "plan", "registration"})
    fund = get_fund(payload.fund) if payload.fund else None
    plan = get_plan_for_user(request.user, payload.plan) if payload.plan else None
    work = get_registration_for_user(request.user, payload.registration) if payload.registration else None
    return services.contribution_record(user=request.user, unit=unit, fund=fund, plan=plan, registration=work, **data)


@contributions_router.post(
    "/{contribution_id}/reverse", auth=WRITE_AUTH, response=answers(ContributionOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def reverse(request, contribution_id: Id, payload: ReverseIn) -> Contribution:
    contribution = get_contribution_for_user(request.user, contribution_id, correct=True)
    return services.contribution_reverse(user=request.user, contribution=contribution, reason=payload.reason)


class FundOut(Schema):
    id: int
    unit: int
    name: str
    plan: int | None
    target: DecimalText | None
    given: DecimalText
    share_percent: DecimalText | None


@funds_router.get("", **PUBLIC, response=answers(list[FundOut], NOT_FOUND))
def list_funds(request, unit: Id | None = None) -> list[dict]:
    """Funds and how far they are from their target: public, as their disclosure is."""
    funds = Fund.objects.select_related("unit")
    if unit is not None:
        funds = funds.filter(unit__path__startswith=get_unit(unit).path)
    out = []
    for fund in funds[:200]:
        given, share = ledger.fund_progress(fund)
        out.append(
            {
                "id": fund.pk,
                "unit": fund.unit_id,
                "name": fund.name,
                "plan": fund.plan_id,
                "target": fund.target,
                "given": given,
                "share_percent": share,
            }
        )
    return out


duties_router = Router(tags=["duties"])
workdays_router = Router(tags=["workdays"])


class ProgressIn(Schema):
    date: Day
    percent: Annotated[int, Field(ge=0, le=100)]
    note: column(DutyProgress, "note") = ""


class DutyOut(Schema):
    id: int
    plan: int
    assignee: str
    organization: int | None
    place_unit: int | None
    text: str
    status: str
    deadline: dt.date | None
    overdue: bool
    percent: int


def _duty(duty: Duty, latest: DutyProgress | None, today: dt.date) -> dict:
    return {
        "id": duty.pk,
        "plan": duty.plan_id,
        "assignee": duty.assignee_text,
        "organization": duty.assignee_org_id,
        "place_unit": duty.place_unit_id,
        "text": duty.text,
        "status": duty.status,
        "deadline": duty.deadline,
        "overdue": duty.is_overdue(today),
        "percent": latest.percent if latest else 0,
    }


@duties_router.get("", **PUBLIC, response=answers(list[DutyOut], NOT_FOUND))
def list_duties(
    request, plan: Id | None = None, organization: Id | None = None, unit: Id | None = None, overdue: bool = False
) -> list[dict]:
    today = timezone.localdate()
    duties = Duty.objects.filter(plan__in=Plan.objects.visible_to(request.user)).select_related("plan")
    if plan is not None:
        duties = duties.filter(plan_id=plan)
    if organization is not None:
        duties = duties.filter(assignee_org_id=organization)
    if unit is not None:
        place = get_unit(unit)
        duties = duties.filter(Q(place_unit__path__startswith=place.path) | Q(plan__unit=place))
    rows = list(duties.order_by("deadline", "pk")[:500])
    if overdue:
        rows = [d for d in rows if d.is_overdue(today)]
    latest: dict[int, DutyProgress] = {}
    for progress in DutyProgress.objects.filter(duty__in=rows).order_by("duty_id", "-date", "-pk"):
        latest.setdefault(progress.duty_id, progress)
    return [_duty(d, latest.get(d.pk), today) for d in rows]


@duties_router.post("/{duty_id}/progress", auth=WRITE_AUTH, response=answers(DutyOut, FORBIDDEN, NOT_FOUND))
def add_progress(request, duty_id: Id, payload: ProgressIn) -> dict:
    duty = get_duty_for_user(request.user, duty_id)
    progress = services.duty_progress_add(user=request.user, duty=duty, **payload.dict())
    duty.refresh_from_db()
    return _duty(duty, progress, timezone.localdate())


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
