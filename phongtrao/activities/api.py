from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import READ_AUTH, WRITE_AUTH
from phongtrao.activities import ledger, services
from phongtrao.activities.access import get_call_for_user, get_registration_for_user
from phongtrao.activities.models import Contribution, DutyProgress, Fund, Registration, WorkDay
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.models import Duty, Plan

router = Router(tags=["registrations"])


class LineIn(Schema):
    kind: str = "people"
    description: str = ""
    quantity: Decimal
    unit_of_measure: str


class RegistrationIn(Schema):
    call: int
    unit: int
    organization: int | None = None
    content: str
    place: str
    planned_date: dt.date | None = None
    support_requested: str = ""
    notes: str = ""
    lines: list[LineIn] = []


class DecisionIn(Schema):
    version: int
    reason: str = ""


def _out(r: Registration) -> dict:
    return {
        "id": r.pk,
        "call": r.call_id,
        "plan": r.call.plan_id,
        "unit": {"id": r.unit_id, "name": r.unit.name},
        "organization": r.organization_id,
        "content": r.content,
        "place": r.place,
        "planned_date": r.planned_date.isoformat() if r.planned_date else None,
        "support_requested": r.support_requested,
        "notes": r.notes,
        "status": r.status,
        "status_reason": r.status_reason or None,
        "late": r.late,
        "version": r.version,
        "submitted_at": r.submitted_at.isoformat(),
        "lines": [
            {
                "kind": line.kind,
                "description": line.description,
                "quantity": float(line.quantity),
                "unit_of_measure": line.unit_of_measure,
            }
            for line in r.lines.all()
        ],
    }


@router.get("", auth=READ_AUTH)
def list_registrations(request, call: int | None = None, status: str = ""):
    registrations = Registration.objects.visible_to(request.user).for_list().prefetch_related("lines")
    if call is not None:
        registrations = registrations.filter(call_id=call)
    if status:
        registrations = registrations.filter(status=status)
    return [_out(r) for r in registrations[:500]]


@router.get("/{registration_id}", auth=READ_AUTH)
def get_registration(request, registration_id: int):
    return _out(get_registration_for_user(request.user, registration_id))


@router.post("", auth=WRITE_AUTH)
def submit(request, payload: RegistrationIn):
    call = get_call_for_user(request.user, payload.call)
    unit = get_object_or_404(AdminUnit, pk=payload.unit)
    organization = get_object_or_404(Organization, pk=payload.organization) if payload.organization else None
    data = payload.dict(exclude={"call", "unit", "organization", "lines"})
    registration = services.registration_submit(
        user=request.user,
        call=call,
        unit=unit,
        organization=organization,
        lines=[line.dict() for line in payload.lines],
        **data,
    )
    return _out(registration)


@router.post("/{registration_id}/confirm", auth=WRITE_AUTH)
def confirm(request, registration_id: int, payload: DecisionIn):
    registration = get_registration_for_user(request.user, registration_id, decide=True)
    return _out(services.registration_confirm(user=request.user, registration=registration, version=payload.version))


@router.post("/{registration_id}/return", auth=WRITE_AUTH)
def return_(request, registration_id: int, payload: DecisionIn):
    registration = get_registration_for_user(request.user, registration_id, decide=True)
    return _out(
        services.registration_return(
            user=request.user, registration=registration, version=payload.version, reason=payload.reason
        )
    )


contributions_router = Router(tags=["contributions"])
funds_router = Router(tags=["funds"])


class ContributionIn(Schema):
    unit: int
    contributor_kind: str
    contributor_name: str
    kind: str
    amount: Decimal
    date: dt.date
    description: str = ""
    value: Decimal | None = None
    receipt_number: str = ""
    fund: int | None = None
    plan: int | None = None
    registration: int | None = None
    public: bool = True


class ReverseIn(Schema):
    reason: str


def _decimal(value: Decimal) -> str:
    """The same text on every database: "3000000.00"."""
    return format(Decimal(value).quantize(Decimal("0.01")), "f")


def _contribution(c) -> dict:
    return {
        "id": c.pk,
        "unit": c.unit_id,
        "plan": c.plan_id,
        "fund": c.fund_id,
        "contributor_kind": c.contributor_kind,
        "contributor_name": c.contributor_name,
        "kind": c.kind,
        "amount": _decimal(c.amount),
        "value": _decimal(c.value),
        "description": c.description,
        "date": c.date.isoformat(),
        "receipt_number": c.receipt_number or None,
        "registration": c.registration_id,
        "reverses": c.reverses_id,
        "reason": c.reason or None,
        "public": c.public,
    }


@contributions_router.get("", auth=READ_AUTH)
def list_contributions(request, unit: int, plan: int | None = None, kind: str = ""):
    """The ledger of a unit's subtree, for those with a role there; totals by kind, for a
    plan when asked."""
    place = get_object_or_404(AdminUnit, pk=unit)
    permissions.require(request.user, permissions.VIEW, place, visible=False)
    entries = Contribution.objects.of_area(place).for_ledger()
    if plan is not None:
        entries = entries.filter(plan_id=plan)
    if kind:
        entries = entries.filter(kind=kind)
    totals = ledger.totals(entries)
    return {
        "totals": {k: _decimal(v) for k, v in totals.by_kind.items()} | {"value": _decimal(totals.value)},
        "results": [_contribution(c) for c in entries[:500]],
    }


@contributions_router.post("", auth=WRITE_AUTH)
def record(request, payload: ContributionIn):
    unit = get_object_or_404(AdminUnit, pk=payload.unit)
    data = payload.dict(exclude={"unit", "fund", "plan", "registration"})
    fund = get_object_or_404(Fund, pk=payload.fund) if payload.fund else None
    plan = get_plan_for_user(request.user, payload.plan) if payload.plan else None
    work = get_registration_for_user(request.user, payload.registration) if payload.registration else None
    return _contribution(
        services.contribution_record(user=request.user, unit=unit, fund=fund, plan=plan, registration=work, **data)
    )


@contributions_router.post("/{contribution_id}/reverse", auth=WRITE_AUTH)
def reverse(request, contribution_id: int, payload: ReverseIn):
    contribution = get_object_or_404(Contribution, pk=contribution_id)
    permissions.require(
        request.user,
        permissions.EDIT,
        contribution.unit,
        visible=permissions.can(request.user, permissions.VIEW, contribution.unit),
    )
    return _contribution(
        services.contribution_reverse(user=request.user, contribution=contribution, reason=payload.reason)
    )


@funds_router.get("", auth=READ_AUTH)
def list_funds(request, unit: int | None = None):
    """Funds and how far they are from their target: public, as their disclosure is."""
    funds = Fund.objects.select_related("unit")
    if unit is not None:
        place = get_object_or_404(AdminUnit, pk=unit)
        funds = funds.filter(unit__path__startswith=place.path)
    out = []
    for fund in funds[:200]:
        given, share = ledger.fund_progress(fund)
        out.append(
            {
                "id": fund.pk,
                "unit": fund.unit_id,
                "name": fund.name,
                "plan": fund.plan_id,
                "target": str(fund.target) if fund.target else None,
                "given": str(given),
                "share_percent": str(share) if share is not None else None,
            }
        )
    return out


duties_router = Router(tags=["duties"])
workdays_router = Router(tags=["workdays"])


class ProgressIn(Schema):
    date: dt.date
    percent: int
    note: str = ""


def _duty(duty, latest=None) -> dict:
    return {
        "id": duty.pk,
        "plan": duty.plan_id,
        "assignee": duty.assignee_text,
        "organization": duty.assignee_org_id,
        "place_unit": duty.place_unit_id,
        "text": duty.text,
        "status": duty.status,
        "deadline": duty.deadline.isoformat() if duty.deadline else None,
        "overdue": duty.is_overdue(dt.date.today()),
        "percent": latest.percent if latest else 0,
    }


@duties_router.get("", auth=READ_AUTH)
def list_duties(
    request, plan: int | None = None, organization: int | None = None, unit: int | None = None, overdue: bool = False
):
    duties = Duty.objects.filter(plan__in=Plan.objects.visible_to(request.user)).select_related("plan")
    if plan is not None:
        duties = duties.filter(plan_id=plan)
    if organization is not None:
        duties = duties.filter(assignee_org_id=organization)
    if unit is not None:
        place = get_object_or_404(AdminUnit, pk=unit)
        duties = duties.filter(Q(place_unit__path__startswith=place.path) | Q(plan__unit=place))
    rows = list(duties.order_by("deadline", "pk")[:500])
    if overdue:
        rows = [d for d in rows if d.is_overdue(dt.date.today())]
    latest = {}
    for progress in DutyProgress.objects.filter(duty__in=rows).order_by("duty_id", "-date", "-pk"):
        latest.setdefault(progress.duty_id, progress)
    return [_duty(d, latest.get(d.pk)) for d in rows]


@duties_router.post("/{duty_id}/progress", auth=WRITE_AUTH)
def add_progress(request, duty_id: int, payload: ProgressIn):
    duty = get_object_or_404(Duty.objects.select_related("plan", "place_unit"), pk=duty_id)
    get_plan_for_user(request.user, duty.plan_id)
    progress = services.duty_progress_add(user=request.user, duty=duty, **payload.dict())
    duty.refresh_from_db()
    return _duty(duty, progress)


def _work_day(day) -> dict:
    return {
        "id": day.pk,
        "plan": day.plan_id,
        "unit": {"id": day.unit_id, "name": day.unit.name},
        "date": day.date.isoformat(),
        "status": day.status,
        "no_shows": day.no_shows,
        "note": day.note,
        "attendance": [
            {"organization": a.organization_id, "group": a.group, "expected": a.expected, "present": a.present}
            for a in day.attendance.all()
        ],
        "results": [
            {"description": r.description, "quantity": _decimal(r.quantity), "unit_of_measure": r.unit_of_measure}
            for r in day.results.all()
        ],
    }


@workdays_router.get("", auth=READ_AUTH)
def list_work_days(request, plan: int):
    get_plan_for_user(request.user, plan)
    days = WorkDay.objects.filter(plan_id=plan).for_calendar().prefetch_related("attendance", "results")
    return [_work_day(day) for day in days]


class GenerateIn(Schema):
    plan: int
    start: dt.date | None = None
    end: dt.date | None = None
    week: int = 1


@workdays_router.post("/generate", auth=WRITE_AUTH)
def generate(request, payload: GenerateIn):
    plan = get_plan_for_user(request.user, payload.plan)
    created = services.workdays_generate(
        user=request.user, plan=plan, start=payload.start, end=payload.end, week=payload.week
    )
    return [_work_day(day) for day in created]
