from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, column
from phongtrao.geo.access import get_unit
from phongtrao.orgs.access import get_organization
from phongtrao.registrations import services
from phongtrao.registrations.access import get_call_for_user, get_registration_for_user
from phongtrao.registrations.models import Registration, RegistrationLine
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


class RegistrationFieldsIn(Schema):
    """What a village sends, the first time and when it corrects a returned registration."""

    content: column(Registration, "content")
    place: column(Registration, "place")
    planned_date: Day | None = None
    support_requested: column(Registration, "support_requested") = ""
    notes: column(Registration, "notes") = ""
    lines: list[LineIn] = Field(default=[], max_length=50)


class RegistrationIn(RegistrationFieldsIn):
    call: Id
    unit: Id
    organization: Id | None = None


class ResubmissionIn(RegistrationFieldsIn):
    """A returned registration corrected, with the version read (refused with 409 if it
    changed since)."""

    version: Version


class RegistrationDecisionIn(Schema):
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
def confirm(request, registration_id: Id, payload: RegistrationDecisionIn) -> Registration:
    registration = get_registration_for_user(request.user, registration_id, decide=True)
    return services.registration_confirm(user=request.user, registration=registration, version=payload.version)


@router.post(
    "/{registration_id}/return", auth=WRITE_AUTH, response=answers(RegistrationOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def return_(request, registration_id: Id, payload: RegistrationDecisionIn) -> Registration:
    registration = get_registration_for_user(request.user, registration_id, decide=True)
    return services.registration_return(
        user=request.user, registration=registration, version=payload.version, reason=payload.reason
    )


@router.post(
    "/{registration_id}/resubmit", auth=WRITE_AUTH, response=answers(RegistrationOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def resubmit(request, registration_id: Id, payload: ResubmissionIn) -> Registration:
    """The village corrects a returned registration and sends it again."""
    registration = get_registration_for_user(request.user, registration_id)
    data = payload.dict(exclude={"version", "lines"})
    return services.registration_resubmit(
        user=request.user,
        registration=registration,
        version=payload.version,
        lines=[line.dict() for line in payload.lines],
        **data,
    )
