from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.shortcuts import get_object_or_404
from ninja import File, Router, Schema
from ninja.files import UploadedFile

from phongtrao import docparse
from phongtrao.accounts import permissions
from phongtrao.accounts.auth import READ_AUTH, WRITE_AUTH
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring.models import Indicator
from phongtrao.orgs.models import Organization
from phongtrao.plans import services
from phongtrao.plans.access import get_plan_for_user, get_target_for_user
from phongtrao.plans.filters import PlanFilter
from phongtrao.plans.models import Duty, Plan, Target, visibility
from phongtrao.plans.selectors import plan_adoption, plan_differences, plan_for_document
from phongtrao.plans.serializers import plan_document, plan_summary

router = Router(tags=["plans"])
parse_router = Router(tags=["parse"])


@parse_router.post("", auth=WRITE_AUTH)
def parse_document(request, file: UploadedFile = File(...)):  # noqa: B008 (ninja's way to declare an upload)
    """Read a plan document (.txt, .docx, .pdf) into the parse contract's JSON, as
    `python -m phongtrao.docparse` prints it. Nothing is saved."""
    try:
        return docparse.parse_bytes(file.read(), file.name or "document")
    except docparse.ReadError as exc:
        raise ValidationError({"file": [str(exc)]}) from exc


class PlanHeaderIn(Schema):
    kind: str | None = None
    issuer: str | None = None
    number: str | None = None  # as written: "42/KH-UBND", "14-KH/BCĐ", "/KH-UBND"
    place: str | None = None
    issue_date: dt.date | None = None
    title: str | None = None
    theme: str | None = None
    preamble: str | None = None
    purposes: str | None = None
    requirements: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    signer_authority: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None


class PlanCreateIn(PlanHeaderIn):
    unit: int
    title: str
    issuer: str


class ReasonIn(Schema):
    reason: str = ""


class DeriveIn(Schema):
    unit: int


class AllocationIn(Schema):
    unit: int
    value: Decimal | None


class PartsIn(Schema):
    """Each list replaces the plan's list of that part; rows keep their "id" to be updated."""

    sections: list[dict[str, Any]] | None = None
    phases: list[dict[str, Any]] | None = None
    targets: list[dict[str, Any]] | None = None
    duties: list[dict[str, Any]] | None = None
    deadlines: list[dict[str, Any]] | None = None
    reporting_duties: list[dict[str, Any]] | None = None
    emulation_subjects: list[dict[str, Any]] | None = None
    reward_standards: list[dict[str, Any]] | None = None
    reward_forms: list[dict[str, Any]] | None = None
    recipients: list[dict[str, Any]] | None = None
    references: list[dict[str, Any]] | None = None


def _header(payload: PlanHeaderIn) -> dict[str, Any]:
    data = payload.dict(exclude_unset=True)
    if "issuer" in data:
        data["issuer_name"] = data.pop("issuer") or ""
    if "number" in data:
        data["full_number"] = data.pop("number") or ""
    return {
        k: ("" if v is None and k not in ("issue_date", "period_start", "period_end") else v) for k, v in data.items()
    }


def _document(plan: Plan) -> dict:
    return plan_document(plan_for_document(plan.pk))


@router.get("", auth=READ_AUTH)
def list_plans(
    request,
    unit: int | None = None,
    year: int | None = None,
    kind: str = "",
    status: str = "",
    q: str = "",
    concerning: bool = False,
    page: int = 1,
):
    """Issued plans are public; drafts are listed for users with a role over their unit."""
    plan_filter = PlanFilter(
        request.user, {"unit": unit, "year": year, "kind": kind, "status": status, "q": q, "concerning": concerning}
    )
    plans = plan_filter.queryset()
    size = settings.PAGE_SIZE
    page = max(page, 1)
    rows = list(plans[(page - 1) * size : page * size + 1])
    return {"page": page, "has_next": len(rows) > size, "results": [plan_summary(p) for p in rows[:size]]}


@router.get("/{plan_id}", auth=READ_AUTH)
def get_plan(request, plan_id: int):
    return plan_document(get_plan_for_user(request.user, plan_id, full=True))


@router.post("", auth=WRITE_AUTH)
def create_plan(request, payload: PlanCreateIn):
    unit = get_object_or_404(AdminUnit, pk=payload.unit)
    data = _header(payload)
    data.pop("unit", None)
    plan = services.plan_create(
        user=request.user, unit=unit, title=data.pop("title"), issuer_name=data.pop("issuer_name"), **data
    )
    return _document(plan)


@router.patch("/{plan_id}", auth=WRITE_AUTH)
def update_plan(request, plan_id: int, payload: PlanHeaderIn):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.EDIT)
    services.plan_update(user=request.user, plan=plan, **_header(payload))
    return _document(plan)


_FOREIGN_KEYS = {
    "scope_unit": AdminUnit,
    "place_unit": AdminUnit,
    "assignee_org": Organization,
    "allocated_from": Target,
    "from_parent_duty": Duty,
    "document": Plan,
    "indicator": Indicator,
}


def _resolve_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ids of units, organisations and parent rows in a parts payload become objects."""
    resolved = []
    for row in rows:
        row = dict(row)
        for name, model in _FOREIGN_KEYS.items():
            if row.get(name) is not None:
                obj = model.objects.filter(pk=row[name]).first()
                if obj is None:
                    raise UnknownReference(name)
                row[name] = obj
        resolved.append(row)
    return resolved


class UnknownReference(Exception):
    """A referenced id that does not exist."""


@router.put("/{plan_id}/parts", auth=WRITE_AUTH)
def set_parts(request, plan_id: int, payload: PartsIn):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.EDIT)
    parts = {}
    for part, rows in payload.dict(exclude_none=True).items():
        try:
            parts[part] = _resolve_rows(rows)
        except UnknownReference as exc:
            raise ValidationError({part: [f"{exc.args[0]}: không tìm thấy."]}) from exc
    services.plan_set_parts(user=request.user, plan=plan, parts=_typed(parts))
    return _document(plan)


def _typed(parts: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """JSON gives dates as text and numbers as floats: convert by the model's fields."""
    typed = {}
    for part, rows in parts.items():
        model = services.PARTS[part][0]
        out = []
        for index, row in enumerate(rows, start=1):
            clean = {}
            for name, value in row.items():
                if name == "id" or value is None or not isinstance(value, (str, int, float)):
                    clean[name] = value
                    continue
                try:
                    field = model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                try:
                    clean[name] = field.to_python(value)
                except ValidationError as exc:
                    raise ValidationError(
                        {
                            part: [
                                f"{services.PARTS[part][2]}, dòng {index}: {field.verbose_name}: {m}"
                                for m in exc.messages
                            ]
                        }
                    ) from exc
            out.append(clean)
        typed[part] = out
    return typed


@router.post("/{plan_id}/issue", auth=WRITE_AUTH)
def issue_plan(request, plan_id: int):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.APPROVE)
    return _document(services.plan_issue(user=request.user, plan=plan))


@router.post("/{plan_id}/start", auth=WRITE_AUTH)
def start_plan(request, plan_id: int):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.EDIT)
    return _document(services.plan_start(user=request.user, plan=plan))


@router.post("/{plan_id}/close", auth=WRITE_AUTH)
def close_plan(request, plan_id: int, payload: ReasonIn):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.APPROVE)
    return _document(services.plan_close(user=request.user, plan=plan, reason=payload.reason))


@router.post("/{plan_id}/cancel", auth=WRITE_AUTH)
def cancel_plan(request, plan_id: int, payload: ReasonIn):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.APPROVE)
    return _document(services.plan_cancel(user=request.user, plan=plan, reason=payload.reason))


@router.delete("/{plan_id}", auth=WRITE_AUTH, response={204: None})
def delete_plan(request, plan_id: int):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.EDIT)
    services.plan_delete(user=request.user, plan=plan)
    return 204, None


@router.post("/{plan_id}/derive", auth=WRITE_AUTH)
def derive_plan(request, plan_id: int, payload: DeriveIn):
    parent = get_plan_for_user(request.user, plan_id)
    unit = get_object_or_404(AdminUnit, pk=payload.unit)
    return _document(services.plan_derive(user=request.user, parent=parent, unit=unit))


@router.get("/{plan_id}/adoption", auth=READ_AUTH)
def adoption(request, plan_id: int):
    plan = get_plan_for_user(request.user, plan_id)
    result = plan_adoption(plan, visible=visibility(request.user))
    return {
        "adopted": result.adopted_count,
        "total": result.total,
        "units": [
            {
                "unit": {"id": r.unit.pk, "name": r.unit.name},
                "adopted": r.adopted,
                "late": r.late,
                "overdue_duties": r.overdue_duties,
                "plans": [plan_summary(p) for p in r.plans],
            }
            for r in result.rows
        ],
    }


@router.get("/{plan_id}/differences", auth=READ_AUTH)
def differences(request, plan_id: int):
    plan = get_plan_for_user(request.user, plan_id)
    return [{"kind": d.kind, "message": d.message} for d in plan_differences(plan)]


@router.put("/targets/{target_id}/allocations", auth=WRITE_AUTH)
def allocate(request, target_id: int, payload: list[AllocationIn]):
    target = get_target_for_user(request.user, target_id, action=permissions.EDIT)
    units = {u.pk: u for u in AdminUnit.objects.filter(pk__in=[a.unit for a in payload])}
    values = {units[a.unit]: a.value for a in payload if a.unit in units}
    saved = services.target_allocate(user=request.user, target=target, values=values)
    return [{"unit": a.unit_id, "value": float(a.value)} for a in saved]
