from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import READ_AUTH, WRITE_AUTH
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring import criteria, periods, reports, rollups, services
from phongtrao.monitoring.access import get_report_for_user, report_visible
from phongtrao.monitoring.models import CriteriaSet, Indicator, IndicatorValue, PeriodKind, Report
from phongtrao.plans.access import get_plan_for_user, get_target_for_user

indicators_router = Router(tags=["indicators"])
values_router = Router(tags=["values"])
rollup_router = Router(tags=["rollup"])


def _d(value: Decimal | None) -> str | None:
    return None if value is None else format(Decimal(value).quantize(Decimal("0.0001")), "f")


@indicators_router.get("", auth=READ_AUTH)
def list_indicators(request):
    return [
        {
            "code": i.code,
            "name": i.name,
            "unit": i.unit_of_measure,
            "value_type": i.value_type,
            "aggregation": i.aggregation,
            "achieving_threshold": _d(i.achieving_threshold),
        }
        for i in Indicator.objects.all()
    ]


class ValueIn(Schema):
    indicator: str
    unit: int
    period: PeriodKind
    date: dt.date
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    weight: Decimal = Decimal(1)
    note: str = ""
    confirm: bool = False


def _value(v: IndicatorValue) -> dict:
    return {
        "id": v.pk,
        "indicator": v.indicator.code,
        "unit": v.unit_id,
        "period": v.period_kind,
        "period_start": v.period_start.isoformat(),
        "value": _d(v.value),
        "numerator": _d(v.numerator),
        "denominator": _d(v.denominator),
        "weight": _d(v.weight),
    }


@values_router.post("", auth=WRITE_AUTH)
def record_value(request, payload: ValueIn):
    indicator = get_object_or_404(Indicator, code=payload.indicator)
    unit = get_object_or_404(AdminUnit, pk=payload.unit)
    record = services.value_record(
        user=request.user,
        indicator=indicator,
        unit=unit,
        period_kind=payload.period,
        day=payload.date,
        value=payload.value,
        numerator=payload.numerator,
        denominator=payload.denominator,
        weight=payload.weight,
        note=payload.note,
        confirm=payload.confirm,
    )
    return _value(record)


@values_router.get("", auth=READ_AUTH)
def list_values(request, indicator: str, unit: int, period: PeriodKind | None = None):
    """The values entered in a unit's subtree, for those with a role there."""
    place = get_object_or_404(AdminUnit, pk=unit)
    permissions.require(request.user, permissions.VIEW, place, visible=False)
    values = IndicatorValue.objects.filter(indicator__code=indicator, unit__path__startswith=place.path)
    if period:
        values = values.filter(period_kind=period)
    return [_value(v) for v in values.select_related("indicator").order_by("period_start", "unit_id")[:1000]]


def _scope(unit: int | None) -> AdminUnit | None:
    return None if unit is None else get_object_or_404(AdminUnit, pk=unit)


@rollup_router.get("", auth=READ_AUTH)
def rollup(
    request,
    period: PeriodKind,
    date: dt.date,
    unit: int | None = None,
    indicator: str = "",
    target: int | None = None,
):
    """An indicator (or the one a plan's target is measured by) over any unit's subtree,
    merged units included, or over the whole country when no unit is given, for one
    period: read from the maintained roll-ups. Aggregates are public, like the plans they serve."""
    if target is not None:
        measured = get_target_for_user(request.user, target)
        if measured.indicator_id is None:
            raise ValidationError({"target": _("Chỉ tiêu này chưa gắn với chỉ số nào.")})
        chosen = measured.indicator
    else:
        chosen = get_object_or_404(Indicator, code=indicator)
    start = periods.period_start(period, date)
    cell = rollups.cells([chosen.pk], _scope(unit), period, start).get(chosen.pk)
    return {
        "indicator": chosen.code,
        "unit": unit,
        "period": period,
        "period_start": start.isoformat(),
        "label": periods.label(period, start),
        "aggregation": chosen.aggregation,
        "value": _d(rollups.rollup_value(chosen, cell)),
        "reporting_units": cell.count if cell else 0,
        "achieving": cell.achieving if cell else 0,
    }


@rollup_router.get("/plans/{plan_id}", auth=READ_AUTH)
def plan_rollup(request, plan_id: int, period: PeriodKind, date: dt.date, unit: int | None = None):
    """How far each of a plan's measured targets has come over `unit` (the plan's
    implementing units below it), or over the whole country when no unit is given."""
    plan = get_plan_for_user(request.user, plan_id)
    start = periods.period_start(period, date)
    return {
        "plan": plan.pk,
        "unit": unit,
        "period": period,
        "period_start": start.isoformat(),
        "label": periods.label(period, start),
        "targets": [
            {
                "id": row.target.pk,
                "text": row.target.text,
                "indicator": row.target.indicator.code,
                "target": _d(row.target.value),
                "unit_of_measure": row.target.unit_of_measure,
                "actual": _d(row.actual),
                "percent": row.percent,
                "reporting_units": row.reporting_units,
            }
            for row in rollups.plan_progress(plan, _scope(unit), period, start)
        ],
    }


@rollup_router.get("/plans/{plan_id}/units", auth=READ_AUTH)
def plan_rollup_by_unit(request, plan_id: int, period: PeriodKind, date: dt.date):
    """The plan's measured targets for each unit right under the plan's unit, against the
    share handed to it (or, for rates and averages, the plan's own value)."""
    plan = get_plan_for_user(request.user, plan_id)
    start = periods.period_start(period, date)
    targets, rows = rollups.plan_progress_by_unit(plan, period, start)
    return {
        "plan": plan.pk,
        "period": period,
        "period_start": start.isoformat(),
        "targets": [{"id": t.pk, "text": t.text, "indicator": t.indicator.code} for t in targets],
        "units": [
            {
                "unit": {"id": row.unit.pk, "name": row.unit.name},
                "targets": [
                    {"actual": _d(cell.actual), "goal": _d(cell.goal), "percent": cell.percent} for cell in row.targets
                ],
            }
            for row in rows
        ],
    }


criteria_router = Router(tags=["criteria"])


@criteria_router.get("", auth=READ_AUTH)
def list_criteria(request):
    return [
        {
            "code": s.code,
            "name": s.name,
            "level": s.level,
            "source": s.source,
            "criteria": [
                {
                    "id": c.pk,
                    "number": c.number,
                    "name": c.name,
                    "indicators": [{"code": i.code, "name": i.name} for i in c.indicators.all()],
                }
                for c in s.criteria.all()
            ],
        }
        for s in CriteriaSet.objects.prefetch_related("criteria__indicators")
    ]


@criteria_router.get("/board", auth=READ_AUTH)
def criteria_board(request, set: str, unit: int):
    chosen = get_object_or_404(CriteriaSet, code=set)
    area = get_object_or_404(AdminUnit, pk=unit)
    columns, rows = criteria.board(chosen, area)
    return {
        "criteria": [c.number for c in columns],
        "units": [
            {
                "unit": {"id": r.unit.pk, "name": r.unit.name},
                "achieved": r.achieved,
                "states": [cell.state if cell else None for cell in r.cells],
            }
            for r in rows
        ],
    }


reports_router = Router(tags=["reports"])


def _report(r: Report, today: dt.date, full: bool = False) -> dict:
    out = {
        "id": r.pk,
        "plan": r.plan_id,
        "unit": r.unit_id,
        "unit_name": str(r.unit),
        "kind": r.kind,
        "title": r.title,
        "period_start": r.period_start.isoformat(),
        "period_end": r.period_end.isoformat(),
        "due_date": r.due_date.isoformat(),
        "status": r.status,
        "version": r.version,
        "submitted_at": r.submitted_at.isoformat() if r.submitted_at else None,
        "on_time": r.on_time,
        "missing": r.due_date < today and r.submitted_at is None,
        "reason": r.reason,
    }
    if full:
        out["sections"] = [
            {"id": s.pk, "heading": s.heading, "text": s.text, "comments": [c.text for c in s.comments.all()]}
            for s in r.sections.prefetch_related("comments")
        ]
        out["figures"] = [{"label": f.label, "value": _d(f.value), "source": f.source} for f in r.figures.all()]
    return out


@reports_router.get("", auth=READ_AUTH)
def list_reports(request, plan: int):
    """The plan's reports the caller writes or receives, with completeness and timeliness."""
    overview = reports.overview(get_plan_for_user(request.user, plan))
    return [_report(r, overview.today) for r in overview.reports if report_visible(request.user, r)]


@reports_router.get("/{pk}", auth=READ_AUTH)
def get_report(request, pk: int):
    return _report(get_report_for_user(request.user, pk), timezone.localdate(), full=True)


class SectionIn(Schema):
    heading: str
    text: str = ""


class ReportWriteIn(Schema):
    sections: list[SectionIn]


@reports_router.post("/{pk}/write", auth=WRITE_AUTH)
def write_report(request, pk: int, payload: ReportWriteIn):
    report = reports.report_write(
        user=request.user,
        report=get_report_for_user(request.user, pk),
        sections=[s.dict() for s in payload.sections],
    )
    return _report(report, timezone.localdate(), full=True)


@reports_router.post("/{pk}/submit", auth=WRITE_AUTH)
def submit_report(request, pk: int):
    report = reports.report_submit(user=request.user, report=get_report_for_user(request.user, pk))
    return _report(report, timezone.localdate())


class RemarkIn(Schema):
    section: int
    text: str


class DecisionIn(Schema):
    action: Literal["accept", "return"]
    version: int
    reason: str = ""
    remarks: list[RemarkIn] = []


@reports_router.post("/{pk}/decision", auth=WRITE_AUTH)
def decide_report(request, pk: int, payload: DecisionIn):
    """Accept, or return with a reason and remarks on single sections."""
    report = get_report_for_user(request.user, pk)
    if payload.action == "accept":
        report = reports.report_accept(user=request.user, report=report, version=payload.version)
    else:
        sections = {s.pk: s for s in report.sections.all()}
        if any(remark.section not in sections for remark in payload.remarks):
            raise ValidationError({"remarks": _("Nhận xét phải gắn với một mục của chính báo cáo này.")})
        report = reports.report_return(
            user=request.user,
            report=report,
            version=payload.version,
            reason=payload.reason,
            comments=[{"section": sections[remark.section], "text": remark.text} for remark in payload.remarks],
        )
    return _report(report, timezone.localdate(), full=True)
