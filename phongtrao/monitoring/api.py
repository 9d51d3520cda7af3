from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, column
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring import criteria, periods, reports, rollups, services
from phongtrao.monitoring.access import get_report_for_user, report_visible
from phongtrao.monitoring.models import (
    CriteriaSet,
    Indicator,
    IndicatorValue,
    PeriodKind,
    Report,
    ReportComment,
    ReportSection,
)
from phongtrao.plans.access import get_plan_for_user, get_target_for_user
from phongtrao.ui.forms import VERSION_MAX

indicators_router = Router(tags=["indicators"])
values_router = Router(tags=["values"])
rollup_router = Router(tags=["rollup"])

IndicatorCode = column(Indicator, "code")


def _indicator(code: str) -> Indicator:
    found = Indicator.objects.filter(code=code).first()
    if found is None:
        raise Http404
    return found


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str = Field(validation_alias="unit_of_measure")
    value_type: str
    aggregation: str
    achieving_threshold: DecimalText | None


@indicators_router.get("", **PUBLIC, response=answers(list[IndicatorOut]))
def list_indicators(request) -> list[Indicator]:
    return list(Indicator.objects.all())


class ValueIn(Schema):
    indicator: IndicatorCode
    unit: Id
    period: PeriodKind
    date: Day
    value: column(IndicatorValue, "value") | None = None
    numerator: column(IndicatorValue, "numerator") | None = None
    denominator: column(IndicatorValue, "denominator") | None = None
    weight: column(IndicatorValue, "weight") = 1
    note: column(IndicatorValue, "note") = ""
    confirm: bool = False


class ValueOut(Schema):
    id: int
    indicator: str
    unit: int = Field(validation_alias="unit_id")
    period: str = Field(validation_alias="period_kind")
    period_start: dt.date
    value: DecimalText | None
    numerator: DecimalText | None
    denominator: DecimalText | None
    weight: DecimalText

    @staticmethod
    def resolve_indicator(obj: IndicatorValue) -> str:
        return obj.indicator.code


@values_router.post("", auth=WRITE_AUTH, response=answers(ValueOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def record_value(request, payload: ValueIn) -> IndicatorValue:
    return services.value_record(
        user=request.user,
        indicator=_indicator(payload.indicator),
        unit=get_unit(payload.unit),
        period_kind=payload.period,
        day=payload.date,
        value=payload.value,
        numerator=payload.numerator,
        denominator=payload.denominator,
        weight=payload.weight,
        note=payload.note,
        confirm=payload.confirm,
    )


@values_router.get("", **PUBLIC, response=answers(list[ValueOut], NOT_FOUND))
def list_values(request, indicator: IndicatorCode, unit: Id, period: PeriodKind | None = None) -> list[IndicatorValue]:
    """The values entered in a unit's subtree: figures are public, like their roll-ups
    (permissions: what is public); who entered them and their notes are not shown."""
    place = get_unit(unit)
    values = IndicatorValue.objects.filter(indicator__code=indicator, unit__path__startswith=place.path)
    if period:
        values = values.filter(period_kind=period)
    return list(values.select_related("indicator").order_by("period_start", "unit_id")[:1000])


def _scope(unit: int | None) -> AdminUnit | None:
    return None if unit is None else get_unit(unit)


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
        chosen = _indicator(indicator)
    start = periods.period_start(period, date)
    cell = rollups.cells([chosen.pk], _scope(unit), period, start).get(chosen.pk)
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
            for row in rollups.plan_progress(plan, _scope(unit), period, start)
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
    targets, rows = rollups.plan_progress_by_unit(plan, period, start)
    return {
        "plan": plan.pk,
        "period": period,
        "period_start": start,
        "targets": [{"id": t.pk, "text": t.text, "indicator": t.indicator.code} for t in targets],
        "units": [{"unit": row.unit, "targets": row.targets} for row in rows],
    }


criteria_router = Router(tags=["criteria"])


class CriterionIndicatorOut(Schema):
    code: str
    name: str


class CriterionOut(Schema):
    id: int
    number: int
    name: str
    indicators: list[CriterionIndicatorOut]

    @staticmethod
    def resolve_indicators(obj) -> list:
        return list(obj.indicators.all())


class CriteriaSetOut(Schema):
    code: str
    name: str
    level: str
    source: str
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_criteria(obj: CriteriaSet) -> list:
        return list(obj.criteria.all())


@criteria_router.get("", **PUBLIC, response=answers(list[CriteriaSetOut]))
def list_criteria(request) -> list[CriteriaSet]:
    return list(CriteriaSet.objects.prefetch_related("criteria__indicators"))


class BoardRowOut(Schema):
    unit: UnitRef
    achieved: int
    states: list[str | None]


class BoardOut(Schema):
    criteria: list[int]
    units: list[BoardRowOut]


@criteria_router.get("/board", **PUBLIC, response=answers(BoardOut, NOT_FOUND))
def criteria_board(request, set: column(CriteriaSet, "code"), unit: Id) -> dict:
    """Each unit of the set's level in an area × each criterion: achieved or not, as the
    commune records it. Public, as the recognition of a commune is."""
    chosen = CriteriaSet.objects.filter(code=set).first()
    if chosen is None:
        raise Http404
    columns, rows = criteria.board(chosen, get_unit(unit))
    return {
        "criteria": [c.number for c in columns],
        "units": [
            {"unit": r.unit, "achieved": r.achieved, "states": [cell.state if cell else None for cell in r.cells]}
            for r in rows
        ],
    }


reports_router = Router(tags=["reports"])


class SectionOut(Schema):
    id: int
    heading: str
    text: str
    comments: list[str]

    @staticmethod
    def resolve_comments(obj: ReportSection) -> list[str]:
        return [c.text for c in obj.comments.all()]


class FigureOut(Schema):
    label: str
    value: DecimalText | None
    source: str


class ReportOut(Schema):
    id: int
    plan: int = Field(validation_alias="plan_id")
    unit: int = Field(validation_alias="unit_id")
    unit_name: str
    kind: str
    title: str
    period_start: dt.date
    period_end: dt.date
    due_date: dt.date
    status: str
    version: int
    submitted_at: dt.datetime | None
    on_time: bool | None
    missing: bool
    reason: str

    @staticmethod
    def resolve_unit_name(obj: Report) -> str:
        return str(obj.unit)

    @staticmethod
    def resolve_missing(obj: Report) -> bool:
        return obj.due_date < timezone.localdate() and obj.submitted_at is None


class ReportDetailOut(ReportOut):
    sections: list[SectionOut]
    figures: list[FigureOut]

    @staticmethod
    def resolve_sections(obj: Report) -> list[ReportSection]:
        return list(obj.sections.prefetch_related("comments"))

    @staticmethod
    def resolve_figures(obj: Report) -> list:
        return list(obj.figures.all())


@reports_router.get("", **PUBLIC, response=answers(list[ReportOut], NOT_FOUND))
def list_reports(request, plan: Id) -> list[Report]:
    """The plan's reports the caller writes or receives, with completeness and timeliness."""
    overview = reports.overview(get_plan_for_user(request.user, plan))
    return [r for r in overview.reports if report_visible(request.user, r)]


@reports_router.get("/{pk}", **PUBLIC, response=answers(ReportDetailOut, NOT_FOUND))
def get_report(request, pk: Id) -> Report:
    return get_report_for_user(request.user, pk)


class SectionIn(Schema):
    heading: column(ReportSection, "heading")
    text: column(ReportSection, "text") = ""


class ReportWriteIn(Schema):
    sections: list[SectionIn] = Field(max_length=200)


@reports_router.post("/{pk}/write", auth=WRITE_AUTH, response=answers(ReportDetailOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def write_report(request, pk: Id, payload: ReportWriteIn) -> Report:
    return reports.report_write(
        user=request.user,
        report=get_report_for_user(request.user, pk),
        sections=[s.dict() for s in payload.sections],
    )


@reports_router.post("/{pk}/submit", auth=WRITE_AUTH, response=answers(ReportOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def submit_report(request, pk: Id) -> Report:
    return reports.report_submit(user=request.user, report=get_report_for_user(request.user, pk))


class RemarkIn(Schema):
    section: Id
    text: column(ReportComment, "text")


class DecisionIn(Schema):
    action: Literal["accept", "return"]
    version: int = Field(ge=1, le=VERSION_MAX)  # the version read: refused with 409 if it changed since
    reason: column(Report, "reason") = ""
    remarks: list[RemarkIn] = Field(default=[], max_length=200)


@reports_router.post(
    "/{pk}/decision", auth=WRITE_AUTH, response=answers(ReportDetailOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def decide_report(request, pk: Id, payload: DecisionIn) -> Report:
    """Accept, or return with a reason and remarks on single sections."""
    report = get_report_for_user(request.user, pk)
    if payload.action == "accept":
        return reports.report_accept(user=request.user, report=report, version=payload.version)
    sections = {s.pk: s for s in report.sections.all()}
    if any(remark.section not in sections for remark in payload.remarks):
        raise ValidationError({"remarks": _("Nhận xét phải gắn với một mục của chính báo cáo này.")})
    return reports.report_return(
        user=request.user,
        report=report,
        version=payload.version,
        reason=payload.reason,
        comments=[{"section": sections[remark.section], "text": remark.text} for remark in payload.remarks],
    )
