from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile

from phongtrao import docparse
from phongtrao.accounts import permissions
from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import ACCEPTED, CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import DOCUMENT_BYTES, ID_MAX, Day, Id, Page, SearchText, Year, column
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.indicators import periods, rollups
from phongtrao.indicators.access import get_indicator
from phongtrao.indicators.api import IndicatorCode
from phongtrao.indicators.models import Aggregation, Indicator, PeriodKind
from phongtrao.jobs.api import JobOut
from phongtrao.orgs.models import Organization
from phongtrao.plans import importing, services, target_progress, tasks
from phongtrao.plans.access import get_duty_for_user, get_plan_for_user, get_target_for_user
from phongtrao.plans.filters import PlanFilter
from phongtrao.plans.models import Duty, DutyProgress, Plan, PlanKind, PlanStatus, Target, visibility
from phongtrao.plans.schemas import (
    AdoptionOut,
    AllocationIn,
    AllocationOut,
    DeriveIn,
    DifferenceOut,
    ParsedDocumentOut,
    PartsIn,
    PlanCreateIn,
    PlanDocumentOut,
    PlanHeaderIn,
    PlanPageOut,
    ReasonIn,
)
from phongtrao.plans.selectors import plan_adoption, plan_differences, plan_for_document, same_document

router = Router(tags=["plans"])
parse_router = Router(tags=["parse"])

# A plan's document names the sender of each report "from": serialised by alias.
DOCUMENT = {"by_alias": True}


@parse_router.post("", auth=WRITE_AUTH, response={**answers(ParsedDocumentOut, FORBIDDEN), ACCEPTED: JobOut})
def parse_document(request, file: UploadedFile = File(...)):  # noqa: B008 (ninja's way to declare an upload)
    """Read a plan document (.txt, .docx, .pdf) into the parse contract's JSON, as
    `python -m phongtrao.docparse` prints it (numbers as the contract has them). Nothing
    is saved. A scanned PDF is read by OCR in a job: 202 with the job, whose `result_url`
    (`/api/jobs/{id}/result`) gives the same JSON once it is done."""
    if file.size > DOCUMENT_BYTES:
        raise ValidationError({"file": [_("Tệp quá lớn (tối đa 10 MB).")]})
    data, name = file.read(), file.name or "document"
    if docparse.needs_ocr(data, name):
        return Status(ACCEPTED, tasks.scan_read_start(user=request.user, data=data, filename=name, unit=None))
    try:
        parsed = docparse.parse_bytes(data, name)
    except docparse.ReadError as exc:
        raise ValidationError({"file": [str(exc)]}) from exc
    known = same_document(request.user, importing.header_from(parsed))
    return {
        **parsed,
        "known_plans": [
            {"id": p.pk, "number": p.full_number, "title": p.title, "unit": str(p.unit), "status": p.status}
            for p in known
        ],
    }


def _header(payload: PlanHeaderIn) -> dict[str, Any]:
    data = payload.dict(exclude_unset=True)
    if "issuer" in data:
        data["issuer_name"] = data.pop("issuer") or ""
    if "number" in data:
        data["full_number"] = data.pop("number") or ""
    return {
        k: ("" if v is None and k not in ("issue_date", "period_start", "period_end") else v) for k, v in data.items()
    }


def _document(plan: Plan) -> Plan:
    return plan_for_document(plan.pk)


@router.get("", **PUBLIC, response=answers(PlanPageOut))
def list_plans(
    request,
    unit: Id | None = None,
    year: Year | None = None,
    kind: PlanKind | None = None,
    status: PlanStatus | None = None,
    q: SearchText = "",
    concerning: bool = False,
    page: Page = 1,
) -> dict:
    """Issued plans are public; drafts are listed for users with a role over their unit."""
    plan_filter = PlanFilter(
        request.user,
        {"unit": unit, "year": year, "kind": kind or "", "status": status or "", "q": q, "concerning": concerning},
    )
    size = settings.PAGE_SIZE
    rows = list(plan_filter.queryset()[(page - 1) * size : page * size + 1])
    return {"page": page, "has_next": len(rows) > size, "results": rows[:size]}


@router.get("/{plan_id}", **PUBLIC, response=answers(PlanDocumentOut, NOT_FOUND), **DOCUMENT)
def get_plan(request, plan_id: Id) -> Plan:
    return get_plan_for_user(request.user, plan_id, full=True)


@router.post("", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT)
def create_plan(request, payload: PlanCreateIn) -> Plan:
    unit = get_unit(payload.unit)
    data = _header(payload)
    data.pop("unit", None)
    plan = services.plan_create(
        user=request.user, unit=unit, title=data.pop("title"), issuer_name=data.pop("issuer_name"), **data
    )
    return _document(plan)


@router.patch(
    "/{plan_id}", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT
)
def update_plan(request, plan_id: Id, payload: PlanHeaderIn) -> Plan:
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


def _resolve_rows(part: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ids of units, organisations and parent rows in a parts payload become objects."""
    resolved = []
    for index, row in enumerate(rows, start=1):
        row = dict(row)
        for name, model in _FOREIGN_KEYS.items():
            if row.get(name) is not None:
                found = model.objects.filter(pk=row[name]).first() if 0 < row[name] <= ID_MAX else None
                if found is None:
                    label = services.PARTS[part][2]
                    raise ValidationError({part: [f"{label}, dòng {index}: {name} {row[name]}: không tìm thấy."]})
                row[name] = found
        resolved.append(row)
    return resolved


def _fields_of(part: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row's fields the model has (an "id" to update a row that exists)."""
    model = services.PARTS[part][0]
    out = {}
    for name, value in row.items():
        try:
            if name != "id":
                model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        out[name] = value
    return out


@router.put(
    "/{plan_id}/parts", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT
)
def set_parts(request, plan_id: Id, payload: PartsIn) -> Plan:
    plan = get_plan_for_user(request.user, plan_id, action=permissions.EDIT)
    parts = {
        part: _resolve_rows(part, [_fields_of(part, row) for row in rows])
        for part, rows in payload.dict(exclude_none=True, exclude_unset=True).items()
    }
    services.plan_set_parts(user=request.user, plan=plan, parts=parts)
    return _document(plan)


@router.post(
    "/{plan_id}/issue", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT
)
def issue_plan(request, plan_id: Id) -> Plan:
    plan = get_plan_for_user(request.user, plan_id, action=permissions.APPROVE)
    return _document(services.plan_issue(user=request.user, plan=plan))


@router.post(
    "/{plan_id}/start", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT
)
def start_plan(request, plan_id: Id) -> Plan:
    plan = get_plan_for_user(request.user, plan_id, action=permissions.EDIT)
    return _document(services.plan_start(user=request.user, plan=plan))


@router.post(
    "/{plan_id}/close", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT
)
def close_plan(request, plan_id: Id, payload: ReasonIn) -> Plan:
    plan = get_plan_for_user(request.user, plan_id, action=permissions.APPROVE)
    return _document(services.plan_close(user=request.user, plan=plan, reason=payload.reason))


@router.post(
    "/{plan_id}/cancel", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT
)
def cancel_plan(request, plan_id: Id, payload: ReasonIn) -> Plan:
    plan = get_plan_for_user(request.user, plan_id, action=permissions.APPROVE)
    return _document(services.plan_cancel(user=request.user, plan=plan, reason=payload.reason))


@router.delete("/{plan_id}", auth=WRITE_AUTH, response=answers(None, FORBIDDEN, NOT_FOUND, CONFLICT, status=204))
def delete_plan(request, plan_id: Id):
    plan = get_plan_for_user(request.user, plan_id, action=permissions.EDIT)
    services.plan_delete(user=request.user, plan=plan)
    return 204, None


@router.post(
    "/{plan_id}/derive", auth=WRITE_AUTH, response=answers(PlanDocumentOut, FORBIDDEN, NOT_FOUND, CONFLICT), **DOCUMENT
)
def derive_plan(request, plan_id: Id, payload: DeriveIn) -> Plan:
    parent = get_plan_for_user(request.user, plan_id)
    unit = get_unit(payload.unit)
    return _document(services.plan_derive(user=request.user, parent=parent, unit=unit))


@router.get("/{plan_id}/adoption", **PUBLIC, response=answers(AdoptionOut, NOT_FOUND))
def adoption(request, plan_id: Id) -> dict:
    plan = get_plan_for_user(request.user, plan_id)
    result = plan_adoption(plan, visible=visibility(request.user))
    return {
        "adopted": result.adopted_count,
        "total": result.total,
        "units": [
            {
                "unit": r.unit,
                "adopted": r.adopted,
                "late": r.late,
                "overdue_duties": r.overdue_duties,
                "plans": r.plans,
            }
            for r in result.rows
        ],
    }


@router.get("/{plan_id}/differences", **PUBLIC, response=answers(list[DifferenceOut], NOT_FOUND))
def differences(request, plan_id: Id) -> list:
    plan = get_plan_for_user(request.user, plan_id)
    return plan_differences(plan)


@router.put(
    "/targets/{target_id}/allocations",
    auth=WRITE_AUTH,
    response=answers(list[AllocationOut], FORBIDDEN, NOT_FOUND, CONFLICT),
)
def allocate(request, target_id: Id, payload: list[AllocationIn]) -> list:
    target = get_target_for_user(request.user, target_id, action=permissions.EDIT)
    units = {u.pk: u for u in AdminUnit.objects.filter(pk__in=[a.unit for a in payload])}
    values = {units[a.unit]: a.value for a in payload if a.unit in units}
    return services.target_allocate(user=request.user, target=target, values=values)


duties_router = Router(tags=["duties"])


class ProgressIn(Schema):
    date: Day
    percent: Annotated[int, Field(ge=0, le=100)]
    note: column(DutyProgress, "note") = ""


class AssignedDutyOut(Schema):
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


@duties_router.get("", **PUBLIC, response=answers(list[AssignedDutyOut], NOT_FOUND))
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


@duties_router.post("/{duty_id}/progress", auth=WRITE_AUTH, response=answers(AssignedDutyOut, FORBIDDEN, NOT_FOUND))
def add_progress(request, duty_id: Id, payload: ProgressIn) -> dict:
    duty = get_duty_for_user(request.user, duty_id)
    progress = services.duty_progress_add(user=request.user, duty=duty, **payload.dict())
    duty.refresh_from_db()
    return _duty(duty, progress, timezone.localdate())


# Mounted at /rollup: an indicator, or the one a plan's target is measured by, and a plan's
# measured targets, read from the indicators' roll-ups.
rollup_router = Router(tags=["rollup"])


class RollupOut(Schema):
    indicator: str
    unit: int | None
    period: str
    period_start: dt.date
    label: str
    aggregation: str
    value: DecimalText | None
    reporting_units: int
    achieving: int


@rollup_router.get("", **PUBLIC, response=answers(RollupOut, NOT_FOUND))
def rollup(
    request,
    period: PeriodKind,
    date: Day,
    unit: Id | None = None,
    indicator: IndicatorCode = "",
    target: Id | None = None,
) -> dict:
    """An indicator (or the one a plan's target is measured by) over any unit's subtree,
    merged units included, or over the whole country when no unit is given, for one
    period: read from the maintained roll-ups. Aggregates are public, like the plans they serve."""
    if target is not None:
        measured = get_target_for_user(request.user, target)
        if measured.indicator_id is None:
            raise ValidationError({"target": _("Chỉ tiêu này chưa gắn với chỉ số nào.")})
        chosen = measured.indicator
    else:
        chosen = get_indicator(indicator)
    start = periods.period_start(period, date)
    cell = rollups.cells([chosen.pk], None if unit is None else get_unit(unit), period, start).get(chosen.pk)
    return {
        "indicator": chosen.code,
        "unit": unit,
        "period": period,
        "period_start": start,
        "label": periods.label(period, start),
        "aggregation": chosen.aggregation,
        "value": rollups.rollup_value(chosen, cell),
        "reporting_units": cell.count if cell else 0,
        "achieving": cell.achieving if cell else 0,
    }


class TargetProgressOut(Schema):
    id: int
    text: str
    indicator: str
    target: DecimalText
    unit_of_measure: str
    actual: DecimalText | None
    percent: int | None
    reporting_units: int


class PlanRollupOut(Schema):
    plan: int
    unit: int | None
    period: str
    period_start: dt.date
    label: str
    targets: list[TargetProgressOut]


@rollup_router.get("/plans/{plan_id}", **PUBLIC, response=answers(PlanRollupOut, NOT_FOUND))
def plan_rollup(request, plan_id: Id, period: PeriodKind, date: Day, unit: Id | None = None) -> dict:
    """How far each of a plan's measured targets has come over `unit` (the plan's
    implementing units below it), or over the whole country when no unit is given."""
    plan = get_plan_for_user(request.user, plan_id)
    start = periods.period_start(period, date)
    return {
        "plan": plan.pk,
        "unit": unit,
        "period": period,
        "period_start": start,
        "label": periods.label(period, start),
        "targets": [
            {
                "id": row.target.pk,
                "text": row.target.text,
                "indicator": row.target.indicator.code,
                "target": row.target.value,
                "unit_of_measure": row.target.unit_of_measure,
                "actual": row.actual,
                "percent": row.percent,
                "reporting_units": row.reporting_units,
            }
            for row in target_progress.plan_progress(plan, None if unit is None else get_unit(unit), period, start)
        ],
    }


class TargetRef(Schema):
    id: int
    text: str
    indicator: str


class CellOut(Schema):
    actual: DecimalText | None
    goal: DecimalText | None
    percent: int | None


class UnitProgressOut(Schema):
    unit: UnitRef
    targets: list[CellOut]


class PlanByUnitOut(Schema):
    plan: int
    period: str
    period_start: dt.date
    targets: list[TargetRef]
    units: list[UnitProgressOut]


@rollup_router.get("/plans/{plan_id}/units", **PUBLIC, response=answers(PlanByUnitOut, NOT_FOUND))
def plan_rollup_by_unit(request, plan_id: Id, period: PeriodKind, date: Day) -> dict:
    """The plan's measured targets for each unit carrying it out (those right under the
    plan's unit during the plan), against the share handed to it (or, for rates and
    averages, the plan's own value)."""
    plan = get_plan_for_user(request.user, plan_id)
    start = periods.period_start(period, date)
    targets, rows = target_progress.plan_progress_by_unit(plan, period, start)
    return {
        "plan": plan.pk,
        "period": period,
        "period_start": start,
        "targets": [{"id": t.pk, "text": t.text, "indicator": t.indicator.code} for t in targets],
        "units": [{"unit": row.unit, "targets": row.targets} for row in rows],
    }


class TargetTrendMonthOut(Schema):
    month: dt.date  # its first day
    expected: DecimalText | None  # by the month's end, from the plan's period or phases; null: no period
    actual: DecimalText | None  # reached by the month's end (a running total of the year for a sum); null: none
    reporting_units: int


class TargetTrendOut(Schema):
    id: int
    text: str
    unit_of_measure: str
    goal: DecimalText | None
    plan: int
    unit: UnitRef
    until: dt.date
    cumulative: bool
    months: list[TargetTrendMonthOut]


@rollup_router.get("/targets/{target_id}/trend", **PUBLIC, response=answers(TargetTrendOut, NOT_FOUND))
def target_trend(request, target_id: Id, until: Day | None = None) -> dict:
    """A measured target month by month over its plan's unit (the twelve months up to the
    one holding `until`, by default its deadline or today): expected against reached, as on
    the target's trend page. 404 for a target measured by no indicator."""
    target = get_target_for_user(request.user, target_id)
    if target.indicator is None:
        raise Http404
    end = until or target_progress.trend_end(target, timezone.localdate())
    return {
        "id": target.pk,
        "text": target.text,
        "unit_of_measure": target.unit_of_measure,
        "goal": target.value,
        "plan": target.plan_id,
        "unit": target.plan.unit,
        "until": end,
        "cumulative": target.indicator.aggregation == Aggregation.SUM,
        "months": [
            {"month": m.month, "expected": m.expected, "actual": m.actual, "reporting_units": m.count}
            for m in target_progress.target_trend(target, end)
        ],
    }
