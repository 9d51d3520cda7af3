from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from phongtrao.accounts.auth import READ_AUTH, WRITE_AUTH
from phongtrao.activities import services
from phongtrao.activities.access import get_call_for_user, get_registration_for_user
from phongtrao.activities.models import Registration
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization

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
